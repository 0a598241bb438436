package io.petrel.store;

import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps {@code broker.conf} properties to a {@link MessageStoreConfig}. Knows every store key,
 * its type and its legacy alias ({@code mapedFileSizeCommitLog} is accepted as well as
 * {@code mappedFileSizeCommitLog}). A value that does not parse fails with the key's name;
 * keys it does not know are returned by {@link #unknownKeys} (they may belong to the broker).
 */
public final class MessageStoreConfigMapper {
    private static final Logger LOG = LoggerFactory.getLogger(MessageStoreConfigMapper.class);
    private static final Map<String, BiConsumer<MessageStoreConfig.Builder, String>> KEYS = keys();

    private MessageStoreConfigMapper() {
    }

    public static MessageStoreConfig fromProperties(Properties props) {
        MessageStoreConfig.Builder b = MessageStoreConfig.builder();
        for (String name : props.stringPropertyNames()) {
            BiConsumer<MessageStoreConfig.Builder, String> setter = KEYS.get(name);
            if (setter == null) {
                continue;
            }
            String value = props.getProperty(name).trim();
            try {
                setter.accept(b, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid store config '" + name + "': cannot use value '" + value + "'", e);
            }
        }
        Set<String> unknown = unknownKeys(props);
        if (!unknown.isEmpty()) {
            LOG.debug("keys not used by the store: {}", unknown);
        }
        return b.build();
    }

    public static Set<String> unknownKeys(Properties props) {
        Set<String> unknown = new TreeSet<>(props.stringPropertyNames());
        unknown.removeAll(KEYS.keySet());
        return unknown;
    }

    private static Map<String, BiConsumer<MessageStoreConfig.Builder, String>> keys() {
        Map<String, BiConsumer<MessageStoreConfig.Builder, String>> m = new LinkedHashMap<>();
        m.put("storePathRootDir", (b, v) -> b.storePathRootDir(Paths.get(v)));
        m.put("storePathCommitLog", (b, v) -> b.storePathCommitLog(Paths.get(v)));
        m.put("mappedFileSizeCommitLog", (b, v) -> b.mappedFileSizeCommitLog(Integer.parseInt(v)));
        m.put("mapedFileSizeCommitLog", (b, v) -> b.mappedFileSizeCommitLog(Integer.parseInt(v)));
        m.put("mappedFileSizeConsumeQueue", (b, v) -> b.mappedFileSizeConsumeQueue(Integer.parseInt(v)));
        m.put("mapedFileSizeConsumeQueue", (b, v) -> b.mappedFileSizeConsumeQueue(Integer.parseInt(v)));
        m.put("maxMessageSize", (b, v) -> b.maxMessageSize(Integer.parseInt(v)));
        m.put("flushDiskType", (b, v) -> b.flushDiskType(FlushDiskType.valueOf(v)));
        m.put("brokerRole", (b, v) -> b.brokerRole(BrokerRole.valueOf(v)));
        m.put("flushIntervalCommitLog", (b, v) -> b.flushIntervalCommitLogMs(Long.parseLong(v)));
        m.put("flushCommitLogLeastPages", (b, v) -> b.flushCommitLogLeastPages(Integer.parseInt(v)));
        m.put("flushCommitLogThoroughInterval", (b, v) -> b.flushCommitLogThoroughIntervalMs(Long.parseLong(v)));
        m.put("syncFlushTimeout", (b, v) -> b.syncFlushTimeoutMs(Long.parseLong(v)));
        m.put("flushIntervalConsumeQueue", (b, v) -> b.flushIntervalConsumeQueueMs(Long.parseLong(v)));
        m.put("flushConsumeQueueLeastPages", (b, v) -> b.flushConsumeQueueLeastPages(Integer.parseInt(v)));
        m.put("flushConsumeQueueThoroughInterval", (b, v) -> b.flushConsumeQueueThoroughIntervalMs(Long.parseLong(v)));
        m.put("messageIndexEnable", (b, v) -> b.messageIndexEnable(parseBoolean(v)));
        m.put("messageIndexSafe", (b, v) -> b.messageIndexSafe(parseBoolean(v)));
        m.put("maxHashSlotNum", (b, v) -> b.maxHashSlotNum(Integer.parseInt(v)));
        m.put("maxIndexNum", (b, v) -> b.maxIndexNum(Integer.parseInt(v)));
        m.put("maxMsgsNumBatch", (b, v) -> b.maxMsgsNumBatch(Integer.parseInt(v)));
        m.put("fileReservedTime", (b, v) -> b.fileReservedTimeHours(Integer.parseInt(v)));
        m.put("deleteWhen", MessageStoreConfig.Builder::deleteWhen);
        m.put("diskMaxUsedSpaceRatio", (b, v) -> b.diskMaxUsedSpaceRatio(Integer.parseInt(v)));
        m.put("cleanFileForciblyEnable", (b, v) -> b.cleanFileForciblyEnable(parseBoolean(v)));
        m.put("diskSpaceWarningLevelRatio", (b, v) -> b.diskSpaceWarningLevelRatio(Double.parseDouble(v)));
        m.put("diskSpaceCleanForciblyRatio", (b, v) -> b.diskSpaceCleanForciblyRatio(Double.parseDouble(v)));
        m.put("cleanResourceInterval", (b, v) -> b.cleanResourceIntervalMs(Long.parseLong(v)));
        m.put("destroyMapedFileIntervalForcibly", (b, v) -> b.destroyMappedFileIntervalForciblyMs(Long.parseLong(v)));
        m.put("checkCRCOnRecover", (b, v) -> b.checkCrcOnRecover(parseBoolean(v)));
        m.put("osPageCacheBusyTimeOutMills", (b, v) -> b.osPageCacheBusyTimeOutMs(Long.parseLong(v)));
        m.put("warmMapedFileEnable", (b, v) -> b.warmMappedFileEnable(parseBoolean(v)));
        m.put("accessMessageInMemoryMaxRatio", (b, v) -> b.accessMessageInMemoryMaxRatio(Integer.parseInt(v)));
        m.put("maxTransferBytesOnMessageInMemory", (b, v) -> b.maxTransferBytesOnMessageInMemory(Integer.parseInt(v)));
        m.put("maxTransferCountOnMessageInMemory", (b, v) -> b.maxTransferCountOnMessageInMemory(Integer.parseInt(v)));
        m.put("maxTransferBytesOnMessageInDisk", (b, v) -> b.maxTransferBytesOnMessageInDisk(Integer.parseInt(v)));
        m.put("maxTransferCountOnMessageInDisk", (b, v) -> b.maxTransferCountOnMessageInDisk(Integer.parseInt(v)));
        m.put("messageDelayLevel", MessageStoreConfig.Builder::messageDelayLevel);
        m.put("transientStorePoolEnable", (b, v) -> b.transientStorePoolEnable(parseBoolean(v)));
        m.put("transientStorePoolSize", (b, v) -> b.transientStorePoolSize(Integer.parseInt(v)));
        m.put("commitIntervalCommitLog", (b, v) -> b.commitIntervalCommitLogMs(Long.parseLong(v)));
        m.put("commitCommitLogLeastPages", (b, v) -> b.commitCommitLogLeastPages(Integer.parseInt(v)));
        m.put("commitCommitLogThoroughInterval", (b, v) -> b.commitCommitLogThoroughIntervalMs(Long.parseLong(v)));
        return Map.copyOf(m);
    }

    private static boolean parseBoolean(String v) {
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("not a boolean: " + v);
        }
        return Boolean.parseBoolean(v);
    }
}
