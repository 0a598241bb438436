package io.petrel.store;

import io.petrel.common.message.MessageIds;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Result of a put. For a batch, {@code recordOffsets} holds each record's CommitLog offset and
 * {@code wroteBytes} the bytes of all records; {@code logicsOffset} is the first queue offset.
 * Offset message ids are built on demand (most callers of the hot path never ask).
 */
public record PutMessageResult(PutMessageStatus status, long wroteOffset, int wroteBytes, long[] recordOffsets,
                               InetSocketAddress storeHost, long storeTimestamp, long logicsOffset, String remark) {

    private static final long[] NONE = new long[0];

    public static PutMessageResult failure(PutMessageStatus status, String remark) {
        return new PutMessageResult(status, -1, 0, NONE, null, 0, -1, remark);
    }

    public PutMessageResult withStatus(PutMessageStatus s) {
        return new PutMessageResult(s, wroteOffset, wroteBytes, recordOffsets, storeHost, storeTimestamp, logicsOffset, remark);
    }

    public boolean isOk() {
        return status == PutMessageStatus.PUT_OK;
    }

    public int msgNum() {
        return recordOffsets.length;
    }

    /** Offset message ids, one per record. */
    public List<String> msgIds() {
        List<String> ids = new ArrayList<>(recordOffsets.length);
        for (long offset : recordOffsets) {
            ids.add(MessageIds.offsetMessageId(storeHost, offset));
        }
        return ids;
    }

    /** The offset message id of the first (or only) record, null for a failure. */
    public String msgId() {
        return recordOffsets.length == 0 ? null : MessageIds.offsetMessageId(storeHost, recordOffsets[0]);
    }

    @Override
    public String toString() {
        return "PutMessageResult{status=" + status + ", wroteOffset=" + wroteOffset + ", wroteBytes=" + wroteBytes
            + ", msgNum=" + recordOffsets.length + ", logicsOffset=" + logicsOffset + ", remark=" + remark + "}";
    }
}
