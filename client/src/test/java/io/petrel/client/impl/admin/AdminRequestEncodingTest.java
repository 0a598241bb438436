package io.petrel.client.impl.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.message.MessageQueue;
import io.petrel.common.topic.PermName;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.topic.TopicFilterType;
import io.petrel.remoting.exception.RemotingTimeoutException;
import io.petrel.remoting.protocol.LanguageCode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.header.CloneGroupOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.ConsumeMessageDirectlyResultRequestHeader;
import org.apache.rocketmq.common.protocol.header.CreateAccessConfigRequestHeader;
import org.apache.rocketmq.common.protocol.header.CreateTopicRequestHeader;
import org.apache.rocketmq.common.protocol.header.DeleteAccessConfigRequestHeader;
import org.apache.rocketmq.common.protocol.header.DeleteSubscriptionGroupRequestHeader;
import org.apache.rocketmq.common.protocol.header.DeleteTopicRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetConsumeStatsInBrokerHeader;
import org.apache.rocketmq.common.protocol.header.GetConsumeStatsRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetConsumerConnectionListRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetConsumerRunningInfoRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetConsumerStatusRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetMaxOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetProducerConnectionListRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetTopicStatsInfoRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetTopicsByClusterRequestHeader;
import org.apache.rocketmq.common.protocol.header.QueryConsumeQueueRequestHeader;
import org.apache.rocketmq.common.protocol.header.QueryConsumeTimeSpanRequestHeader;
import org.apache.rocketmq.common.protocol.header.QueryTopicConsumeByWhoRequestHeader;
import org.apache.rocketmq.common.protocol.header.ResetOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.SearchOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.ViewBrokerStatsDataRequestHeader;
import org.apache.rocketmq.common.protocol.header.UpdateGlobalWhiteAddrsConfigRequestHeader;
import org.apache.rocketmq.common.protocol.header.ViewMessageRequestHeader;
import org.apache.rocketmq.common.protocol.header.namesrv.AddWritePermOfBrokerRequestHeader;
import org.apache.rocketmq.common.protocol.header.namesrv.DeleteKVConfigRequestHeader;
import org.apache.rocketmq.common.protocol.header.namesrv.DeleteTopicFromNamesrvRequestHeader;
import org.apache.rocketmq.common.protocol.header.namesrv.GetKVConfigRequestHeader;
import org.apache.rocketmq.common.protocol.header.namesrv.GetKVListByNamespaceRequestHeader;
import org.apache.rocketmq.common.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.apache.rocketmq.common.protocol.header.namesrv.PutKVConfigRequestHeader;
import org.apache.rocketmq.common.protocol.header.namesrv.WipeWritePermOfBrokerRequestHeader;
import org.apache.rocketmq.remoting.CommandCustomHeader;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every admin request carries the code and the ext fields (names and values) that 4.9.7's {@code MQClientAPIImpl}
 * puts on the wire for the same call, built here with the official header classes, and goes to the same server:
 * a named broker or NameServer, or (null address) the NameServer in use.
 */
class AdminRequestEncodingTest {
    private static final String BROKER = "10.0.0.1:10911";
    private static final String NAMESRV = "10.0.0.9:9876";
    private static final long TIMEOUT = 1234;

    private final ScriptedTransport transport = ScriptedTransport.silent(List.of(NAMESRV));
    private final AdminRemoting remoting = new AdminRemoting(transport, false);

    private ScriptedTransport.Call sent(Executable call) {
        assertThrows(RemotingTimeoutException.class, call);
        return transport.last();
    }

    private static Map<String, String> official(CommandCustomHeader header) {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(0, header);
        cmd.makeCustomHeaderToNet();
        return cmd.getExtFields() == null ? Map.of() : new HashMap<>(cmd.getExtFields());
    }

    private static void assertSame(int officialCode, CommandCustomHeader officialHeader, String addr,
                                   ScriptedTransport.Call call) {
        assertEquals(officialCode, call.code(), "request code");
        assertEquals(official(officialHeader), call.fields(), "ext fields");
        assertEquals(addr, call.addr(), "target");
        assertEquals(TIMEOUT, call.timeoutMillis());
    }

