package io.petrel.broker.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.petrel.broker.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** The minute, hour and day windows of a statistic, sampled by hand on a clock moved by hand. */
class StatsWindowsTest {
    private static final String CLUSTER = "DefaultCluster";
    private final MutableClock clock = new MutableClock(1_800_000_000_000L);
    private final BrokerStats stats = new BrokerStats(CLUSTER, clock);

    @Test
    void nothingIsKnownBeforeTheFirstCountAndAnItemReadsZeroBeforeItsFirstSample() {
        assertNull(stats.find(BrokerStats.TOPIC_PUT_NUMS, "T"));
        assertNull(stats.find("NO_SUCH_STATS", "T"));
        stats.onPut("T", 0, 1, 100);
        StatsItem item = stats.find(BrokerStats.TOPIC_PUT_NUMS, "T");
        assertNotNull(item);
        assertEquals(StatsSnapshot.EMPTY, item.inMinute());
        assertEquals(StatsSnapshot.EMPTY, item.inHour());
        assertEquals(StatsSnapshot.EMPTY, item.inDay());
    }

    @Test
    void theFirstSampleCountsEverythingBeforeItAsItsFirstPeriod() {
        stats.onPut("T", 0, 3, 300);
        stats.onPut("T", 0, 1, 100);
        stats.sampleSeconds();
        stats.sampleMinutes();
        stats.sampleHour();
        StatsItem nums = stats.find(BrokerStats.TOPIC_PUT_NUMS, "T");
        assertEquals(new StatsSnapshot(4, 0.4, 2.0, 2), nums.inMinute());
        assertEquals(new StatsSnapshot(4, 4 / 600.0, 2.0, 2), nums.inHour());
        assertEquals(new StatsSnapshot(4, 4 / 3600.0, 2.0, 2), nums.inDay());
        assertEquals(new StatsSnapshot(400, 40.0, 200.0, 2),
            stats.find(BrokerStats.TOPIC_PUT_SIZE, "T").inMinute());
    }

    @Test
    void theMinuteWindowKeepsSevenSamplesSoItSpansSixtySeconds() {
        stats.sampleSeconds();
        stats.onPut("T", 0, 1, 10);
        for (int i = 0; i < 10; i++) {
            clock.advance(10_000);
            stats.onPut("T", 0, 1, 10);
            stats.sampleSeconds();
        }
        // 11 counts; the oldest kept sample is 60 s back and holds the first 5
        StatsSnapshot minute = stats.find(BrokerStats.TOPIC_PUT_NUMS, "T").inMinute();
        assertEquals(6, minute.sum());
        assertEquals(0.1, minute.tps(), 1e-12);
        assertEquals(6, minute.times());
    }

    @Test
    void theHourWindowSpansAnHourAndTheDayWindowADay() {
        for (int i = 0; i < 30; i++) {
            stats.onPut("T", 0, 2, 10);
            stats.sampleMinutes();
            stats.sampleHour();
            clock.advance(600_000);
        }
        StatsItem item = stats.find(BrokerStats.TOPIC_PUT_NUMS, "T");
        assertEquals(new StatsSnapshot(12, 12 / 3600.0, 2.0, 6), item.inHour());
        // the day window sampled every 10 min here, so it keeps 25 samples: 24 periods of 10 min, 48 messages
        assertEquals(new StatsSnapshot(48, 48 / 14_400.0, 2.0, 24), item.inDay());
    }

    @Test
    void brokerWideCountsAddMessagesButNoCallsSoTheirAverageIsZero() {
        stats.onPut("A", 0, 2, 10);
        stats.onPut("B", 0, 3, 10);
        stats.sampleSeconds();
        assertEquals(new StatsSnapshot(5, 0.5, 0.0, 0), stats.find(BrokerStats.BROKER_PUT_NUMS, CLUSTER).inMinute());
    }

    @Test
    void pullsCountPerTopicAndGroupWithLatencyPerQueue() {
        stats.onGet("T", "G", 2, new BrokerStats.Get(4, 400, 6, false));
        stats.onGet("T", "G", 2, new BrokerStats.Get(6, 600, 2, true));
        stats.sampleSeconds();
        assertEquals(new StatsSnapshot(10, 1.0, 5.0, 2), stats.find(BrokerStats.GROUP_GET_NUMS, "T@G").inMinute());
        assertEquals(1000, stats.find(BrokerStats.GROUP_GET_SIZE, "T@G").value());
        assertEquals(new StatsSnapshot(8, 0.8, 4.0, 2),
            stats.find(BrokerStats.GROUP_GET_LATENCY, "2@T@G").inMinute());
        assertEquals(10, stats.find(BrokerStats.BROKER_GET_NUMS, CLUSTER).value());
        assertEquals(6, stats.find(BrokerStats.GROUP_GET_FROM_DISK_NUMS, "T@G").value());
        assertEquals(600, stats.find(BrokerStats.BROKER_GET_FROM_DISK_SIZE, CLUSTER).value());
        assertEquals(1.0, stats.groupGetTpsInMinute("G", "T"));
        assertEquals(0.0, stats.groupGetTpsInMinute("G", "OTHER"));
    }

