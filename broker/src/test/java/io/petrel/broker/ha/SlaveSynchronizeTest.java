package io.petrel.broker.ha;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.broker.config.JsonConfigFile;
import io.petrel.broker.ha.SlaveSynchronize.Outcome;
import io.petrel.broker.ha.SlaveSynchronize.Report;
import io.petrel.broker.offset.ConsumerOffsetManager;
import io.petrel.broker.schedule.DelayOffsetTable;
import io.petrel.broker.subscription.SubscriptionGroupManager;
import io.petrel.broker.testing.FakeMasterServer;
import io.petrel.broker.testing.MutableClock;
import io.petrel.broker.testing.TestBrokerConfig;
import io.petrel.broker.testing.TestManagers;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.body.ConsumerOffsetSerializeWrapper;
import io.petrel.common.route.DataVersion;
import io.petrel.common.route.TopicConfigSerializeWrapper;
import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.common.subscription.SubscriptionGroupWrapper;
import io.petrel.common.topic.TopicConfig;
import io.petrel.remoting.netty.NettyClientConfig;
import io.petrel.remoting.netty.NettyRemotingClient;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A slave taking its master's configuration over loopback, from a stand-in master answering the GET_ALL codes. */
class SlaveSynchronizeTest {
    private static final DataVersion MASTER_V1 = new DataVersion(1_700_000_000_000L, 7);
    private static final DataVersion MASTER_V2 = new DataVersion(1_700_000_001_000L, 8);
    private static final byte[] DELAY_JSON = "{\"offsetTable\":{3:12,1:4}}".getBytes(UTF_8);

    @TempDir
    Path dir;

    private final TestBrokerConfig config = new TestBrokerConfig();
    private final MutableClock clock = new MutableClock(1_600_000_000_000L);
    private final AtomicReference<TopicConfigSerializeWrapper> masterTopics = new AtomicReference<>(
        new TopicConfigSerializeWrapper(Map.of("ORDERS", TopicConfig.of("ORDERS")), MASTER_V1));
    private final AtomicReference<SubscriptionGroupWrapper> masterGroups = new AtomicReference<>(
        new SubscriptionGroupWrapper(Map.of("billing", SubscriptionGroupConfig.defaults("billing")), MASTER_V1));
    private final AtomicReference<Map<String, Map<Integer, Long>>> masterOffsets = new AtomicReference<>(
        Map.of("ORDERS@billing", Map.of(0, 5L, 1, 2L), "PAYMENTS@billing", Map.of(0, 3L)));

    private FakeMasterServer master;
    private NettyRemotingClient client;
    private TopicConfigManager topics;
    private SubscriptionGroupManager groups;
    private ConsumerOffsetManager offsets;
    private DelayOffsetTable delayOffsets;
    private final AtomicReference<String> masterAddr = new AtomicReference<>();

    @BeforeEach
    void setUp() {
        master = new FakeMasterServer().start()
            .answerVip(RequestCode.GET_ALL_TOPIC_CONFIG, () -> masterTopics.get().encode())
            .answerMain(RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, () -> masterGroups.get().encode())
            .answerMain(RequestCode.GET_ALL_CONSUMER_OFFSET,
                () -> new ConsumerOffsetSerializeWrapper(masterOffsets.get()).encode())
            .answerMain(RequestCode.GET_ALL_DELAY_OFFSET, () -> DELAY_JSON);
        masterAddr.set(master.address());
        client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
        topics = TestManagers.topics(config, dir, clock);
        groups = TestManagers.groups(config, dir, clock);
        offsets = new ConsumerOffsetManager(new JsonConfigFile(dir.resolve("consumerOffset.json")));
        delayOffsets = new DelayOffsetTable(new JsonConfigFile(dir.resolve("delayOffset.json")));
    }

    @AfterEach
    void tearDown() {
        try {
            client.shutdown();
        } finally {
            master.close();
        }
    }

    private SlaveSynchronize sync() {
        return new SlaveSynchronize(topics, offsets, delayOffsets, groups, client, masterAddr::get,
            "127.0.0.1:1", 3000);
    }

    @Test
    void topicTableIsReplacedOnlyWhenTheMasterVersionDiffers() throws Exception {
        topics.createIfAbsent("SLAVE_ONLY", 4, 6, 0);

        assertEquals(Outcome.APPLIED, sync().syncTopicConfig());
        assertEquals(masterTopics.get().topicConfigTable(), topics.snapshot());
        assertEquals(MASTER_V1, topics.dataVersion());
        TopicConfigManager reloaded = TestManagers.topics(config, dir, clock);
        assertEquals(MASTER_V1, reloaded.dataVersion());
        assertTrue(reloaded.snapshot().containsKey("ORDERS"));
        assertNull(reloaded.snapshot().get("SLAVE_ONLY"));

        masterTopics.set(new TopicConfigSerializeWrapper(Map.of("ORDERS", TopicConfig.of("ORDERS"),
            "LATER", TopicConfig.of("LATER")), MASTER_V1));
        assertEquals(Outcome.UNCHANGED, sync().syncTopicConfig());
        assertNull(topics.select("LATER"));

        masterTopics.set(new TopicConfigSerializeWrapper(masterTopics.get().topicConfigTable(), MASTER_V2));
        assertEquals(Outcome.APPLIED, sync().syncTopicConfig());
        assertEquals(TopicConfig.of("LATER"), topics.select("LATER"));
        assertEquals(MASTER_V2, topics.dataVersion());
    }

