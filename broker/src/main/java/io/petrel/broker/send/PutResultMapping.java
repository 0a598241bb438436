package io.petrel.broker.send;

import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.store.PutMessageStatus;

/** How a store put outcome becomes a SEND response code and remark (one place for the whole broker). */
public final class PutResultMapping {
    public static final String ILLEGAL_REMARK = "the message is illegal, maybe msg body or properties length not "
        + "matched. msg body length limit %dB, msg properties length limit 32KB.";
    public static final String NOT_AVAILABLE_REMARK = "service not available now. It may be caused by one of the "
        + "following reasons: the broker's disk is full, messages are put to the slave, message store has been shut "
        + "down, etc.";

    /** A response code and remark; {@code stored} is true when the message is in the store despite the code. */
    public record Outcome(int code, String remark, boolean stored) {
    }

    private PutResultMapping() {
    }

    public static Outcome of(PutMessageStatus status, int maxMessageSize) {
        return switch (status) {
            case PUT_OK -> new Outcome(ResponseCode.SUCCESS, null, true);
            case FLUSH_DISK_TIMEOUT -> new Outcome(ResponseCode.FLUSH_DISK_TIMEOUT, null, true);
            case FLUSH_SLAVE_TIMEOUT -> new Outcome(ResponseCode.FLUSH_SLAVE_TIMEOUT, null, true);
            case SLAVE_NOT_AVAILABLE -> new Outcome(ResponseCode.SLAVE_NOT_AVAILABLE, null, true);
            case CREATE_MAPPED_FILE_FAILED -> new Outcome(ResponseCode.SYSTEM_ERROR,
                "create mapped file failed, server is busy or broken.", false);
            case MESSAGE_ILLEGAL, PROPERTIES_SIZE_EXCEEDED -> new Outcome(ResponseCode.MESSAGE_ILLEGAL,
                String.format(ILLEGAL_REMARK, maxMessageSize), false);
            case SERVICE_NOT_AVAILABLE -> new Outcome(ResponseCode.SERVICE_NOT_AVAILABLE, NOT_AVAILABLE_REMARK, false);
            case OS_PAGECACHE_BUSY -> new Outcome(ResponseCode.SYSTEM_ERROR,
                "[PC_SYNCHRONIZED]broker busy, start flow control for a while", false);
            case UNKNOWN_ERROR -> new Outcome(ResponseCode.SYSTEM_ERROR, "UNKNOWN_ERROR", false);
        };
    }
}
