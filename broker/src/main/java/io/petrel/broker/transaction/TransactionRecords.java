package io.petrel.broker.transaction;

import io.petrel.broker.inner.InnerMessage;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.MessageSysFlag;
import io.petrel.common.topic.TopicValidator;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The records the broker writes for transactional messages, besides the half message itself:
 * <ul>
 *   <li>the committed message: real topic and queue, SYSFLAG commit, PREPARED TX OFFSET = the half record's
 *       physical offset, properties exactly as the half message had them;</li>
 *   <li>the op record ("this half is done"): {@code RMQ_SYS_TRANS_OP_HALF_TOPIC} queue 0, tag {@code d}, body =
 *       the half message's queue offset as decimal text;</li>
 *   <li>the re-put half for a state check ({@code TRANSACTION_CHECK_TIMES} + 1), the copy parked in
 *       {@code TRANS_CHECK_MAX_TIME_TOPIC} once the checks are used up, and the half put back with its count at
 *       zero when an admin resumes its checks.</li>
 * </ul>
 */
public final class TransactionRecords {
    /** The consumer group whose offsets hold the checker's progress over the half and op queues. */
    public static final String CHECK_GROUP = "CID_RMQ_SYS_TRANS";
    public static final String OP_TAG = "d";

    private TransactionRecords() {
    }

    public static InnerMessage committed(MessageExt half) {
        InnerMessage m = InnerMessage.copyOf(half, true);
        m.setTopic(half.getProperty(MessageProperties.REAL_TOPIC));
        m.setQueueId(Integer.parseInt(half.getProperty(MessageProperties.REAL_QID)));
        m.setSysFlag(MessageSysFlag.resetTransactionType(half.getSysFlag(), MessageSysFlag.TRANSACTION_COMMIT_TYPE));
        m.setPreparedTransactionOffset(half.getCommitLogOffset());
        return m;
    }

    public static InnerMessage op(long halfQueueOffset, InetSocketAddress brokerHost, long nowMillis) {
        InnerMessage m = new InnerMessage(false);
        m.setTopic(TopicValidator.RMQ_SYS_TRANS_OP_HALF_TOPIC);
        m.setQueueId(0);
        m.setBody(Long.toString(halfQueueOffset).getBytes(StandardCharsets.UTF_8));
        m.setTags(OP_TAG);
        m.putProperty(MessageProperties.WAIT, "true");
        m.setBornTimestamp(nowMillis);
        m.setBornHost(brokerHost);
        m.setStoreHost(brokerHost);
        return m;
    }

    /** Parses an op record body; -1 when it is not a queue offset. */
    public static long opHalfOffset(MessageExt op) {
        String text = new String(op.getBody(), StandardCharsets.UTF_8).trim();
        return text.matches("\\d{1,19}") ? Long.parseLong(text) : -1;
    }

    public static int checkTimes(MessageExt half) {
        String times = half.getProperty(MessageProperties.TRANSACTION_CHECK_TIMES);
        return times == null || !times.matches("\\d{1,9}") ? 0 : Integer.parseInt(times);
    }

    /** The half message again, at the end of the half queue, counting one more check. */
    public static InnerMessage recheck(MessageExt half) {
        InnerMessage m = InnerMessage.copyOf(half, false);
        m.setTopic(half.getTopic());
        m.setQueueId(half.getQueueId());
        m.putProperty(MessageProperties.TRANSACTION_CHECK_TIMES, Integer.toString(checkTimes(half) + 1));
        return m;
    }

    /**
     * A half message back at the end of half queue 0 with its check count at zero, so that checks resume (the
     * RESUME_CHECK_HALF_MESSAGE admin request; usually for a copy parked after its last check).
     */
    public static InnerMessage resumed(MessageExt half) {
        InnerMessage m = InnerMessage.copyOf(half, false);
        m.setTopic(TopicValidator.RMQ_SYS_TRANS_HALF_TOPIC);
        m.setQueueId(0);
        m.putProperty(MessageProperties.TRANSACTION_CHECK_TIMES, "0");
        return m;
    }

    /** The half message moved out of the way after its last check. */
    public static InnerMessage checkedOut(MessageExt half) {
        InnerMessage m = InnerMessage.copyOf(half, false);
        m.setTopic(TopicValidator.RMQ_SYS_TRANS_CHECK_MAX_TIME_TOPIC);
        m.setQueueId(0);
        return m;
    }
}
