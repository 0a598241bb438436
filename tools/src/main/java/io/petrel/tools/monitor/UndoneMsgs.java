package io.petrel.tools.monitor;

/**
 * What a consumer group has not yet consumed of one topic: in all, on its fullest queue, and how far (ms of store
 * time) its progress lags the newest message of the queue most behind.
 */
public record UndoneMsgs(String consumerGroup, String topic, long undoneMsgsTotal, long undoneMsgsSingleMQ,
                         long undoneMsgsDelayTimeMills) {
    /** As 4.9.7 logs it. */
    @Override
    public String toString() {
        return "UndoneMsgs [consumerGroup=" + consumerGroup + ", topic=" + topic + ", undoneMsgsTotal="
            + undoneMsgsTotal + ", undoneMsgsSingleMQ=" + undoneMsgsSingleMQ + ", undoneMsgsDelayTimeMills="
            + undoneMsgsDelayTimeMills + "]";
    }
}
