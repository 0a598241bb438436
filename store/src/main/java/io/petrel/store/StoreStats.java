package io.petrel.store;

import io.petrel.common.util.SampleRing;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * Run-time counters behind {@link MessageStore#getRuntimeInfo()}: messages and bytes put and how long puts took,
 * gets that found messages or not and how long they took, messages handed out, the largest dispatch backlog.
 * {@link #sample} (every second) keeps 10 minutes of samples for the TPS figures RocketMQ reports over the last
 * 10 s, 1 min and 10 min, rolls the put-time histogram every minute, and keeps the totals of the last two
 * midnights (in the sampling clock's zone) for the day figures.
 *
 * <p>Thread-safe: counting is lock-free; samples are guarded by this object.
 */
public final class StoreStats {
    private static final int[] TPS_SAMPLES_BACK = {10, 60, 600};
    private static final int SAMPLES_KEPT = 601;
    private static final long LATENCY_MINUTE_MS = 60_000;
    private static final int PUTS = 0;
    private static final int FOUND = 1;
    private static final int MISSED = 2;
    private static final int TRANSFERRED = 3;

    private final LongAdder putTimes = new LongAdder();
    private final LongAdder putBytes = new LongAdder();
    private final LongAdder putFailed = new LongAdder();
    private final LongAccumulator putMaxMillis = new LongAccumulator(Math::max, 0);
    private final PutLatencyHistogram putLatency = new PutLatencyHistogram();
    private final LongAdder getFound = new LongAdder();
    private final LongAdder getMiss = new LongAdder();
    private final LongAdder getTransferred = new LongAdder();
    private final LongAccumulator getMaxMillis = new LongAccumulator(Math::max, 0);
    private final LongSupplier dispatchBehindBytes;
    // guarded by this
    private final SampleRing samples = new SampleRing(SAMPLES_KEPT, 4);
    private long dispatchMaxBytes;
    private long latencyMinuteStartMillis = -1;
    private LocalDate sampledDay;
    private volatile DayTotals days = new DayTotals(0, 0, 0, 0);

    /** @param dispatchBehindBytes how far dispatch is behind the CommitLog now, sampled for its maximum */
    StoreStats(LongSupplier dispatchBehindBytes) {
        this.dispatchBehindBytes = dispatchBehindBytes;
    }

    /** Put and get totals at the last two midnights; zero until a midnight was seen. */
    public record DayTotals(long putTodayMorning, long putYesterdayMorning, long getTodayMorning,
                            long getYesterdayMorning) {
    }

    void recordPut(PutMessageResult r, long elapsedNanos) {
        if (r.isOk()) {
            putTimes.add(r.msgNum());
            putBytes.add(r.wroteBytes());
        } else {
            putFailed.increment();
        }
        long millis = elapsedNanos / 1_000_000;
        putMaxMillis.accumulate(millis);
        putLatency.record(millis);
    }

    void recordGet(GetMessageResult r, long elapsedNanos) {
        getMaxMillis.accumulate(elapsedNanos / 1_000_000);
        if (r.status() == GetMessageStatus.FOUND) {
            getFound.increment();
            getTransferred.add(r.messageCount());
        } else {
            getMiss.increment();
        }
    }

    /** Messages stored since start. */
    public long putMessagesTotal() {
        return putTimes.sum();
    }

    /** Messages handed out to gets since start. */
    public long getTransferredTotal() {
        return getTransferred.sum();
    }

    public DayTotals dayTotals() {
        return days;
    }

    /**
     * Takes this second's sample; every minute, makes the put times of the minute the reported ones; on the
     * first sample of a new day, rolls the day totals.
     */
    public synchronized void sample(Clock clock) {
        long now = clock.millis();
        if (latencyMinuteStartMillis < 0) {
            latencyMinuteStartMillis = now;
        } else if (now > latencyMinuteStartMillis + LATENCY_MINUTE_MS) {
            putLatency.roll();
            latencyMinuteStartMillis = now;
        }
        dispatchMaxBytes = Math.max(dispatchMaxBytes, dispatchBehindBytes.getAsLong());
        samples.add(now, putTimes.sum(), getFound.sum(), getMiss.sum(), getTransferred.sum());
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        if (sampledDay != null && !sampledDay.equals(today)) {
            DayTotals d = days;
            days = new DayTotals(putTimes.sum(), d.putTodayMorning(), getTransferred.sum(), d.getTodayMorning());
        }
        sampledDay = today;
    }

    synchronized void fill(Map<String, String> info) {
        long puts = putTimes.sum();
        long putSize = putBytes.sum();
        info.put("putMessageTimesTotal", String.valueOf(puts));
        info.put("putMessageSizeTotal", String.valueOf(putSize));
        info.put("putMessageAverageSize", String.valueOf(putSize / (double) Math.max(1, puts)));
        info.put("putMessageFailedTimes", String.valueOf(putFailed.sum()));
        info.put("putMessageEntireTimeMax", String.valueOf(putMaxMillis.get()));
        info.put("putMessageDistributeTime", putLatency.distribution());
        info.put("putLatency99", PutLatencyHistogram.twoDecimals(putLatency.percentile(0.99)));
        info.put("putLatency999", PutLatencyHistogram.twoDecimals(putLatency.percentile(0.999)));
        info.put("getMessageEntireTimeMax", String.valueOf(getMaxMillis.get()));
        info.put("dispatchMaxBuffer", String.valueOf(dispatchMaxBytes));
        info.put("putTps", rates(PUTS));
        info.put("getFoundTps", rates(FOUND));
        info.put("getMissTps", rates(MISSED));
        info.put("getTransferedTps", rates(TRANSFERRED));
        info.put("getTotalTps", totalGetRates());
    }

    /** Rates over 10, 60 and 600 samples, space-separated; a rate not yet covered by samples is empty. */
    private String rates(int counter) {
        return perWindow(n -> covers(n) ? Double.toString(rate(counter, n)) : "");
    }

    /** Found plus missed gets per second over 10, 60 and 600 samples; a window not covered counts as 0. */
    private String totalGetRates() {
        return perWindow(n -> Double.toString(covers(n) ? rate(FOUND, n) + rate(MISSED, n) : 0));
    }

    private boolean covers(int samplesBack) {
        return samples.size() > samplesBack;
    }

    /** Per-second change of a counter between the newest sample and the one {@code samplesBack} before it. */
    private double rate(int counter, int samplesBack) {
        double spanMillis = samples.atMillis(0) - samples.atMillis(samplesBack);
        return (samples.value(0, counter) - samples.value(samplesBack, counter)) / spanMillis * 1000;
    }

    private static String perWindow(IntFunction<String> rateOverSamples) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < TPS_SAMPLES_BACK.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(rateOverSamples.apply(TPS_SAMPLES_BACK[i]));
        }
        return sb.toString();
    }
}
