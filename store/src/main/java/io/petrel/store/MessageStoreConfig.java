package io.petrel.store;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Typed, immutable store configuration. Names and defaults follow the RocketMQ 4.9.7 broker
 * keys; {@link MessageStoreConfigMapper} builds it from {@code broker.conf} properties.
 */
public final class MessageStoreConfig {
    private final Path storePathRootDir;
    private final Path storePathCommitLog;
    private final int mappedFileSizeCommitLog;
    private final int mappedFileSizeConsumeQueue;
    private final int maxMessageSize;
    private final FlushDiskType flushDiskType;
    private final BrokerRole brokerRole;
    private final long flushIntervalCommitLogMs;
    private final int flushCommitLogLeastPages;
    private final long flushCommitLogThoroughIntervalMs;
    private final long syncFlushTimeoutMs;
    private final long flushIntervalConsumeQueueMs;
    private final int flushConsumeQueueLeastPages;
    private final long flushConsumeQueueThoroughIntervalMs;
    private final boolean messageIndexEnable;
    private final boolean messageIndexSafe;
    private final int maxHashSlotNum;
    private final int maxIndexNum;
    private final int maxMsgsNumBatch;
    private final int fileReservedTimeHours;
    private final String deleteWhen;
    private final int diskMaxUsedSpaceRatio;
    private final boolean cleanFileForciblyEnable;
    private final double diskSpaceWarningLevelRatio;
    private final double diskSpaceCleanForciblyRatio;
    private final long cleanResourceIntervalMs;
    private final long destroyMappedFileIntervalForciblyMs;
    private final boolean checkCrcOnRecover;
    private final long osPageCacheBusyTimeOutMs;
    private final boolean warmMappedFileEnable;
    private final int accessMessageInMemoryMaxRatio;
    private final int maxTransferBytesOnMessageInMemory;
    private final int maxTransferCountOnMessageInMemory;
    private final int maxTransferBytesOnMessageInDisk;
    private final int maxTransferCountOnMessageInDisk;
    private final String messageDelayLevel;
    private final long physicalMemoryBytes;
    private final boolean transientStorePoolEnable;
    private final int transientStorePoolSize;
    private final long commitIntervalCommitLogMs;
    private final int commitCommitLogLeastPages;
    private final long commitCommitLogThoroughIntervalMs;
    private final int haListenPort;
    private final String haMasterAddress;
    private final long haSendHeartbeatIntervalMs;
    private final long haHousekeepingIntervalMs;
    private final int haTransferBatchSize;
    private final long haSlaveFallbehindMax;
    private final long slaveTimeoutMs;

