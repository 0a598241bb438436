package io.petrel.broker.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.petrel.broker.client.ClientChannelInfo;
import io.petrel.broker.client.ConsumerManager;
import io.petrel.broker.config.JsonConfigFile;
import io.petrel.broker.offset.ConsumerOffsetManager;
import io.petrel.broker.stats.BrokerStats;
import io.petrel.broker.testing.MutableClock;
import io.petrel.broker.testing.TestBrokerConfig;
import io.petrel.broker.testing.TestStore;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.body.ConsumeQueueData;
import io.petrel.common.body.QueryConsumeQueueResponseBody;
import io.petrel.common.body.QueryConsumeTimeSpanBody;
import io.petrel.common.body.QueueTimeSpan;
import io.petrel.common.heartbeat.ConsumeFromWhere;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.heartbeat.ConsumerData;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.topic.TopicFilterType;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RemotingVersion;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.QueryConsumeQueueRequestHeader;
import io.petrel.remoting.protocol.header.QueryConsumeTimeSpanRequestHeader;
import io.petrel.remoting.protocol.header.TopicRequestHeader;
import io.petrel.remoting.protocol.LanguageCode;
import io.petrel.store.PutMessageResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class StoreAdminTest {
    private static final String TOPIC = "T_ADMIN";
    private static final String GROUP = "CG_ADMIN";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(1_800_000_000_000L);
    private final TestBrokerConfig config = new TestBrokerConfig();
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final ConsumerManager consumers = new ConsumerManager((group, remaining, fromHeartbeat) -> { });
    private TestStore store;
    private TopicConfigManager topics;
    private ConsumerOffsetManager offsets;
    private final AdminBrokerProcessor admin = new AdminBrokerProcessor();
    private final long[] storeTimes = new long[4];

    @BeforeEach
    void open() throws Exception {
        store = TestStore.open(dir.resolve("store"), clock);
        topics = new TopicConfigManager(config, new JsonConfigFile(dir.resolve("topics.json")), clock);
        topics.load();
        topics.update(new TopicConfig(TOPIC, 2, 2, 6, TopicFilterType.SINGLE_TAG, 0, false));
        offsets = new ConsumerOffsetManager(new JsonConfigFile(dir.resolve("consumerOffset.json")));
        new StoreAdmin(() -> config.get().getBrokerName(), topics, offsets, consumers, store.store(), clock).registerInto(admin);
        new TopicAdmin(config, topics, offsets, store.store(), consumers::groupsSubscribing,
            new BrokerStats(config.get().getBrokerClusterName(), clock)).registerInto(admin);
        for (int i = 0; i < 4; i++) {
            clock.set(1_800_000_000_000L + i * 1000L);
            PutMessageResult r = store.put(TestStore.message(TOPIC, 0, "m" + i));
            storeTimes[i] = r.storeTimestamp();
        }
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
        store.close();
    }

    private RemotingCommand ask(int code, CommandHeader header) throws Exception {
        return admin.processRequest(channel, TestStore.request(code, header, RemotingVersion.V4_9_7));
    }

    private RemotingCommand queryCq(String topic, int queueId, long index, int count, String group) throws Exception {
        return ask(RequestCode.QUERY_CONSUME_QUEUE, new QueryConsumeQueueRequestHeader(topic, queueId, index, count, group));
    }

    @Test
    void consumeQueueViewWithTheGroupsSubscription() throws Exception {
        consumers.register(new ConsumerData(GROUP, ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
            ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, List.of(SubscriptionData.ofTags(TOPIC, "TagA", 1)), false),
            new ClientChannelInfo(channel, "c1", LanguageCode.JAVA, 407, 0), clock.millis());

        RemotingCommand r = queryCq(TOPIC, 0, 1, 2, GROUP);

        assertEquals(ResponseCode.SUCCESS, r.code());
        assertEquals("not set any response code", r.remark(), "4.9.7's remark on this answer");
        QueryConsumeQueueResponseBody body = QueryConsumeQueueResponseBody.decode(r.body());
        assertEquals(0, body.minQueueIndex());
        assertEquals(4, body.maxQueueIndex());
        assertEquals("TagA", body.subscriptionData().subString());
        assertEquals("null", body.filterData());
        assertEquals(2, body.queueData().size());
        ConsumeQueueData second = body.queueData().get(0);
        assertEquals(store.store().getCommitLogOffsetInQueue(TOPIC, 0, 1), second.physicOffset());
        assertTrue(second.physicSize() > 0);
        assertNull(second.extendDataJson());
    }

    @Test
    void consumeQueueViewErrors() throws Exception {
        RemotingCommand offline = queryCq(TOPIC, 0, 0, 1, "CG_GONE");
        assertEquals("CG_GONE@" + TOPIC + " is not online!",
            QueryConsumeQueueResponseBody.decode(offline.body()).filterData());

        RemotingCommand noQueue = queryCq(TOPIC, 1, 0, 1, null);
        assertEquals(ResponseCode.SYSTEM_ERROR, noQueue.code());
        assertEquals("1@" + TOPIC + " is not exist!", noQueue.remark());

        RemotingCommand noIndex = queryCq(TOPIC, 0, 4, 1, null);
        assertEquals(ResponseCode.SUCCESS, noIndex.code());
        assertEquals("Index 4 of 0@" + TOPIC + " is not exist!", noIndex.remark());
        assertNull(noIndex.body());
    }

    @Test
    void consumeTimeSpanPerQueue() throws Exception {
        offsets.commit("client", GROUP, TOPIC, 0, 3);
        clock.set(1_800_000_100_000L);

        RemotingCommand r = ask(RequestCode.QUERY_CONSUME_TIME_SPAN, new QueryConsumeTimeSpanRequestHeader(TOPIC, GROUP));

        assertEquals(ResponseCode.SUCCESS, r.code());
        List<QueueTimeSpan> spans = QueryConsumeTimeSpanBody.decode(r.body()).consumeTimeSpanSet();
        assertEquals(2, spans.size());
        QueueTimeSpan q0 = spans.get(0);
        assertEquals(storeTimes[0], q0.minTimeStamp());
        assertEquals(storeTimes[3], q0.maxTimeStamp());
        assertEquals(storeTimes[2], q0.consumeTimeStamp(), "the last consumed message's time");
        assertEquals(clock.millis() - storeTimes[3], q0.delayTime(), "since the next message to consume was stored");
        QueueTimeSpan empty = spans.get(1);
        assertEquals(-1, empty.minTimeStamp());
        assertEquals(-1, empty.maxTimeStamp());
        assertEquals(-1, empty.consumeTimeStamp());
        assertEquals(clock.millis() + 1, empty.delayTime(), "4.9.7's arithmetic with a missing time (-1)");
        assertEquals(config.get().getBrokerName(), q0.messageQueue().getBrokerName());

        RemotingCommand unknown = ask(RequestCode.QUERY_CONSUME_TIME_SPAN,
            new QueryConsumeTimeSpanRequestHeader("NOPE", GROUP));
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, unknown.code());
        assertEquals("topic[NOPE] not exist", unknown.remark());
    }

    @Test
    void cleanUnusedTopicKeepsConfiguredTopics() throws Exception {
        store.put(TestStore.message("T_UNCONFIGURED", 0, "x"));

        RemotingCommand r = admin.processRequest(channel, RemotingCommand.createRequest(RequestCode.CLEAN_UNUSED_TOPIC));

        assertEquals(ResponseCode.SUCCESS, r.code());
        assertEquals(0, store.store().getMaxOffsetInQueue("T_UNCONFIGURED", 0));
        assertEquals(4, store.store().getMaxOffsetInQueue(TOPIC, 0));
        for (int code : new int[] {RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE, RequestCode.DELETE_EXPIRED_COMMITLOG}) {
            RemotingCommand done = admin.processRequest(channel, RemotingCommand.createRequest(code));
            assertEquals(ResponseCode.SUCCESS, done.code());
            assertNull(done.remark());
        }
        assertEquals(4, store.store().getMaxOffsetInQueue(TOPIC, 0), "nothing expired");
    }

    @Test
    void deletedTopicLosesItsQueuesAndOffsets() throws Exception {
        offsets.commit("client", GROUP, TOPIC, 0, 4);

        RemotingCommand r = ask(RequestCode.DELETE_TOPIC_IN_BROKER, new TopicRequestHeader(TOPIC));

        assertEquals(ResponseCode.SUCCESS, r.code());
        assertEquals(0, store.store().getMaxOffsetInQueue(TOPIC, 0));
        assertEquals(-1, offsets.query(GROUP, TOPIC, 0));
        store.put(TestStore.message(TOPIC, 0, "re-created"));
        assertEquals(0, store.store().getMinOffsetInQueue(TOPIC, 0));
        assertEquals(1, store.store().getMaxOffsetInQueue(TOPIC, 0));
    }
}
