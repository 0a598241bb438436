package io.petrel.client.consumer.listener;

import io.petrel.common.message.MessageQueue;

/**
 * Per-batch context of a concurrent listener: the queue, the delay level for redelivery (0 lets the broker
 * choose by retry count, -1 sends straight to the dead-letter queue) and the index of the last consumed message
 * when only part of the batch succeeded.
 */
public class ConsumeConcurrentlyContext {
    private final MessageQueue messageQueue;
    private int delayLevelWhenNextConsume;
    private int ackIndex = Integer.MAX_VALUE;

    public ConsumeConcurrentlyContext(MessageQueue messageQueue) {
        this.messageQueue = messageQueue;
    }

    public MessageQueue getMessageQueue() {
        return messageQueue;
    }

    public int getDelayLevelWhenNextConsume() {
        return delayLevelWhenNextConsume;
    }

    public void setDelayLevelWhenNextConsume(int delayLevelWhenNextConsume) {
        this.delayLevelWhenNextConsume = delayLevelWhenNextConsume;
    }

    public int getAckIndex() {
        return ackIndex;
    }

    public void setAckIndex(int ackIndex) {
        this.ackIndex = ackIndex;
    }
}
