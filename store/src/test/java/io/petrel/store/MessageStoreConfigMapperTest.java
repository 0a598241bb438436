package io.petrel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.config.ConfigException;
import io.petrel.common.config.ConfigReader;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageStoreConfigMapperTest {
    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void defaultsFollowRocketMq() {
        MessageStoreConfig c = MessageStoreConfigMapper.fromProperties(props("storePathRootDir", "/tmp/x"));
        assertEquals(1024 * 1024 * 1024, c.mappedFileSizeCommitLog());
        assertEquals(6_000_000, c.mappedFileSizeConsumeQueue());
        assertEquals(4 * 1024 * 1024, c.maxMessageSize());
        assertEquals(FlushDiskType.ASYNC_FLUSH, c.flushDiskType());
        assertEquals(500, c.flushIntervalCommitLogMs());
        assertEquals(4, c.flushCommitLogLeastPages());
        assertEquals(10_000, c.flushCommitLogThoroughIntervalMs());
        assertEquals(72, c.fileReservedTimeHours());
        assertEquals("04", c.deleteWhen());
        assertEquals(75, c.diskMaxUsedSpaceRatio());
        assertEquals(5_000_000, c.maxHashSlotNum());
        assertEquals(20_000_000, c.maxIndexNum());
        assertEquals("/tmp/x/commitlog", c.storePathCommitLog().toString());
    }

    @Test
    void bothSpellingsOfTheCommitLogFileSizeAreAccepted() {
        assertEquals(2048, MessageStoreConfigMapper.fromProperties(props("mappedFileSizeCommitLog", "2048", "maxMessageSize", "1024")).mappedFileSizeCommitLog());
        assertEquals(4096, MessageStoreConfigMapper.fromProperties(props("mapedFileSizeCommitLog", "4096", "maxMessageSize", "1024")).mappedFileSizeCommitLog());
        MessageStoreConfig sync = MessageStoreConfigMapper.fromProperties(props("flushDiskType", "SYNC_FLUSH", "deleteWhen", "04;16"));
        assertEquals(FlushDiskType.SYNC_FLUSH, sync.flushDiskType());
        assertEquals("04;16", sync.deleteWhen());
    }

    @Test
    void badValuesNameTheirKey() {
        ConfigException e = assertThrows(ConfigException.class,
            () -> MessageStoreConfigMapper.fromProperties(props("maxMessageSize", "big")));
        assertTrue(e.getMessage().contains("maxMessageSize"), e.getMessage());
        e = assertThrows(ConfigException.class,
            () -> MessageStoreConfigMapper.fromProperties(props("mappedFileSizeConsumeQueue", "1001")));
        assertTrue(e.getMessage().contains("mappedFileSizeConsumeQueue"), e.getMessage());
        e = assertThrows(ConfigException.class,
            () -> MessageStoreConfigMapper.fromProperties(props("deleteWhen", "4am")));
        assertTrue(e.getMessage().contains("deleteWhen"), e.getMessage());
        e = assertThrows(ConfigException.class,
            () -> MessageStoreConfigMapper.fromProperties(props("transientStorePoolEnable", "yes")));
        assertTrue(e.getMessage().contains("transientStorePoolEnable"), e.getMessage());
        e = assertThrows(ConfigException.class,
            () -> MessageStoreConfigMapper.fromProperties(props("mappedFileSizeCommitLog", "4096")));
        assertEquals("maxMessageSize", e.key());
        e = assertThrows(ConfigException.class,
            () -> MessageStoreConfigMapper.fromProperties(props("fileReservedTime", "-1")));
        assertTrue(e.getMessage().contains("fileReservedTime"), e.getMessage());
    }

    @Test
    void noReservedTimeIsAcceptedAs4Dot9Dot7AcceptsIt() {
        assertEquals(0, MessageStoreConfigMapper.fromProperties(props("fileReservedTime", "0")).fileReservedTimeHours());
    }

    @Test
    void leavesKeysItDoesNotKnowUnreadAndRecordsEveryKeyInForce() {
        ConfigReader r = new ConfigReader(props("brokerName", "b", "fileReservedTime", "48", "mapedFileSizeConsumeQueue",
            "6000"));
        MessageStoreConfig c = MessageStoreConfigMapper.read(r);
        assertEquals(Set.of("brokerName"), r.unknown());
        assertEquals(6000, c.mappedFileSizeConsumeQueue());
        assertEquals("48", r.effective().get("fileReservedTime"));
        assertEquals("6000", r.effective().get("mappedFileSizeConsumeQueue"));
        assertEquals("ASYNC_FLUSH", r.effective().get("flushDiskType"));
    }
}