    private MessageStoreConfig(Builder b) {
        this.storePathRootDir = b.storePathRootDir;
        this.storePathCommitLog = b.storePathCommitLog != null ? b.storePathCommitLog : b.storePathRootDir.resolve("commitlog");
        this.mappedFileSizeCommitLog = b.mappedFileSizeCommitLog;
        this.mappedFileSizeConsumeQueue = b.mappedFileSizeConsumeQueue;
        this.maxMessageSize = b.maxMessageSize;
        this.flushDiskType = b.flushDiskType;
        this.brokerRole = b.brokerRole;
        this.flushIntervalCommitLogMs = b.flushIntervalCommitLogMs;
        this.flushCommitLogLeastPages = b.flushCommitLogLeastPages;
        this.flushCommitLogThoroughIntervalMs = b.flushCommitLogThoroughIntervalMs;
        this.syncFlushTimeoutMs = b.syncFlushTimeoutMs;
        this.flushIntervalConsumeQueueMs = b.flushIntervalConsumeQueueMs;
        this.flushConsumeQueueLeastPages = b.flushConsumeQueueLeastPages;
        this.flushConsumeQueueThoroughIntervalMs = b.flushConsumeQueueThoroughIntervalMs;
        this.messageIndexEnable = b.messageIndexEnable;
        this.messageIndexSafe = b.messageIndexSafe;
        this.maxHashSlotNum = b.maxHashSlotNum;
        this.maxIndexNum = b.maxIndexNum;
        this.maxMsgsNumBatch = b.maxMsgsNumBatch;
        this.fileReservedTimeHours = b.fileReservedTimeHours;
        this.deleteWhen = b.deleteWhen;
        this.diskMaxUsedSpaceRatio = b.diskMaxUsedSpaceRatio;
        this.cleanFileForciblyEnable = b.cleanFileForciblyEnable;
        this.diskSpaceWarningLevelRatio = b.diskSpaceWarningLevelRatio;
        this.diskSpaceCleanForciblyRatio = b.diskSpaceCleanForciblyRatio;
        this.cleanResourceIntervalMs = b.cleanResourceIntervalMs;
        this.destroyMappedFileIntervalForciblyMs = b.destroyMappedFileIntervalForciblyMs;
        this.checkCrcOnRecover = b.checkCrcOnRecover;
        this.osPageCacheBusyTimeOutMs = b.osPageCacheBusyTimeOutMs;
        this.warmMappedFileEnable = b.warmMappedFileEnable;
        this.accessMessageInMemoryMaxRatio = b.accessMessageInMemoryMaxRatio;
        this.maxTransferBytesOnMessageInMemory = b.maxTransferBytesOnMessageInMemory;
        this.maxTransferCountOnMessageInMemory = b.maxTransferCountOnMessageInMemory;
        this.maxTransferBytesOnMessageInDisk = b.maxTransferBytesOnMessageInDisk;
        this.maxTransferCountOnMessageInDisk = b.maxTransferCountOnMessageInDisk;
        this.messageDelayLevel = b.messageDelayLevel;
        this.physicalMemoryBytes = b.physicalMemoryBytes;
        this.transientStorePoolEnable = b.transientStorePoolEnable;
        this.transientStorePoolSize = b.transientStorePoolSize;
        this.commitIntervalCommitLogMs = b.commitIntervalCommitLogMs;
        this.commitCommitLogLeastPages = b.commitCommitLogLeastPages;
        this.commitCommitLogThoroughIntervalMs = b.commitCommitLogThoroughIntervalMs;
        this.haListenPort = b.haListenPort;
        this.haMasterAddress = b.haMasterAddress;
        this.haSendHeartbeatIntervalMs = b.haSendHeartbeatIntervalMs;
        this.haHousekeepingIntervalMs = b.haHousekeepingIntervalMs;
        this.haTransferBatchSize = b.haTransferBatchSize;
        this.haSlaveFallbehindMax = b.haSlaveFallbehindMax;
        this.slaveTimeoutMs = b.slaveTimeoutMs;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Path storePathRootDir() { return storePathRootDir; }
    public Path storePathCommitLog() { return storePathCommitLog; }
    public Path storePathConsumeQueue() { return storePathRootDir.resolve("consumequeue"); }
    public Path storePathIndex() { return storePathRootDir.resolve("index"); }
    public Path checkpointPath() { return storePathRootDir.resolve("checkpoint"); }
    public Path abortPath() { return storePathRootDir.resolve("abort"); }
    public Path lockPath() { return storePathRootDir.resolve("lock"); }
    public int mappedFileSizeCommitLog() { return mappedFileSizeCommitLog; }
    public int mappedFileSizeConsumeQueue() { return mappedFileSizeConsumeQueue; }
    public int maxMessageSize() { return maxMessageSize; }
    public FlushDiskType flushDiskType() { return flushDiskType; }
    public BrokerRole brokerRole() { return brokerRole; }
    public long flushIntervalCommitLogMs() { return flushIntervalCommitLogMs; }
    public int flushCommitLogLeastPages() { return flushCommitLogLeastPages; }
    public long flushCommitLogThoroughIntervalMs() { return flushCommitLogThoroughIntervalMs; }
    public long syncFlushTimeoutMs() { return syncFlushTimeoutMs; }
    public long flushIntervalConsumeQueueMs() { return flushIntervalConsumeQueueMs; }
    public int flushConsumeQueueLeastPages() { return flushConsumeQueueLeastPages; }
    public long flushConsumeQueueThoroughIntervalMs() { return flushConsumeQueueThoroughIntervalMs; }
    public boolean messageIndexEnable() { return messageIndexEnable; }
    public boolean messageIndexSafe() { return messageIndexSafe; }
    public int maxHashSlotNum() { return maxHashSlotNum; }
    public int maxIndexNum() { return maxIndexNum; }
    public int maxMsgsNumBatch() { return maxMsgsNumBatch; }
    public int fileReservedTimeHours() { return fileReservedTimeHours; }
    public String deleteWhen() { return deleteWhen; }
    public int diskMaxUsedSpaceRatio() { return diskMaxUsedSpaceRatio; }
    public boolean cleanFileForciblyEnable() { return cleanFileForciblyEnable; }
    public double diskSpaceWarningLevelRatio() { return diskSpaceWarningLevelRatio; }
    public double diskSpaceCleanForciblyRatio() { return diskSpaceCleanForciblyRatio; }
    public long cleanResourceIntervalMs() { return cleanResourceIntervalMs; }
    public long destroyMappedFileIntervalForciblyMs() { return destroyMappedFileIntervalForciblyMs; }
    public boolean checkCrcOnRecover() { return checkCrcOnRecover; }
    public long osPageCacheBusyTimeOutMs() { return osPageCacheBusyTimeOutMs; }
    public boolean warmMappedFileEnable() { return warmMappedFileEnable; }
    public int accessMessageInMemoryMaxRatio() { return accessMessageInMemoryMaxRatio; }
    public int maxTransferBytesOnMessageInMemory() { return maxTransferBytesOnMessageInMemory; }
    public int maxTransferCountOnMessageInMemory() { return maxTransferCountOnMessageInMemory; }
    public int maxTransferBytesOnMessageInDisk() { return maxTransferBytesOnMessageInDisk; }
    public int maxTransferCountOnMessageInDisk() { return maxTransferCountOnMessageInDisk; }
    public String messageDelayLevel() { return messageDelayLevel; }
    /** Total RAM used for the "message is in memory" estimate. */
    public long physicalMemoryBytes() { return physicalMemoryBytes; }
    public boolean transientStorePoolEnable() { return transientStorePoolEnable; }
    public int transientStorePoolSize() { return transientStorePoolSize; }
    public long commitIntervalCommitLogMs() { return commitIntervalCommitLogMs; }
    public int commitCommitLogLeastPages() { return commitCommitLogLeastPages; }
    public long commitCommitLogThoroughIntervalMs() { return commitCommitLogThoroughIntervalMs; }

    /** The HA port as configured; a broker listens on its listen port + 1 whatever this says, as 4.9.7 does. */
    public int haListenPort() { return haListenPort; }
    /** A slave's fixed master HA address ({@code host:port}); null to learn it from the NameServer. */
    public String haMasterAddress() { return haMasterAddress; }
    public long haSendHeartbeatIntervalMs() { return haSendHeartbeatIntervalMs; }
    public long haHousekeepingIntervalMs() { return haHousekeepingIntervalMs; }
    public int haTransferBatchSize() { return haTransferBatchSize; }
    /** A SYNC_MASTER answers SLAVE_NOT_AVAILABLE when its best slave is this many bytes or more behind. */
    public long haSlaveFallbehindMax() { return haSlaveFallbehindMax; }
    /** How long a SYNC_MASTER put waits for a slave before FLUSH_SLAVE_TIMEOUT. */
    public long slaveTimeoutMs() { return slaveTimeoutMs; }

    /** The write-buffer pool only applies to an ASYNC_FLUSH master, as in RocketMQ. */
    public boolean isTransientStorePoolActive() {
        return transientStorePoolEnable && flushDiskType == FlushDiskType.ASYNC_FLUSH && brokerRole != BrokerRole.SLAVE;
    }

    /** Mutable builder with the RocketMQ defaults; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private Path storePathRootDir = Paths.get(System.getProperty("user.home"), "store");
        private Path storePathCommitLog;
        private int mappedFileSizeCommitLog = 1024 * 1024 * 1024;
        private int mappedFileSizeConsumeQueue = 300_000 * 20;
        private int maxMessageSize = 4 * 1024 * 1024;
        private FlushDiskType flushDiskType = FlushDiskType.ASYNC_FLUSH;
        private BrokerRole brokerRole = BrokerRole.ASYNC_MASTER;
        private long flushIntervalCommitLogMs = 500;
        private int flushCommitLogLeastPages = 4;
        private long flushCommitLogThoroughIntervalMs = 10_000;
        private long syncFlushTimeoutMs = 5_000;
        private long flushIntervalConsumeQueueMs = 1_000;
        private int flushConsumeQueueLeastPages = 2;
        private long flushConsumeQueueThoroughIntervalMs = 60_000;
        private boolean messageIndexEnable = true;
        private boolean messageIndexSafe = false;
        private int maxHashSlotNum = 5_000_000;
        private int maxIndexNum = 20_000_000;
        private int maxMsgsNumBatch = 64;
        private int fileReservedTimeHours = 72;
        private String deleteWhen = "04";
        private int diskMaxUsedSpaceRatio = 75;
        private boolean cleanFileForciblyEnable = true;
        private double diskSpaceWarningLevelRatio = 0.90;
        private double diskSpaceCleanForciblyRatio = 0.85;
        private long cleanResourceIntervalMs = 10_000;
        private long destroyMappedFileIntervalForciblyMs = 120_000;
        private boolean checkCrcOnRecover = true;
        private long osPageCacheBusyTimeOutMs = 1_000;
        private boolean warmMappedFileEnable = false;
        private int accessMessageInMemoryMaxRatio = 40;
        private int maxTransferBytesOnMessageInMemory = 256 * 1024;
        private int maxTransferCountOnMessageInMemory = 32;
        private int maxTransferBytesOnMessageInDisk = 64 * 1024;
        private int maxTransferCountOnMessageInDisk = 8;
        private String messageDelayLevel = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h";
        private long physicalMemoryBytes = 24L * 1024 * 1024 * 1024;
        private boolean transientStorePoolEnable = false;
        private int transientStorePoolSize = 5;
        private long commitIntervalCommitLogMs = 200;
        private int commitCommitLogLeastPages = 4;
        private long commitCommitLogThoroughIntervalMs = 200;
        private int haListenPort = 10912;
        private String haMasterAddress;
        private long haSendHeartbeatIntervalMs = 5_000;
        private long haHousekeepingIntervalMs = 20_000;
        private int haTransferBatchSize = 32 * 1024;
        private long haSlaveFallbehindMax = 256L * 1024 * 1024;
        private long slaveTimeoutMs = 3_000;

        private Builder() {
        }

        public Builder storePathRootDir(Path v) { storePathRootDir = v; return this; }
        public Builder storePathCommitLog(Path v) { storePathCommitLog = v; return this; }
        public Builder mappedFileSizeCommitLog(int v) { mappedFileSizeCommitLog = v; return this; }
        public Builder mappedFileSizeConsumeQueue(int v) { mappedFileSizeConsumeQueue = v; return this; }
        public Builder maxMessageSize(int v) { maxMessageSize = v; return this; }
        public Builder flushDiskType(FlushDiskType v) { flushDiskType = v; return this; }
        public Builder brokerRole(BrokerRole v) { brokerRole = v; return this; }
        public Builder flushIntervalCommitLogMs(long v) { flushIntervalCommitLogMs = v; return this; }
        public Builder flushCommitLogLeastPages(int v) { flushCommitLogLeastPages = v; return this; }
        public Builder flushCommitLogThoroughIntervalMs(long v) { flushCommitLogThoroughIntervalMs = v; return this; }
        public Builder syncFlushTimeoutMs(long v) { syncFlushTimeoutMs = v; return this; }
        public Builder flushIntervalConsumeQueueMs(long v) { flushIntervalConsumeQueueMs = v; return this; }
        public Builder flushConsumeQueueLeastPages(int v) { flushConsumeQueueLeastPages = v; return this; }
        public Builder flushConsumeQueueThoroughIntervalMs(long v) { flushConsumeQueueThoroughIntervalMs = v; return this; }
        public Builder messageIndexEnable(boolean v) { messageIndexEnable = v; return this; }
        public Builder messageIndexSafe(boolean v) { messageIndexSafe = v; return this; }
        public Builder maxHashSlotNum(int v) { maxHashSlotNum = v; return this; }
        public Builder maxIndexNum(int v) { maxIndexNum = v; return this; }
        public Builder maxMsgsNumBatch(int v) { maxMsgsNumBatch = v; return this; }
        public Builder fileReservedTimeHours(int v) { fileReservedTimeHours = v; return this; }
        public Builder deleteWhen(String v) { deleteWhen = v; return this; }
        public Builder diskMaxUsedSpaceRatio(int v) { diskMaxUsedSpaceRatio = v; return this; }
        public Builder cleanFileForciblyEnable(boolean v) { cleanFileForciblyEnable = v; return this; }
        public Builder diskSpaceWarningLevelRatio(double v) { diskSpaceWarningLevelRatio = v; return this; }
        public Builder diskSpaceCleanForciblyRatio(double v) { diskSpaceCleanForciblyRatio = v; return this; }
        public Builder cleanResourceIntervalMs(long v) { cleanResourceIntervalMs = v; return this; }
        public Builder destroyMappedFileIntervalForciblyMs(long v) { destroyMappedFileIntervalForciblyMs = v; return this; }
        public Builder checkCrcOnRecover(boolean v) { checkCrcOnRecover = v; return this; }
        public Builder osPageCacheBusyTimeOutMs(long v) { osPageCacheBusyTimeOutMs = v; return this; }
        public Builder warmMappedFileEnable(boolean v) { warmMappedFileEnable = v; return this; }
        public Builder accessMessageInMemoryMaxRatio(int v) { accessMessageInMemoryMaxRatio = v; return this; }
        public Builder maxTransferBytesOnMessageInMemory(int v) { maxTransferBytesOnMessageInMemory = v; return this; }
        public Builder maxTransferCountOnMessageInMemory(int v) { maxTransferCountOnMessageInMemory = v; return this; }
        public Builder maxTransferBytesOnMessageInDisk(int v) { maxTransferBytesOnMessageInDisk = v; return this; }
        public Builder maxTransferCountOnMessageInDisk(int v) { maxTransferCountOnMessageInDisk = v; return this; }
        public Builder messageDelayLevel(String v) { messageDelayLevel = v; return this; }
        public Builder physicalMemoryBytes(long v) { physicalMemoryBytes = v; return this; }
        public Builder transientStorePoolEnable(boolean v) { transientStorePoolEnable = v; return this; }
        public Builder transientStorePoolSize(int v) { transientStorePoolSize = v; return this; }
        public Builder commitIntervalCommitLogMs(long v) { commitIntervalCommitLogMs = v; return this; }
        public Builder commitCommitLogLeastPages(int v) { commitCommitLogLeastPages = v; return this; }
        public Builder commitCommitLogThoroughIntervalMs(long v) { commitCommitLogThoroughIntervalMs = v; return this; }

        public Builder haListenPort(int v) { haListenPort = v; return this; }
        public Builder haMasterAddress(String v) { haMasterAddress = v; return this; }
        public Builder haSendHeartbeatIntervalMs(long v) { haSendHeartbeatIntervalMs = v; return this; }
        public Builder haHousekeepingIntervalMs(long v) { haHousekeepingIntervalMs = v; return this; }
        public Builder haTransferBatchSize(int v) { haTransferBatchSize = v; return this; }
        public Builder haSlaveFallbehindMax(long v) { haSlaveFallbehindMax = v; return this; }
        public Builder slaveTimeoutMs(long v) { slaveTimeoutMs = v; return this; }

        public MessageStoreConfig build() {
            require(storePathRootDir != null, "storePathRootDir", "must be set");
            require(mappedFileSizeCommitLog >= 1024, "mappedFileSizeCommitLog", "must be at least 1024 bytes");
            require(mappedFileSizeConsumeQueue >= 20 && mappedFileSizeConsumeQueue % 20 == 0,
                "mappedFileSizeConsumeQueue", "must be a positive multiple of 20");
            require(maxMessageSize > 0, "maxMessageSize", "must be positive");
            require(maxHashSlotNum > 0, "maxHashSlotNum", "must be positive");
            require(maxIndexNum > 1, "maxIndexNum", "must be greater than 1");
            require(diskMaxUsedSpaceRatio >= 10 && diskMaxUsedSpaceRatio <= 95, "diskMaxUsedSpaceRatio", "must be in 10..95");
            // 0 is legal, as in 4.9.7: every file but the newest counts as expired when a clean-up runs.
            require(fileReservedTimeHours >= 0, "fileReservedTime", "must not be negative");
            require(deleteWhen.matches("\\d{1,2}(;\\d{1,2})*"), "deleteWhen", "must be hours separated by ';'");
            require(accessMessageInMemoryMaxRatio >= 0 && accessMessageInMemoryMaxRatio <= 100,
                "accessMessageInMemoryMaxRatio", "must be in 0..100");
            require(syncFlushTimeoutMs > 0, "syncFlushTimeout", "must be positive");
            require(haSendHeartbeatIntervalMs > 0, "haSendHeartbeatInterval", "must be positive");
            require(haHousekeepingIntervalMs > haSendHeartbeatIntervalMs, "haHousekeepingInterval",
                "must be longer than haSendHeartbeatInterval (" + haSendHeartbeatIntervalMs + ")");
            require(haTransferBatchSize > 0, "haTransferBatchSize", "must be positive");
            require(haSlaveFallbehindMax > 0, "haSlaveFallbehindMax", "must be positive");
            require(slaveTimeoutMs > 0, "slaveTimeout", "must be positive");
            require(transientStorePoolSize > 0, "transientStorePoolSize", "must be positive");
            require(commitIntervalCommitLogMs > 0, "commitIntervalCommitLog", "must be positive");
            try {
                DelayLevels.parse(messageDelayLevel);
            } catch (IllegalArgumentException e) {
                throw new io.petrel.common.config.ConfigException("messageDelayLevel", e.getMessage());
            }
            return new MessageStoreConfig(this);
        }

        private static void require(boolean ok, String key, String what) {
            if (!ok) {
                throw new io.petrel.common.config.ConfigException(key, what);
            }
        }
    }
}
