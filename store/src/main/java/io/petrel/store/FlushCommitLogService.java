package io.petrel.store;

import java.time.Clock;

/**
 * ASYNC_FLUSH: every {@code flushIntervalCommitLog} flush the CommitLog when at least
 * {@code flushCommitLogLeastPages} pages are dirty (or a file is full); every
 * {@code flushCommitLogThoroughInterval} flush whatever is dirty. After a flush the checkpoint's
 * physic timestamp advances. {@link #step()} does one round. Steps run on one thread at a time
 * (the loop, or the caller after {@link #shutdown()}).
 */
public final class FlushCommitLogService {
    private final MappedFileQueue files;
    private final StoreCheckpoint checkpoint;
    private final MessageStoreConfig config;
    private final Clock clock;
    private final ServiceLoop loop;
    private long lastThoroughMs;

    public FlushCommitLogService(MappedFileQueue files, StoreCheckpoint checkpoint, MessageStoreConfig config, Clock clock) {
        this.files = files;
        this.checkpoint = checkpoint;
        this.config = config;
        this.clock = clock;
        this.loop = new ServiceLoop("FlushCommitLogService", config.flushIntervalCommitLogMs(), this::step);
    }

    public void start() {
        lastThoroughMs = clock.millis();
        loop.start();
    }

    public void wakeup() {
        loop.wakeup();
    }

    /** One flush round; always returns 0 so the loop waits a full interval. */
    public long step() {
        long now = clock.millis();
        int leastPages = config.flushCommitLogLeastPages();
        if (now - lastThoroughMs >= config.flushCommitLogThoroughIntervalMs()) {
            lastThoroughMs = now;
            leastPages = 0;
        }
        flushAndCheckpoint(leastPages);
        return 0;
    }

    void flushAndCheckpoint(int leastPages) {
        files.flush(leastPages);
        MappedFile flushedFile = files.findByOffset(Math.max(0, files.flushedWhere() - 1), false);
        if (flushedFile != null && flushedFile.storeTimestamp() > 0) {
            checkpoint.setPhysicMsgTimestamp(flushedFile.storeTimestamp());
        }
    }

    public void shutdown() {
        loop.shutdown(5_000);
        for (int i = 0; i < 10 && !files.flush(0); i++) {
            // a record may have gone into the next file while flushing: flush until idle
        }
        flushAndCheckpoint(0);
    }
}
