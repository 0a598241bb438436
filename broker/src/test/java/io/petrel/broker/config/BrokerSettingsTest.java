package io.petrel.broker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.broker.BrokerStartup;
import io.petrel.common.config.ConfigException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerSettingsTest {
    @TempDir
    Path dir;

    private static Properties props(String... kv) {
        Properties p = new Properties();
        p.setProperty("brokerIP1", "127.0.0.1");
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void defaultsAreRocketMQs() {
        BrokerSettings s = BrokerStartup.settings(props());
        assertEquals("DefaultCluster", s.broker().getBrokerClusterName());
        assertEquals(10911, s.server().getListenPort());
        assertEquals(8, s.broker().getDefaultTopicQueueNums());
        assertEquals(1073741824, s.store().mappedFileSizeCommitLog());
        assertEquals(4194304, s.store().maxMessageSize());
        assertEquals(30_000, s.broker().registerPeriodMillis());
    }

    @Test
    void bothSpellingsOfTheCommitLogSizeWork() {
        assertEquals(1 << 20, BrokerStartup.settings(props("mapedFileSizeCommitLog", "1048576", "maxMessageSize",
            "65536")).store().mappedFileSizeCommitLog());
        BrokerSettings s = BrokerStartup.settings(props("mappedFileSizeCommitLog", "1048576", "maxMessageSize",
            "65536"));
        assertEquals(1 << 20, s.store().mappedFileSizeCommitLog());
        assertTrue(s.unknownKeys().isEmpty(), s.unknownKeys().toString());
    }

    @Test
    void badValuesNameTheirKey() {
        Map<String, String> bad = Map.of("listenPort", "ten", "autoCreateTopicEnable", "yes", "brokerPermission", "99",
            "namesrvAddr", "nohostport", "flushDiskType", "SOMETIMES", "serverWorkerThreads", "0",
            "diskMaxUsedSpaceRatio", "99", "brokerName", " ");
        bad.forEach((key, value) -> assertEquals(key, assertThrows(ConfigException.class,
            () -> BrokerStartup.settings(props(key, value)), key).key()));
        assertEquals("maxMessageSize", assertThrows(ConfigException.class,
            () -> BrokerStartup.settings(props("mappedFileSizeCommitLog", "1048576"))).key());
    }

    @Test
    void keysOfCapabilitiesNotBuiltStopStartUpUnlessAtTheirDefault() {
        for (String[] kv : List.<String[]>of(
            new String[] {"filterServerNums", "1"}, new String[] {"forceRegister", "false"},
            new String[] {"enableCalcFilterBitMap", "true"})) {
            ConfigException e = assertThrows(ConfigException.class, () -> BrokerStartup.settings(props(kv)),
                kv[0]);
            assertEquals(kv[0], e.key());
            assertTrue(e.getMessage().contains("not"), e.getMessage());
        }
        BrokerSettings s = BrokerStartup.settings(props("aclEnable", "false", "brokerRole", "ASYNC_MASTER"));
        assertFalse(s.broker().isAclEnable());
    }

    @Test
    void aclNeedsAHomeDirectoryForItsFiles() {
        BrokerSettings on = BrokerStartup.settings(props("aclEnable", "true", "rocketmqHome", "/opt/petrel"));
        assertTrue(on.broker().isAclEnable());
        assertEquals("/opt/petrel", on.broker().getRocketmqHome());
        assertEquals("conf/plain_acl.yml", on.broker().getPlainAclFile());
        if (System.getProperty("rocketmq.home.dir") == null && System.getenv("ROCKETMQ_HOME") == null) {
            assertEquals("rocketmqHome", assertThrows(ConfigException.class,
                () -> BrokerStartup.settings(props("aclEnable", "true"))).key());
        }
    }

    @Test
    void rolesAndHaKeysAsIn497() {
        BrokerSettings slave = BrokerStartup.settings(props("brokerRole", "SLAVE", "brokerId", "2",
            "haMasterAddress", "127.0.0.1:10912", "haSendHeartbeatInterval", "1000", "slaveTimeout", "2000"));
        assertEquals(io.petrel.store.BrokerRole.SLAVE, slave.store().brokerRole());
        assertEquals("127.0.0.1:10912", slave.store().haMasterAddress());
        assertEquals(1000, slave.store().haSendHeartbeatIntervalMs());
        assertEquals(2000, slave.store().slaveTimeoutMs());
        BrokerSettings sync = BrokerStartup.settings(props("brokerRole", "SYNC_MASTER"));
        assertEquals(32 * 1024, sync.store().haTransferBatchSize());
        assertEquals(256L * 1024 * 1024, sync.store().haSlaveFallbehindMax());
        assertEquals(20_000, sync.store().haHousekeepingIntervalMs());
        assertEquals(3_000, sync.store().slaveTimeoutMs());
        assertEquals(null, sync.store().haMasterAddress());
        // 4.9.7 ignores an address shorter than 6 characters
        assertEquals(null, BrokerStartup.settings(props("haMasterAddress", "a:1")).store().haMasterAddress());
        assertEquals("brokerId", assertThrows(ConfigException.class,
            () -> BrokerStartup.settings(props("brokerRole", "SLAVE", "brokerId", "0"))).key());
        assertEquals("haMasterAddress", assertThrows(ConfigException.class,
            () -> BrokerStartup.settings(props("haMasterAddress", "localhost-no-port"))).key());
        assertEquals("haHousekeepingInterval", assertThrows(ConfigException.class,
            () -> BrokerStartup.settings(props("haHousekeepingInterval", "100"))).key());
    }

    @Test
    void unknownKeysAreThoseNoPartRead() {
        BrokerSettings s = BrokerStartup.settings(props("noSuchKey", "1", "listenPort", "20911", "fileReservedTime",
            "48", "clientWorkerThreads", "2"));
        assertEquals(Set.of("noSuchKey"), s.unknownKeys());
        assertEquals(20911, s.server().getListenPort());
        assertEquals(48, s.store().fileReservedTimeHours());
        assertEquals(2, s.client().getClientWorkerThreads());
    }

    @Test
    void everyEffectiveKeyMapsBackToTheSameSettings() throws Exception {
        BrokerSettings s = BrokerStartup.settings(props("brokerName", "b1", "fileReservedTime", "12",
            "storePathRootDir", dir.toString(), "messageDelayLevel", "1s 2s"));
        assertTrue(s.effective().size() > 120, "every broker, remoting and store key: " + s.effective().size());
        Properties again = new Properties();
        again.load(new StringReader(s.toPropertiesText()));
        BrokerSettings s2 = BrokerStartup.settings(again);
        assertEquals(s.effective(), s2.effective());
        assertTrue(s2.unknownKeys().isEmpty(), s2.unknownKeys().toString());
        assertEquals("1s 2s", s2.store().messageDelayLevel());
    }

    @Test
    void anUpdateIsCheckedAppliedAtomicallyAndWrittenToItsFile() throws Exception {
        Path file = dir.resolve("broker.conf");
        Files.writeString(file, "# my broker\nbrokerName=b1\nmapedFileSizeCommitLog=1048576\nmaxMessageSize=65536\n"
            + "brokerIP1=127.0.0.1\n");
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        BrokerConfigStore store = new BrokerConfigStore(BrokerStartup.settings(p), file, Clock.systemUTC());
        List<Map<String, String>> seen = new ArrayList<>();
        store.addListener((changed, now) -> seen.add(changed));
        BrokerConfig before = store.get();

        ConfigException refused = assertThrows(ConfigException.class,
            () -> store.update(props("brokerPermission", "4", "fileReservedTime", "soon")));
        assertEquals("fileReservedTime", refused.key());
        assertSame(before, store.get());
        assertEquals("unknown", assertThrows(ConfigException.class, () -> store.update(props("unknown", "1"))).key());
        assertTrue(seen.isEmpty());
        long version = store.dataVersion().counter();

        Properties update = new Properties();
        update.setProperty("brokerPermission", "4");
        update.setProperty("mapedFileSizeCommitLog", "2097152");
        BrokerConfigStore.Update u = store.update(update);
        assertEquals(4, store.get().getBrokerPermission());
        assertEquals(Set.of("mappedFileSizeCommitLog"), u.atNextStart());
        assertEquals(List.of(Map.of("brokerPermission", "4", "mappedFileSizeCommitLog", "2097152")), seen);
        assertEquals(version + 1, store.dataVersion().counter());
        String text = Files.readString(file);
        assertTrue(text.startsWith("# my broker\nbrokerName=b1\nmapedFileSizeCommitLog=2097152\n"), text);
        assertTrue(text.contains("brokerPermission=4"), text);

        Properties reread = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            reread.load(in);
        }
        BrokerSettings restarted = BrokerStartup.settings(reread);
        assertEquals(2097152, restarted.store().mappedFileSizeCommitLog());
        assertEquals(4, restarted.broker().getBrokerPermission());
    }
}
