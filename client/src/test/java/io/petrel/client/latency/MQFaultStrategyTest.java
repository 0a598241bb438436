package io.petrel.client.latency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.client.common.ThreadLocalIndex;
import io.petrel.client.impl.producer.TopicPublishInfo;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.QueueData;
import io.petrel.common.route.TopicRouteData;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MQFaultStrategyTest {
    private static final List<MessageQueue> QUEUES = List.of(mq("a", 0), mq("a", 1), mq("b", 0), mq("b", 1));
    private static final TopicRouteData ROUTE = new TopicRouteData(null,
        List.of(new QueueData("a", 2, 2, 6, 0), new QueueData("b", 2, 2, 6, 0), new QueueData("gone", 2, 0, 6, 0)),
        List.of(), Map.of());

    private final AtomicLong now = new AtomicLong(10_000_000);
    private final MQFaultStrategy strategy = new MQFaultStrategy(now::get);

    private static MessageQueue mq(String broker, int id) {
        return new MessageQueue("T", broker, id);
    }

    private static TopicPublishInfo info() {
        return new TopicPublishInfo(false, QUEUES, ROUTE, true, new ThreadLocalIndex(() -> 0));
    }

    @Test
    void defaultsAreThe4_9_7Tables() {
        assertFalse(strategy.isSendLatencyFaultEnable());
        assertArrayEquals(new long[] {50, 100, 550, 1000, 2000, 3000, 15000}, strategy.getLatencyMax());
        assertArrayEquals(new long[] {0, 0, 30000, 60000, 120000, 180000, 600000}, strategy.getNotAvailableDuration());
    }

    @Test
    void disabledMeansPlainRoundRobinAndNoBookkeeping() {
        TopicPublishInfo info = info();
        strategy.updateFaultItem("a", 20_000, true);
        assertTrue(strategy.getLatencyFaultTolerance().isAvailable("a"));
        assertEquals(mq("b", 0), strategy.selectOneMessageQueue(info, "a"));
        assertEquals(mq("b", 1), strategy.selectOneMessageQueue(info, null));
    }

    @Test
    void latencyMapsToTheDurationOfItsRow() throws Exception {
        strategy.setSendLatencyFaultEnable(true);
        var official = new org.apache.rocketmq.client.latency.MQFaultStrategy();
        Method compute = official.getClass().getDeclaredMethod("computeNotAvailableDuration", long.class);
        compute.setAccessible(true);
        long[] latencies = {0, 49, 50, 99, 100, 549, 550, 999, 1000, 1999, 2000, 2999, 3000, 14999, 15000, 100_000, -1};
        for (long latency : latencies) {
            long expected = (long) compute.invoke(official, latency);
            strategy.updateFaultItem("x", latency, false);
            assertEquals(expected, unavailableFor("x"), "latency " + latency);
        }
        strategy.updateFaultItem("x", 10, true);
        assertEquals(600_000, unavailableFor("x"), "a failed send isolates the broker for the longest time");
    }

    /** How long from now the broker stays unavailable, found by moving the clock. */
    private long unavailableFor(String broker) {
        long start = now.get();
        LatencyFaultTolerance<String> tolerance = strategy.getLatencyFaultTolerance();
        long[] candidates = {0, 30_000, 60_000, 120_000, 180_000, 600_000};
        try {
            for (long d : candidates) {
                now.set(start + d);
                if (tolerance.isAvailable(broker)) {
                    now.set(start + d - 1);
                    assertTrue(d == 0 || !tolerance.isAvailable(broker), "available before " + d);
                    return d;
                }
            }
            return -1;
        } finally {
            now.set(start);
        }
    }

    @Test
    void enabledSkipsSlowBrokers() {
        strategy.setSendLatencyFaultEnable(true);
        strategy.updateFaultItem("a", 700, false);
        TopicPublishInfo info = info();
        for (int i = 0; i < 8; i++) {
            assertEquals("b", strategy.selectOneMessageQueue(info, null).getBrokerName());
        }
        now.addAndGet(30_000);
        Set<String> brokers = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            brokers.add(strategy.selectOneMessageQueue(info, null).getBrokerName());
        }
        assertEquals(Set.of("a", "b"), brokers);
    }

    @Test
    void whenEveryBrokerIsSlowOneOfTheBetterHalfIsUsedAnyway() {
        strategy.setSendLatencyFaultEnable(true);
        strategy.updateFaultItem("a", 20_000, false);
        strategy.updateFaultItem("b", 600, false);
        TopicPublishInfo info = info();
        List<MessageQueue> before = List.copyOf(info.getMessageQueueList());
        Set<MessageQueue> picked = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            MessageQueue mq = strategy.selectOneMessageQueue(info, null);
            assertEquals("b", mq.getBrokerName(), "the lower latency wins");
            picked.add(mq);
        }
        assertEquals(Set.of(mq("b", 0), mq("b", 1)), picked);
        assertEquals(before, info.getMessageQueueList(), "the publish info is not rewritten");
    }

    @Test
    void aBrokerTheRouteNoLongerWritesToIsForgotten() {
        strategy.setSendLatencyFaultEnable(true);
        strategy.updateFaultItem("a", 20_000, true);
        strategy.updateFaultItem("b", 20_000, true);
        strategy.updateFaultItem("gone", 5, true);
        LatencyFaultTolerance<String> tolerance = strategy.getLatencyFaultTolerance();
        TopicPublishInfo info = info();
        MessageQueue mq = strategy.selectOneMessageQueue(info, null);
        assertTrue(QUEUES.contains(mq), "falls back to round-robin: " + mq);
        assertTrue(tolerance.isAvailable("gone"), "removed from the fault table");
        assertFalse(tolerance.isAvailable("a"));
    }

    @Test
    void emptyPublishInfoGivesNoQueue() {
        strategy.setSendLatencyFaultEnable(true);
        assertNull(strategy.selectOneMessageQueue(TopicPublishInfo.empty(), null));
        strategy.updateFaultItem("a", 20_000, false);
        assertNull(strategy.selectOneMessageQueue(TopicPublishInfo.empty(), "a"));
        strategy.setSendLatencyFaultEnable(false);
        assertNull(strategy.selectOneMessageQueue(TopicPublishInfo.empty(), "a"));
    }

    @Test
    void differsFromTheOfficialOnlyInNotRewritingSharedQueues() {
        var official = new org.apache.rocketmq.client.latency.MQFaultStrategy();
        official.setSendLatencyFaultEnable(true);
        official.updateFaultItem("a", 20_000, false);
        official.updateFaultItem("b", 20_000, false);
        var officialInfo = new org.apache.rocketmq.client.impl.producer.TopicPublishInfo();
        officialInfo.setMessageQueueList(new java.util.ArrayList<>(io.petrel.client.compat.Official.queues(
            List.of(mq("a", 0), mq("b", 0)))));
        officialInfo.setTopicRouteData(io.petrel.client.compat.Official.route(new TopicRouteData(null,
            List.of(new QueueData("a", 1, 1, 6, 0), new QueueData("b", 1, 1, 6, 0)), List.of(), Map.of())));
        for (int i = 0; i < 20; i++) {
            official.selectOneMessageQueue(officialInfo, null);
        }
        // The official strategy renames the listed queue objects to the picked broker ("a" sorts first on a tie).
        assertEquals(List.of(mq("a", 0), mq("a", 0)),
            io.petrel.client.compat.Official.petrel(officialInfo.getMessageQueueList()));
        strategy.setSendLatencyFaultEnable(true);
        strategy.updateFaultItem("a", 20_000, false);
        strategy.updateFaultItem("b", 20_000, false);
        TopicPublishInfo petrel = new TopicPublishInfo(false, List.of(mq("a", 0), mq("b", 0)), ROUTE, true);
        for (int i = 0; i < 20; i++) {
            strategy.selectOneMessageQueue(petrel, null);
        }
        assertEquals(List.of(mq("a", 0), mq("b", 0)), petrel.getMessageQueueList());
    }
}
