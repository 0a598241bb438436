package io.petrel.client.impl.admin;

import static io.petrel.client.impl.admin.ScriptedTransport.error;
import static io.petrel.client.impl.admin.ScriptedTransport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.client.admin.RollbackStats;
import io.petrel.client.exception.MQClientException;
import io.petrel.common.body.ConsumeStats;
import io.petrel.common.body.TopicStatsTable;
import io.petrel.common.message.MessageQueue;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.apache.rocketmq.common.admin.OffsetWrapper;
import org.apache.rocketmq.common.admin.TopicOffset;
import org.apache.rocketmq.common.protocol.body.ClusterInfo;
import org.apache.rocketmq.common.protocol.body.ConsumerConnection;
import org.apache.rocketmq.common.protocol.body.GroupList;
import org.apache.rocketmq.common.protocol.body.ResetOffsetBody;
import org.apache.rocketmq.common.protocol.body.SubscriptionGroupWrapper;
import org.apache.rocketmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.apache.rocketmq.common.protocol.body.TopicList;
import org.apache.rocketmq.common.protocol.route.BrokerData;
import org.apache.rocketmq.common.protocol.route.QueueData;
import org.apache.rocketmq.common.protocol.route.TopicRouteData;
import org.apache.rocketmq.common.subscription.SubscriptionGroupConfig;
import org.junit.jupiter.api.Test;

/**
 * The operations that ask several servers: which servers they ask, with which timeout, and how the answers are
 * merged. Answers are built with the official 4.9.7 body classes and fastjson, as an official broker sends them.
 */
class AdminMergeTest {
    private static final String A = "10.0.0.1:10911";
    private static final String A_SLAVE = "10.0.0.2:10911";
    private static final String B_SLAVE = "10.0.0.3:10911";
    private static final List<String> NAMESRVS = List.of("10.0.0.8:9876", "10.0.0.9:9876");
    private static final long TIMEOUT = 1000;

    private final Map<String, Function<RemotingCommand, RemotingCommand>> answers = new HashMap<>();
    private final ScriptedTransport transport = new ScriptedTransport(NAMESRVS, (addr, request) -> {
        Function<RemotingCommand, RemotingCommand> answer = answers.get(addr + "#" + request.code());
        return answer == null ? null : answer.apply(request);
    });
    private final AdminRemoting remoting = new AdminRemoting(transport, false);
    private final SplittableRandom random = new SplittableRandom(7);
    private final TopicAdmin topics = new TopicAdmin(remoting, TIMEOUT, random);
    private final GroupAdmin groups = new GroupAdmin(remoting, TIMEOUT, random);
    private final OffsetReset offsets = new OffsetReset(remoting, TIMEOUT, random);
    private final ClusterMaintenance maintenance = new ClusterMaintenance(remoting, TIMEOUT);

    private void answer(String addr, int code, Function<RemotingCommand, RemotingCommand> answer) {
        answers.put(addr + "#" + code, answer);
    }

    private void answer(String addr, int code, RemotingCommand response) {
        answer(addr, code, request -> response);
    }

    /** Routes for the given topics: broker-a with master A (and slave A_SLAVE), broker-b with only B_SLAVE. */
    private void routes(Map<String, Integer> readQueuesByTopic) {
        answer(null, RequestCode.GET_ROUTEINFO_BY_TOPIC, request -> {
            Integer queues = readQueuesByTopic.get(ScriptedTransport.fields(request).get("topic"));
            return queues == null ? error(ResponseCode.TOPIC_NOT_EXIST, "No topic route info") : ok(route(queues));
        });
    }

    private static byte[] route(int readQueues) {
        HashMap<Long, String> a = new HashMap<>(Map.of(0L, A, 1L, A_SLAVE));
        HashMap<Long, String> b = new HashMap<>(Map.of(1L, B_SLAVE));
        TopicRouteData route = new TopicRouteData();
        route.setBrokerDatas(List.of(new BrokerData("c1", "broker-a", a), new BrokerData("c2", "broker-b", b)));
        route.setQueueDatas(List.of(queueData("broker-a", readQueues), queueData("broker-b", readQueues)));
        route.setFilterServerTable(new HashMap<>());
        return route.encode();
    }

    private static QueueData queueData(String broker, int readQueues) {
        QueueData q = new QueueData();
        q.setBrokerName(broker);
        q.setReadQueueNums(readQueues);
        q.setWriteQueueNums(readQueues);
        q.setPerm(6);
        return q;
    }

