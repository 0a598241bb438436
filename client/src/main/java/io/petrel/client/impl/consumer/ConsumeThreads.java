package io.petrel.client.impl.consumer;

import io.petrel.client.consumer.DefaultMQPushConsumer;
import io.petrel.common.util.NamedThreadFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The threads of a push consumer's consume service: the listener pool and one scheduler for later work. */
final class ConsumeThreads {
    final ThreadPoolExecutor pool;
    final ScheduledExecutorService scheduler;

    ConsumeThreads(DefaultMQPushConsumer consumer) {
        String group = consumer.getConsumerGroup();
        pool = new ThreadPoolExecutor(consumer.getConsumeThreadMin(), consumer.getConsumeThreadMax(), 60,
            TimeUnit.SECONDS, new LinkedBlockingQueue<>(), new NamedThreadFactory("ConsumeMessageThread_" + group));
        scheduler = Executors.newSingleThreadScheduledExecutor(
            new NamedThreadFactory("ConsumeMessageScheduledThread_" + group));
    }

    /** Stops scheduling, lets running listeners finish for up to {@code awaitMillis}. */
    void shutdown(long awaitMillis) {
        scheduler.shutdownNow();
        pool.shutdown();
        try {
            pool.awaitTermination(Math.max(awaitMillis, 0), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
