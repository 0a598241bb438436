package io.petrel.broker.stats;

import io.petrel.common.topic.TopicValidator;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's keyed statistics, as RocketMQ's {@code BrokerStatsManager} keeps them (with its default detail
 * statistics on) and VIEW_BROKER_STATS_DATA reads them: per topic, per topic and group, per delay level (queues
 * of the schedule topic), and broker-wide under the cluster name. Each statistic is a {@link StatsItemSet};
 * every item in it is sampled every 10 s, 10 min and hour ({@link #scheduleOn}).
 *
 * <p>Counting ({@code on*}) is lock-free and thread-safe. Counting a send allocates nothing (queue keys are built
 * once per queue); a pull builds its {@code topic@group} and latency keys.
 */
public final class BrokerStats {
    public static final String QUEUE_PUT_NUMS = "QUEUE_PUT_NUMS";
    public static final String QUEUE_PUT_SIZE = "QUEUE_PUT_SIZE";
    public static final String QUEUE_GET_NUMS = "QUEUE_GET_NUMS";
    public static final String QUEUE_GET_SIZE = "QUEUE_GET_SIZE";
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
    /** The group under which RocketMQ counts the schedule service's reads of the schedule topic. */
    private static final String SCHEDULE_GROUP = "SCHEDULE_CONSUMER";
    private static final String SCHEDULE_TOPIC_AND_GROUP = TopicValidator.RMQ_SYS_SCHEDULE_TOPIC + SEPARATOR
        + SCHEDULE_GROUP;

    private final String clusterName;
    private final Clock clock;
    private final Map<String, StatsItemSet> sets = new LinkedHashMap<>();
    private final QueueKeys queueKeys = new QueueKeys();
    private final StatsItemSet queuePutNums = define(QUEUE_PUT_NUMS);
    private final StatsItemSet queuePutSize = define(QUEUE_PUT_SIZE);
    private final StatsItemSet queueGetNums = define(QUEUE_GET_NUMS);
    private final StatsItemSet queueGetSize = define(QUEUE_GET_SIZE);
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

    /**
     * A stored send: {@code messages} messages (more than one for a batch) of {@code bytes} stored bytes, in the
     * topic and queue they were stored in (a delayed message in the schedule topic's queue of its level).
     */
    public void onPut(String topic, int queueId, int messages, long bytes) {
        countTopicPut(topic, queueId, messages, bytes);
        brokerPutNums.item(clusterName).add(messages, 0);
    }

    /** RocketMQ counts queue puts only for the schedule topic, where a queue is a delay level. */
    private void countTopicPut(String topic, int queueId, int messages, long bytes) {
        if (TopicValidator.RMQ_SYS_SCHEDULE_TOPIC.equals(topic)) {
            String queueKey = queueKeys.of(topic, queueId);
            queuePutNums.add(queueKey, messages, 1);
            queuePutSize.add(queueKey, bytes, 1);
        }
        topicPutNums.add(topic, messages, 1);
        topicPutSize.add(topic, bytes, 1);
    }

    /** A pull that found messages, counted for its topic and group, its queue's latency and the broker. */
    public void onGet(String topic, String group, int queueId, Get get) {
        String key = countGet(topic, group, get.messages(), get.bytes());
        groupGetLatency.add(Integer.toString(queueId) + SEPARATOR + key, get.latencyMillis(), 1);
        if (get.fromDisk()) {
            groupGetFromDiskNums.add(key, get.messages(), 1);
            groupGetFromDiskSize.add(key, get.bytes(), 1);
            brokerGetFromDiskNums.item(clusterName).add(get.messages(), 1);
            brokerGetFromDiskSize.item(clusterName).add(get.bytes(), 1);
        }
    }

    /** A read of a system topic by the broker itself (transaction checks) that found messages. */
    public void onInternalGet(String topic, String group, int messages, long bytes) {
        countGet(topic, group, messages, bytes);
    }

    /** Counts a get for the topic and group and the broker; returns the {@code topic@group} key. */
    private String countGet(String topic, String group, int messages, long bytes) {
        String key = topic + SEPARATOR + group;
        groupGetNums.add(key, messages, 1);
        groupGetSize.add(key, bytes, 1);
        brokerGetNums.item(clusterName).add(messages, 0);
        return key;
    }

    /**
     * What one successful pull read. {@code fromDisk}: the messages lie beyond what the page cache is expected to
     * hold (the store's "suggest pulling from a slave"); RocketMQ 4.9.7 defines the *_FROM_DISK statistics but
     * never counts them.
     */
    public record Get(int messages, long bytes, long latencyMillis, boolean fromDisk) {
    }

    /**
     * Delayed messages moved from the schedule topic to their real topic: a get of the schedule topic by the
     * schedule group and a put to the real topic.
     */
    public void onDelayedDelivery(int delayLevel, String realTopic, int messages, long bytes) {
        String queueKey = queueKeys.of(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC, delayLevel - 1) + SEPARATOR
            + SCHEDULE_GROUP;
        queueGetNums.add(queueKey, messages, 1);
        queueGetSize.add(queueKey, bytes, 1);
        groupGetNums.add(SCHEDULE_TOPIC_AND_GROUP, messages, 1);
        groupGetSize.add(SCHEDULE_TOPIC_AND_GROUP, bytes, 1);
        topicPutNums.add(realTopic, messages, 1);
        topicPutSize.add(realTopic, bytes, 1);
        brokerPutNums.item(clusterName).add(messages, 0);
    }

    /**
     * A message of {@code originalTopic} a consumer of {@code group} sent back to be consumed again; stored (as
     * RocketMQ counts it) as a put only when it went to the schedule topic to wait for its retry.
     */
    public void onSendBack(String group, String originalTopic, String storedTopic, int storedQueue, long bytes) {
        sendBackPutNums.add(originalTopic + SEPARATOR + group, 1, 1);
        if (TopicValidator.RMQ_SYS_SCHEDULE_TOPIC.equals(storedTopic)) {
            countTopicPut(storedTopic, storedQueue, 1, bytes);
        }
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
        queueKeys.forget(topic);
        for (StatsItemSet set : List.of(queuePutNums, queuePutSize, queueGetNums, queueGetSize, groupGetNums,
            groupGetSize, sendBackPutNums, groupGetFromDiskNums, groupGetFromDiskSize)) {
            set.removeIf(k -> k.startsWith(prefix));
        }
        groupGetLatency.removeIf(k -> k.contains(infix));
    }

    /** Forgets every item keyed by the consumer group. */
    public void onGroupDeleted(String group) {
        String suffix = SEPARATOR + group;
        for (StatsItemSet set : List.of(queueGetNums, queueGetSize, groupGetNums, groupGetSize, sendBackPutNums,
            groupGetLatency, groupGetFromDiskNums, groupGetFromDiskSize)) {
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
