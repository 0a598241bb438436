package io.petrel.broker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.broker.BrokerStartup;
import io.petrel.common.config.ConfigException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

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
        BrokerStartup.Settings s = BrokerStartup.settings(props());
        assertEquals("DefaultCluster", s.broker().getBrokerClusterName());
        assertEquals(10911, s.server().getListenPort());
        assertEquals(8, s.broker().getDefaultTopicQueueNums());
        assertEquals(1073741824, s.store().mappedFileSizeCommitLog());
        assertEquals(4194304, s.store().maxMessageSize());
        assertEquals(30_000, s.broker().registerPeriodMillis());
    }

    @Test
    void bothSpellingsOfTheCommitLogSizeWork() {
        assertEquals(1 << 20, BrokerStartup.settings(props("mapedFileSizeCommitLog", "1048576")).store()
            .mappedFileSizeCommitLog());
        assertEquals(1 << 20, BrokerStartup.settings(props("mappedFileSizeCommitLog", "1048576")).store()
            .mappedFileSizeCommitLog());
    }

    @Test
    void badValuesNameTheirKey() {
        ConfigException e = assertThrows(ConfigException.class,
            () -> BrokerStartup.settings(props("listenPort", "ten")));
        assertEquals("listenPort", e.key());
        assertEquals("autoCreateTopicEnable", assertThrows(ConfigException.class,
            () -> BrokerStartup.settings(props("autoCreateTopicEnable", "yes"))).key());
        assertEquals("brokerPermission", assertThrows(ConfigException.class,
            () -> BrokerStartup.settings(props("brokerPermission", "99"))).key());
        assertEquals("namesrvAddr", assertThrows(ConfigException.class,
            () -> BrokerStartup.settings(props("namesrvAddr", "nohostport"))).key());
        IllegalArgumentException store = assertThrows(IllegalArgumentException.class,
            () -> BrokerStartup.settings(props("flushDiskType", "SOMETIMES")));
        assertTrue(store.getMessage().contains("flushDiskType"), store.getMessage());
    }

    @Test
    void unknownKeysAreReported() {
        BrokerStartup.Settings s = BrokerStartup.settings(props("noSuchKey", "1", "listenPort", "20911"));
        assertEquals(java.util.Set.of("noSuchKey"), s.unknownKeys());
        assertEquals(20911, s.server().getListenPort());
    }
}
