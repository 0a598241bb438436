package io.petrel.store;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ServiceLoopTest {
    @Test
    void aWakeUpRunsTheStepWhileTheLoopWaitsLong() {
        AtomicInteger steps = new AtomicInteger();
        ServiceLoop loop = new ServiceLoop("ServiceLoopTest", () -> Duration.ofHours(1).toMillis(), () -> {
            steps.incrementAndGet();
            return 0;
        });
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> steps.get() >= 1);
            for (int i = 2; i <= 5; i++) {
                int expected = i;
                loop.wakeup();
                await().atMost(Duration.ofSeconds(10)).until(() -> steps.get() >= expected);
            }
        } finally {
            loop.shutdown(5_000);
        }
    }

    @Test
    void asksForItsWaitAfterEachIdleStep() {
        AtomicLong wait = new AtomicLong(1);
        AtomicInteger steps = new AtomicInteger();
        ServiceLoop loop = new ServiceLoop("ServiceLoopTest", wait::get, () -> {
            steps.incrementAndGet();
            return 0;
        });
        loop.start();
        try {
            // 1 ms waits: the loop keeps stepping on its own
            await().atMost(Duration.ofSeconds(10)).until(() -> steps.get() >= 20);
            wait.set(Duration.ofHours(1).toMillis());
            // settled once two looks 100 ms apart see the same count (with 1 ms waits it would have moved)
            AtomicInteger seen = new AtomicInteger(-1);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    int now = steps.get();
                    return seen.getAndSet(now) == now;
                });
            int settled = steps.get();
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> steps.get() == settled);
            loop.wakeup();
            await().atMost(Duration.ofSeconds(10)).until(() -> steps.get() == settled + 1);
        } finally {
            loop.shutdown(5_000);
        }
    }
}
