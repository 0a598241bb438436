package io.petrel.common.message;

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

    /** Separator between the tokens of {@link #KEYS}. */
    public static final String KEY_SEPARATOR = " ";

    private MessageProperties() {
    }
}
