package io.petrel.broker.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.broker.TestFiles;
import io.petrel.broker.config.BrokerConfig;
import io.petrel.broker.config.JsonConfigFile;
import io.petrel.broker.testing.TestBrokerConfig;
import io.petrel.common.route.DataVersion;
import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.common.subscription.SubscriptionGroupWrapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionGroupManagerTest {
    @TempDir
    Path dir;

    private SubscriptionGroupManager manager(boolean autoCreate) {
        TestBrokerConfig c = new TestBrokerConfig("autoCreateSubscriptionGroup", Boolean.toString(autoCreate));
        return new SubscriptionGroupManager(c, new JsonConfigFile(dir.resolve("subscriptionGroup.json")),
            Clock.systemUTC());
    }

    @Test
    void readsTheFileOfARocketMQBroker() throws Exception {
        Files.write(dir.resolve("subscriptionGroup.json"), TestFiles.vector("live_subscriptionGroup.json"));
        SubscriptionGroupManager m = manager(true);
        m.load();
        SubscriptionGroupConfig g = m.get("GV_CG_RMQ");
        assertEquals(16, g.retryMaxTimes());
        assertEquals(1, g.whichBrokerWhenConsumeSlowly());
        assertEquals(2, m.wrapper().dataVersion().counter());
    }

    @Test
    void autoCreatesOnlyWhenAllowedOrSystemGroup() {
        SubscriptionGroupManager off = manager(false);
        off.load();
        assertNull(off.find("APP_GROUP"));
        assertNotNull(off.find("CID_RMQ_SYS_TRANS"));
        SubscriptionGroupManager on = manager(true);
        on.load();
        assertEquals(SubscriptionGroupConfig.defaults("APP_GROUP"), on.find("APP_GROUP"));
    }

    @Test
    void updatesPersistAndDeletesStick() {
        SubscriptionGroupManager m = manager(false);
        m.load();
        m.update(new SubscriptionGroupConfig("G1", false, false, false, 2, 5, 0, 1, true));
        SubscriptionGroupManager again = manager(false);
        again.load();
        assertFalse(again.get("G1").consumeEnable());
        assertEquals(5, again.get("G1").retryMaxTimes());
        again.delete("G1");
        SubscriptionGroupManager third = manager(false);
        third.load();
        assertNull(third.get("G1"));
    }

    @Test
    void replacingWithAnotherVersionTakesTheWholeTableAndTheSameVersionChangesNothing() {
        SubscriptionGroupManager m = manager(true);
        m.load();
        m.find("local-only");
        DataVersion masterVersion = new DataVersion(1690000000000L, 3);
        Map<String, SubscriptionGroupConfig> masterTable = Map.of("G", SubscriptionGroupConfig.defaults("G"));

        assertTrue(m.replaceIfVersionDiffers(new SubscriptionGroupWrapper(masterTable, masterVersion)));
        assertEquals(masterTable, m.snapshot());
        SubscriptionGroupManager reloaded = manager(true);
        reloaded.load();
        assertEquals(masterVersion, reloaded.wrapper().dataVersion());
        assertNull(reloaded.get("local-only"));

        assertFalse(m.replaceIfVersionDiffers(new SubscriptionGroupWrapper(Map.of(), masterVersion)));
        assertEquals(masterTable, m.snapshot());
    }
}
