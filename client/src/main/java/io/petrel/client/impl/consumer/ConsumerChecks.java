package io.petrel.client.impl.consumer;

import io.petrel.client.Validators;
import io.petrel.client.consumer.AllocateMessageQueueStrategy;
import io.petrel.client.consumer.DefaultMQPushConsumer;
import io.petrel.client.consumer.listener.MessageListenerConcurrently;
import io.petrel.client.consumer.listener.MessageListenerOrderly;
import io.petrel.client.exception.MQClientException;
import io.petrel.common.heartbeat.MessageModel;
import java.time.format.DateTimeParseException;

/** A consumer's settings checked at start, with RocketMQ's messages. */
final class ConsumerChecks {
    private ConsumerChecks() {
    }

    static void checkConfig(DefaultMQPushConsumer c) throws MQClientException {
        Validators.checkGroup(c.getConsumerGroup());
        require(!DefaultMQPushConsumer.DEFAULT_CONSUMER_GROUP.equals(c.getConsumerGroup()),
            "consumerGroup can not equal " + DefaultMQPushConsumer.DEFAULT_CONSUMER_GROUP
                + ", please specify another one.");
        require(c.getMessageModel() != null, "messageModel is null");
        require(c.getConsumeFromWhere() != null, "consumeFromWhere is null");
        try {
            RebalanceImpl.parseTimestamp(c.getConsumeTimestamp());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new MQClientException("consumeTimestamp is invalid, the valid format is yyyyMMddHHmmss,but received "
                + c.getConsumeTimestamp(), null);
        }
        require(c.getAllocateMessageQueueStrategy() != null, "allocateMessageQueueStrategy is null");
        require(c.getSubscription() != null, "subscription is null");
        require(c.getMessageListener() != null, "messageListener is null");
        require(c.getMessageListener() instanceof MessageListenerOrderly
                || c.getMessageListener() instanceof MessageListenerConcurrently,
            "messageListener must be instanceof MessageListenerOrderly or MessageListenerConcurrently");
        checkRanges(c);
    }

    /** The settings a lite-pull or pull consumer is checked for at start. */
    static void checkPullConsumer(String group, MessageModel model, AllocateMessageQueueStrategy strategy,
                                  long timeoutWhenSuspend, long brokerSuspendMax) throws MQClientException {
        Validators.checkGroup(group);
        require(!DefaultMQPushConsumer.DEFAULT_CONSUMER_GROUP.equals(group), "consumerGroup can not equal "
            + DefaultMQPushConsumer.DEFAULT_CONSUMER_GROUP + ", please specify another one.");
        require(model != null, "messageModel is null");
        require(strategy != null, "allocateMessageQueueStrategy is null");
        require(timeoutWhenSuspend >= brokerSuspendMax, "Long polling mode, the consumer "
            + "consumerTimeoutMillisWhenSuspend must greater than brokerSuspendMaxTimeMillis");
    }

    private static void checkRanges(DefaultMQPushConsumer c) throws MQClientException {
        inRange(c.getConsumeThreadMin(), 1, 1000, "consumeThreadMin");
        inRange(c.getConsumeThreadMax(), 1, 1000, "consumeThreadMax");
        require(c.getConsumeThreadMin() <= c.getConsumeThreadMax(), "consumeThreadMin (" + c.getConsumeThreadMin()
            + ") is larger than consumeThreadMax (" + c.getConsumeThreadMax() + ")");
        inRange(c.getConsumeConcurrentlyMaxSpan(), 1, 65535, "consumeConcurrentlyMaxSpan");
        inRange(c.getPullThresholdForQueue(), 1, 65535, "pullThresholdForQueue");
        inRange(c.getPullThresholdSizeForQueue(), 1, 1024, "pullThresholdSizeForQueue");
        inRange(c.getPullInterval(), 0, 65535, "pullInterval");
        inRange(c.getConsumeMessageBatchMaxSize(), 1, 1024, "consumeMessageBatchMaxSize");
        inRange(c.getPullBatchSize(), 1, 1024, "pullBatchSize");
    }

    private static void inRange(long value, long min, long max, String name) throws MQClientException {
        require(value >= min && value <= max, name + " Out of range [" + min + ", " + max + "]");
    }

    private static void require(boolean ok, String message) throws MQClientException {
        if (!ok) {
            throw new MQClientException(message, null);
        }
    }
}
