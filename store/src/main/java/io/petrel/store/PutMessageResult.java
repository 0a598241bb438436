package io.petrel.store;

import java.util.List;

/**
 * Result of a put. For a batch, {@code msgIds} holds one offset message id per record and
 * {@code wroteBytes} the bytes of all records; {@code logicsOffset} is the first queue offset.
 */
public record PutMessageResult(PutMessageStatus status, long wroteOffset, int wroteBytes, List<String> msgIds,
                               long storeTimestamp, long logicsOffset, int msgNum, String remark) {

    public static PutMessageResult failure(PutMessageStatus status, String remark) {
        return new PutMessageResult(status, -1, 0, List.of(), 0, -1, 0, remark);
    }

    public PutMessageResult withStatus(PutMessageStatus s) {
        return new PutMessageResult(s, wroteOffset, wroteBytes, msgIds, storeTimestamp, logicsOffset, msgNum, remark);
    }

    public boolean isOk() {
        return status == PutMessageStatus.PUT_OK;
    }

    /** The offset message id of the first (or only) record. */
    public String msgId() {
        return msgIds.isEmpty() ? null : msgIds.get(0);
    }
}
