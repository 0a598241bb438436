package io.petrel.common.util;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Thread pools with a bounded queue that reject (rather than block or grow) when full. */
public final class BoundedExecutors {
    private BoundedExecutors() {
    }

    /**
     * A fixed pool of {@code threads} named {@code name-N} with room for {@code queueCapacity} waiting tasks;
     * further submissions throw {@link java.util.concurrent.RejectedExecutionException}.
     */
    public static ThreadPoolExecutor fixed(String name, int threads, int queueCapacity) {
        if (threads < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException(
                name + ": threads (" + threads + ") and queue capacity (" + queueCapacity + ") must be positive");
        }
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity),
            new NamedThreadFactory(name), new ThreadPoolExecutor.AbortPolicy());
    }

    /** Shuts a pool down, waiting at most {@code timeoutMillis} for running tasks; safe to call twice. */
    public static void shutdown(java.util.concurrent.ExecutorService executor, long timeoutMillis) {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
