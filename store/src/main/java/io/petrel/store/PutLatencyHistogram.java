package io.petrel.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * How long puts took over the last full minute, in the two forms RocketMQ reports: a coarse distribution over 13
 * ranges ({@code putMessageDistributeTime}) and fine buckets (1 ms wide at first, 1 s wide up to 10 s) from which
 * the 99th and 99.9th percentiles are interpolated ({@code putLatency99}, {@code putLatency999}). Puts count into
 * the current minute; {@link #roll()} makes it the reported one and starts the next.
 *
 * <p>Thread-safe: {@link #record} is lock-free; a put racing a roll may land in either minute.
 */
final class PutLatencyHistogram {
    private static final String[] RANGE_NAMES = {"[<=0ms]", "[0~10ms]", "[10~50ms]", "[50~100ms]", "[100~200ms]",
        "[200~500ms]", "[500ms~1s]", "[1~2s]", "[2~3s]", "[3~4s]", "[4~5s]", "[5~10s]", "[10s~]"};
    /** Exclusive upper ends of ranges 1..11; range 0 is "0 ms or less", range 12 everything from 10 s. */
    private static final long[] RANGE_ENDS_MS = {10, 50, 100, 200, 500, 1000, 2000, 3000, 4000, 5000, 10_000};
    /** Inclusive upper ends of the fine buckets, the last one open. */
    private static final long[] BUCKET_ENDS_MS = bucketEnds();

    private volatile LongAdder[] ranges = adders(RANGE_NAMES.length);
    private volatile LongAdder[] buckets = adders(BUCKET_ENDS_MS.length);
    private volatile LongAdder[] lastRanges;
    private volatile LongAdder[] lastBuckets = adders(BUCKET_ENDS_MS.length);

    /** Bucket widths and counts: 20 of 1 ms, 15 of 2 ms, 10 of 5 ms, 10 of 10 ms, 6 of 50, 5 of 100, 9 of 1 s. */
    private static long[] bucketEnds() {
        int[][] widthsAndCounts = {{1, 20}, {2, 15}, {5, 10}, {10, 10}, {50, 6}, {100, 5}, {1000, 9}};
        long[] ends = new long[76];
        int i = 0;
        long end = 0;
        for (int[] wc : widthsAndCounts) {
            for (int n = 0; n < wc[1]; n++) {
                end += wc[0];
                ends[i++] = end;
            }
        }
        ends[i] = Long.MAX_VALUE;
        return ends;
    }

    private static LongAdder[] adders(int n) {
        LongAdder[] a = new LongAdder[n];
        Arrays.setAll(a, k -> new LongAdder());
        return a;
    }

    void record(long millis) {
        ranges[rangeOf(millis)].increment();
        int at = Arrays.binarySearch(BUCKET_ENDS_MS, millis);
        buckets[at >= 0 ? at : -at - 1].increment();
    }

    private static int rangeOf(long millis) {
        if (millis <= 0) {
            return 0;
        }
        for (int i = 0; i < RANGE_ENDS_MS.length; i++) {
            if (millis < RANGE_ENDS_MS[i]) {
                return i + 1;
            }
        }
        return RANGE_NAMES.length - 1;
    }

    /** Ends the current minute: it becomes the one reported. */
    void roll() {
        lastRanges = ranges;
        ranges = adders(RANGE_NAMES.length);
        lastBuckets = buckets;
        buckets = adders(BUCKET_ENDS_MS.length);
    }

    /** {@code [<=0ms]:N [0~10ms]:N ... } for the last full minute; {@code null} before the first one ended. */
    String distribution() {
        LongAdder[] counts = lastRanges;
        if (counts == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            sb.append(RANGE_NAMES[i]).append(':').append(counts[i].sum()).append(' ');
        }
        return sb.toString();
    }

    /** The put time at fraction {@code p} of the last full minute's puts, interpolated within its bucket. */
    double percentile(double p) {
        LongAdder[] counts = lastBuckets;
        long total = 0;
        for (LongAdder c : counts) {
            total += c.sum();
        }
        long rank = (long) (total * p);
        long below = 0;
        for (int i = 0; i < counts.length; i++) {
            long count = counts[i].sum();
            if (rank <= below + count) {
                long start = i == 0 ? 0 : BUCKET_ENDS_MS[i - 1];
                return count == 0 ? start : start + (BUCKET_ENDS_MS[i] - start) * (rank - below) / (double) count;
            }
            below += count;
        }
        return 0;
    }

    static String twoDecimals(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
