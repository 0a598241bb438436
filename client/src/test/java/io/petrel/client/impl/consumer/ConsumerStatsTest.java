package io.petrel.client.impl.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.petrel.common.body.ConsumeStatus;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsumerStatsTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final ConsumerStats stats = new ConsumerStats(now::get);

    @Test
    void ratesAreOverTheLastMinuteAndFailuresOverTheLastHour() {
        stats.onPull("T", 0);
        stats.sample();
        now.addAndGet(60_000);
        for (int i = 0; i < 30; i++) {
            stats.onPull("T", 4);
            stats.onConsume("T", 2, 2, true);
        }
        stats.onConsume("T", 10, 3, false);
        ConsumeStatus s = stats.status().get("T");
        assertEquals(4.0, s.pullRT(), 1e-9);
        assertEquals(0.5, s.pullTPS(), 1e-9);
        assertEquals((30 * 2 + 10) / 31.0, s.consumeRT(), 1e-9);
        assertEquals(1.0, s.consumeOKTPS(), 1e-9);
        assertEquals(0.05, s.consumeFailedTPS(), 1e-9);
        assertEquals(3, s.consumeFailedMsgs());
    }

    @Test
    void oldActivityLeavesTheMinuteWindowButFailuresStayForAnHour() {
        stats.onConsume("T", 5, 4, false);
        stats.sample();
        for (int i = 0; i < 12; i++) {
            now.addAndGet(10_000);
            stats.sample();
        }
        ConsumeStatus s = stats.status().get("T");
        assertEquals(0.0, s.consumeFailedTPS(), 1e-9);
        assertEquals(0, s.consumeFailedMsgs(), "the hour window starts at the first sample, after the failures");

        stats.onConsume("T", 5, 2, false);
        for (int i = 0; i < 12; i++) {
            now.addAndGet(10_000);
            stats.sample();
        }
        assertEquals(2, stats.status().get("T").consumeFailedMsgs());
        for (int i = 0; i < 370; i++) {
            now.addAndGet(10_000);
            stats.sample();
        }
        assertEquals(0, stats.status().get("T").consumeFailedMsgs());
    }

    @Test
    void topicsAreReportedSeparatelyAndSorted() {
        stats.onConsume("B", 1, 1, true);
        stats.onConsume("A", 1, 1, true);
        Map<String, ConsumeStatus> all = stats.status();
        assertEquals(java.util.List.of("A", "B"), java.util.List.copyOf(all.keySet()));
    }
}
