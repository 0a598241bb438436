package io.petrel.broker.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.petrel.broker.client.ClientChannelInfo;
import io.petrel.broker.client.ConsumerManager;
import io.petrel.broker.config.BrokerConfig;
import io.petrel.broker.config.JsonConfigFile;
import io.petrel.broker.offset.ConsumerOffsetManager;
import io.petrel.broker.stats.BrokerStats;
import io.petrel.broker.subscription.SubscriptionGroupManager;
import io.petrel.broker.testing.MutableClock;
import io.petrel.broker.testing.TestBrokerConfig;
import io.petrel.broker.testing.TestManagers;
import io.petrel.broker.testing.TestStore;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.body.BrokerStatsData;
import io.petrel.common.body.BrokerStatsItem;
import io.petrel.common.body.ConsumeStats;
import io.petrel.common.body.ConsumeStatsList;
import io.petrel.common.body.OffsetWrapper;
import io.petrel.common.heartbeat.ConsumeFromWhere;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.heartbeat.ConsumerData;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.topic.TopicFilterType;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.LanguageCode;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RemotingVersion;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.GetConsumeStatsInBrokerHeader;
import io.petrel.remoting.protocol.header.GetConsumeStatsRequestHeader;
import io.petrel.remoting.protocol.header.ViewBrokerStatsDataRequestHeader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** VIEW_BROKER_STATS_DATA, GET_CONSUME_STATS and GET_BROKER_CONSUME_STATS against a real store and managers. */
@Timeout(60)
class StatsAdminTest {
    private static final String ADDR = "127.0.0.1:10911";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(1_800_000_000_000L);
    private final TestBrokerConfig config = new TestBrokerConfig("brokerName", "broker-a");
    private TestStore store;
    private BrokerStats stats;
    private ConsumerOffsetManager offsets;
    private ConsumerManager consumers;
    private final AdminBrokerProcessor admin = new AdminBrokerProcessor();

