package io.petrel.store;

import java.time.Clock;

/**
 * Flushes ConsumeQueues every {@code flushIntervalConsumeQueue} when at least
 * {@code flushConsumeQueueLeastPages} pages are dirty; every
 * {@code flushConsumeQueueThoroughInterval} everything, then the checkpoint. Steps run on the
 * loop's thread only.
 */
public final class FlushConsumeQueueService {
    private final ConsumeQueueTable queues;
    private final StoreCheckpoint checkpoint;
    private final MessageStoreConfig config;
    private final Clock clock;
    private final ServiceLoop loop;
    private long lastThoroughMs;

    public FlushConsumeQueueService(ConsumeQueueTable queues, StoreCheckpoint checkpoint, MessageStoreConfig config, Clock clock) {
        this.queues = queues;
        this.checkpoint = checkpoint;
        this.config = config;
        this.clock = clock;
        this.loop = new ServiceLoop("FlushConsumeQueueService", config.flushIntervalConsumeQueueMs(), this::step);
    }

    public void start() {
        lastThoroughMs = clock.millis();
        loop.start();
    }

    public long step() {
        long now = clock.millis();
        if (now - lastThoroughMs >= config.flushConsumeQueueThoroughIntervalMs()) {
            lastThoroughMs = now;
            queues.flush(0);
            checkpoint.flush();
        } else {
            queues.flush(config.flushConsumeQueueLeastPages());
        }
        return 0;
    }

    public void shutdown() {
        loop.shutdown(5_000);
        queues.flush(0);
    }
}