    @Test
    void createTopicSendsEveryTopicConfigField() {
        TopicConfig config = new TopicConfig("T1", 4, 8, PermName.PERM_READ | PermName.PERM_WRITE,
            TopicFilterType.MULTI_TAG, 1, true);
        CreateTopicRequestHeader h = new CreateTopicRequestHeader();
        h.setTopic("T1");
        h.setDefaultTopic("TBW102");
        h.setReadQueueNums(4);
        h.setWriteQueueNums(8);
        h.setPerm(6);
        h.setTopicFilterType("MULTI_TAG");
        h.setTopicSysFlag(1);
        h.setOrder(true);
        assertSame(RequestCode.UPDATE_AND_CREATE_TOPIC, h, BROKER,
            sent(() -> remoting.createTopic(BROKER, "TBW102", config, TIMEOUT)));
    }

    @Test
    void topicRequestsToBrokers() {
        DeleteTopicRequestHeader delete = new DeleteTopicRequestHeader();
        delete.setTopic("T1");
        assertSame(RequestCode.DELETE_TOPIC_IN_BROKER, delete, BROKER,
            sent(() -> remoting.deleteTopicInBroker(BROKER, "T1", TIMEOUT)));

        GetTopicStatsInfoRequestHeader stats = new GetTopicStatsInfoRequestHeader();
        stats.setTopic("T1");
        assertSame(RequestCode.GET_TOPIC_STATS_INFO, stats, BROKER,
            sent(() -> remoting.getTopicStatsInfo(BROKER, "T1", TIMEOUT)));

        QueryTopicConsumeByWhoRequestHeader who = new QueryTopicConsumeByWhoRequestHeader();
        who.setTopic("T1");
        assertSame(RequestCode.QUERY_TOPIC_CONSUME_BY_WHO, who, BROKER,
            sent(() -> remoting.queryTopicConsumeByWho(BROKER, "T1", TIMEOUT)));

        QueryConsumeTimeSpanRequestHeader span = new QueryConsumeTimeSpanRequestHeader();
        span.setTopic("T1");
        span.setGroup("G1");
        assertSame(RequestCode.QUERY_CONSUME_TIME_SPAN, span, BROKER,
            sent(() -> remoting.queryConsumeTimeSpan(BROKER, "T1", "G1", TIMEOUT)));
    }

    @Test
    void groupRequestsToBrokers() {
        GetConsumeStatsRequestHeader allTopics = new GetConsumeStatsRequestHeader();
        allTopics.setConsumerGroup("G1");
        assertSame(RequestCode.GET_CONSUME_STATS, allTopics, BROKER,
            sent(() -> remoting.getConsumeStats(BROKER, "G1", null, TIMEOUT)));
        GetConsumeStatsRequestHeader oneTopic = new GetConsumeStatsRequestHeader();
        oneTopic.setConsumerGroup("G1");
        oneTopic.setTopic("T1");
        assertSame(RequestCode.GET_CONSUME_STATS, oneTopic, BROKER,
            sent(() -> remoting.getConsumeStats(BROKER, "G1", "T1", TIMEOUT)));

        GetConsumerConnectionListRequestHeader consumers = new GetConsumerConnectionListRequestHeader();
        consumers.setConsumerGroup("G1");
        assertSame(RequestCode.GET_CONSUMER_CONNECTION_LIST, consumers, BROKER,
            sent(() -> remoting.getConsumerConnectionList(BROKER, "G1", TIMEOUT)));

        GetProducerConnectionListRequestHeader producers = new GetProducerConnectionListRequestHeader();
        producers.setProducerGroup("P1");
        assertSame(RequestCode.GET_PRODUCER_CONNECTION_LIST, producers, BROKER,
            sent(() -> remoting.getProducerConnectionList(BROKER, "P1", TIMEOUT)));

        DeleteSubscriptionGroupRequestHeader delete = new DeleteSubscriptionGroupRequestHeader();
        delete.setGroupName("G1");
        delete.setRemoveOffset(true);
        assertSame(RequestCode.DELETE_SUBSCRIPTIONGROUP, delete, BROKER,
            sent(() -> remoting.deleteSubscriptionGroup(BROKER, "G1", true, TIMEOUT)));

        CloneGroupOffsetRequestHeader clone = new CloneGroupOffsetRequestHeader();
        clone.setSrcGroup("G1");
        clone.setDestGroup("G2");
        clone.setOffline(false);
        assertSame(RequestCode.CLONE_GROUP_OFFSET, clone, BROKER,
            sent(() -> remoting.cloneGroupOffset(BROKER, "G1", "G2", null, false, TIMEOUT)));
    }

