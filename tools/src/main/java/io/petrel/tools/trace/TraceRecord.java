package io.petrel.tools.trace;

/**
 * One message trace record, as {@link TraceDataDecoder} reads it from the body of a trace message. Which members a
 * record carries depends on its {@link #type()}; the others hold the defaults 4.9.7's decoder leaves: empty texts,
 * 0, {@code success} true, and for {@code timestamp} the time the record was decoded.
 *
 * @param msgType the kind of message sent ({@code Normal_Msg}, {@code Trans_Msg_Half}, {@code Trans_msg_Commit},
 *                {@code Delay_Msg}); empty when the record does not say
 * @param transactionState {@code COMMIT_MESSAGE}, {@code ROLLBACK_MESSAGE} or {@code UNKNOW}; empty when the record
 *                         does not say
 */
public record TraceRecord(TraceType type, long timestamp, String regionId, String groupName, String requestId,
                          String topic, String msgId, String tags, String keys, String storeHost, int bodyLength,
                          int costTime, String msgType, String offsetMsgId, boolean success, String clientHost,
                          int retryTimes, int contextCode, String transactionId, String transactionState,
                          boolean fromTransactionCheck) {
}
