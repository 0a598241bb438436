package io.petrel.broker.transaction;

import io.petrel.broker.inner.InnerMessage;
import io.petrel.broker.offset.ConsumerOffsetManager;
import io.petrel.broker.stats.BrokerStats;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.StoredMessageCodec;
import io.petrel.common.topic.PermName;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.topic.TopicValidator;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.header.CheckTransactionStateRequestHeader;
import io.petrel.store.GetMessageResult;
import io.petrel.store.GetMessageStatus;
import io.petrel.store.MessageStore;
import io.petrel.store.PutMessageResult;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks producers about half messages nobody committed or rolled back. {@link #doWork()} is one pass: for each
 * half queue it walks from the checker's offset (group {@value TransactionRecords#CHECK_GROUP}) to the queue end
 * as it was when the pass began, skips halves that have an op record, stops at the first half younger than
 * {@code transactionTimeOut} (or its {@code CHECK_IMMUNITY_TIME_IN_SECONDS}), and for each older one appends a
 * copy with {@code TRANSACTION_CHECK_TIMES} + 1 to the half queue and sends CHECK_TRANSACTION_STATE about the
 * copy to a producer of its group. A half checked {@code transactionCheckMax} times (or older than the file
 * retention) moves to {@code TRANS_CHECK_MAX_TIME_TOPIC}. Progress over the half and op queues is committed as
 * that group's consumer offsets. The broker runs a pass every {@code transactionCheckInterval} on masters only.
 * Not thread-safe: one caller at a time.
 */
public final class TransactionCheckService {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionCheckService.class);
    private static final String HALF = TopicValidator.RMQ_SYS_TRANS_HALF_TOPIC;
    private static final String OP = TopicValidator.RMQ_SYS_TRANS_OP_HALF_TOPIC;
    private static final String GROUP = TransactionRecords.CHECK_GROUP;
    private static final int READ_BATCH = 32;

    /** The limits of a check: age before the first check, checks allowed, oldest half still checked. */
    public record Limits(long transactionTimeOutMs, int transactionCheckMax, long maxAgeMs) {
    }

    /** An op record: where it sits in the op queue and which half it closes. */
    private record Op(long opQueueOffset, long halfQueueOffset) {
    }

    private final MessageStore store;
    private final ConsumerOffsetManager offsets;
    private final TopicConfigManager topics;
    private final CheckRequestSender sender;
    private final Limits limits;
    private final Clock clock;
    private final BrokerStats stats;

    public TransactionCheckService(MessageStore store, ConsumerOffsetManager offsets, TopicConfigManager topics,
                                   CheckRequestSender sender, Limits limits, Clock clock, BrokerStats stats) {
        this.store = store;
        this.stats = stats;
        this.offsets = offsets;
        this.topics = topics;
        this.sender = sender;
        this.limits = limits;
        this.clock = clock;
    }

    /** One pass over every half queue; returns the number of check requests made. */
    public int doWork() {
        // Like 4.9.7 masters, the first pass creates the half topic if no transactional send has yet.
        TopicConfig half = topics.createIfAbsent(HALF, 1, PermName.PERM_READ | PermName.PERM_WRITE, 0);
        if (half == null) {
            return 0;
        }
        int checks = 0;
        for (int queueId = 0; queueId < half.readQueueNums(); queueId++) {
            checks += checkQueue(queueId, clock.millis());
        }
        return checks;
    }

    private int checkQueue(int queueId, long now) {
        long end = store.getMaxOffsetInQueue(HALF, queueId);
        long start = startOffset(HALF, queueId);
        if (start >= end) {
            return 0;
        }
        long opStart = startOffset(OP, queueId);
        List<Op> ops = readOps(queueId, opStart);
        Set<Long> done = new HashSet<>();
        ops.forEach(op -> done.add(op.halfQueueOffset()));
        int checks = 0;
        long pos = start;
        while (pos < end) {
            if (done.contains(pos)) {
                pos++;
                continue;
            }
            MessageExt halfMsg = readOne(HALF, queueId, pos);
            if (halfMsg == null) {
                pos++;
                continue;
            }
            Verdict v = judge(halfMsg, now);
            if (v == Verdict.WAIT || (v == Verdict.CHECK && !check(halfMsg))) {
                break;
            }
            if (v == Verdict.GIVE_UP) {
                giveUp(halfMsg);
            } else {
                checks++;
            }
            pos++;
        }
        commit(queueId, pos, opStart, ops);
        return checks;
    }

    private enum Verdict { WAIT, CHECK, GIVE_UP }

    private Verdict judge(MessageExt half, long now) {
        long age = now - half.getBornTimestamp();
        if (TransactionRecords.checkTimes(half) >= limits.transactionCheckMax() || age > limits.maxAgeMs()) {
            return Verdict.GIVE_UP;
        }
        String immunity = half.getProperty(MessageProperties.CHECK_IMMUNITY_TIME_IN_SECONDS);
        long waitMs = immunity != null && immunity.matches("\\d{1,9}") ? Long.parseLong(immunity) * 1000
            : limits.transactionTimeOutMs();
        return age < waitMs ? Verdict.WAIT : Verdict.CHECK;
    }

    /** Appends the counted copy and asks a producer about it; false when the copy could not be stored. */
    private boolean check(MessageExt half) {
        InnerMessage copy = TransactionRecords.recheck(half);
        PutMessageResult r = copy.putInto(store);
        if (!r.isOk()) {
            LOG.warn("re-putting half message {} for a check failed: {}", half.getMsgId(), r.status());
            return false;
        }
        copy.setQueueOffset(r.logicsOffset());
        copy.setCommitLogOffset(r.wroteOffset());
        copy.setStoreTimestamp(r.storeTimestamp());
        String group = half.getProperty(MessageProperties.PGROUP);
        if (group == null || !sender.send(group, checkRequest(copy, r.msgId()))) {
            LOG.warn("no live producer of group {} to check transaction {}", group, copy.getProperty(
                MessageProperties.UNIQ_KEY));
        }
        return true;
    }

    /**
     * CHECK_TRANSACTION_STATE about the copy; the body is the copy as a stored record, in its real topic and queue,
     * with {@code WAIT=false}.
     */
    static RemotingCommand checkRequest(MessageExt copy, String offsetMsgId) {
        String uniqKey = copy.getProperty(MessageProperties.UNIQ_KEY);
        CheckTransactionStateRequestHeader header = new CheckTransactionStateRequestHeader(copy.getQueueOffset(),
            copy.getCommitLogOffset(), uniqKey, uniqKey, offsetMsgId, null);
        MessageExt view = InnerMessage.copyOf(copy, false);
        String realTopic = copy.getProperty(MessageProperties.REAL_TOPIC);
        String realQueue = copy.getProperty(MessageProperties.REAL_QID);
        view.setTopic(realTopic == null ? copy.getTopic() : realTopic);
        view.setQueueId(realQueue == null || !realQueue.matches("\\d{1,9}") ? 0 : Integer.parseInt(realQueue));
        // The stored copy keeps the half's WAIT; the copy a 4.9.7 broker sends in the check says WAIT=false.
        view.putProperty(MessageProperties.WAIT, "false");
        view.setQueueOffset(copy.getQueueOffset());
        view.setCommitLogOffset(copy.getCommitLogOffset());
        view.setStoreTimestamp(copy.getStoreTimestamp());
        byte[] body = view.getBody() == null ? new byte[0] : view.getBody();
        view.setBodyCRC(StoredMessageCodec.bodyCrc(body, 0, body.length));
        return RemotingCommand.createRequest(RequestCode.CHECK_TRANSACTION_STATE, header)
            .body(StoredMessageCodec.encode(view));
    }

    private void giveUp(MessageExt half) {
        topics.createIfAbsent(TopicValidator.RMQ_SYS_TRANS_CHECK_MAX_TIME_TOPIC, 1,
            PermName.PERM_READ | PermName.PERM_WRITE, 0);
        PutMessageResult r = TransactionRecords.checkedOut(half).putInto(store);
        LOG.info("half message {} checked {} times, moved to {}: {}", half.getMsgId(),
            TransactionRecords.checkTimes(half), TopicValidator.RMQ_SYS_TRANS_CHECK_MAX_TIME_TOPIC, r.status());
    }

    /** Commits the half offset reached, and the op offset past every op record that closes an earlier half. */
    private void commit(int queueId, long halfOffset, long opStart, List<Op> ops) {
        offsets.commit(null, GROUP, HALF, queueId, halfOffset);
        long opOffset = opStart;
        for (Op op : ops) {
            if (op.halfQueueOffset() >= halfOffset) {
                break;
            }
            opOffset = op.opQueueOffset() + 1;
        }
        offsets.commit(null, GROUP, OP, queueId, opOffset);
    }

    private long startOffset(String topic, int queueId) {
        long committed = offsets.query(GROUP, topic, queueId);
        return Math.max(committed, Math.max(0, store.getMinOffsetInQueue(topic, queueId)));
    }

    /** Every op record from {@code from} to the op queue's end, in queue order. */
    private List<Op> readOps(int queueId, long from) {
        List<Op> ops = new ArrayList<>();
        long pos = from;
        long end = store.getMaxOffsetInQueue(OP, queueId);
        while (pos < end) {
            GetMessageResult r = read(OP, queueId, pos, READ_BATCH);
            if (r == null) {
                break;
            }
            try {
                List<ByteBuffer> records = r.messageBuffers();
                for (int i = 0; i < records.size(); i++) {
                    MessageExt op = StoredMessageCodec.decode(records.get(i), true, false);
                    if (TransactionRecords.OP_TAG.equals(op.getTags())) {
                        ops.add(new Op(r.queueOffsets().get(i), TransactionRecords.opHalfOffset(op)));
                    }
                }
                if (r.nextBeginOffset() <= pos) {
                    break;
                }
                pos = r.nextBeginOffset();
            } finally {
                r.release();
            }
        }
        return ops;
    }

    /** Reads as the transaction-check group; what is found counts as that group's gets, as in RocketMQ. */
    private GetMessageResult read(String topic, int queueId, long offset, int max) {
        GetMessageResult r = store.getMessage(GROUP, topic, queueId, offset, max, null);
        if (r != null && r.status() == GetMessageStatus.FOUND) {
            stats.onInternalGet(topic, GROUP, r.messageCount(), r.bufferTotalSize());
        }
        return r;
    }

    private MessageExt readOne(String topic, int queueId, long offset) {
        GetMessageResult r = read(topic, queueId, offset, 1);
        if (r == null) {
            return null;
        }
        try {
            if (r.status() != GetMessageStatus.FOUND) {
                return null;
            }
            return StoredMessageCodec.decode(r.messageBuffers().get(0), true, false);
        } finally {
            r.release();
        }
    }
}
