package io.petrel.client.impl;

import io.petrel.common.util.NamedThreadFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that issues push consumers' pulls: a pull is started here (it completes asynchronously) and the
 * next one for the same queue is queued again from its callback, at once or after a delay.
 */
public final class PullMessageService {
    private static final Logger LOG = LoggerFactory.getLogger(PullMessageService.class);

    private final ScheduledExecutorService executor;

    PullMessageService(String clientId) {
        executor = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("PullMessageService-" + clientId));
    }

    public void executePullRequestImmediately(Runnable pull) {
        submit(pull, 0);
    }

    public void executePullRequestLater(Runnable pull, long delayMillis) {
        submit(pull, delayMillis);
    }

    /** Runs {@code task} on the pull thread after {@code delayMillis}. */
    public void executeTaskLater(Runnable task, long delayMillis) {
        submit(task, delayMillis);
    }

    private void submit(Runnable pull, long delayMillis) {
        try {
            executor.schedule(() -> runSafely(pull), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("pull service stopped, pull dropped");
        }
    }

    private static void runSafely(Runnable pull) {
        try {
            pull.run();
        } catch (RuntimeException e) {
            LOG.warn("pull task failed", e);
        }
    }

    void shutdown() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
