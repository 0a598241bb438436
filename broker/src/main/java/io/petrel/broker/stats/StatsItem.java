package io.petrel.broker.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * One counter of a statistic under one key (for example the messages group G pulled from topic T): a value and
 * a number of calls, both only ever added to, and three windows over them: the last minute (sampled every
 * 10 s), the last hour (every 10 min) and the last day (every hour).
 *
 * <p>Thread-safe; {@link #add} is lock-free.
 */
public final class StatsItem {
    static final long SECONDS_PERIOD_MS = 10_000;
    static final long MINUTES_PERIOD_MS = 600_000;
    static final long HOUR_PERIOD_MS = 3_600_000;

    private final LongAdder value = new LongAdder();
    private final LongAdder times = new LongAdder();
    private final SnapshotWindow minute = new SnapshotWindow(7, SECONDS_PERIOD_MS);
    private final SnapshotWindow hour = new SnapshotWindow(7, MINUTES_PERIOD_MS);
    private final SnapshotWindow day = new SnapshotWindow(25, HOUR_PERIOD_MS);

    public void add(long amount, long calls) {
        value.add(amount);
        if (calls != 0) {
            times.add(calls);
        }
    }

    public long value() {
        return value.sum();
    }

    public long times() {
        return times.sum();
    }

    void sampleSeconds(long nowMillis) {
        minute.sample(nowMillis, times.sum(), value.sum());
    }

    void sampleMinutes(long nowMillis) {
        hour.sample(nowMillis, times.sum(), value.sum());
    }

    void sampleHour(long nowMillis) {
        day.sample(nowMillis, times.sum(), value.sum());
    }

    public StatsSnapshot inMinute() {
        return minute.read();
    }

    public StatsSnapshot inHour() {
        return hour.read();
    }

    public StatsSnapshot inDay() {
        return day.read();
    }
}
