package io.petrel.broker.pop;

import io.petrel.broker.inner.InnerMessage;
import io.petrel.broker.offset.ConsumerOffsetManager;
import io.petrel.broker.subscription.SubscriptionGroupManager;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.StoredMessageCodec;
import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.common.topic.PermName;
import io.petrel.common.topic.TopicValidator;
import io.petrel.store.GetMessageResult;
import io.petrel.store.MessageStore;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts back what was popped and not acknowledged in time. It reads each revive queue from where the revive group's
 * offset stands, matches acks to check points, and when a check point's revive time has passed, copies every
 * message of it that was not acked into the group's pop retry topic (one more reconsume; past the group's
 * {@code retryMaxTimes}, into its DLQ). The revive group's offset in a queue stays at the oldest check point not yet
 * settled, so that after a restart the same check points and acks are read again: a message whose copy was written
 * just before a crash may be put back twice, none is lost. Not thread-safe: one thread calls {@link #reviveOnce()}.
 */
public final class PopReviveService {
    private static final Logger LOG = LoggerFactory.getLogger(PopReviveService.class);
    private static final int BATCH = 32;
    private static final int RW = PermName.PERM_READ | PermName.PERM_WRITE;

    private final Supplier<String> reviveTopic;
    private final int queues;
    private final TopicConfigManager topics;
    private final SubscriptionGroupManager groups;
    private final ConsumerOffsetManager offsets;
    private final MessageStore store;
    private final InetSocketAddress storeHost;
    private final Clock clock;
    private final ReviveQueue[] state;

    /** A check point read and not yet settled, with what has been acked of it. */
    private record Pending(PopRecords.CheckPoint ck, long reviveOffset, BitSet acked) {
        boolean allAcked() {
            return acked.cardinality() >= ck.offsetDiffs().size();
        }
    }

    private static final class ReviveQueue {
        long cursor = -1;
        final Map<String, Pending> pending = new LinkedHashMap<>();
    }

    public PopReviveService(Supplier<String> reviveTopic, int queues, TopicConfigManager topics,
                            SubscriptionGroupManager groups, ConsumerOffsetManager offsets, MessageStore store,
                            InetSocketAddress storeHost, Clock clock) {
        this.reviveTopic = reviveTopic;
        this.queues = queues;
        this.topics = topics;
        this.groups = groups;
        this.offsets = offsets;
        this.store = store;
        this.storeHost = storeHost;
        this.clock = clock;
        this.state = new ReviveQueue[queues];
        for (int i = 0; i < queues; i++) {
            state[i] = new ReviveQueue();
        }
    }

    /** One pass over every revive queue; returns how many messages were put back. */
    public int reviveOnce() {
        String topic = reviveTopic.get();
        if (topics.select(topic) == null) {
            return 0;
        }
        int revived = 0;
        for (int q = 0; q < queues; q++) {
            revived += reviveQueue(topic, q, state[q]);
        }
        return revived;
    }

    private int reviveQueue(String topic, int queueId, ReviveQueue rq) {
        if (rq.cursor < 0) {
            long committed = offsets.query(PopRecords.REVIVE_GROUP, topic, queueId);
            rq.cursor = committed >= 0 ? committed : Math.max(0, store.getMinOffsetInQueue(topic, queueId));
        }
        while (true) {
            GetMessageResult r = store.getMessage(PopRecords.REVIVE_GROUP, topic, queueId, rq.cursor, BATCH, null);
            if (r == null) {
                break;
            }
            try {
                java.util.List<Long> queueOffsets = r.queueOffsets();
                java.util.List<ByteBuffer> buffers = r.messageBuffers();
                for (int i = 0; i < buffers.size(); i++) {
                    read(rq, StoredMessageCodec.decode(buffers.get(i).duplicate(), true, false), queueOffsets.get(i));
                }
                long next = r.nextBeginOffset();
                if (next <= rq.cursor || buffers.isEmpty()) {
                    rq.cursor = Math.max(rq.cursor, next);
                    break;
                }
                rq.cursor = next;
            } finally {
                r.release();
            }
        }
        int revived = 0;
        long now = clock.millis();
        for (Iterator<Pending> it = rq.pending.values().iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (p.allAcked()) {
                it.remove();
            } else if (now >= p.ck().reviveTime()) {
                int back = putBack(p);
                if (back < 0) {
                    break; // the store refused a copy: this and later check points are tried again next pass
                }
                revived += back;
                it.remove();
            }
        }
        long settledUpTo = rq.pending.isEmpty() ? rq.cursor
            : rq.pending.values().stream().mapToLong(Pending::reviveOffset).min().orElse(rq.cursor);
        offsets.commit("127.0.0.1", PopRecords.REVIVE_GROUP, topic, queueId, settledUpTo);
        return revived;
    }

    private void read(ReviveQueue rq, MessageExt record, long queueOffset) {
        if (record == null || record.getBody() == null) {
            return;
        }
        try {
            if (PopRecords.CK_TAG.equals(record.getTags())) {
                PopRecords.CheckPoint ck = PopRecords.CheckPoint.decode(record.getBody());
                rq.pending.putIfAbsent(ck.key(), new Pending(ck, queueOffset, new BitSet()));
            } else if (PopRecords.ACK_TAG.equals(record.getTags())) {
                PopRecords.Ack ack = PopRecords.Ack.decode(record.getBody());
                Pending p = rq.pending.get(ack.key());
                if (p != null) {
                    int index = p.ck().offsetDiffs().indexOf((int) (ack.ackOffset() - p.ck().startOffset()));
                    if (index >= 0) {
                        p.acked().set(index);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("skipping an unreadable revive record at {}: {}", queueOffset, e.getMessage());
        }
    }

    /** Copies the unacked messages of a check point back; returns how many, or -1 when a copy was refused. */
    private int putBack(Pending p) {
        PopRecords.CheckPoint ck = p.ck();
        SubscriptionGroupConfig group = groups.find(ck.group());
        int maxTimes = group == null ? 16 : group.retryMaxTimes();
        int revived = 0;
        for (int i = 0; i < ck.offsetDiffs().size(); i++) {
            if (p.acked().get(i)) {
                continue;
            }
            long queueOffset = ck.startOffset() + ck.offsetDiffs().get(i);
            long phy = store.getCommitLogOffsetInQueue(ck.topic(), ck.queueId(), queueOffset);
            MessageExt original = phy < 0 ? null : store.lookMessageByOffset(phy);
            if (original == null) {
                LOG.warn("popped message {}@{}:{} of group {} is gone; not put back", ck.topic(), ck.queueId(),
                    queueOffset, ck.group());
                continue;
            }
            int times = original.getReconsumeTimes() + 1;
            String target = times > maxTimes ? TopicValidator.DLQ_GROUP_TOPIC_PREFIX + ck.group()
                : PopRecords.popRetryTopic(ck.topic(), ck.group());
            topics.createIfAbsent(target, 1, RW, 0);
            InnerMessage copy = InnerMessage.copyOf(original, false);
            copy.setTopic(target);
            copy.setQueueId(0);
            copy.setStoreHost(storeHost);
            copy.setReconsumeTimes(times);
            if (copy.getProperty(MessageProperties.RETRY_TOPIC) == null) {
                copy.putProperty(MessageProperties.RETRY_TOPIC, original.getTopic());
            }
            if (copy.getProperty(PopRecords.FIRST_POP_TIME) == null) {
                copy.putProperty(PopRecords.FIRST_POP_TIME, Long.toString(ck.popTime()));
            }
            if (!copy.putInto(store).isOk()) {
                LOG.warn("putting back popped message {}@{}:{} of group {} failed", ck.topic(), ck.queueId(),
                    queueOffset, ck.group());
                return -1;
            }
            p.acked().set(i); // put back: not again after a refusal further on
            revived++;
        }
        return revived;
    }
}
