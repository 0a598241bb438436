package io.petrel.common.message;

import java.util.Set;

/**
 * Names of the properties the broker, store and clients interpret. Values are strings on the
 * wire; see {@link PropertiesCodec} for the encoding.
 */
public final class MessageProperties {
    public static final String KEYS = "KEYS";
    public static final String TAGS = "TAGS";
    public static final String UNIQ_KEY = "UNIQ_KEY";
    public static final String WAIT = "WAIT";
    public static final String DELAY = "DELAY";
    public static final String RETRY_TOPIC = "RETRY_TOPIC";
    public static final String REAL_TOPIC = "REAL_TOPIC";
    public static final String REAL_QID = "REAL_QID";
    /** 5.x timer messages: when to deliver (epoch ms), or after how long (s or ms) from the send. */
    public static final String TIMER_DELIVER_MS = "TIMER_DELIVER_MS";
    public static final String TIMER_DELAY_SEC = "TIMER_DELAY_SEC";
    public static final String TIMER_DELAY_MS = "TIMER_DELAY_MS";
    /** Set by the broker on a parked timer message: its delivery time; and on delivery, when it was parked and let out. */
    public static final String TIMER_OUT_MS = "TIMER_OUT_MS";
    public static final String TIMER_ENQUEUE_MS = "TIMER_ENQUEUE_MS";
    public static final String TIMER_DEQUEUE_MS = "TIMER_DEQUEUE_MS";
    public static final String TIMER_ROLL_TIMES = "TIMER_ROLL_TIMES";
    /** 5.x's cancellation of a parked timer message by its unique key. */
    public static final String TIMER_DEL_UNIQKEY = "TIMER_DEL_UNIQKEY";
    public static final String TRAN_MSG = "TRAN_MSG";
    public static final String PGROUP = "PGROUP";
    public static final String CLUSTER = "CLUSTER";
    public static final String MAX_OFFSET = "MAX_OFFSET";
    public static final String MIN_OFFSET = "MIN_OFFSET";
    public static final String ORIGIN_MESSAGE_ID = "ORIGIN_MESSAGE_ID";
    public static final String TRANSACTION_CHECK_TIMES = "TRANSACTION_CHECK_TIMES";
    public static final String CONSUME_START_TIME = "CONSUME_START_TIME";
    public static final String TRANSFER_FLAG = "TRANSFER_FLAG";
    public static final String CORRECTION_FLAG = "CORRECTION_FLAG";
    public static final String MQ2_FLAG = "MQ2_FLAG";
    public static final String RECONSUME_TIME = "RECONSUME_TIME";
    public static final String MSG_REGION = "MSG_REGION";
    public static final String TRACE_SWITCH = "TRACE_ON";
    public static final String MAX_RECONSUME_TIMES = "MAX_RECONSUME_TIMES";
    public static final String CHECK_IMMUNITY_TIME_IN_SECONDS = "CHECK_IMMUNITY_TIME_IN_SECONDS";
    public static final String INSTANCE_ID = "INSTANCE_ID";
    public static final String SHARDING_KEY = "__SHARDINGKEY";
    public static final String BUYER_ID = "BUYER_ID";
    public static final String TRAN_PREPARED_QUEUE_OFFSET = "TRAN_PREPARED_QUEUE_OFFSET";
    /** Request/reply: id that pairs a reply with its request. */
    public static final String CORRELATION_ID = "CORRELATION_ID";
    /** Request/reply: client id the broker pushes the reply to. */
    public static final String MESSAGE_REPLY_TO_CLIENT = "REPLY_TO_CLIENT";
    /** Request/reply: how long the requester waits, in ms. */
    public static final String MESSAGE_TTL = "TTL";
    public static final String REPLY_MESSAGE_ARRIVE_TIME = "ARRIVE_TIME";
    public static final String PUSH_REPLY_TIME = "PUSH_REPLY_TIME";
    /** Message type; {@value #MSG_TYPE_REPLY} marks a reply. */
    public static final String MSG_TYPE = "MSG_TYPE";
    public static final String MSG_TYPE_REPLY = "reply";
    public static final String INNER_MULTI_DISPATCH = "INNER_MULTI_DISPATCH";
    public static final String INNER_MULTI_QUEUE_OFFSET = "INNER_MULTI_QUEUE_OFFSET";
    /** User property a transactional producer sets on its local copy of a sent half message. */
    public static final String TRANSACTION_ID = "__transactionId__";

    /**
     * Names {@code Message#putUserProperty} refuses (RocketMQ 4.9.7's reserved set). Some broker-only names, such
     * as {@link #TRANSACTION_CHECK_TIMES} and {@link #INNER_MULTI_DISPATCH}, are not in it, as in 4.9.7.
     */
    public static final Set<String> RESERVED_NAMES = Set.of(TRACE_SWITCH, MSG_REGION, KEYS, TAGS, WAIT, DELAY,
        RETRY_TOPIC, REAL_TOPIC, REAL_QID, TRAN_MSG, PGROUP, MIN_OFFSET, MAX_OFFSET, BUYER_ID, ORIGIN_MESSAGE_ID,
        TRANSFER_FLAG, CORRECTION_FLAG, MQ2_FLAG, RECONSUME_TIME, UNIQ_KEY, MAX_RECONSUME_TIMES, CONSUME_START_TIME,
        INSTANCE_ID, CORRELATION_ID, MESSAGE_REPLY_TO_CLIENT, MESSAGE_TTL, REPLY_MESSAGE_ARRIVE_TIME, PUSH_REPLY_TIME,
        CLUSTER, MSG_TYPE, INNER_MULTI_QUEUE_OFFSET);

    /** Separator between the tokens of {@link #KEYS}. */
    public static final String KEY_SEPARATOR = " ";

    private MessageProperties() {
    }
}