    @Test
    void aclRequests() {
        CreateAccessConfigRequestHeader create = new CreateAccessConfigRequestHeader();
        create.setAccessKey("ak");
        create.setSecretKey("sk12345678");
        create.setWhiteRemoteAddress("10.0.0.*");
        create.setAdmin(true);
        create.setDefaultTopicPerm("DENY");
        create.setDefaultGroupPerm("SUB");
        create.setTopicPerms("T1=PUB,T2=SUB");
        create.setGroupPerms("G1=SUB");
        assertSame(RequestCode.UPDATE_AND_CREATE_ACL_CONFIG, create, BROKER, sent(() ->
            remoting.createPlainAccessConfig(BROKER, new io.petrel.common.body.PlainAccessConfig("ak", "sk12345678",
                "10.0.0.*", true, "DENY", "SUB", List.of("T1=PUB", "T2=SUB"), List.of("G1=SUB")), TIMEOUT)));
        CreateAccessConfigRequestHeader bare = new CreateAccessConfigRequestHeader();
        bare.setAccessKey("ak");
        assertSame(RequestCode.UPDATE_AND_CREATE_ACL_CONFIG, bare, BROKER, sent(() ->
            remoting.createPlainAccessConfig(BROKER, new io.petrel.common.body.PlainAccessConfig("ak", null, null,
                false, null, null, null, null), TIMEOUT)));

        DeleteAccessConfigRequestHeader delete = new DeleteAccessConfigRequestHeader();
        delete.setAccessKey("ak");
        assertSame(RequestCode.DELETE_ACL_CONFIG, delete, BROKER,
            sent(() -> remoting.deleteAccessConfig(BROKER, "ak", TIMEOUT)));

        UpdateGlobalWhiteAddrsConfigRequestHeader white = new UpdateGlobalWhiteAddrsConfigRequestHeader();
        white.setGlobalWhiteAddrs("10.*,192.168.0.1");
        assertSame(RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG, white, BROKER,
            sent(() -> remoting.updateGlobalWhiteAddrsConfig(BROKER, "10.*,192.168.0.1", null, TIMEOUT)));
        white.setAclFileFullPath("/acl/plain_acl.yml");
        assertSame(RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG, white, BROKER, sent(() ->
            remoting.updateGlobalWhiteAddrsConfig(BROKER, "10.*,192.168.0.1", "/acl/plain_acl.yml", TIMEOUT)));

        assertSame(RequestCode.GET_BROKER_CLUSTER_ACL_INFO, null, BROKER,
            sent(() -> remoting.getBrokerClusterAclInfo(BROKER, TIMEOUT)));
        assertSame(RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG, null, BROKER,
            sent(() -> remoting.getBrokerClusterConfig(BROKER, TIMEOUT)));
    }

    @Test
    void requestsForwardedToClients() {
        GetConsumerRunningInfoRequestHeader running = new GetConsumerRunningInfoRequestHeader();
        running.setConsumerGroup("G1");
        running.setClientId("10.0.0.5@1");
        running.setJstackEnable(true);
        assertSame(RequestCode.GET_CONSUMER_RUNNING_INFO, running, BROKER,
            sent(() -> remoting.getConsumerRunningInfo(BROKER, "G1", "10.0.0.5@1", true, TIMEOUT)));

        ConsumeMessageDirectlyResultRequestHeader direct = new ConsumeMessageDirectlyResultRequestHeader();
        direct.setConsumerGroup("G1");
        direct.setClientId("10.0.0.5@1");
        direct.setMsgId("0A00000100002A9F0000000000000042");
        assertSame(RequestCode.CONSUME_MESSAGE_DIRECTLY, direct, BROKER, sent(() -> remoting.consumeMessageDirectly(
            BROKER, "G1", "10.0.0.5@1", "0A00000100002A9F0000000000000042", TIMEOUT)));

        GetConsumerStatusRequestHeader everyClient = new GetConsumerStatusRequestHeader();
        everyClient.setTopic("T1");
        everyClient.setGroup("G1");
        assertSame(RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS, everyClient, BROKER,
            sent(() -> remoting.invokeBrokerToGetConsumerStatus(BROKER, "T1", "G1", null, TIMEOUT)));
        GetConsumerStatusRequestHeader oneClient = new GetConsumerStatusRequestHeader();
        oneClient.setTopic("T1");
        oneClient.setGroup("G1");
        oneClient.setClientAddr("10.0.0.5");
        assertSame(RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS, oneClient, BROKER,
            sent(() -> remoting.invokeBrokerToGetConsumerStatus(BROKER, "T1", "G1", "10.0.0.5", TIMEOUT)));
    }