    @BeforeEach
    void open() throws Exception {
        store = TestStore.open(dir.resolve("store"), clock);
        TopicConfigManager topics = TestManagers.topics(config, dir, clock);
        topics.update(new TopicConfig("T", 2, 2, 6, TopicFilterType.SINGLE_TAG, 0, false));
        topics.update(new TopicConfig("U", 1, 1, 6, TopicFilterType.SINGLE_TAG, 0, false));
        SubscriptionGroupManager groups = TestManagers.groups(config, dir, clock);
        groups.update(SubscriptionGroupConfig.defaults("G"));
        offsets = new ConsumerOffsetManager(new JsonConfigFile(dir.resolve("consumerOffset.json")));
        consumers = new ConsumerManager((group, remaining, fromHeartbeat) -> { });
        stats = new BrokerStats(config.get().getBrokerClusterName(), clock);
        new StatsAdmin(new StatsAdmin.Sources(config.get().getBrokerName(), ADDR, stats, topics, groups, offsets, consumers,
            store.store())).registerInto(admin);
        for (int i = 0; i < 3; i++) {
            store.put(TestStore.message("T", 0, "m" + i));
        }
        store.put(TestStore.message("U", 0, "u"));
        offsets.commit("c", "G", "T", 0, 2);
        offsets.commit("c", "G", "U", 0, 1);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private RemotingCommand ask(int code, CommandHeader header) throws Exception {
        return admin.processRequest(new EmbeddedChannel(), TestStore.request(code, header, RemotingVersion.CURRENT));
    }

    @Test
    void viewingAStatisticNobodyCountedIsAnError() throws Exception {
        RemotingCommand r = ask(RequestCode.VIEW_BROKER_STATS_DATA,
            new ViewBrokerStatsDataRequestHeader(BrokerStats.TOPIC_PUT_NUMS, "T"));
        assertEquals(ResponseCode.SYSTEM_ERROR, r.code());
        assertEquals("The stats <TOPIC_PUT_NUMS> <T> not exist", r.remark());
        r = ask(RequestCode.VIEW_BROKER_STATS_DATA, new ViewBrokerStatsDataRequestHeader("NO_SUCH_STATS", "T"));
        assertEquals("The stats <NO_SUCH_STATS> <T> not exist", r.remark());
        assertNull(r.body());
    }

    @Test
    void viewingAStatisticGivesItsMinuteHourAndDay() throws Exception {
        stats.onPut("T", 0, 5, 500);
        stats.sampleSeconds();
        stats.sampleMinutes();
        stats.sampleHour();
        RemotingCommand r = ask(RequestCode.VIEW_BROKER_STATS_DATA,
            new ViewBrokerStatsDataRequestHeader(BrokerStats.TOPIC_PUT_SIZE, "T"));
        assertEquals(ResponseCode.SUCCESS, r.code());
        assertNull(r.remark());
        assertEquals(new BrokerStatsData(new BrokerStatsItem(500, 50.0, 500.0),
            new BrokerStatsItem(500, 500 / 600.0, 500.0), new BrokerStatsItem(500, 500 / 3600.0, 500.0)),
            BrokerStatsData.decode(r.body()));
    }

    @Test
    void aGroupsConsumeStatsCarryItsPullRateOverTheLastMinute() throws Exception {
        stats.onGet("T", "G", 0, new BrokerStats.Get(2, 200, 1, false));
        stats.onGet("U", "G", 0, new BrokerStats.Get(1, 100, 1, false));
        stats.sampleSeconds();

        ConsumeStats one = ConsumeStats.decode(ask(RequestCode.GET_CONSUME_STATS,
            new GetConsumeStatsRequestHeader("G", "T")).body());
        assertEquals(0.2, one.consumeTps(), 1e-12);
        long lastConsumed = store.store().getMessageStoreTimeStamp("T", 0, 1);
        assertEquals(Map.of(new MessageQueue("T", "broker-a", 0), new OffsetWrapper(3, 2, lastConsumed),
            new MessageQueue("T", "broker-a", 1), new OffsetWrapper(0, 0, 0)), one.offsetTable());

        ConsumeStats all = ConsumeStats.decode(ask(RequestCode.GET_CONSUME_STATS,
            new GetConsumeStatsRequestHeader("G", null)).body());
        assertEquals(0.3, all.consumeTps(), 1e-12);
        assertEquals(3, all.offsetTable().size());
        assertEquals(1, all.computeTotalDiff());
    }

    @Test
    void topicsAnOnlineGroupDoesNotSubscribeAreLeftOut() throws Exception {
        consumers.register(new ConsumerData("G", ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
            ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, List.of(SubscriptionData.ofTags("U", "*", 1)), false),
            new ClientChannelInfo(new EmbeddedChannel(), "c1", LanguageCode.JAVA, 407, 0), clock.millis());
        ConsumeStats all = ConsumeStats.decode(ask(RequestCode.GET_CONSUME_STATS,
            new GetConsumeStatsRequestHeader("G", "")).body());
        assertEquals(List.of("U"), all.offsetTable().keySet().stream().map(MessageQueue::topic).toList());
    }

    @Test
    void theBrokersConsumeStatsListEveryGroupWithItsTopicsAndTheTotalLag() throws Exception {
        stats.onGet("T", "G", 0, new BrokerStats.Get(2, 200, 1, false));
        stats.sampleSeconds();
        ConsumeStatsList list = ConsumeStatsList.decode(ask(RequestCode.GET_BROKER_CONSUME_STATS,
            new GetConsumeStatsInBrokerHeader(false)).body());
        assertEquals(ADDR, list.brokerAddr());
        assertEquals(1, list.totalDiff());
        List<ConsumeStats> ofG = list.consumeStatsList().stream().filter(m -> m.containsKey("G"))
            .findFirst().orElseThrow().get("G");
        assertEquals(2, ofG.size());
        assertEquals(0.2, ofG.get(0).consumeTps(), 1e-12);
        assertTrue(list.consumeStatsList().size() > 1, "every subscription group is listed");

        ConsumeStatsList ordered = ConsumeStatsList.decode(ask(RequestCode.GET_BROKER_CONSUME_STATS,
            new GetConsumeStatsInBrokerHeader(true)).body());
        assertEquals(0, ordered.totalDiff());
        ordered.consumeStatsList().forEach(m -> m.values().forEach(l -> assertTrue(l.isEmpty())));
    }
}
