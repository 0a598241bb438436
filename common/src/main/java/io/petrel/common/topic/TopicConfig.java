package io.petrel.common.topic;

import java.util.Objects;

/**
 * A broker's configuration of one topic: queue counts, permission, filter type, system flag and the order flag.
 * Immutable; the {@code with...} methods return changed copies.
 *
 * @param topicName      the topic
 * @param readQueueNums  queues consumers read from
 * @param writeQueueNums queues producers write to
 * @param perm           {@link PermName} bits
 * @param filterType     tag filter type
 * @param topicSysFlag   unit/sub flags (bit 0x1 unit topic, 0x2 has unit subscription)
 * @param order          whether the topic is an ordered topic
 */
public record TopicConfig(String topicName, int readQueueNums, int writeQueueNums, int perm,
                          TopicFilterType filterType, int topicSysFlag, boolean order) {
    public static final int DEFAULT_READ_QUEUE_NUMS = 16;
    public static final int DEFAULT_WRITE_QUEUE_NUMS = 16;
    public static final int DEFAULT_PERM = PermName.PERM_READ | PermName.PERM_WRITE;

    public TopicConfig {
        Objects.requireNonNull(topicName, "topicName");
        Objects.requireNonNull(filterType, "filterType");
    }

    /** A topic with the default queue counts (16/16) and permission (read + write). */
    public static TopicConfig of(String topicName) {
        return of(topicName, DEFAULT_READ_QUEUE_NUMS, DEFAULT_WRITE_QUEUE_NUMS, DEFAULT_PERM);
    }

    public static TopicConfig of(String topicName, int readQueueNums, int writeQueueNums, int perm) {
        return new TopicConfig(topicName, readQueueNums, writeQueueNums, perm, TopicFilterType.SINGLE_TAG, 0, false);
    }

    public TopicConfig withPerm(int newPerm) {
        return new TopicConfig(topicName, readQueueNums, writeQueueNums, newPerm, filterType, topicSysFlag, order);
    }

    public TopicConfig withTopicSysFlag(int flag) {
        return new TopicConfig(topicName, readQueueNums, writeQueueNums, perm, filterType, flag, order);
    }

    public TopicConfig withOrder(boolean newOrder) {
        return new TopicConfig(topicName, readQueueNums, writeQueueNums, perm, filterType, topicSysFlag, newOrder);
    }

    /**
     * The form RocketMQ brokers log a topic config in ({@code TopicConfig [topicName=T, readQueueNums=8, ...,
     * perm=RW-, ...]}). Written out rather than generated: a record's generated {@code toString} builds method
     * handles on its first call, which the broker would pay for the first time it logs a topic it creates.
     */
    @Override
    public String toString() {
        return new StringBuilder(160).append("TopicConfig [topicName=").append(topicName)
            .append(", readQueueNums=").append(readQueueNums).append(", writeQueueNums=").append(writeQueueNums)
            .append(", perm=").append(PermName.toText(perm)).append(", topicFilterType=").append(filterType)
            .append(", topicSysFlag=").append(topicSysFlag).append(", order=").append(order).append(']').toString();
    }
}
