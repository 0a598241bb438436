package io.petrel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The SYNC_MASTER waits' deadline service, stepped by hand with a hand-moved clock. */
class ReplicasTest {
    private final MutableClock clock = new MutableClock(1_000_000L);

    @Test
    void checksDeadlinesOftenOnlyWhilePutsWait() {
        Replicas replicas = new Replicas(1 << 20, 3000, clock);
        assertEquals(Replicas.IDLE_WAIT_MS, replicas.waitMs());
        Replicas.Link link = replicas.open(0);
        replicas.sent(link, 100);
        replicas.acked(link, 100);
        CompletableFuture<PutMessageStatus> put = replicas.await(100, 200);
        assertFalse(put.isDone());
        assertEquals(Replicas.DEADLINE_CHECK_MS, replicas.waitMs());
        clock.advance(3000);
        assertEquals(1, replicas.step());
        assertEquals(PutMessageStatus.FLUSH_SLAVE_TIMEOUT, put.getNow(null));
        assertEquals(Replicas.IDLE_WAIT_MS, replicas.waitMs());
    }

    @Test
    void anIdleWaitIsNeverLongerThanAPutsTimeout() {
        // a put that starts waiting just after the service paused must still be answered at its deadline
        assertEquals(200, new Replicas(1 << 20, 200, clock).waitMs());
        assertEquals(Replicas.DEADLINE_CHECK_MS, new Replicas(1 << 20, 1, clock).waitMs());
    }
}
