package io.petrel.client.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.client.common.ThreadLocalIndex;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LatencyFaultToleranceImplTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LatencyFaultToleranceImpl<String> tolerance =
        new LatencyFaultToleranceImpl<>(now::get, new ThreadLocalIndex(() -> 0));

    @Test
    void unknownBrokersAreAvailable() {
        assertTrue(tolerance.isAvailable("b"));
        assertNull(tolerance.pickOneAtLeast());
        tolerance.remove("b");
        tolerance.remove(null);
        assertTrue(tolerance.isAvailable(null));
    }

    @Test
    void unavailableUntilTheDurationHasPassed() {
        tolerance.updateFaultItem("b", 600, 30_000);
        assertFalse(tolerance.isAvailable("b"));
        now.addAndGet(29_999);
        assertFalse(tolerance.isAvailable("b"));
        now.addAndGet(1);
        assertTrue(tolerance.isAvailable("b"));
        tolerance.updateFaultItem("b", 10, 0);
        assertTrue(tolerance.isAvailable("b"), "a zero duration leaves it available");
    }

    @Test
    void removeForgetsTheBroker() {
        tolerance.updateFaultItem("b", 600, 30_000);
        tolerance.remove("b");
        assertTrue(tolerance.isAvailable("b"));
        assertNull(tolerance.pickOneAtLeast());
    }

    @Test
    void singleItemIsAlwaysPicked() {
        tolerance.updateFaultItem("only", 5000, 60_000);
        assertEquals("only", tolerance.pickOneAtLeast());
        assertEquals("only", tolerance.pickOneAtLeast());
    }

    @Test
    void picksRotateOverTheBetterHalf() {
        tolerance.updateFaultItem("slowAvailable", 3000, 0);
        tolerance.updateFaultItem("fastAvailable", 40, 0);
        tolerance.updateFaultItem("fastBlocked", 10, 60_000);
        tolerance.updateFaultItem("slowBlocked", 9000, 60_000);
        // Best first: available before blocked, then lower latency: fastAvailable, slowAvailable, fastBlocked, ...
        assertEquals(List.of("slowAvailable", "fastAvailable", "slowAvailable", "fastAvailable"),
            List.of(tolerance.pickOneAtLeast(), tolerance.pickOneAtLeast(), tolerance.pickOneAtLeast(),
                tolerance.pickOneAtLeast()));
    }

    @Test
    void equalLatencyIsBrokenByTheEarlierDeadline() {
        tolerance.updateFaultItem("late", 100, 50_000);
        tolerance.updateFaultItem("early", 100, 20_000);
        tolerance.updateFaultItem("x", 900, 90_000);
        tolerance.updateFaultItem("y", 900, 95_000);
        Set<String> picked = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            picked.add(tolerance.pickOneAtLeast());
        }
        assertEquals(Set.of("early", "late"), picked);
        now.addAndGet(20_000);
        assertTrue(tolerance.isAvailable("early"));
        assertFalse(tolerance.isAvailable("late"));
    }

    @Test
    void picksTheSameHalfAsTheOfficialImplementation() {
        var official = new org.apache.rocketmq.client.latency.LatencyFaultToleranceImpl();
        LatencyFaultToleranceImpl<String> petrel = new LatencyFaultToleranceImpl<>();
        long[][] items = {{10, 0}, {20, 0}, {5, 600_000}, {7000, 0}, {1, 600_000}, {300, 0}};
        for (int i = 0; i < items.length; i++) {
            official.updateFaultItem("b" + i, items[i][0], items[i][1]);
            petrel.updateFaultItem("b" + i, items[i][0], items[i][1]);
        }
        Set<String> officialPicks = new HashSet<>();
        Set<String> petrelPicks = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            officialPicks.add(official.pickOneAtLeast());
            petrelPicks.add(petrel.pickOneAtLeast());
        }
        assertEquals(Set.of("b0", "b1", "b5"), petrelPicks);
        assertEquals(officialPicks, petrelPicks);
        for (int i = 0; i < items.length; i++) {
            assertEquals(official.isAvailable("b" + i), petrel.isAvailable("b" + i), "b" + i);
        }
    }
}
