package io.petrel.broker.topic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import io.petrel.common.route.TopicConfigSerializeWrapper;
import io.petrel.common.topic.TopicConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicConfigManagerTest {
    @TempDir
    Path dir;
    private final Clock clock = Clock.fixed(Instant.ofEpochMilli(1700000000000L), ZoneOffset.UTC);

    private TestBrokerConfig config() {
        return new TestBrokerConfig("brokerName", "broker-a", "brokerClusterName", "DefaultCluster", "brokerIP1",
            "127.0.0.1");
    }

    private TopicConfigManager manager(TestBrokerConfig c) {
        return new TopicConfigManager(c, new JsonConfigFile(dir.resolve("topics.json")), clock);
    }

    @Test
    void freshBrokerHasTheBuiltInTopics() {
        TopicConfigManager m = manager(config());
        m.load();
        assertEquals(7, m.select("TBW102").perm());
        assertEquals(8, m.select("TBW102").writeQueueNums());
        assertEquals(18, m.select("SCHEDULE_TOPIC_XXXX").readQueueNums());
        assertEquals(16, m.select("DefaultCluster").readQueueNums());
        assertNotNull(m.select("broker-a"));
        assertNotNull(m.select("DefaultCluster_REPLY_TOPIC"));
        assertNotNull(m.select("OFFSET_MOVED_EVENT"));
        assertNull(m.select("RMQ_SYS_TRACE_TOPIC"));
    }

    @Test
    void autoCreationCopiesTheDefaultTopicWithoutInherit() {
        TopicConfigManager m = manager(config());
        m.load();
        List<Boolean> notifications = new ArrayList<>();
        m.setChangeListener((t, oneway) -> notifications.add(oneway));
        TopicConfig created = m.createFromDefaultTopic("NEW_T", "TBW102", "client", 4, 0);
        assertEquals(4, created.readQueueNums());
        assertEquals(6, created.perm());
        assertEquals(List.of(true), notifications);
        assertEquals(new DataVersion(1700000000000L, 1), m.dataVersion());
        assertEquals(created, m.createFromDefaultTopic("NEW_T", "TBW102", "client", 4, 0));
        assertEquals(1, notifications.size());
        assertNull(m.createFromDefaultTopic("OTHER", "NO_SUCH_DEFAULT", "client", 4, 0));
    }

    @Test
    void autoCreationOffMeansNoDefaultTopic() {
        TestBrokerConfig c = config().set("autoCreateTopicEnable", "false");
        TopicConfigManager m = manager(c);
        m.load();
        assertNull(m.select("TBW102"));
        assertNull(m.createFromDefaultTopic("NEW_T", "TBW102", "client", 4, 0));
    }

    @Test
    void readsTopicFilesOfRocketMQBrokers() throws Exception {
        Files.write(dir.resolve("topics.json"), TestFiles.vector("live_topics.json"));
        TopicConfigManager m = manager(config());
        m.load();
        assertEquals(1, m.select("%RETRY%GV_CG").writeQueueNums());
        assertEquals(4, m.dataVersion().counter());
    }

    @Test
    void persistedTableReloadsAndRegistrationBodyMatchesRocketMQ() {
        TopicConfigManager m = manager(config());
        m.load();
        m.update(TopicConfig.of("PERSIST_T", 2, 3, 6));
        TopicConfigManager again = manager(config());
        again.load();
        assertEquals(3, again.select("PERSIST_T").writeQueueNums());
        assertEquals(m.dataVersion(), again.dataVersion());
        assertTrue(again.delete("PERSIST_T"));
        assertNull(again.select("PERSIST_T"));
    }

    @Test
    void wrapperEncodingIsByteIdenticalToRocketMQ() {
        TestBrokerConfig c = config();
        TopicConfigManager m = new TopicConfigManager(c, new JsonConfigFile(dir.resolve("t.json")), clock);
        // Same table as the golden file: three topics, data version 5 @ 1700000000000.
        m.update(TopicConfig.of("TBW102", 8, 8, 7));
        m.update(TopicConfig.of("GV_TOPIC", 4, 4, 6));
        m.update(TopicConfig.of("%RETRY%GV_CG", 1, 1, 6));
        m.update(TopicConfig.of("X", 1, 1, 6));
        m.delete("X");
        assertArrayEquals(TestFiles.vector("topic_config_wrapper.json"), m.serializeWrapper().encode());
    }

    @Test
    void replacingWithAnotherVersionTakesTheWholeTableAndTheSameVersionChangesNothing() {
        TopicConfigManager m = manager(config());
        m.load();
        m.update(TopicConfig.of("LOCAL_ONLY"));
        DataVersion masterVersion = new DataVersion(1690000000000L, 12);
        Map<String, TopicConfig> masterTable = Map.of("M", TopicConfig.of("M", 2, 2, 6));

        assertTrue(m.replaceIfVersionDiffers(new TopicConfigSerializeWrapper(masterTable,
            masterVersion)));
        assertEquals(masterTable, m.snapshot());
        assertEquals(masterVersion, m.dataVersion());
        TopicConfigManager reloaded = manager(config());
        reloaded.load();
        assertEquals(masterVersion, reloaded.dataVersion());
        assertEquals(TopicConfig.of("M", 2, 2, 6), reloaded.select("M"));

        assertFalse(m.replaceIfVersionDiffers(new TopicConfigSerializeWrapper(
            Map.of(), masterVersion)));
        assertEquals(masterTable, m.snapshot());
    }
}