    private static org.apache.rocketmq.common.message.MessageQueue mq(String topic, String broker, int id) {
        return new org.apache.rocketmq.common.message.MessageQueue(topic, broker, id);
    }

    private static byte[] topicStats(String topic, String broker, long min, long max) {
        org.apache.rocketmq.common.admin.TopicStatsTable table = new org.apache.rocketmq.common.admin.TopicStatsTable();
        TopicOffset o = new TopicOffset();
        o.setMinOffset(min);
        o.setMaxOffset(max);
        table.getOffsetTable().put(mq(topic, broker, 0), o);
        return table.encode();
    }

    private static byte[] consumeStats(double tps, Map<org.apache.rocketmq.common.message.MessageQueue, long[]> q) {
        org.apache.rocketmq.common.admin.ConsumeStats stats = new org.apache.rocketmq.common.admin.ConsumeStats();
        stats.setConsumeTps(tps);
        q.forEach((mq, o) -> {
            OffsetWrapper w = new OffsetWrapper();
            w.setBrokerOffset(o[0]);
            w.setConsumerOffset(o[1]);
            stats.getOffsetTable().put(mq, w);
        });
        return stats.encode();
    }

    private static RemotingCommand offsetAnswer(long offset) {
        return ok(null).addExtField("offset", Long.toString(offset));
    }

    @Test
    void topicStatsMergeEveryBrokerOfTheRouteMasterFirstElseASlave() throws Exception {
        routes(Map.of("T1", 1));
        answer(A, RequestCode.GET_TOPIC_STATS_INFO, ok(topicStats("T1", "broker-a", 0, 5)));
        answer(B_SLAVE, RequestCode.GET_TOPIC_STATS_INFO, ok(topicStats("T1", "broker-b", 2, 9)));
        TopicStatsTable stats = topics.examineTopicStats("T1");
        assertEquals(5, stats.offsetTable().get(new MessageQueue("T1", "broker-a", 0)).maxOffset());
        assertEquals(2, stats.offsetTable().get(new MessageQueue("T1", "broker-b", 0)).minOffset());
        assertEquals(2, stats.offsetTable().size());
    }

    @Test
    void topicStatsWithoutAnyQueueAreAnError() {
        routes(Map.of("T1", 1));
        byte[] empty = new org.apache.rocketmq.common.admin.TopicStatsTable().encode();
        answer(A, RequestCode.GET_TOPIC_STATS_INFO, ok(empty));
        answer(B_SLAVE, RequestCode.GET_TOPIC_STATS_INFO, ok(empty));
        assertThrows(MQClientException.class, () -> topics.examineTopicStats("T1"));
    }

    @Test
    void consumeStatsAskEveryBrokerOfTheRetryTopicWithTripleTimeoutAndSumTps() throws Exception {
        routes(Map.of("%RETRY%G1", 1));
        answer(A, RequestCode.GET_CONSUME_STATS, ok(consumeStats(1.5, Map.of(mq("T1", "broker-a", 0),
            new long[] {10, 7}))));
        answer(B_SLAVE, RequestCode.GET_CONSUME_STATS, ok(consumeStats(2.0, Map.of(mq("T1", "broker-b", 0),
            new long[] {4, 4}))));
        ConsumeStats stats = groups.examineConsumeStats("G1", "T1");
        assertEquals(3.5, stats.consumeTps());
        assertEquals(3, stats.computeTotalDiff());
        List<ScriptedTransport.Call> calls = transport.callsWithCode(RequestCode.GET_CONSUME_STATS);
        assertEquals(List.of(A, B_SLAVE), calls.stream().map(ScriptedTransport.Call::addr).toList());
        assertTrue(calls.stream().allMatch(c -> c.timeoutMillis() == 3 * TIMEOUT));
        assertTrue(calls.stream().allMatch(c -> "T1".equals(c.fields().get("topic"))));
    }

    @Test
    void emptyConsumeStatsMeanTheGroupIsNotOnline() {
        routes(Map.of("%RETRY%G1", 1));
        answer(A, RequestCode.GET_CONSUME_STATS, ok(consumeStats(0, Map.of())));
        answer(B_SLAVE, RequestCode.GET_CONSUME_STATS, ok(consumeStats(0, Map.of())));
        assertEquals(ResponseCode.CONSUMER_NOT_ONLINE, assertThrows(MQClientException.class,
            () -> groups.examineConsumeStats("G1", null)).getResponseCode());
    }

