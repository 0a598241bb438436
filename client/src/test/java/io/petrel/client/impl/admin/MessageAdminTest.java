package io.petrel.client.impl.admin;

import static io.petrel.client.impl.admin.ScriptedTransport.error;
import static io.petrel.client.impl.admin.ScriptedTransport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.petrel.client.admin.MessageTrack;
import io.petrel.client.admin.TrackType;
import io.petrel.client.impl.ClientMessages;
import io.petrel.common.message.MessageExt;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.rocketmq.common.admin.ConsumeStats;
import org.apache.rocketmq.common.admin.OffsetWrapper;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.body.ClusterInfo;
import org.apache.rocketmq.common.protocol.body.Connection;
import org.apache.rocketmq.common.protocol.body.ConsumerConnection;
import org.apache.rocketmq.common.protocol.body.GroupList;
import org.apache.rocketmq.common.protocol.heartbeat.ConsumeType;
import org.apache.rocketmq.common.protocol.heartbeat.SubscriptionData;
import org.apache.rocketmq.common.protocol.route.BrokerData;
import org.apache.rocketmq.common.protocol.route.QueueData;
import org.apache.rocketmq.common.protocol.route.TopicRouteData;
import org.apache.rocketmq.remoting.protocol.LanguageCode;
import org.junit.jupiter.api.Test;

/** Message lookups by id, consuming a message again, and tracking which groups consumed it. */
class MessageAdminTest {
    private static final String BROKER = "10.0.0.1:10911";
    private static final InetSocketAddress STORE_HOST = new InetSocketAddress("10.0.0.1", 10911);
    private static final long COMMIT_LOG_OFFSET = 4096;
    private static final String UNIQ_ID = "0A0000050F8A18B4AAC2200000000001";
    private static final long TIMEOUT = 1000;

    private final Map<String, Function<RemotingCommand, RemotingCommand>> answers = new HashMap<>();
    private final ScriptedTransport transport = new ScriptedTransport(List.of("10.0.0.9:9876"), (addr, request) -> {
        Function<RemotingCommand, RemotingCommand> answer = answers.get(addr + "#" + request.code());
        return answer == null ? null : answer.apply(request);
    });
    private final AdminRemoting remoting = new AdminRemoting(transport, false);
    private final List<String> uniqueLookups = new ArrayList<>();

    private void answer(String addr, int code, Function<RemotingCommand, RemotingCommand> answer) {
        answers.put(addr + "#" + code, answer);
    }

    /** A stored record as an official broker keeps it: topic T1, queue 2 offset 7, tag TagA, a unique key. */
    private static byte[] storedMessage() throws Exception {
        org.apache.rocketmq.common.message.MessageExt m = new org.apache.rocketmq.common.message.MessageExt();
        m.setTopic("T1");
        m.setBody("hello".getBytes(StandardCharsets.UTF_8));
        m.setQueueId(2);
        m.setQueueOffset(7);
        m.setCommitLogOffset(COMMIT_LOG_OFFSET);
        m.setStoreHost(STORE_HOST);
        m.setBornHost(new InetSocketAddress("10.0.0.5", 50000));
        m.setBornTimestamp(1_700_000_000_000L);
        m.setStoreTimestamp(1_700_000_000_001L);
        m.setTags("TagA");
        MessageAccessor.putProperty(m, MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, UNIQ_ID);
        return MessageDecoder.encode(m, false);
    }

    private static String offsetMsgId() {
        return MessageDecoder.createMessageId(STORE_HOST, COMMIT_LOG_OFFSET);
    }

