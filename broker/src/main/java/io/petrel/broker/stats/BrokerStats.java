package io.petrel.broker.stats;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Message counters behind the TPS figures admins see: puts per topic, gets per topic and group, and broker-wide
 * totals with per-day snapshots. Counting is lock-free; rates are computed from snapshots taken by
 * {@link #sample()} (run every 10 s).
 */
public final class BrokerStats {
    private final Clock clock;
    private final LongAdder putNums = new LongAdder();
    private final LongAdder putBytes = new LongAdder();
    private final LongAdder getNums = new LongAdder();
    private final LongAdder getFound = new LongAdder();
    private final LongAdder getMiss = new LongAdder();
    private final Map<String, LongAdder> putByTopic = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> getByTopicGroup = new ConcurrentHashMap<>();
    private final RateWindow putRate = new RateWindow();
    private final RateWindow getRate = new RateWindow();
    private final RateWindow foundRate = new RateWindow();
    private final RateWindow missRate = new RateWindow();
    private volatile long putTodayMorning;
    private volatile long putYesterdayMorning;
    private volatile long getTodayMorning;
    private volatile long getYesterdayMorning;
    private volatile long day = -1;

    public BrokerStats(Clock clock) {
        this.clock = clock;
    }

    public void onPut(String topic, int messages, long bytes) {
        putNums.add(messages);
        putBytes.add(bytes);
        putByTopic.computeIfAbsent(topic, t -> new LongAdder()).add(messages);
    }

    public void onGet(String topic, String group, int messages) {
        if (messages > 0) {
            getNums.add(messages);
            getFound.increment();
            getByTopicGroup.computeIfAbsent(topic + "@" + group, k -> new LongAdder()).add(messages);
        } else {
            getMiss.increment();
        }
    }

    /** Takes a snapshot for the rate windows and rolls the per-day totals at midnight (UTC of the clock). */
    public void sample() {
        long now = clock.millis();
        putRate.sample(now, putNums.sum());
        getRate.sample(now, getNums.sum());
        foundRate.sample(now, getFound.sum());
        missRate.sample(now, getMiss.sum());
        long today = now / 86_400_000L;
        if (day != today) {
            if (day >= 0) {
                putYesterdayMorning = putTodayMorning;
                getYesterdayMorning = getTodayMorning;
            }
            putTodayMorning = putNums.sum();
            getTodayMorning = getNums.sum();
            day = today;
        }
    }

    /** Rates over the last 10 s, 1 min and 10 min, space-separated, as {@code clusterList} reads them. */
    public String putTps() {
        return putRate.describe();
    }

    public String getTransferredTps() {
        return getRate.describe();
    }

    public String getFoundTps() {
        return foundRate.describe();
    }

    public String getMissTps() {
        return missRate.describe();
    }

    public long putTotal() {
        return putNums.sum();
    }

    public long putBytesTotal() {
        return putBytes.sum();
    }

    public long getTotal() {
        return getNums.sum();
    }

    public long putTodayMorning() {
        return putTodayMorning;
    }

    public long putYesterdayMorning() {
        return putYesterdayMorning;
    }

    public long getTodayMorning() {
        return getTodayMorning;
    }

    public long getYesterdayMorning() {
        return getYesterdayMorning;
    }

    public long putsOfTopic(String topic) {
        LongAdder a = putByTopic.get(topic);
        return a == null ? 0 : a.sum();
    }
}