    @Test
    void groupTableIsReplacedOnlyWhenTheMasterVersionDiffers() throws Exception {
        groups.find("slave-only");

        assertEquals(Outcome.APPLIED, sync().syncSubscriptionGroups());
        assertEquals(masterGroups.get().subscriptionGroupTable(), groups.snapshot());
        assertEquals(MASTER_V1, groups.wrapper().dataVersion());
        SubscriptionGroupManager reloaded = TestManagers.groups(config, dir, clock);
        assertEquals(MASTER_V1, reloaded.wrapper().dataVersion());
        assertTrue(reloaded.snapshot().containsKey("billing"));

        masterGroups.set(new SubscriptionGroupWrapper(Map.of("later", SubscriptionGroupConfig.defaults("later")),
            MASTER_V1));
        assertEquals(Outcome.UNCHANGED, sync().syncSubscriptionGroups());
        assertNull(groups.get("later"));

        masterGroups.set(new SubscriptionGroupWrapper(masterGroups.get().subscriptionGroupTable(), MASTER_V2));
        assertEquals(Outcome.APPLIED, sync().syncSubscriptionGroups());
        assertEquals(Map.of("later", SubscriptionGroupConfig.defaults("later")), groups.snapshot());
    }

    @Test
    void consumerOffsetsAreMergedPerTopicAndGroup() throws Exception {
        offsets.commit("client", "billing", "ORDERS", 0, 1);
        offsets.commit("client", "billing", "ORDERS", 7, 9);
        offsets.commit("client", "audit", "ORDERS", 0, 42);

        assertEquals(Outcome.APPLIED, sync().syncConsumerOffsets());

        Map<String, Map<Integer, Long>> expected = Map.of("ORDERS@billing", Map.of(0, 5L, 1, 2L),
            "PAYMENTS@billing", Map.of(0, 3L), "ORDERS@audit", Map.of(0, 42L));
        assertEquals(expected, ConsumerOffsetManager.decode(offsets.encode()));
        assertEquals(expected,
            ConsumerOffsetManager.decode(Files.readAllBytes(dir.resolve("consumerOffset.json"))));
    }

    @Test
    void delayOffsetsAreStoredVerbatimAndLoaded() throws Exception {
        delayOffsets.set(2, 99);

        assertEquals(Outcome.APPLIED, sync().syncDelayOffsets());

        assertArrayEquals(DELAY_JSON, Files.readAllBytes(dir.resolve("delayOffset.json")));
        assertEquals(Map.of(1, 4L, 3, 12L), delayOffsets.snapshot());
    }

    @Test
    void oneFailingItemDoesNotStopTheOthers() {
        master.refuseMain(RequestCode.GET_ALL_CONSUMER_OFFSET, ResponseCode.SYSTEM_ERROR, "disk on fire");

        Report report = sync().syncAll();

        assertEquals(new Report(Outcome.APPLIED, Outcome.FAILED, Outcome.APPLIED, Outcome.APPLIED), report);
        assertEquals(MASTER_V1, topics.dataVersion());
        assertEquals(MASTER_V1, groups.wrapper().dataVersion());
        assertEquals(4L, delayOffsets.get(1));
        assertFalse(Files.exists(dir.resolve("consumerOffset.json")));
    }

    @Test
    void anUnreachableVipPortFailsOnlyTheTopicItem() {
        master.stopVip();

        Report report = sync().syncAll();

        assertEquals(new Report(Outcome.FAILED, Outcome.APPLIED, Outcome.APPLIED, Outcome.APPLIED), report);
        assertEquals(DataVersion.ZERO, topics.dataVersion());
        assertEquals(5L, offsets.query("billing", "ORDERS", 0));
    }

    @Test
    void nothingIsAskedWithoutAMasterOrOfItself() {
        for (String addr : new String[] {null, "", "127.0.0.1:1"}) {
            masterAddr.set(addr);
            assertEquals(new Report(Outcome.SKIPPED, Outcome.SKIPPED, Outcome.SKIPPED, Outcome.SKIPPED),
                sync().syncAll(), String.valueOf(addr));
        }
        assertEquals(0, master.requestCount());
        assertEquals(DataVersion.ZERO, topics.dataVersion());
    }
}
