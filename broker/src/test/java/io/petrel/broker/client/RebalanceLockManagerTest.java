package io.petrel.broker.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.message.MessageQueue;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RebalanceLockManagerTest {
    private final MessageQueue q0 = new MessageQueue("T", "b", 0);
    private final MessageQueue q1 = new MessageQueue("T", "b", 1);

    @Test
    void oneHolderAtATimeUntilExpiry() {
        RebalanceLockManager locks = new RebalanceLockManager(60_000);
        assertEquals(Set.of(q0, q1), locks.tryLock("G", Set.of(q0, q1), "c1", 0));
        assertEquals(Set.of(), locks.tryLock("G", Set.of(q0), "c2", 30_000));
        assertEquals(Set.of(q0), locks.tryLock("G", Set.of(q0), "c1", 50_000));
        // q1 was last renewed at 0: expired at 60 001 for another client; q0 renewed at 50 000 is still held.
        assertEquals(Set.of(q1), locks.tryLock("G", Set.of(q0, q1), "c2", 60_001));
        assertTrue(locks.isLockedBy("G", q0, "c1", 60_001));
        assertFalse(locks.isLockedBy("G", q1, "c1", 60_001));
    }

    @Test
    void unlockReleasesOnlyTheCallersQueues() {
        RebalanceLockManager locks = new RebalanceLockManager(60_000);
        locks.tryLock("G", Set.of(q0), "c1", 0);
        locks.unlock("G", Set.of(q0), "c2");
        assertTrue(locks.isLockedBy("G", q0, "c1", 1));
        locks.unlock("G", Set.of(q0), "c1");
        assertEquals(Set.of(q0), locks.tryLock("G", Set.of(q0), "c2", 2));
        assertEquals(Set.of(q0), locks.tryLock("OTHER_GROUP", Set.of(q0), "c1", 2));
    }
}
