package io.petrel.tools.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts latencies in microseconds in log-linear buckets: values below 64 exactly, larger ones in 64 buckets per
 * power of two, so a reported percentile is at most 1/64 (1.6 %) above the true value. The maximum is kept exactly.
 * Thread-safe: {@link #record} may run on any number of threads while another reads.
 */
public final class LatencyHistogram {
    private static final int SUB_BITS = 6;
    private static final int SUB_COUNT = 1 << SUB_BITS;
    /** A positive long is below 2^63, so its highest set bit is at most bit 62. */
    private static final int MAX_EXPONENT = 62;
    private static final int BUCKETS = SUB_COUNT + (MAX_EXPONENT - SUB_BITS + 1) * SUB_COUNT;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong maxMicros = new AtomicLong();

    /** Records one latency; a negative value (a clock step) counts as 0. */
    public void record(long micros) {
        long v = Math.max(0, micros);
        counts.incrementAndGet(bucketOf(v));
        total.incrementAndGet();
        maxMicros.accumulateAndGet(v, Math::max);
    }

    public long count() {
        return total.get();
    }

    public long maxMicros() {
        return maxMicros.get();
    }

    /**
     * The smallest bucket bound below which at least {@code quantile} of the recorded values lie, capped at the
     * exact maximum; 0 when nothing was recorded.
     *
     * @param quantile in (0, 1], e.g. 0.999 for p999
     */
    public long percentileMicros(double quantile) {
        if (quantile <= 0 || quantile > 1) {
            throw new IllegalArgumentException("quantile must be in (0, 1]: " + quantile);
        }
        long n = total.get();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * n));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(upperBound(i), maxMicros.get());
            }
        }
        return maxMicros.get();
    }

    static int bucketOf(long v) {
        if (v < SUB_COUNT) {
            return (int) v;
        }
        int shift = 63 - Long.numberOfLeadingZeros(v) - SUB_BITS;
        int sub = (int) ((v >>> shift) & (SUB_COUNT - 1));
        return SUB_COUNT + shift * SUB_COUNT + sub;
    }

    /** The largest value that falls in bucket {@code index}. */
    static long upperBound(int index) {
        if (index < SUB_COUNT) {
            return index;
        }
        int shift = (index - SUB_COUNT) / SUB_COUNT;
        int sub = (index - SUB_COUNT) % SUB_COUNT;
        long lower = (long) (SUB_COUNT + sub) << shift;
        return lower + (1L << shift) - 1;
    }
}