    @Test
    void offsetRequests() {
        ResetOffsetRequestHeader reset = new ResetOffsetRequestHeader();
        reset.setTopic("T1");
        reset.setGroup("G1");
        reset.setTimestamp(1_700_000_000_000L);
        reset.setForce(true);
        ScriptedTransport.Call java = sent(() -> remoting.invokeBrokerToResetOffset(BROKER, "T1", "G1",
            1_700_000_000_000L, true, false, TIMEOUT));
        assertSame(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, reset, BROKER, java);
        assertEquals(LanguageCode.JAVA, java.request().language());
        ScriptedTransport.Call cpp = sent(() -> remoting.invokeBrokerToResetOffset(BROKER, "T1", "G1",
            1_700_000_000_000L, true, true, TIMEOUT));
        assertEquals(LanguageCode.CPP, cpp.request().language());

        UpdateConsumerOffsetRequestHeader update = new UpdateConsumerOffsetRequestHeader();
        update.setConsumerGroup("G1");
        update.setTopic("T1");
        update.setQueueId(3);
        update.setCommitOffset(42L);
        update.setBname("broker-a");
        assertSame(RequestCode.UPDATE_CONSUMER_OFFSET, update, BROKER, sent(() -> remoting.updateConsumerOffset(
            BROKER, new io.petrel.remoting.protocol.header.UpdateConsumerOffsetRequestHeader("G1", "T1", 3, 42,
                "broker-a"), TIMEOUT)));

        MessageQueue mq = new MessageQueue("T1", "broker-a", 3);
        GetMaxOffsetRequestHeader max = new GetMaxOffsetRequestHeader();
        max.setTopic("T1");
        max.setQueueId(3);
        max.setBname("broker-a");
        assertSame(RequestCode.GET_MAX_OFFSET, max, BROKER, sent(() -> remoting.getMaxOffset(BROKER, mq, TIMEOUT)));

        SearchOffsetRequestHeader search = new SearchOffsetRequestHeader();
        search.setTopic("T1");
        search.setQueueId(3);
        search.setTimestamp(99L);
        search.setBname("broker-a");
        assertSame(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, search, BROKER,
            sent(() -> remoting.searchOffset(BROKER, mq, 99, TIMEOUT)));

        ViewMessageRequestHeader view = new ViewMessageRequestHeader();
        view.setOffset(4096L);
        assertSame(RequestCode.VIEW_MESSAGE_BY_ID, view, BROKER,
            sent(() -> remoting.viewMessage(BROKER, 4096, TIMEOUT)));
    }

    @Test
    void brokerStatisticsRequests() {
        ViewBrokerStatsDataRequestHeader stats = new ViewBrokerStatsDataRequestHeader();
        stats.setStatsName("TOPIC_PUT_NUMS");
        stats.setStatsKey("T1");
        assertSame(RequestCode.VIEW_BROKER_STATS_DATA, stats, BROKER,
            sent(() -> remoting.viewBrokerStatsData(BROKER, "TOPIC_PUT_NUMS", "T1", TIMEOUT)));

        GetConsumeStatsInBrokerHeader consume = new GetConsumeStatsInBrokerHeader();
        consume.setIsOrder(true);
        assertSame(RequestCode.GET_BROKER_CONSUME_STATS, consume, BROKER,
            sent(() -> remoting.fetchConsumeStatsInBroker(BROKER, true, TIMEOUT)));
    }

