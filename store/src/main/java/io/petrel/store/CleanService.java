package io.petrel.store;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention and disk protection. Each {@link #step()}:
 * <ol>
 *   <li>checks the CommitLog partition: above {@code diskSpaceWarningLevelRatio} the store is
 *       marked disk-full (puts refused), below it the mark is cleared;</li>
 *   <li>at a {@code deleteWhen} hour (or for a few runs after {@link #deleteManually()}), or when usage passes {@code diskMaxUsedSpaceRatio},
 *       deletes up to 10 CommitLog files older than {@code fileReservedTime} (by mtime), oldest
 *       first, never the newest; above {@code diskSpaceCleanForciblyRatio} unexpired ones too;</li>
 *   <li>deletes ConsumeQueue and index files that only reference deleted CommitLog data.</li>
 * </ol>
 * Thread-safe: steps are serialised.
 */
public final class CleanService {
    private static final Logger LOG = LoggerFactory.getLogger(CleanService.class);
    private static final int MAX_FILES_PER_RUN = 10;
    /** Runs that act as if the delete hour had come after an admin request, as 4.9.7 counts them. */
    static final int MANUAL_DELETE_RUNS = 20;

    private final MessageStoreConfig config;
    private final CommitLog commitLog;
    private final ConsumeQueueTable queues;
    private final IndexService index;
    private final DiskUsage diskUsage;
    private final Clock clock;
    private final StoreState state;
    private final ServiceLoop loop;
    private final AtomicInteger manualRuns = new AtomicInteger();

    public CleanService(MessageStoreConfig config, CommitLog commitLog, ConsumeQueueTable queues, IndexService index,
                        DiskUsage diskUsage, Clock clock, StoreState state) {
        this.config = config;
        this.commitLog = commitLog;
        this.queues = queues;
        this.index = index;
        this.diskUsage = diskUsage;
        this.clock = clock;
        this.state = state;
        this.loop = new ServiceLoop("CleanService", config.cleanResourceIntervalMs(), this::step);
    }

    public void start() {
        loop.start();
    }

    /**
     * DELETE_EXPIRED_COMMITLOG: this run and the next {@value #MANUAL_DELETE_RUNS} - 1 delete expired CommitLog
     * files as if the delete hour had come. Runs one step now; returns the files it deleted.
     */
    public long deleteManually() {
        manualRuns.set(MANUAL_DELETE_RUNS);
        return step();
    }

    /** One run (serialised: the loop and an admin call may overlap); returns the number of files deleted. */
    public synchronized long step() {
        double ratio = diskUsage.usedRatio(config.storePathCommitLog());
        checkDiskFull(ratio);
        int deleted = deleteCommitLogFiles(ratio);
        long minPhy = commitLog.minOffset();
        if (minPhy > 0) {
            for (ConsumeQueue cq : queues.all()) {
                deleted += cq.deleteExpired(minPhy);
            }
            deleted += index.deleteExpired(minPhy);
        }
        return deleted;
    }

    private void checkDiskFull(double ratio) {
        boolean full = ratio > config.diskSpaceWarningLevelRatio();
        if (full && !state.isDiskFull()) {
            LOG.error("CommitLog disk usage {} is above {}: the broker's disk is full, refusing new messages",
                ratio, config.diskSpaceWarningLevelRatio());
        } else if (!full && state.isDiskFull()) {
            LOG.info("CommitLog disk usage {} is back below {}: accepting messages again", ratio, config.diskSpaceWarningLevelRatio());
        }
        state.setDiskFull(full);
    }

    private int deleteCommitLogFiles(double ratio) {
        boolean timeUp = isDeleteHour() | manualRuns.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        boolean spaceFull = ratio > config.diskMaxUsedSpaceRatio() / 100.0;
        boolean forced = config.cleanFileForciblyEnable() && ratio > config.diskSpaceCleanForciblyRatio();
        if (!timeUp && !spaceFull) {
            return 0;
        }
        long now = clock.millis();
        long reservedMs = config.fileReservedTimeHours() * 3_600_000L;
        List<MappedFile> files = commitLog.files().files();
        int deleted = 0;
        while (deleted < MAX_FILES_PER_RUN && files.size() > 1) {
            MappedFile f = files.get(0);
            boolean expired = now >= f.lastModifiedMs() + reservedMs;
            if (!expired && !forced) {
                break;
            }
            if (!commitLog.files().deleteFirst(f, config.destroyMappedFileIntervalForciblyMs(), now)) {
                break;
            }
            LOG.info("deleted CommitLog file {} (expired={}, disk usage {})", f.path(), expired, ratio);
            deleted++;
        }
        return deleted;
    }

    private boolean isDeleteHour() {
        int hour = LocalDateTime.now(clock).getHour();
        for (String h : config.deleteWhen().split(";")) {
            if (Integer.parseInt(h.trim()) == hour) {
                return true;
            }
        }
        return false;
    }

    public void shutdown() {
        loop.shutdown(5_000);
    }
}
