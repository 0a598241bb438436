package io.petrel.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.route.BodyChecksum;
import io.petrel.common.route.ClusterInfo;
import io.petrel.common.route.DataVersion;
import io.petrel.common.route.KVTable;
import io.petrel.common.route.RegisterBrokerBody;
import io.petrel.common.route.TopicConfigSerializeWrapper;
import io.petrel.common.route.TopicList;
import io.petrel.common.route.TopicRouteData;
import io.petrel.common.topic.TopicConfig;
import io.petrel.namesrv.config.NamesrvConfig;
import io.petrel.namesrv.config.NamesrvConfigMapper;
import io.petrel.namesrv.config.NamesrvConfigStore;
import io.petrel.remoting.netty.NettyClientConfig;
import io.petrel.remoting.netty.NettyRemotingClient;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.namesrv.GetKVConfigRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.GetKVListByNamespaceRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.PutKVConfigRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.UnRegisterBrokerRequestHeader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real NameServer on an ephemeral port, driven by Petrel's remoting client. */
@Timeout(60)
class NamesrvControllerTest {
    @TempDir
    Path dir;
    private NamesrvController controller;
    private NettyRemotingClient client;
    private String addr;

    static NamesrvConfigStore configs(Path dir, Map<String, String> extra) {
        Properties p = new Properties();
        p.setProperty("listenPort", "0");
        p.setProperty("bindAddress", "127.0.0.1");
        p.setProperty("kvConfigPath", dir.resolve("kvConfig.json").toString());
        p.setProperty("configStorePath", dir.resolve("namesrv.properties").toString());
        p.putAll(extra);
        NamesrvConfigMapper mapper = new NamesrvConfigMapper(new NamesrvConfigMapper.Environment(dir.toString(), null));
        return new NamesrvConfigStore(mapper, mapper.map(p).config());
    }