    @Test
    void consumerConnectionWithoutMembersMeansNotOnline() {
        routes(Map.of("%RETRY%G1", 1));
        byte[] empty = new ConsumerConnection().encode();
        answer(A, RequestCode.GET_CONSUMER_CONNECTION_LIST, ok(empty));
        answer(B_SLAVE, RequestCode.GET_CONSUMER_CONNECTION_LIST, ok(empty));
        assertEquals(ResponseCode.CONSUMER_NOT_ONLINE, assertThrows(MQClientException.class,
            () -> groups.examineConsumerConnectionInfo("G1")).getResponseCode());
    }

    @Test
    void resetByTimestampMergesTheOffsetsOfEveryBroker() throws Exception {
        routes(Map.of("T1", 1));
        answer(A, RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, ok(resetBody(mq("T1", "broker-a", 0), 3L)));
        answer(B_SLAVE, RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, ok(resetBody(mq("T1", "broker-b", 0), 8L)));
        Map<MessageQueue, Long> reset = offsets.resetOffsetByTimestamp("T1", "G1", 1234, true, false);
        assertEquals(Map.of(new MessageQueue("T1", "broker-a", 0), 3L, new MessageQueue("T1", "broker-b", 0), 8L),
            reset);
        assertEquals("1234", transport.callsWithCode(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET).get(0).fields()
            .get("timestamp"));
    }

    private static byte[] resetBody(org.apache.rocketmq.common.message.MessageQueue mq, long offset) {
        ResetOffsetBody body = new ResetOffsetBody();
        body.setOffsetTable(new HashMap<>(Map.of(mq, offset)));
        return body.encode();
    }

    @Test
    void resetNewFallsBackToCommittingEachQueueWhenTheGroupIsOffline() throws Exception {
        routes(Map.of("T1", 1));
        answer(A, RequestCode.INVOKE_BROKER_TO_RESET_OFFSET,
            error(ResponseCode.CONSUMER_NOT_ONLINE, "Consumer not online"));
        answer(A, RequestCode.GET_CONSUME_STATS, ok(consumeStats(0, Map.of(mq("T1", "broker-a", 0),
            new long[] {20, 10}, mq("OTHER", "broker-a", 0), new long[] {5, 5}))));
        answer(A, RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, offsetAnswer(15));
        answer(A, RequestCode.UPDATE_CONSUMER_OFFSET, ok(null));
        answer(B_SLAVE, RequestCode.GET_CONSUME_STATS, ok(consumeStats(0, Map.of())));
        answer(B_SLAVE, RequestCode.GET_TOPIC_STATS_INFO, ok(topicStats("T1", "broker-b", 0, 9)));
        answer(B_SLAVE, RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, offsetAnswer(4));
        answer(B_SLAVE, RequestCode.UPDATE_CONSUMER_OFFSET, ok(null));

        offsets.resetOffsetNew("G1", "T1", 1234);

        List<ScriptedTransport.Call> updates = transport.callsWithCode(RequestCode.UPDATE_CONSUMER_OFFSET);
        assertEquals(2, updates.size(), "one per queue of T1; the OTHER topic is left alone");
        assertEquals(Map.of("consumerGroup", "G1", "topic", "T1", "queueId", "0", "commitOffset", "15",
            "bname", "broker-a"), updates.get(0).fields());
        assertEquals(A, updates.get(0).addr());
        assertEquals("4", updates.get(1).fields().get("commitOffset"));
        assertEquals(B_SLAVE, updates.get(1).addr());
    }

    @Test
    void resetOldWithoutForceNeverMovesAGroupForward() throws Exception {
        routes(Map.of("T1", 1));
        answer(A, RequestCode.GET_CONSUME_STATS, ok(consumeStats(0, Map.of(mq("T1", "broker-a", 0),
            new long[] {20, 10}))));
        answer(A, RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, offsetAnswer(15));
        answer(B_SLAVE, RequestCode.GET_CONSUME_STATS, ok(consumeStats(0, Map.of(mq("T1", "broker-b", 0),
            new long[] {9, 6}))));
        answer(B_SLAVE, RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, offsetAnswer(2));
        answer(B_SLAVE, RequestCode.UPDATE_CONSUMER_OFFSET, ok(null));

        List<RollbackStats> stats = offsets.resetOffsetByTimestampOld("G1", "T1", 1234, false);

        assertEquals(List.of(new RollbackStats("broker-a", 0, 20, 10, 15, 10),
            new RollbackStats("broker-b", 0, 9, 6, 2, 2)), stats);
        List<ScriptedTransport.Call> updates = transport.callsWithCode(RequestCode.UPDATE_CONSUMER_OFFSET);
        assertEquals(List.of(B_SLAVE), updates.stream().map(ScriptedTransport.Call::addr).toList());
    }

