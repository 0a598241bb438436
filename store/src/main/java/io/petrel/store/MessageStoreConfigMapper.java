package io.petrel.store;

import io.petrel.common.config.ConfigReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the store's {@code broker.conf} keys into a {@link MessageStoreConfig}: every key typed, with the
 * builder's default, the old spellings ({@code mapedFileSizeCommitLog}) accepted; cross-field rules are checked by
 * {@link MessageStoreConfig.Builder#build()}. A bad value raises a {@link io.petrel.common.config.ConfigException}
 * naming the key.
 */
public final class MessageStoreConfigMapper {
    /** Old spellings still found in {@code broker.conf} files → the key they stand for. */
    public static final Map<String, String> ALIASES = Map.of(
        "mapedFileSizeCommitLog", "mappedFileSizeCommitLog",
        "mapedFileSizeConsumeQueue", "mappedFileSizeConsumeQueue",
        "destroyMapedFileIntervalForcibly", "destroyMappedFileIntervalForcibly",
        "warmMapedFileEnable", "warmMappedFileEnable");

    private MessageStoreConfigMapper() {
    }

    /** Reads the store keys alone (keys of other modules are left unread on {@code props}). */
    public static MessageStoreConfig fromProperties(Properties props) {
        return read(new ConfigReader(props));
    }

    public static MessageStoreConfig read(ConfigReader r) {
        MessageStoreConfig d = MessageStoreConfig.builder().build();
        ALIASES.forEach(r::alias);
        Path root = r.path("storePathRootDir", d.storePathRootDir());
        MessageStoreConfig.Builder b = MessageStoreConfig.builder()
            .storePathRootDir(root)
            .storePathCommitLog(r.path("storePathCommitLog", root.resolve("commitlog")))
            .mappedFileSizeCommitLog(r.intKey("mappedFileSizeCommitLog", d.mappedFileSizeCommitLog(), 1024,
                Integer.MAX_VALUE))
            .mappedFileSizeConsumeQueue(r.intKey("mappedFileSizeConsumeQueue", d.mappedFileSizeConsumeQueue(), 20,
                Integer.MAX_VALUE))
            .maxMessageSize(r.intKey("maxMessageSize", d.maxMessageSize(), 1, Integer.MAX_VALUE))
            .flushDiskType(r.enumKey("flushDiskType", FlushDiskType.class, d.flushDiskType()))
            .brokerRole(r.enumKey("brokerRole", BrokerRole.class, d.brokerRole()))
            .flushIntervalCommitLogMs(r.longKey("flushIntervalCommitLog", d.flushIntervalCommitLogMs(), 1,
                Integer.MAX_VALUE))
            .flushCommitLogLeastPages(r.intKey("flushCommitLogLeastPages", d.flushCommitLogLeastPages(), 0,
                Integer.MAX_VALUE))
            .flushCommitLogThoroughIntervalMs(r.longKey("flushCommitLogThoroughInterval",
                d.flushCommitLogThoroughIntervalMs(), 1, Integer.MAX_VALUE))
            .syncFlushTimeoutMs(r.longKey("syncFlushTimeout", d.syncFlushTimeoutMs(), 1, Integer.MAX_VALUE))
            .flushIntervalConsumeQueueMs(r.longKey("flushIntervalConsumeQueue", d.flushIntervalConsumeQueueMs(), 1,
                Integer.MAX_VALUE))
            .flushConsumeQueueLeastPages(r.intKey("flushConsumeQueueLeastPages", d.flushConsumeQueueLeastPages(), 0,
                Integer.MAX_VALUE))
            .flushConsumeQueueThoroughIntervalMs(r.longKey("flushConsumeQueueThoroughInterval",
                d.flushConsumeQueueThoroughIntervalMs(), 1, Integer.MAX_VALUE))
            .messageIndexEnable(r.bool("messageIndexEnable", d.messageIndexEnable()))
            .messageIndexSafe(r.bool("messageIndexSafe", d.messageIndexSafe()))
            .maxHashSlotNum(r.intKey("maxHashSlotNum", d.maxHashSlotNum(), 1, Integer.MAX_VALUE))
            .maxIndexNum(r.intKey("maxIndexNum", d.maxIndexNum(), 2, Integer.MAX_VALUE))
            .maxMsgsNumBatch(r.intKey("maxMsgsNumBatch", d.maxMsgsNumBatch(), 1, Integer.MAX_VALUE))
            .fileReservedTimeHours(r.intKey("fileReservedTime", d.fileReservedTimeHours(), 0, Integer.MAX_VALUE))
            .deleteWhen(r.nonBlank("deleteWhen", d.deleteWhen()))
            .diskMaxUsedSpaceRatio(r.intKey("diskMaxUsedSpaceRatio", d.diskMaxUsedSpaceRatio(), 10, 95))
            .cleanFileForciblyEnable(r.bool("cleanFileForciblyEnable", d.cleanFileForciblyEnable()))
            .diskSpaceWarningLevelRatio(r.doubleKey("diskSpaceWarningLevelRatio", d.diskSpaceWarningLevelRatio(),
                0.1, 0.99))
            .diskSpaceCleanForciblyRatio(r.doubleKey("diskSpaceCleanForciblyRatio", d.diskSpaceCleanForciblyRatio(),
                0.1, 0.99))
            .cleanResourceIntervalMs(r.longKey("cleanResourceInterval", d.cleanResourceIntervalMs(), 1,
                Integer.MAX_VALUE))
            .destroyMappedFileIntervalForciblyMs(r.longKey("destroyMappedFileIntervalForcibly",
                d.destroyMappedFileIntervalForciblyMs(), 0, Integer.MAX_VALUE))
            .checkCrcOnRecover(r.bool("checkCRCOnRecover", d.checkCrcOnRecover()))
            .osPageCacheBusyTimeOutMs(r.longKey("osPageCacheBusyTimeOutMills", d.osPageCacheBusyTimeOutMs(), 1,
                Integer.MAX_VALUE))
            .warmMappedFileEnable(r.bool("warmMappedFileEnable", d.warmMappedFileEnable()))
            .accessMessageInMemoryMaxRatio(r.intKey("accessMessageInMemoryMaxRatio",
                d.accessMessageInMemoryMaxRatio(), 0, 100))
            .maxTransferBytesOnMessageInMemory(r.intKey("maxTransferBytesOnMessageInMemory",
                d.maxTransferBytesOnMessageInMemory(), 1, Integer.MAX_VALUE))
            .maxTransferCountOnMessageInMemory(r.intKey("maxTransferCountOnMessageInMemory",
                d.maxTransferCountOnMessageInMemory(), 1, Integer.MAX_VALUE))
            .maxTransferBytesOnMessageInDisk(r.intKey("maxTransferBytesOnMessageInDisk",
                d.maxTransferBytesOnMessageInDisk(), 1, Integer.MAX_VALUE))
            .maxTransferCountOnMessageInDisk(r.intKey("maxTransferCountOnMessageInDisk",
                d.maxTransferCountOnMessageInDisk(), 1, Integer.MAX_VALUE))
            .messageDelayLevel(r.nonBlank("messageDelayLevel", d.messageDelayLevel()))
            .transientStorePoolEnable(r.bool("transientStorePoolEnable", d.transientStorePoolEnable()))
            .transientStorePoolSize(r.intKey("transientStorePoolSize", d.transientStorePoolSize(), 1, 1024))
            .commitIntervalCommitLogMs(r.longKey("commitIntervalCommitLog", d.commitIntervalCommitLogMs(), 1,
                Integer.MAX_VALUE))
            .commitCommitLogLeastPages(r.intKey("commitCommitLogLeastPages", d.commitCommitLogLeastPages(), 0,
                Integer.MAX_VALUE))
            .commitCommitLogThoroughIntervalMs(r.longKey("commitCommitLogThoroughInterval",
                d.commitCommitLogThoroughIntervalMs(), 1, Integer.MAX_VALUE))
            .haListenPort(r.intKey("haListenPort", d.haListenPort(), 0, 65535))
            .haMasterAddress(haMasterAddress(r))
            .haSendHeartbeatIntervalMs(r.longKey("haSendHeartbeatInterval", d.haSendHeartbeatIntervalMs(), 1,
                Integer.MAX_VALUE))
            .haHousekeepingIntervalMs(r.longKey("haHousekeepingInterval", d.haHousekeepingIntervalMs(), 1,
                Integer.MAX_VALUE))
            .haTransferBatchSize(r.intKey("haTransferBatchSize", d.haTransferBatchSize(), 1, 64 * 1024 * 1024))
            .haSlaveFallbehindMax(r.longKey("haSlaveFallbehindMax", d.haSlaveFallbehindMax(), 1, Long.MAX_VALUE))
            .slaveTimeoutMs(r.longKey("slaveTimeout", d.slaveTimeoutMs(), 1, Integer.MAX_VALUE));
        MessageStoreConfig c = b.build();
        r.require(c.maxMessageSize() < c.mappedFileSizeCommitLog(), "maxMessageSize", c.maxMessageSize()
            + " must be smaller than mappedFileSizeCommitLog (" + c.mappedFileSizeCommitLog() + ")");
        return c;
    }

    /**
     * A slave's fixed master HA address: 4.9.7 uses the key only when it is at least 6 characters long; Petrel
     * also wants it to be {@code host:port}, so that a typo is named at start-up instead of retried forever.
     */
    private static String haMasterAddress(ConfigReader r) {
        String v = r.string("haMasterAddress", null);
        if (v == null || v.trim().length() < 6) {
            return null;
        }
        String a = v.trim();
        int colon = a.lastIndexOf(':');
        boolean ok = colon > 0 && colon < a.length() - 1 && a.substring(colon + 1).chars().allMatch(Character::isDigit)
            && a.length() - colon - 1 <= 5 && Integer.parseInt(a.substring(colon + 1)) <= 65535;
        r.require(ok, "haMasterAddress", "must be host:port, got '" + v + "'");
        return a;
    }
}
