package io.petrel.client.consumer.rebalance;

import io.petrel.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.List;

/** A fixed list of queues, whatever the group looks like; no argument checks. Not thread-safe while being set. */
public class AllocateMessageQueueByConfig extends AbstractAllocateMessageQueueStrategy {
    private List<MessageQueue> messageQueueList = List.of();

    public AllocateMessageQueueByConfig() {
    }

    public AllocateMessageQueueByConfig(List<MessageQueue> messageQueueList) {
        setMessageQueueList(messageQueueList);
    }

    /** A copy of the configured queues (empty when none are configured; 4.9.7 returns null then). */
    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll,
                                       List<String> cidAll) {
        return new ArrayList<>(messageQueueList);
    }

    @Override
    public String getName() {
        return "CONFIG";
    }

    public List<MessageQueue> getMessageQueueList() {
        return messageQueueList;
    }

    public void setMessageQueueList(List<MessageQueue> messageQueueList) {
        this.messageQueueList = messageQueueList == null ? List.of() : List.copyOf(messageQueueList);
    }
}