    @Test
    void queryConsumeQueueNamesTheQueueTheRangeAndTheGroup() {
        QueryConsumeQueueRequestHeader h = new QueryConsumeQueueRequestHeader();
        h.setTopic("T1");
        h.setQueueId(3);
        h.setIndex(42);
        h.setCount(7);
        h.setConsumerGroup("G1");
        assertSame(RequestCode.QUERY_CONSUME_QUEUE, h, BROKER,
            sent(() -> remoting.queryConsumeQueue(BROKER, "T1", 3, 42, 7, "G1", TIMEOUT)));
    }

    @Test
    void requestsWithoutHeaderCarryNoFields() {
        List<Executable> calls = List.of(
            () -> remoting.getBrokerRuntimeInfo(BROKER, TIMEOUT),
            () -> remoting.getAllTopicConfig(BROKER, TIMEOUT),
            () -> remoting.getAllSubscriptionGroup(BROKER, TIMEOUT),
            () -> remoting.getAllProducerInfo(BROKER, TIMEOUT),
            () -> remoting.getSystemTopicListFromBroker(BROKER, TIMEOUT),
            () -> remoting.getBrokerConfig(BROKER, TIMEOUT),
            () -> remoting.cleanExpiredConsumeQueue(BROKER, TIMEOUT),
            () -> remoting.deleteExpiredCommitLog(BROKER, TIMEOUT),
            () -> remoting.cleanUnusedTopic(BROKER, TIMEOUT));
        int[] codes = {RequestCode.GET_BROKER_RUNTIME_INFO, RequestCode.GET_ALL_TOPIC_CONFIG,
            RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, RequestCode.GET_ALL_PRODUCER_INFO,
            RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_BROKER,
            RequestCode.GET_BROKER_CONFIG, RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE,
            RequestCode.DELETE_EXPIRED_COMMITLOG, RequestCode.CLEAN_UNUSED_TOPIC};
        for (int i = 0; i < codes.length; i++) {
            ScriptedTransport.Call call = sent(calls.get(i));
            assertEquals(codes[i], call.code());
            assertEquals(Map.of(), call.fields());
            assertEquals(BROKER, call.addr());
        }
        ScriptedTransport.Call cluster = sent(() -> remoting.getBrokerClusterInfo(TIMEOUT));
        assertEquals(RequestCode.GET_BROKER_CLUSTER_INFO, cluster.code());
        assertNull(cluster.addr(), "asks the NameServer in use");
        ScriptedTransport.Call topics = sent(() -> remoting.getAllTopicList(TIMEOUT));
        assertEquals(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, topics.code());
        assertNull(topics.addr());
    }

    @Test
    void nameServerRequests() {
        GetRouteInfoRequestHeader route = new GetRouteInfoRequestHeader();
        route.setTopic("T1");
        assertSame(RequestCode.GET_ROUTEINFO_BY_TOPIC, route, null,
            sent(() -> remoting.getTopicRouteInfo("T1", TIMEOUT)));

        GetTopicsByClusterRequestHeader byCluster = new GetTopicsByClusterRequestHeader();
        byCluster.setCluster("DefaultCluster");
        assertSame(RequestCode.GET_TOPICS_BY_CLUSTER, byCluster, null,
            sent(() -> remoting.getTopicsByCluster("DefaultCluster", TIMEOUT)));

        WipeWritePermOfBrokerRequestHeader wipe = new WipeWritePermOfBrokerRequestHeader();
        wipe.setBrokerName("broker-a");
        assertSame(RequestCode.WIPE_WRITE_PERM_OF_BROKER, wipe, NAMESRV,
            sent(() -> remoting.wipeWritePermOfBroker(NAMESRV, "broker-a", TIMEOUT)));

        AddWritePermOfBrokerRequestHeader add = new AddWritePermOfBrokerRequestHeader();
        add.setBrokerName("broker-a");
        assertSame(RequestCode.ADD_WRITE_PERM_OF_BROKER, add, NAMESRV,
            sent(() -> remoting.addWritePermOfBroker(NAMESRV, "broker-a", TIMEOUT)));

        DeleteTopicFromNamesrvRequestHeader delete = new DeleteTopicFromNamesrvRequestHeader();
        delete.setTopic("T1");
        delete.setClusterName("DefaultCluster");
        assertSame(RequestCode.DELETE_TOPIC_IN_NAMESRV, delete, NAMESRV,
            sent(() -> remoting.deleteTopicInNameServer(NAMESRV, "T1", "DefaultCluster", TIMEOUT)));
    }

