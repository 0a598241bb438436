package io.petrel.client.impl.consumer;

import io.petrel.common.body.ConsumeStatus;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Per-topic pull and consume figures of one consumer, as GET_CONSUMER_RUNNING_INFO reports them: pull and consume
 * response times and rates over the last minute, and failed messages over the last hour. Counters are cumulative;
 * {@link #sample()} (every 10 s) records them so rates are differences between samples. Thread-safe.
 */
public final class ConsumerStats {
    private static final long MINUTE = 60_000;
    private static final long HOUR = 3_600_000;

    private final LongSupplier clock;
    private final Map<String, Counters> topics = new ConcurrentHashMap<>();

    /** Cumulative counters of one topic and their recent samples. */
    private static final class Counters {
        final LongAdder pulls = new LongAdder();
        final LongAdder pullRtMillis = new LongAdder();
        final LongAdder consumed = new LongAdder();
        final LongAdder consumeRtMillis = new LongAdder();
        final LongAdder consumeOk = new LongAdder();
        final LongAdder consumeFailed = new LongAdder();
        final Deque<long[]> samples = new ArrayDeque<>();

        long[] now(long at) {
            return new long[] {at, pulls.sum(), pullRtMillis.sum(), consumed.sum(), consumeRtMillis.sum(),
                consumeOk.sum(), consumeFailed.sum()};
        }
    }

    public ConsumerStats(LongSupplier clock) {
        this.clock = clock;
    }

    private Counters of(String topic) {
        return topics.computeIfAbsent(topic, t -> new Counters());
    }

    public void onPull(String topic, long rtMillis) {
        Counters c = of(topic);
        c.pulls.increment();
        c.pullRtMillis.add(rtMillis);
    }

    /** One listener call over {@code messages} messages that took {@code rtMillis}. */
    public void onConsume(String topic, long rtMillis, int messages, boolean ok) {
        Counters c = of(topic);
        c.consumed.increment();
        c.consumeRtMillis.add(rtMillis);
        (ok ? c.consumeOk : c.consumeFailed).add(messages);
    }

    /** Records the counters; samples older than an hour are dropped. */
    public void sample() {
        long now = clock.getAsLong();
        for (Counters c : topics.values()) {
            synchronized (c) {
                c.samples.addLast(c.now(now));
                while (!c.samples.isEmpty() && now - c.samples.peekFirst()[0] > HOUR + MINUTE) {
                    c.samples.removeFirst();
                }
            }
        }
    }

    /** Figures per topic, sorted by topic. */
    public Map<String, ConsumeStatus> status() {
        long now = clock.getAsLong();
        Map<String, ConsumeStatus> out = new TreeMap<>();
        topics.forEach((topic, c) -> {
            synchronized (c) {
                out.put(topic, status(c, now));
            }
        });
        return out;
    }

    private static ConsumeStatus status(Counters c, long now) {
        long[] cur = c.now(now);
        long[] minuteAgo = oldestWithin(c, now, MINUTE, cur);
        long[] hourAgo = oldestWithin(c, now, HOUR, cur);
        double seconds = Math.max((cur[0] - minuteAgo[0]) / 1000.0, 1e-3);
        long pulls = cur[1] - minuteAgo[1];
        long calls = cur[3] - minuteAgo[3];
        return new ConsumeStatus(
            pulls == 0 ? 0 : (double) (cur[2] - minuteAgo[2]) / pulls,
            pulls / seconds,
            calls == 0 ? 0 : (double) (cur[4] - minuteAgo[4]) / calls,
            (cur[5] - minuteAgo[5]) / seconds,
            (cur[6] - minuteAgo[6]) / seconds,
            cur[6] - hourAgo[6]);
    }

    private static long[] oldestWithin(Counters c, long now, long window, long[] fallback) {
        for (long[] s : c.samples) {
            if (now - s[0] <= window) {
                return s;
            }
        }
        return fallback;
    }
}
