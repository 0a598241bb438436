package io.petrel.broker.stats;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's keyed statistics, as RocketMQ's {@code BrokerStatsManager} keeps them and VIEW_BROKER_STATS_DATA
 * reads them: per topic, per topic and group, and broker-wide under the cluster name. Each statistic is a
 * {@link StatsItemSet}; every item in it is sampled every 10 s, 10 min and hour ({@link #scheduleOn}).
 *
 * <p>Counting ({@code on*}) is lock-free and thread-safe; a pull builds one key string ({@code topic@group})
 * for its group counters and one for its latency.
 */
public final class BrokerStats {
    public static final String TOPIC_PUT_NUMS = "TOPIC_PUT_NUMS";
    public static final String TOPIC_PUT_SIZE = "TOPIC_PUT_SIZE";
    public static final String GROUP_GET_NUMS = "GROUP_GET_NUMS";
    public static final String GROUP_GET_SIZE = "GROUP_GET_SIZE";
    public static final String GROUP_GET_LATENCY = "GROUP_GET_LATENCY";
    public static final String SNDBCK_PUT_NUMS = "SNDBCK_PUT_NUMS";
    public static final String BROKER_PUT_NUMS = "BROKER_PUT_NUMS";
    public static final String BROKER_GET_NUMS = "BROKER_GET_NUMS";
    public static final String GROUP_GET_FROM_DISK_NUMS = "GROUP_GET_FROM_DISK_NUMS";
    public static final String GROUP_GET_FROM_DISK_SIZE = "GROUP_GET_FROM_DISK_SIZE";
    public static final String BROKER_GET_FROM_DISK_NUMS = "BROKER_GET_FROM_DISK_NUMS";
    public static final String BROKER_GET_FROM_DISK_SIZE = "BROKER_GET_FROM_DISK_SIZE";

    private static final Logger LOG = LoggerFactory.getLogger(BrokerStats.class);
    private static final char SEPARATOR = '@';

    private final String clusterName;
    private final Clock clock;
    private final Map<String, StatsItemSet> sets = new LinkedHashMap<>();
    private final StatsItemSet topicPutNums = define(TOPIC_PUT_NUMS);
    private final StatsItemSet topicPutSize = define(TOPIC_PUT_SIZE);
    private final StatsItemSet groupGetNums = define(GROUP_GET_NUMS);
    private final StatsItemSet groupGetSize = define(GROUP_GET_SIZE);
    private final StatsItemSet groupGetLatency = define(GROUP_GET_LATENCY);
    private final StatsItemSet sendBackPutNums = define(SNDBCK_PUT_NUMS);
    private final StatsItemSet brokerPutNums = define(BROKER_PUT_NUMS);
    private final StatsItemSet brokerGetNums = define(BROKER_GET_NUMS);
    private final StatsItemSet groupGetFromDiskNums = define(GROUP_GET_FROM_DISK_NUMS);
    private final StatsItemSet groupGetFromDiskSize = define(GROUP_GET_FROM_DISK_SIZE);
    private final StatsItemSet brokerGetFromDiskNums = define(BROKER_GET_FROM_DISK_NUMS);
    private final StatsItemSet brokerGetFromDiskSize = define(BROKER_GET_FROM_DISK_SIZE);

    /** @param clusterName the key of the broker-wide statistics */
    public BrokerStats(String clusterName, Clock clock) {
        this.clusterName = clusterName;
        this.clock = clock;
    }

    private StatsItemSet define(String name) {
        StatsItemSet set = new StatsItemSet(name);
        sets.put(name, set);
        return set;
    }

    /** A stored send: {@code messages} messages (more than one for a batch) of {@code bytes} stored bytes. */
    public void onPut(String topic, int messages, long bytes) {
        topicPutNums.add(topic, messages, 1);
        topicPutSize.add(topic, bytes, 1);
        brokerPutNums.item(clusterName).add(messages, 0);
    }

    /** A pull that found messages, counted for its topic and group, its queue's latency and the broker. */
    public void onGet(String topic, String group, int queueId, Get get) {
        String key = topic + SEPARATOR + group;
        groupGetNums.add(key, get.messages(), 1);
        groupGetSize.add(key, get.bytes(), 1);
        brokerGetNums.item(clusterName).add(get.messages(), 0);
        groupGetLatency.add(Integer.toString(queueId) + SEPARATOR + key, get.latencyMillis(), 1);
        if (get.fromDisk()) {
            groupGetFromDiskNums.add(key, get.messages(), 1);
            groupGetFromDiskSize.add(key, get.bytes(), 1);
            brokerGetFromDiskNums.item(clusterName).add(get.messages(), 1);
            brokerGetFromDiskSize.item(clusterName).add(get.bytes(), 1);
        }
    }

    /**
     * What one successful pull read. {@code fromDisk}: the messages lie beyond what the page cache is expected to
     * hold (the store's "suggest pulling from a slave"); RocketMQ 4.9.7 defines the *_FROM_DISK statistics but
     * never counts them.
     */
    public record Get(int messages, long bytes, long latencyMillis, boolean fromDisk) {
    }

    /** A message a consumer of {@code group} sent back to be consumed again, stored in {@code topic}. */
    public void onSendBack(String group, String topic) {
        sendBackPutNums.add(topic + SEPARATOR + group, 1, 1);
    }

    /** Messages per second {@code group} pulled from {@code topic} over the last minute. */
    public double groupGetTpsInMinute(String group, String topic) {
        return groupGetNums.inMinute(topic + SEPARATOR + group).tps();
    }

    /** The item of a statistic under a key, or null when the statistic is unknown or the key never counted. */
    public StatsItem find(String statsName, String statsKey) {
        StatsItemSet set = sets.get(statsName);
        return set == null ? null : set.find(statsKey);
    }

    /** Forgets every item keyed by the topic. */
    public void onTopicDeleted(String topic) {
        String prefix = topic + SEPARATOR;
        String infix = SEPARATOR + topic + SEPARATOR;
        topicPutNums.removeIf(topic::equals);
        topicPutSize.removeIf(topic::equals);
        for (StatsItemSet set : List.of(groupGetNums, groupGetSize, sendBackPutNums, groupGetFromDiskNums,
            groupGetFromDiskSize)) {
            set.removeIf(k -> k.startsWith(prefix));
        }
        groupGetLatency.removeIf(k -> k.contains(infix));
    }

    /** Forgets every item keyed by the consumer group. */
    public void onGroupDeleted(String group) {
        String suffix = SEPARATOR + group;
        for (StatsItemSet set : List.of(groupGetNums, groupGetSize, sendBackPutNums, groupGetLatency,
            groupGetFromDiskNums, groupGetFromDiskSize)) {
            set.removeIf(k -> k.endsWith(suffix));
        }
    }

    public void sampleSeconds() {
        long now = clock.millis();
        sets.values().forEach(s -> s.sampleSeconds(now));
    }

    public void sampleMinutes() {
        long now = clock.millis();
        sets.values().forEach(s -> s.sampleMinutes(now));
    }

    public void sampleHour() {
        long now = clock.millis();
        sets.values().forEach(s -> s.sampleHour(now));
    }

    /** Samples every item now and then every 10 s, 10 min and hour on {@code scheduler}. */
    public void scheduleOn(ScheduledExecutorService scheduler) {
        scheduler.scheduleAtFixedRate(safely(this::sampleSeconds), 0, StatsItem.SECONDS_PERIOD_MS,
            TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(safely(this::sampleMinutes), 0, StatsItem.MINUTES_PERIOD_MS,
            TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(safely(this::sampleHour), 0, StatsItem.HOUR_PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private static Runnable safely(Runnable step) {
        return () -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.warn("sampling broker stats failed", e);
            }
        };
    }
}