    @Test
    void onlyTheScheduleTopicIsCountedPerQueue() {
        stats.onPut("T", 3, 2, 200);
        stats.onPut("SCHEDULE_TOPIC_XXXX", 2, 1, 100);
        stats.onPut("SCHEDULE_TOPIC_XXXX", 2, 1, 120);
        stats.onGet("T", "G", 3, new BrokerStats.Get(2, 200, 1, false));
        assertNull(stats.find(BrokerStats.QUEUE_PUT_NUMS, "T@3"));
        assertNull(stats.find(BrokerStats.QUEUE_GET_NUMS, "T@3@G"));
        assertEquals(2, stats.find(BrokerStats.QUEUE_PUT_NUMS, "SCHEDULE_TOPIC_XXXX@2").value());
        assertEquals(220, stats.find(BrokerStats.QUEUE_PUT_SIZE, "SCHEDULE_TOPIC_XXXX@2").value());
        assertEquals(2, stats.find(BrokerStats.TOPIC_PUT_NUMS, "SCHEDULE_TOPIC_XXXX").value());
    }

    @Test
    void aSendBackIsAPutOnlyWhenItWaitsInTheScheduleTopic() {
        stats.onSendBack("G", "T", "SCHEDULE_TOPIC_XXXX", 2, 150);
        stats.onSendBack("G", "T", "%DLQ%G", 0, 150);
        assertEquals(2, stats.find(BrokerStats.SNDBCK_PUT_NUMS, "T@G").value());
        assertEquals(1, stats.find(BrokerStats.QUEUE_PUT_NUMS, "SCHEDULE_TOPIC_XXXX@2").value());
        assertEquals(150, stats.find(BrokerStats.TOPIC_PUT_SIZE, "SCHEDULE_TOPIC_XXXX").value());
        assertNull(stats.find(BrokerStats.TOPIC_PUT_NUMS, "%DLQ%G"));
        assertNull(stats.find(BrokerStats.BROKER_PUT_NUMS, CLUSTER), "RocketMQ counts no broker put here");
    }

    @Test
    void aDelayedDeliveryIsAGetOfTheScheduleTopicAndAPutToTheRealTopic() {
        stats.onDelayedDelivery(3, "T", 1, 150);
        assertEquals(1, stats.find(BrokerStats.GROUP_GET_NUMS, "SCHEDULE_TOPIC_XXXX@SCHEDULE_CONSUMER").value());
        assertEquals(150, stats.find(BrokerStats.QUEUE_GET_SIZE, "SCHEDULE_TOPIC_XXXX@2@SCHEDULE_CONSUMER").value());
        assertEquals(1, stats.find(BrokerStats.TOPIC_PUT_NUMS, "T").value());
        assertEquals(1, stats.find(BrokerStats.BROKER_PUT_NUMS, CLUSTER).value());
        assertNull(stats.find(BrokerStats.QUEUE_PUT_NUMS, "T@0"), "RocketMQ counts no queue put here");
    }

    @Test
    void deletingATopicOrAGroupForgetsTheirItems() {
        stats.onPut("T", 0, 1, 1);
        stats.onGet("T", "G", 0, new BrokerStats.Get(1, 1, 1, false));
        stats.onGet("U", "G", 0, new BrokerStats.Get(1, 1, 1, false));
        stats.onGet("U", "H", 0, new BrokerStats.Get(1, 1, 1, false));
        stats.onSendBack("G", "U", "%RETRY%G", 0, 1);
        StatsItem kept = stats.find(BrokerStats.GROUP_GET_NUMS, "U@H");

        stats.onTopicDeleted("T");
        assertNull(stats.find(BrokerStats.TOPIC_PUT_NUMS, "T"));
        assertNull(stats.find(BrokerStats.GROUP_GET_NUMS, "T@G"));
        assertNull(stats.find(BrokerStats.GROUP_GET_LATENCY, "0@T@G"));
        assertNotNull(stats.find(BrokerStats.GROUP_GET_NUMS, "U@G"));

        stats.onGroupDeleted("G");
        assertNull(stats.find(BrokerStats.GROUP_GET_NUMS, "U@G"));
        assertNull(stats.find(BrokerStats.SNDBCK_PUT_NUMS, "U@G"));
        assertNull(stats.find(BrokerStats.GROUP_GET_LATENCY, "0@U@G"));
        assertSame(kept, stats.find(BrokerStats.GROUP_GET_NUMS, "U@H"));
    }
}
