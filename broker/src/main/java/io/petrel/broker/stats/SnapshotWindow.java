package io.petrel.broker.stats;

import io.petrel.common.util.SampleRing;

/**
 * The last few samples of a counter pair (value, times), taken every {@code periodMillis}, as RocketMQ's
 * {@code StatsItem} keeps them: the first sample of an empty window is preceded by a zero sample one period
 * earlier, so that what was counted before the first sample shows up in the first period. A window of
 * {@code capacity} samples spans {@code capacity - 1} periods (7 samples every 10 s make a minute).
 *
 * <p>Thread-safe: sampling and reading are synchronized on the window; they run on the stats scheduler and
 * on admin requests, never on the send or pull path.
 */
final class SnapshotWindow {
    private static final int VALUE = 0;
    private static final int TIMES = 1;

    private final long periodMillis;
    private final SampleRing samples;

    SnapshotWindow(int capacity, long periodMillis) {
        this.periodMillis = periodMillis;
        this.samples = new SampleRing(capacity, 2);
    }

    synchronized void sample(long nowMillis, long timesTotal, long valueTotal) {
        if (samples.size() == 0) {
            samples.add(nowMillis - periodMillis, 0, 0);
        }
        samples.add(nowMillis, valueTotal, timesTotal);
    }

    /** Change between the oldest and the newest sample: sum, per second, and per call (0 with no calls). */
    synchronized StatsSnapshot read() {
        if (samples.size() == 0) {
            return StatsSnapshot.EMPTY;
        }
        int oldest = samples.size() - 1;
        long sum = samples.value(0, VALUE) - samples.value(oldest, VALUE);
        long spanMillis = samples.atMillis(0) - samples.atMillis(oldest);
        double tps = spanMillis > 0 ? sum * 1000.0 / spanMillis : 0;
        long calls = samples.value(0, TIMES) - samples.value(oldest, TIMES);
        double avgpt = calls > 0 ? (double) sum / calls : 0;
        return new StatsSnapshot(sum, tps, avgpt, calls);
    }
}