    @Test
    void resetOldToLatestUsesEachQueuesMaxOffsetAndTheTopicStatsOfUnconsumedBrokers() throws Exception {
        routes(Map.of("T1", 2));
        for (String addr : List.of(A, B_SLAVE)) {
            answer(addr, RequestCode.GET_CONSUME_STATS, ok(consumeStats(0, Map.of())));
            answer(addr, RequestCode.GET_MAX_OFFSET, offsetAnswer(30));
            answer(addr, RequestCode.UPDATE_CONSUMER_OFFSET, ok(null));
        }
        answer(A, RequestCode.GET_TOPIC_STATS_INFO, ok(topicStats("T1", "broker-a", 3, 30)));
        answer(B_SLAVE, RequestCode.GET_TOPIC_STATS_INFO, ok(topicStats("T1", "broker-b", 1, 30)));

        List<RollbackStats> stats = offsets.resetOffsetByTimestampOld("G1", "T1", OffsetReset.LATEST, true);

        assertEquals(4, stats.size(), "two readable queues on each broker");
        assertEquals(new RollbackStats("broker-a", 0, 30, 3, 30, 30), stats.get(0));
        assertEquals(new RollbackStats("broker-a", 1, 0, 0, 30, 30), stats.get(1), "a queue without stats");
        assertEquals(0, transport.callsWithCode(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP).size());
        assertEquals(4, transport.callsWithCode(RequestCode.UPDATE_CONSUMER_OFFSET).size());
    }

    private void clusters() {
        ClusterInfo info = new ClusterInfo();
        HashMap<String, BrokerData> brokers = new HashMap<>();
        brokers.put("broker-a", new BrokerData("c1", "broker-a", new HashMap<>(Map.of(0L, A, 1L, A_SLAVE))));
        brokers.put("broker-b", new BrokerData("c2", "broker-b", new HashMap<>(Map.of(1L, B_SLAVE))));
        info.setBrokerAddrTable(brokers);
        HashMap<String, Set<String>> clusterTable = new HashMap<>();
        clusterTable.put("c1", new HashSet<>(Set.of("broker-a")));
        clusterTable.put("c2", new HashSet<>(Set.of("broker-b")));
        info.setClusterAddrTable(clusterTable);
        answer(null, RequestCode.GET_BROKER_CLUSTER_INFO, ok(info.encode()));
    }

    @Test
    void cleanUpGoesToEveryBrokerOfTheNamedClusterOrOfAll() throws Exception {
        clusters();
        for (String addr : List.of(A, A_SLAVE, B_SLAVE)) {
            answer(addr, RequestCode.CLEAN_UNUSED_TOPIC, ok(null));
        }
        assertTrue(maintenance.cleanUnusedTopic("c1"));
        assertEquals(Set.of(A, A_SLAVE), addrsOf(RequestCode.CLEAN_UNUSED_TOPIC));
        transport.calls.clear();
        assertTrue(maintenance.cleanUnusedTopic(null));
        assertEquals(Set.of(A, A_SLAVE, B_SLAVE), addrsOf(RequestCode.CLEAN_UNUSED_TOPIC));
        transport.calls.clear();
        assertFalse(maintenance.cleanUnusedTopic("unknown"));
        assertEquals(Set.of(), addrsOf(RequestCode.CLEAN_UNUSED_TOPIC));
    }

    @Test
    void aBrokerRefusingCleanUpFails() {
        clusters();
        answer(A, RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE, ok(null));
        answer(A_SLAVE, RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE, error(ResponseCode.SYSTEM_ERROR, "no"));
        assertThrows(MQClientException.class, () -> maintenance.cleanExpiredConsumerQueue("c1"));
    }

    private Set<String> addrsOf(int code) {
        Set<String> addrs = new HashSet<>();
        transport.callsWithCode(code).forEach(c -> addrs.add(c.addr()));
        return addrs;
    }

    @Test
    void topicClustersAreThoseHoldingTheFirstBrokerOfTheRoute() throws Exception {
        clusters();
        routes(Map.of("T1", 1));
        assertEquals(Set.of("c1"), topics.getTopicClusterList("T1"));
    }

    @Test
    void consumersOfATopicComeFromTheFirstBrokerOfItsRoute() throws Exception {
        routes(Map.of("T1", 1));
        GroupList groupList = new GroupList();
        groupList.setGroupList(new HashSet<>(Set.of("G1", "G2")));
        answer(A, RequestCode.QUERY_TOPIC_CONSUME_BY_WHO, ok(groupList.encode()));
        assertEquals(Set.of("G1", "G2"), topics.queryTopicConsumeByWho("T1").groupList());
        assertEquals(1, transport.callsWithCode(RequestCode.QUERY_TOPIC_CONSUME_BY_WHO).size());
    }

