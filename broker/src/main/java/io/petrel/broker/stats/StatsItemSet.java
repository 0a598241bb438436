package io.petrel.broker.stats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Every {@link StatsItem} of one statistic (TOPIC_PUT_NUMS, GROUP_GET_NUMS, ...), by key. Keys are RocketMQ's:
 * the parts joined by {@code @} ({@code topic}, {@code topic@group}, {@code queueId@topic@group}). An item is
 * created by its first count. Thread-safe.
 */
public final class StatsItemSet {
    private final String name;
    private final Map<String, StatsItem> items = new ConcurrentHashMap<>();

    public StatsItemSet(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public void add(String key, long amount, long calls) {
        item(key).add(amount, calls);
    }

    /** The item under a key, created when missing. */
    public StatsItem item(String key) {
        StatsItem item = items.get(key);
        return item != null ? item : items.computeIfAbsent(key, k -> new StatsItem());
    }

    /** The item under a key, or null. */
    public StatsItem find(String key) {
        return items.get(key);
    }

    /** The minute window of a key; empty for a key never counted. */
    public StatsSnapshot inMinute(String key) {
        StatsItem item = items.get(key);
        return item == null ? StatsSnapshot.EMPTY : item.inMinute();
    }

    void removeIf(Predicate<String> keyMatches) {
        items.keySet().removeIf(keyMatches);
    }

    void sampleSeconds(long nowMillis) {
        items.values().forEach(i -> i.sampleSeconds(nowMillis));
    }

    void sampleMinutes(long nowMillis) {
        items.values().forEach(i -> i.sampleMinutes(nowMillis));
    }

    void sampleHour(long nowMillis) {
        items.values().forEach(i -> i.sampleHour(nowMillis));
    }
}