    private MessageAdmin messages() {
        return new MessageAdmin(remoting, (topic, key) -> {
            uniqueLookups.add(topic + "/" + key);
            try {
                return ClientMessages.decode(storedMessage()).get(0);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, TIMEOUT);
    }

    @Test
    void anOffsetIdIsViewedOnTheBrokerItNames() throws Exception {
        byte[] stored = storedMessage();
        answer(BROKER, RequestCode.VIEW_MESSAGE_BY_ID, request -> ok(stored));
        MessageExt msg = messages().viewMessage("T1", offsetMsgId());
        assertEquals("hello", new String(msg.getBody(), StandardCharsets.UTF_8));
        assertEquals(UNIQ_ID, msg.getMsgId(), "a consumer sees the unique id");
        assertEquals(Map.of("offset", Long.toString(COMMIT_LOG_OFFSET)), transport.last().fields());
        assertEquals(List.of(), uniqueLookups);
    }

    @Test
    void aUniqueIdIsLookedUpWhenNoBrokerAnswersItAsAnOffsetId() throws Exception {
        MessageExt msg = messages().viewMessage("T1", UNIQ_ID);
        assertEquals(List.of("T1/" + UNIQ_ID), uniqueLookups);
        assertEquals(7, msg.getQueueOffset());
    }

    @Test
    void consumingAgainByUniqueIdSendsTheOffsetIdToTheStoringBroker() throws Exception {
        byte[] result = "{\"autoCommit\":true,\"consumeResult\":\"CR_SUCCESS\",\"order\":false,\"spentTimeMills\":3}"
            .getBytes(StandardCharsets.UTF_8);
        answer(BROKER, RequestCode.CONSUME_MESSAGE_DIRECTLY, request -> ok(result));
        messages().consumeMessageDirectly("G1", "10.0.0.5@1", "T1", UNIQ_ID);
        ScriptedTransport.Call call = transport.last();
        assertEquals(RequestCode.CONSUME_MESSAGE_DIRECTLY, call.code());
        assertEquals(BROKER, call.addr());
        assertEquals(3 * TIMEOUT, call.timeoutMillis());
        assertEquals(Map.of("consumerGroup", "G1", "clientId", "10.0.0.5@1", "msgId", offsetMsgId()),
            call.fields());
    }

    // ---- tracking --------------------------------------------------------------------------------------

    private static byte[] route() {
        TopicRouteData route = new TopicRouteData();
        route.setBrokerDatas(List.of(new BrokerData("c1", "broker-a", new HashMap<>(Map.of(0L, BROKER)))));
        QueueData q = new QueueData();
        q.setBrokerName("broker-a");
        q.setReadQueueNums(4);
        q.setWriteQueueNums(4);
        q.setPerm(6);
        route.setQueueDatas(List.of(q));
        route.setFilterServerTable(new HashMap<>());
        return route.encode();
    }

    private static byte[] connection(ConsumeType type, String tag) {
        ConsumerConnection c = new ConsumerConnection();
        Connection member = new Connection();
        member.setClientId("10.0.0.5@1");
        member.setClientAddr("10.0.0.5:50000");
        member.setLanguage(LanguageCode.JAVA);
        member.setVersion(407);
        c.setConnectionSet(new HashSet<>(Set.of(member)));
        SubscriptionData sub = new SubscriptionData("T1", tag);
        sub.getTagsSet().add(tag);
        c.setSubscriptionTable(new ConcurrentHashMap<>(Map.of("T1", sub)));
        c.setConsumeType(type);
        return c.encode();
    }

    private static byte[] consumeStats(long consumerOffset) {
        ConsumeStats stats = new ConsumeStats();
        OffsetWrapper w = new OffsetWrapper();
        w.setBrokerOffset(10);
        w.setConsumerOffset(consumerOffset);
        stats.getOffsetTable().put(new MessageQueue("T1", "broker-a", 2), w);
        return stats.encode();
    }

    private static byte[] clusters() {
        ClusterInfo info = new ClusterInfo();
        HashMap<String, BrokerData> brokers = new HashMap<>();
        brokers.put("broker-a", new BrokerData("c1", "broker-a", new HashMap<>(Map.of(0L, BROKER))));
        info.setBrokerAddrTable(brokers);
        HashMap<String, Set<String>> clusterTable = new HashMap<>();
        clusterTable.put("c1", new HashSet<>(Set.of("broker-a")));
        info.setClusterAddrTable(clusterTable);
        return info.encode();
    }

    @Test
    void everyGroupOfTheTopicIsTracked() throws Exception {
        Map<String, byte[]> connections = Map.of(
            "G_DONE", connection(ConsumeType.CONSUME_PASSIVELY, "TagA"),
            "G_BEHIND", connection(ConsumeType.CONSUME_PASSIVELY, "TagA"),
            "G_FILTER", connection(ConsumeType.CONSUME_PASSIVELY, "TagB"),
            "G_PULL", connection(ConsumeType.CONSUME_ACTIVELY, "*"));
        Map<String, Long> committed = Map.of("G_DONE", 8L, "G_BEHIND", 7L, "G_FILTER", 8L);
        answer(null, RequestCode.GET_ROUTEINFO_BY_TOPIC, request -> ok(route()));
        answer(null, RequestCode.GET_BROKER_CLUSTER_INFO, request -> ok(clusters()));
        GroupList groups = new GroupList();
        groups.setGroupList(new HashSet<>(Set.of("G_DONE", "G_BEHIND", "G_FILTER", "G_PULL", "G_OFF")));
        answer(BROKER, RequestCode.QUERY_TOPIC_CONSUME_BY_WHO, request -> ok(groups.encode()));
        answer(BROKER, RequestCode.GET_CONSUMER_CONNECTION_LIST, request -> {
            byte[] body = connections.get(ScriptedTransport.fields(request).get("consumerGroup"));
            return body == null ? error(ResponseCode.CONSUMER_NOT_ONLINE, "the consumer group[G_OFF] not online")
                : ok(body);
        });
        answer(BROKER, RequestCode.GET_CONSUME_STATS, request ->
            ok(consumeStats(committed.get(ScriptedTransport.fields(request).get("consumerGroup")))));

        SplittableRandom random = new SplittableRandom(3);
        TopicAdmin topics = new TopicAdmin(remoting, TIMEOUT, random);
        GroupAdmin groupAdmin = new GroupAdmin(remoting, TIMEOUT, random);
        MessageExt msg = ClientMessages.decode(storedMessage()).get(0);
        List<MessageTrack> tracks = new MessageTracker(remoting, topics, groupAdmin, TIMEOUT).messageTrackDetail(msg);

        Map<String, TrackType> byGroup = new HashMap<>();
        tracks.forEach(t -> byGroup.put(t.consumerGroup(), t.trackType()));
        assertEquals(Map.of("G_DONE", TrackType.CONSUMED, "G_BEHIND", TrackType.NOT_CONSUME_YET,
            "G_FILTER", TrackType.CONSUMED_BUT_FILTERED, "G_PULL", TrackType.PULL, "G_OFF", TrackType.NOT_ONLINE),
            byGroup);
        MessageTrack off = tracks.stream().filter(t -> t.consumerGroup().equals("G_OFF")).findFirst().orElseThrow();
        assertEquals("CODE:206 DESC:the consumer group[G_OFF] not online", off.exceptionDesc());
        assertEquals("MessageTrack [consumerGroup=G_OFF, trackType=NOT_ONLINE, exceptionDesc=" + off.exceptionDesc()
            + "]", off.toString());
        assertSame(TrackType.PULL, byGroup.get("G_PULL"));
    }
}
