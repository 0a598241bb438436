package io.petrel.broker.schedule;

import io.petrel.broker.inner.InnerMessage;
import io.petrel.broker.stats.BrokerStats;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.StoredMessageCodec;
import io.petrel.common.topic.TopicValidator;
import io.petrel.store.DelayLevels;
import io.petrel.store.GetMessageResult;
import io.petrel.store.MessageStore;
import io.petrel.store.PutMessageResult;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers delayed messages: the store parks a message with a delay level L in queue L-1 of
 * {@code SCHEDULE_TOPIC_XXXX}; once its time has come this service stores a copy in the real topic and queue
 * ({@code REAL_TOPIC}/{@code REAL_QID}) and moves the level's offset in {@link DelayOffsetTable} past it.
 *
 * <p>{@link #doWork()} is one pass over every level: it delivers, in queue order, every message that is due and
 * stops at the first one that is not (or whose put failed; the next pass retries it). The broker runs it every
 * {@value #PASS_INTERVAL_MS} ms on a thread of its own, on masters only (less often while nothing is parked, see
 * {@link #nextPassDelayMillis()}). Not thread-safe: one caller at a time.
 */
public final class ScheduleMessageService {
    public static final long PASS_INTERVAL_MS = 100;
    static final long MAX_IDLE_PASS_MS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleMessageService.class);
    private static final String SCHEDULE_TOPIC = TopicValidator.RMQ_SYS_SCHEDULE_TOPIC;
    private static final int BATCH = 32;

    private final MessageStore store;
    private final DelayLevels levels;
    private final DelayOffsetTable offsets;
    private final Clock clock;
    private final BrokerStats stats;

    public ScheduleMessageService(MessageStore store, DelayLevels levels, DelayOffsetTable offsets, Clock clock,
                                  BrokerStats stats) {
        this.store = store;
        this.levels = levels;
        this.offsets = offsets;
        this.clock = clock;
        this.stats = stats;
    }

    /**
     * The pause before the next pass: {@value #PASS_INTERVAL_MS} ms while any level holds a parked message. While
     * none does, the shortest delay level (at most 1 s): a message parked after this pass is not due before then,
     * so none is delivered later than with {@value #PASS_INTERVAL_MS} ms passes, and an idle broker passes once a
     * second rather than ten times.
     */
    public long nextPassDelayMillis() {
        long shortest = MAX_IDLE_PASS_MS;
        for (int level = 1; level <= levels.maxLevel(); level++) {
            if (store.getMaxOffsetInQueue(SCHEDULE_TOPIC, level - 1) != offsets.get(level)) {
                return PASS_INTERVAL_MS;
            }
            shortest = Math.min(shortest, levels.deliverTime(level, 0));
        }
        return Math.max(PASS_INTERVAL_MS, shortest);
    }

    /** One pass over all levels; returns how many parked messages were handled (delivered or discarded). */
    public int doWork() {
        int delivered = 0;
        for (int level = 1; level <= levels.maxLevel(); level++) {
            delivered += deliverLevel(level);
        }
        return delivered;
    }

    int deliverLevel(int level) {
        if (store.getMaxOffsetInQueue(SCHEDULE_TOPIC, level - 1) == offsets.get(level)) {
            return 0; // nothing parked at this level: no read (an idle broker passes over every level 10 times a second)
        }
        int delivered = 0;
        while (true) {
            GetMessageResult r = store.getMessage(SCHEDULE_TOPIC, SCHEDULE_TOPIC, level - 1, offsets.get(level),
                BATCH, null);
            if (r == null) {
                return delivered;
            }
            try {
                Step step = step(level, r);
                delivered += step.delivered();
                if (!step.more()) {
                    return delivered;
                }
            } finally {
                r.release();
            }
        }
    }

    /** What one read of a level did: messages delivered and whether to read on. */
    private record Step(int delivered, boolean more) {
    }

    private Step step(int level, GetMessageResult r) {
        switch (r.status()) {
            case FOUND:
                return deliverFound(level, r);
            case OFFSET_TOO_SMALL, OFFSET_FOUND_NULL, MESSAGE_WAS_REMOVING, NO_MATCHED_MESSAGE: {
                boolean moved = r.nextBeginOffset() > offsets.get(level);
                offsets.set(level, r.nextBeginOffset());
                return new Step(0, moved && r.nextBeginOffset() < r.maxOffset());
            }
            case OFFSET_OVERFLOW_BADLY:
                LOG.warn("delay level {} offset {} is past the queue end {}; moving to the end", level,
                    offsets.get(level), r.maxOffset());
                offsets.set(level, r.maxOffset());
                return new Step(0, false);
            default:
                return new Step(0, false);
        }
    }

    private Step deliverFound(int level, GetMessageResult r) {
        List<ByteBuffer> records = r.messageBuffers();
        List<Long> queueOffsets = r.queueOffsets();
        long now = clock.millis();
        for (int i = 0; i < records.size(); i++) {
            MessageExt parked = StoredMessageCodec.decode(records.get(i), true, false);
            long queueOffset = queueOffsets.get(i);
            if (!isDue(level, parked.getStoreTimestamp(), now) || !deliver(level, parked)) {
                offsets.set(level, queueOffset);
                return new Step(i, false);
            }
            offsets.set(level, queueOffset + 1);
        }
        offsets.set(level, r.nextBeginOffset());
        return new Step(records.size(), r.nextBeginOffset() < r.maxOffset());
    }

    /** Due when its time has come, or when that time is more than one level delay ahead (the clock went back). */
    private boolean isDue(int level, long storeTimestamp, long now) {
        long deliverAt = levels.deliverTime(level, storeTimestamp);
        long levelDelay = levels.deliverTime(level, 0);
        return deliverAt <= now || deliverAt - now > levelDelay;
    }

    /** Stores the copy in the real topic; false when the put failed and must be retried. */
    private boolean deliver(int level, MessageExt parked) {
        String realTopic = parked.getProperty(MessageProperties.REAL_TOPIC);
        String realQueue = parked.getProperty(MessageProperties.REAL_QID);
        if (TopicValidator.RMQ_SYS_TRANS_HALF_TOPIC.equals(realTopic)) {
            LOG.warn("discarding delayed half message {}", parked.getMsgId());
            return true;
        }
        if (realTopic == null || realQueue == null || !realQueue.matches("\\d{1,9}")) {
            LOG.error("discarding delayed message {} without a valid REAL_TOPIC/REAL_QID", parked.getMsgId());
            return true;
        }
        InnerMessage copy = InnerMessage.copyOf(parked, false);
        copy.setTopic(realTopic);
        copy.setQueueId(Integer.parseInt(realQueue));
        PutMessageResult result = copy.putInto(store);
        if (!result.isOk()) {
            LOG.warn("delivering delayed message {} to {} failed: {}", parked.getMsgId(), realTopic, result.status());
            return false;
        }
        stats.onDelayedDelivery(level, realTopic, result.msgNum(), result.wroteBytes());
        return true;
    }
}