    @BeforeEach
    void start() {
        controller = new NamesrvController(configs(dir, Map.of()), System::currentTimeMillis);
        controller.start();
        addr = "127.0.0.1:" + controller.listenPort();
        client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.shutdown();
        }
        if (controller != null) {
            controller.shutdown();
            controller.shutdown();
        }
    }

    private RemotingCommand call(RemotingCommand request) throws Exception {
        return client.invokeSync(addr, request, 3000);
    }

    private RemotingCommand register(String brokerName, String brokerAddr, long id, String... topics) throws Exception {
        Map<String, TopicConfig> table = new java.util.LinkedHashMap<>();
        for (String t : topics) {
            table.put(t, TopicConfig.of(t, 4, 4, 6));
        }
        byte[] body = new RegisterBrokerBody(new TopicConfigSerializeWrapper(table, new DataVersion(1, 1)), List.of())
            .encode(false);
        return call(RemotingCommand.createRequest(RequestCode.REGISTER_BROKER, new RegisterBrokerRequestHeader(
            brokerName, brokerAddr, "c1", brokerAddr + "1", id, false, BodyChecksum.crc32(body))).body(body));
    }

    private RemotingCommand route(String topic, int version) throws Exception {
        return call(RemotingCommand.createRequest(RequestCode.GET_ROUTEINFO_BY_TOPIC,
            new GetRouteInfoRequestHeader(topic, null)).version(version));
    }

    @Test
    void registersAndServesRoutesInBothDialects() throws Exception {
        assertEquals(ResponseCode.SUCCESS, register("broker-a", "127.0.0.1:10911", 0, "T1").code());
        RemotingCommand v407 = route("T1", 407);
        assertEquals(ResponseCode.SUCCESS, v407.code());
        String quoted = new String(v407.body(), StandardCharsets.UTF_8);
        assertTrue(quoted.contains("{\"0\":\"127.0.0.1:10911\"}"), quoted);
        String bare = new String(route("T1", 0).body(), StandardCharsets.UTF_8);
        assertTrue(bare.contains("{0:\"127.0.0.1:10911\"}"), bare);
        assertEquals(TopicRouteData.decode(v407.body()), TopicRouteData.decode(route("T1", 0).body()));
        assertEquals(quoted, new String(route("T1", 407).body(), StandardCharsets.UTF_8), "cached answer is the same");

        RemotingCommand missing = route("nope", 407);
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, missing.code());
        assertEquals("No topic route info in name server for the topic: nope\n"
            + "See http://rocketmq.apache.org/docs/faq/ for further details.", missing.remark());
    }

    @Test
    void routeCacheFollowsChanges() throws Exception {
        register("broker-a", "127.0.0.1:10911", 0, "T1");
        assertEquals(1, TopicRouteData.decode(route("T1", 407).body()).brokerDatas().size());
        register("broker-b", "127.0.0.1:10921", 0, "T1");
        assertEquals(2, TopicRouteData.decode(route("T1", 407).body()).brokerDatas().size());
        call(RemotingCommand.createRequest(RequestCode.UNREGISTER_BROKER,
            new UnRegisterBrokerRequestHeader("broker-a", "127.0.0.1:10911", "c1", 0L)));
        assertEquals(List.of("broker-b"), TopicRouteData.decode(route("T1", 407).body()).brokerDatas().stream()
            .map(b -> b.brokerName()).toList());
    }

    @Test
    void clusterInfoAndTopicLists() throws Exception {
        register("broker-a", "127.0.0.1:10911", 0, "T1", "T2");
        ClusterInfo info = ClusterInfo.decode(call(RemotingCommand.createRequest(
            RequestCode.GET_BROKER_CLUSTER_INFO)).body());
        assertEquals(java.util.Set.of("broker-a"), info.clusterAddrTable().get("c1"));
        TopicList all = TopicList.decode(call(RemotingCommand.createRequest(
            RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER)).body());
        assertEquals(java.util.Set.of("T1", "T2"), java.util.Set.copyOf(all.topicList()));
        TopicList sys = TopicList.decode(call(RemotingCommand.createRequest(
            RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS)).body());
        assertEquals("127.0.0.1:10911", sys.brokerAddr());
    }

    @Test
    void unknownCodeIsAnsweredNotSupported() throws Exception {
        RemotingCommand r = call(RemotingCommand.createRequest(9999));
        assertEquals(ResponseCode.REQUEST_CODE_NOT_SUPPORTED, r.code());
        r = call(RemotingCommand.createRequest(RequestCode.PULL_MESSAGE));
        assertEquals(ResponseCode.REQUEST_CODE_NOT_SUPPORTED, r.code());
    }

    @Test
    void kvConfigIsServedAndSurvivesRestart() throws Exception {
        RemotingCommand r = call(RemotingCommand.createRequest(RequestCode.PUT_KV_CONFIG,
            new PutKVConfigRequestHeader("ORDER_TOPIC_CONFIG", "FS_DEL", "broker-a:2")));
        assertEquals(ResponseCode.SUCCESS, r.code());
        controller.shutdown();
        controller = new NamesrvController(configs(dir, Map.of()), System::currentTimeMillis);
        controller.start();
        addr = "127.0.0.1:" + controller.listenPort();
        r = call(RemotingCommand.createRequest(RequestCode.GET_KV_CONFIG,
            new GetKVConfigRequestHeader("ORDER_TOPIC_CONFIG", "FS_DEL")));
        assertEquals("broker-a:2", r.extFields().get("value"));
        r = call(RemotingCommand.createRequest(RequestCode.GET_KVLIST_BY_NAMESPACE,
            new GetKVListByNamespaceRequestHeader("ORDER_TOPIC_CONFIG")));
        assertEquals(Map.of("FS_DEL", "broker-a:2"), KVTable.decode(r.body()).table());
        r = call(RemotingCommand.createRequest(RequestCode.GET_KV_CONFIG,
            new GetKVConfigRequestHeader("ORDER_TOPIC_CONFIG", "other")));
        assertEquals(ResponseCode.QUERY_NOT_FOUND, r.code());
        assertEquals("No config item, Namespace: ORDER_TOPIC_CONFIG Key: other", r.remark());
    }

    @Test
    void configCanBeReadAndUpdatedButNotItsPaths() throws Exception {
        RemotingCommand get = call(RemotingCommand.createRequest(RequestCode.GET_NAMESRV_CONFIG));
        String text = new String(get.body(), StandardCharsets.UTF_8);
        assertTrue(text.contains("orderMessageEnable=false\n"), text);
        assertTrue(text.contains("serverChannelMaxIdleTimeSeconds=120\n"), text);
        RemotingCommand up = call(RemotingCommand.createRequest(RequestCode.UPDATE_NAMESRV_CONFIG)
            .body("orderMessageEnable=true\n"));
        assertEquals(ResponseCode.SUCCESS, up.code());
        NamesrvConfig now = controller.configs().current();
        assertTrue(now.orderMessageEnable());
        RemotingCommand refused = call(RemotingCommand.createRequest(RequestCode.UPDATE_NAMESRV_CONFIG)
            .body("kvConfigPath=/tmp/elsewhere\n"));
        assertEquals(ResponseCode.NO_PERMISSION, refused.code());
        RemotingCommand bad = call(RemotingCommand.createRequest(RequestCode.UPDATE_NAMESRV_CONFIG)
            .body("listenPort=abc\n"));
        assertEquals(ResponseCode.SYSTEM_ERROR, bad.code());
        assertTrue(bad.remark().contains("listenPort"), bad.remark());
        assertTrue(controller.configs().current().orderMessageEnable());
    }

    @Test
    void orderTopicConfigAppearsInRoutesWhenEnabled() throws Exception {
        register("broker-a", "127.0.0.1:10911", 0, "T1");
        assertNull(TopicRouteData.decode(route("T1", 407).body()).orderTopicConf());
        call(RemotingCommand.createRequest(RequestCode.PUT_KV_CONFIG,
            new PutKVConfigRequestHeader("ORDER_TOPIC_CONFIG", "T1", "broker-a:4")));
        call(RemotingCommand.createRequest(RequestCode.UPDATE_NAMESRV_CONFIG).body("orderMessageEnable=true"));
        assertEquals("broker-a:4", TopicRouteData.decode(route("T1", 407).body()).orderTopicConf());
    }

    @Test
    void writePermissionAndDataVersionRequests() throws Exception {
        register("broker-a", "127.0.0.1:10911", 0, "T1", "T2");
        RemotingCommand wipe = call(RemotingCommand.createRequest(RequestCode.WIPE_WRITE_PERM_OF_BROKER,
            new io.petrel.remoting.protocol.header.namesrv.WipeWritePermOfBrokerRequestHeader("broker-a")));
        assertEquals("2", wipe.extFields().get("wipeTopicCount"));
        assertEquals(4, TopicRouteData.decode(route("T1", 407).body()).queueDatas().get(0).perm());
        RemotingCommand add = call(RemotingCommand.createRequest(RequestCode.ADD_WRITE_PERM_OF_BROKER,
            new io.petrel.remoting.protocol.header.namesrv.AddWritePermOfBrokerRequestHeader("broker-a")));
        assertEquals("2", add.extFields().get("addTopicCount"));
        assertEquals(6, TopicRouteData.decode(route("T1", 407).body()).queueDatas().get(0).perm());

        io.petrel.remoting.protocol.header.namesrv.QueryDataVersionRequestHeader q =
            new io.petrel.remoting.protocol.header.namesrv.QueryDataVersionRequestHeader("broker-a",
                "127.0.0.1:10911", "c1", 0L);
        RemotingCommand same = call(RemotingCommand.createRequest(RequestCode.QUERY_DATA_VERSION, q)
            .body(new DataVersion(1, 1).encode()));
        assertEquals("false", same.extFields().get("changed"));
        assertEquals(new DataVersion(1, 1), DataVersion.decode(same.body()));
        RemotingCommand other = call(RemotingCommand.createRequest(RequestCode.QUERY_DATA_VERSION, q)
            .body(new DataVersion(2, 2).encode()));
        assertEquals("true", other.extFields().get("changed"));
    }

    @Test
    void closingTheBrokersConnectionRemovesIt() throws Exception {
        register("broker-a", "127.0.0.1:10911", 0, "T1");
        client.shutdown();
        client = null;
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
            .until(() -> controller.routes().pickupTopicRouteData("T1") == null);
        assertTrue(controller.routes().liveBrokers().isEmpty());
    }
}
