package io.petrel.client.admin;

/**
 * One queue's outcome of {@link MQAdminExt#resetOffsetByTimestampOld}: the offsets before, the offset found for
 * the timestamp, and the offset the group now has ({@code rollbackOffset}; unchanged when the reset was not forced
 * and would have moved the group forward).
 */
public record RollbackStats(String brokerName, long queueId, long brokerOffset, long consumerOffset,
                            long timestampOffset, long rollbackOffset) {

    public String getBrokerName() {
        return brokerName;
    }

    public long getQueueId() {
        return queueId;
    }

    public long getBrokerOffset() {
        return brokerOffset;
    }

    public long getConsumerOffset() {
        return consumerOffset;
    }

    public long getTimestampOffset() {
        return timestampOffset;
    }

    public long getRollbackOffset() {
        return rollbackOffset;
    }
}
