package io.petrel.store;

import java.util.Map;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** Run-time counters behind {@link MessageStore#getRuntimeInfo()}. Thread-safe. */
public final class StoreStats {
    private final LongAdder putTimes = new LongAdder();
    private final LongAdder putBytes = new LongAdder();
    private final LongAdder putFailed = new LongAdder();
    private final LongAccumulator putMaxMicros = new LongAccumulator(Math::max, 0);
    private final LongAdder getFound = new LongAdder();
    private final LongAdder getMiss = new LongAdder();
    private final LongAdder getTransferred = new LongAdder();

    void recordPut(PutMessageResult r, long elapsedNanos) {
        if (r.isOk()) {
            putTimes.add(r.msgNum());
            putBytes.add(r.wroteBytes());
        } else {
            putFailed.increment();
        }
        putMaxMicros.accumulate(elapsedNanos / 1000);
    }

    void recordGet(GetMessageResult r) {
        if (r.status() == GetMessageStatus.FOUND) {
            getFound.increment();
            getTransferred.add(r.messageCount());
        } else {
            getMiss.increment();
        }
    }

    void fill(Map<String, String> info) {
        info.put("putMessageTimesTotal", String.valueOf(putTimes.sum()));
        info.put("putMessageSizeTotal", String.valueOf(putBytes.sum()));
        info.put("putMessageFailedTimes", String.valueOf(putFailed.sum()));
        info.put("putMessageEntireTimeMaxMicros", String.valueOf(putMaxMicros.get()));
        info.put("getFoundTimesTotal", String.valueOf(getFound.sum()));
        info.put("getMissTimesTotal", String.valueOf(getMiss.sum()));
        info.put("getTransferedMessagesTotal", String.valueOf(getTransferred.sum()));
    }
}