    @Test
    void kvRequests() {
        PutKVConfigRequestHeader put = new PutKVConfigRequestHeader();
        put.setNamespace("ORDER_TOPIC_CONFIG");
        put.setKey("T1");
        put.setValue("broker-a:4");
        assertSame(RequestCode.PUT_KV_CONFIG, put, NAMESRV,
            sent(() -> remoting.putKVConfigValue("ORDER_TOPIC_CONFIG", "T1", "broker-a:4", TIMEOUT)));

        GetKVConfigRequestHeader get = new GetKVConfigRequestHeader();
        get.setNamespace("ORDER_TOPIC_CONFIG");
        get.setKey("T1");
        assertSame(RequestCode.GET_KV_CONFIG, get, null,
            sent(() -> remoting.getKVConfigValue("ORDER_TOPIC_CONFIG", "T1", TIMEOUT)));

        DeleteKVConfigRequestHeader delete = new DeleteKVConfigRequestHeader();
        delete.setNamespace("ORDER_TOPIC_CONFIG");
        delete.setKey("T1");
        assertSame(RequestCode.DELETE_KV_CONFIG, delete, NAMESRV,
            sent(() -> remoting.deleteKVConfigValue("ORDER_TOPIC_CONFIG", "T1", TIMEOUT)));

        GetKVListByNamespaceRequestHeader list = new GetKVListByNamespaceRequestHeader();
        list.setNamespace("ORDER_TOPIC_CONFIG");
        assertSame(RequestCode.GET_KVLIST_BY_NAMESPACE, list, null,
            sent(() -> remoting.getKVListByNamespace("ORDER_TOPIC_CONFIG", TIMEOUT)));
    }

    @Test
    void configurationBodiesAreOfficialPropertiesText() throws Exception {
        Properties p = new Properties();
        p.setProperty("flushDiskType", "SYNC_FLUSH");
        p.setProperty("brokerPermission", "6");
        ScriptedTransport.Call broker = sent(() -> remoting.updateBrokerConfig(BROKER, p, TIMEOUT));
        assertEquals(RequestCode.UPDATE_BROKER_CONFIG, broker.code());
        assertEquals(MixAll.properties2String(p), new String(broker.request().body(), StandardCharsets.UTF_8));

        ScriptedTransport.Call namesrv = sent(() -> remoting.updateNameServerConfig(p, List.of(NAMESRV), TIMEOUT));
        assertEquals(RequestCode.UPDATE_NAMESRV_CONFIG, namesrv.code());
        assertEquals(NAMESRV, namesrv.addr());
        assertEquals(MixAll.properties2String(p), new String(namesrv.request().body(), StandardCharsets.UTF_8));

        String text = "listenPort=9876\norderMessageEnable=false\nrocketmqHome=/opt/rmq\n";
        assertEquals(MixAll.string2Properties(text), PropertiesText.parse(text));
    }

    @Test
    void emptyConfigurationUpdatesSendNothing() throws Exception {
        remoting.updateBrokerConfig(BROKER, new Properties(), TIMEOUT);
        remoting.updateNameServerConfig(new Properties(), null, TIMEOUT);
        assertTrue(transport.calls.isEmpty());
    }

    @Test
    void vipChannelUsesTheListenPortMinusTwoExceptForBrokerConfig() {
        AdminRemoting vip = new AdminRemoting(transport, true);
        assertEquals("10.0.0.1:10909", sent(() -> vip.getBrokerRuntimeInfo(BROKER, TIMEOUT)).addr());
        assertEquals(BROKER, sent(() -> vip.getBrokerConfig(BROKER, TIMEOUT)).addr());
        assertNull(sent(() -> vip.getBrokerClusterInfo(TIMEOUT)).addr());
    }
}
