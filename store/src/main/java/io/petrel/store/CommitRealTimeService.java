package io.petrel.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * With {@code transientStorePoolEnable}: every {@code commitIntervalCommitLog} commits write-buffer
 * bytes to the CommitLog file channel when at least {@code commitCommitLogLeastPages} pages are
 * pending (everything once {@code commitCommitLogThoroughInterval} has passed), then wakes the
 * flush service. Readers only see committed bytes.
 */
public final class CommitRealTimeService {
    private final MappedFileQueue files;
    private final MessageStoreConfig config;
    private final Clock clock;
    private final Runnable afterCommit;
    private final ServiceLoop loop;
    private long lastThoroughMs;

    public CommitRealTimeService(MappedFileQueue files, MessageStoreConfig config, Clock clock, Runnable afterCommit) {
        this.files = files;
        this.config = config;
        this.clock = clock;
        this.afterCommit = afterCommit;
        this.loop = new ServiceLoop("CommitRealTimeService", config.commitIntervalCommitLogMs(), this::step);
    }

    public void start() {
        lastThoroughMs = clock.millis();
        loop.start();
    }

    /** One commit round; returns 1 if bytes were committed. */
    public long step() {
        long now = clock.millis();
        int leastPages = config.commitCommitLogLeastPages();
        if (now - lastThoroughMs >= config.commitCommitLogThoroughIntervalMs()) {
            lastThoroughMs = now;
            leastPages = 0;
        }
        boolean idle = commit(leastPages);
        if (!idle) {
            afterCommit.run();
        }
        return 0;
    }

    private boolean commit(int leastPages) {
        try {
            return files.commit(leastPages);
        } catch (IOException e) {
            throw new UncheckedIOException("committing the CommitLog write buffer failed", e);
        }
    }

    /** Stops the thread and commits everything still buffered. */
    public void shutdown() {
        loop.shutdown(5_000);
        for (int i = 0; i < 10 && !commit(0); i++) {
            // a file may have filled while committing: go on until idle
        }
    }
}
