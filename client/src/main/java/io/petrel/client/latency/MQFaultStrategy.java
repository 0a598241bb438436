package io.petrel.client.latency;

import io.petrel.client.impl.producer.TopicPublishInfo;
import io.petrel.common.message.MessageQueue;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Chooses the queue for each send. With {@code sendLatencyFaultEnable} off (the default) it is plain round-robin
 * that avoids the broker of a failed attempt. With it on, a broker whose last send took at least
 * {@code latencyMax[i]} ms is skipped for {@code notAvailableDuration[i]} ms, and when every broker is being skipped
 * one of the better half is used anyway. Thread-safe as long as the tables are not changed while sending.
 */
public class MQFaultStrategy {
    /** The latency charged to a broker that failed outright; with the default tables it is skipped for 10 minutes. */
    private static final long ISOLATION_LATENCY_MS = 30_000;

    private final LatencyFaultTolerance<String> latencyFaultTolerance;
    private volatile boolean sendLatencyFaultEnable = false;
    private long[] latencyMax = {50L, 100L, 550L, 1000L, 2000L, 3000L, 15000L};
    private long[] notAvailableDuration = {0L, 0L, 30000L, 60000L, 120000L, 180000L, 600000L};

    public MQFaultStrategy() {
        this(new LatencyFaultToleranceImpl<>());
    }

    public MQFaultStrategy(LongSupplier clockMs) {
        this(new LatencyFaultToleranceImpl<>(clockMs));
    }

    public MQFaultStrategy(LatencyFaultTolerance<String> latencyFaultTolerance) {
        this.latencyFaultTolerance = latencyFaultTolerance;
    }

    public LatencyFaultTolerance<String> getLatencyFaultTolerance() {
        return latencyFaultTolerance;
    }

    public long[] getLatencyMax() {
        return latencyMax;
    }

    public void setLatencyMax(long[] latencyMax) {
        this.latencyMax = latencyMax;
    }

    public long[] getNotAvailableDuration() {
        return notAvailableDuration;
    }

    public void setNotAvailableDuration(long[] notAvailableDuration) {
        this.notAvailableDuration = notAvailableDuration;
    }

    public boolean isSendLatencyFaultEnable() {
        return sendLatencyFaultEnable;
    }

    public void setSendLatencyFaultEnable(boolean sendLatencyFaultEnable) {
        this.sendLatencyFaultEnable = sendLatencyFaultEnable;
    }

    /** @return a queue of {@code tpInfo}, or null when it has none */
    public MessageQueue selectOneMessageQueue(TopicPublishInfo tpInfo, String lastBrokerName) {
        if (!sendLatencyFaultEnable) {
            return tpInfo.selectOneMessageQueue(lastBrokerName);
        }
        MessageQueue mq = nextOnAvailableBroker(tpInfo);
        if (mq == null) {
            mq = onLeastBadBroker(tpInfo);
        }
        return mq != null ? mq : tpInfo.selectOneMessageQueue();
    }

    /** Records a send's outcome; {@code isolation} means it failed and the broker is skipped as long as possible. */
    public void updateFaultItem(String brokerName, long currentLatency, boolean isolation) {
        if (sendLatencyFaultEnable) {
            long duration = computeNotAvailableDuration(isolation ? ISOLATION_LATENCY_MS : currentLatency);
            latencyFaultTolerance.updateFaultItem(brokerName, currentLatency, duration);
        }
    }

    private MessageQueue nextOnAvailableBroker(TopicPublishInfo tpInfo) {
        List<MessageQueue> queues = tpInfo.getMessageQueueList();
        int index = tpInfo.getSendWhichQueue().incrementAndGet();
        for (int i = 0; i < queues.size(); i++) {
            int pos = Math.max(Math.abs(index++) % queues.size(), 0);
            MessageQueue mq = queues.get(pos);
            if (latencyFaultTolerance.isAvailable(mq.getBrokerName())) {
                return mq;
            }
        }
        return null;
    }

    /**
     * A queue on the broker {@link LatencyFaultTolerance#pickOneAtLeast()} names. RocketMQ 4.9.7 rewrites a shared
     * queue object in place here; this returns a new one instead.
     */
    private MessageQueue onLeastBadBroker(TopicPublishInfo tpInfo) {
        String notBestBroker = latencyFaultTolerance.pickOneAtLeast();
        if (notBestBroker == null) {
            return null;
        }
        int writeQueueNums = tpInfo.getQueueIdByBroker(notBestBroker);
        if (writeQueueNums <= 0) {
            latencyFaultTolerance.remove(notBestBroker);
            return null;
        }
        MessageQueue any = tpInfo.selectOneMessageQueue();
        if (any == null) {
            return null;
        }
        int queueId = tpInfo.getSendWhichQueue().incrementAndGet() % writeQueueNums;
        return new MessageQueue(any.getTopic(), notBestBroker, queueId);
    }

    private long computeNotAvailableDuration(long currentLatency) {
        for (int i = latencyMax.length - 1; i >= 0; i--) {
            if (currentLatency >= latencyMax[i]) {
                return notAvailableDuration[i];
            }
        }
        return 0;
    }
}
