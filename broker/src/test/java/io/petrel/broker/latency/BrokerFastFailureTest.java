package io.petrel.broker.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BrokerFastFailureTest {
    @Test
    void stepsEvery10MsWhileAQueueHoldsARequestAndAtTheShortestWaitLimitWhileAllAreEmpty() {
        ThreadPoolExecutor send = pool();
        ThreadPoolExecutor pull = pool();
        try {
            BrokerFastFailure ff = new BrokerFastFailure(null, send, List.of(
                new BrokerFastFailure.WatchedPool(send, 200), new BrokerFastFailure.WatchedPool(pull, 5000)),
                Clock.systemUTC());
            assertEquals(200, ff.nextDelayMillis());
            pull.getQueue().add(() -> { });
            assertEquals(10, ff.nextDelayMillis());
            pull.getQueue().clear();
            send.getQueue().add(() -> { });
            assertEquals(10, ff.nextDelayMillis());
            send.getQueue().clear();

            BrokerFastFailure slow = new BrokerFastFailure(null, send, List.of(
                new BrokerFastFailure.WatchedPool(send, 60_000)), Clock.systemUTC());
            assertEquals(1000, slow.nextDelayMillis());
            BrokerFastFailure tight = new BrokerFastFailure(null, send, List.of(
                new BrokerFastFailure.WatchedPool(send, 1)), Clock.systemUTC());
            assertEquals(10, tight.nextDelayMillis());
        } finally {
            send.shutdownNow();
            pull.shutdownNow();
        }
    }

    /** A pool whose queue the test fills by hand: it never starts a thread. */
    private static ThreadPoolExecutor pool() {
        return new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
    }
}