    @Test
    void deletingATopicInNameServersAsksEachConfiguredOneWithoutAList() throws Exception {
        for (String ns : NAMESRVS) {
            answer(ns, RequestCode.DELETE_TOPIC_IN_NAMESRV, ok(null));
        }
        topics.deleteTopicInNameServer(null, "T1", "c1");
        assertEquals(Set.copyOf(NAMESRVS), addrsOf(RequestCode.DELETE_TOPIC_IN_NAMESRV));
        assertTrue(transport.calls.stream().allMatch(c -> "c1".equals(c.fields().get("clusterName"))));
    }

    @Test
    void orderConfOfOneBrokerReplacesOnlyItsOwnEntry() throws Exception {
        answer(null, RequestCode.GET_KV_CONFIG, ok(null).addExtField("value", "broker-a:4;broker-b:4"));
        for (String ns : NAMESRVS) {
            answer(ns, RequestCode.PUT_KV_CONFIG, ok(null));
        }
        topics.createOrUpdateOrderConf("T1", "broker-b:8", false);
        List<ScriptedTransport.Call> puts = transport.callsWithCode(RequestCode.PUT_KV_CONFIG);
        assertEquals(2, puts.size());
        assertEquals(Map.of("namespace", "ORDER_TOPIC_CONFIG", "key", "T1", "value", "broker-a:4;broker-b:8"),
            puts.get(0).fields());

        assertEquals("broker-c:2", TopicAdmin.mergeOrderConf(null, "broker-c:2"));
        assertEquals("broker-a:4;broker-c:2", TopicAdmin.mergeOrderConf("broker-a:4", "broker-c:2"));
    }

    @Test
    void orderConfWithoutAnExistingLayoutStartsFromTheNewEntry() throws Exception {
        answer(null, RequestCode.GET_KV_CONFIG, error(ResponseCode.QUERY_NOT_FOUND, "No config item"));
        for (String ns : NAMESRVS) {
            answer(ns, RequestCode.PUT_KV_CONFIG, ok(null));
        }
        topics.createOrUpdateOrderConf("T1", "broker-b:8", false);
        assertEquals("broker-b:8", transport.callsWithCode(RequestCode.PUT_KV_CONFIG).get(0).fields().get("value"));
    }

    @Test
    void userGroupsLeaveOutSystemGroups() throws Exception {
        SubscriptionGroupWrapper wrapper = new SubscriptionGroupWrapper();
        for (String g : List.of("G1", "TOOLS_CONSUMER", "CID_RMQ_SYS_TRANS", "CID_RMQ_SYS_OTHER", "SELF_TEST_C_GROUP")) {
            SubscriptionGroupConfig c = new SubscriptionGroupConfig();
            c.setGroupName(g);
            wrapper.getSubscriptionGroupTable().put(g, c);
        }
        answer(A, RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, ok(wrapper.encode()));
        assertEquals(Set.of("G1"), groups.getUserSubscriptionGroup(A, TIMEOUT).subscriptionGroupTable().keySet());
        assertEquals("G1", groups.examineSubscriptionGroupConfig(A, "G1").groupName());
    }

    @Test
    void userTopicsLeaveOutSystemTopicsAndRetryAndDeadLetterTopicsUnlessAsked() throws Exception {
        TopicConfigSerializeWrapper wrapper = new TopicConfigSerializeWrapper();
        for (String t : List.of("T1", "broker-a", "%RETRY%G1", "%DLQ%G1")) {
            wrapper.getTopicConfigTable().put(t, new org.apache.rocketmq.common.TopicConfig(t, 4, 4, 6));
        }
        answer(A, RequestCode.GET_ALL_TOPIC_CONFIG, ok(wrapper.encode()));
        TopicList system = new TopicList();
        system.setTopicList(new HashSet<>(Set.of("broker-a", "c1")));
        answer(A, RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_BROKER, ok(system.encode()));
        assertEquals(Set.of("T1"), topics.getUserTopicConfig(A, false, TIMEOUT).topicConfigTable().keySet());
        assertEquals(Set.of("T1", "%RETRY%G1", "%DLQ%G1"),
            topics.getUserTopicConfig(A, true, TIMEOUT).topicConfigTable().keySet());
        assertEquals(4, topics.examineTopicConfig(A, "T1").readQueueNums());
    }
}
