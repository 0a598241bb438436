package io.petrel.store;

/**
 * What the dispatchers need from one CommitLog record. {@code size &gt; 0} is a message,
 * {@code size == 0 && success} the end-of-file blank, {@code !success} an invalid record
 * ({@code size &gt; 0} then means "skip by TOTALSIZE", {@code size &lt; 0} "not all bytes readable yet").
 */
public record DispatchRequest(String topic, int queueId, long commitLogOffset, int size, long tagsCode,
                              long storeTimestamp, long consumeQueueOffset, String keys, String uniqKey,
                              int sysFlag, long preparedTransactionOffset, boolean success) {

    public static DispatchRequest blank() {
        return new DispatchRequest(null, 0, 0, 0, 0, 0, 0, null, null, 0, 0, true);
    }

    /** The bytes readable so far end inside this record (dispatch waits for the rest). */
    public static DispatchRequest incomplete() {
        return new DispatchRequest(null, 0, 0, -1, 0, 0, 0, null, null, 0, 0, false);
    }

    public boolean isIncomplete() {
        return !success && size < 0;
    }

    public static DispatchRequest invalid(int skipSize) {
        return new DispatchRequest(null, 0, 0, skipSize, 0, 0, 0, null, null, 0, 0, false);
    }

    public boolean isMessage() {
        return success && size > 0;
    }

    public boolean isBlank() {
        return success && size == 0;
    }
}
