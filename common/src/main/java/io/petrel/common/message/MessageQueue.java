package io.petrel.common.message;

/**
 * One queue of a topic on one broker; ordered by topic, broker name, then queue id. Has both record accessors and
 * RocketMQ-style getters. Its hash code and text are RocketMQ's, so that hashed sets of queues iterate in the order
 * RocketMQ's do and tools print queues as RocketMQ's tools print them.
 */
public record MessageQueue(String topic, String brokerName, int queueId) implements Comparable<MessageQueue> {
    public String getTopic() {
        return topic;
    }

    public String getBrokerName() {
        return brokerName;
    }

    public int getQueueId() {
        return queueId;
    }

    @Override
    public int hashCode() {
        int h = 31 + (brokerName == null ? 0 : brokerName.hashCode());
        h = 31 * h + queueId;
        return 31 * h + (topic == null ? 0 : topic.hashCode());
    }

    @Override
    public String toString() {
        return "MessageQueue [topic=" + topic + ", brokerName=" + brokerName + ", queueId=" + queueId + "]";
    }

    @Override
    public int compareTo(MessageQueue o) {
        int c = topic.compareTo(o.topic);
        if (c != 0) {
            return c;
        }
        c = brokerName.compareTo(o.brokerName);
        return c != 0 ? c : Integer.compare(queueId, o.queueId);
    }
}
