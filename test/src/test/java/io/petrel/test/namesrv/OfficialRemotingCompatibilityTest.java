package io.petrel.test.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.test.official.OfficialRequests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.rocketmq.common.UtilAll;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.common.protocol.body.ClusterInfo;
import org.apache.rocketmq.common.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.apache.rocketmq.common.protocol.header.namesrv.RegisterBrokerResponseHeader;
import org.apache.rocketmq.common.protocol.route.TopicRouteData;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.SerializeType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Petrel NameServer driven with the official 4.9.7 remoting client and body classes: registrations in both
 * body forms, routes and cluster info parsed by the official classes in both JSON dialects, slave registration,
 * and refused bad registrations that change nothing.
 */
@Timeout(60)
class OfficialRemotingCompatibilityTest {
    private static final String MASTER = "127.0.0.1:30911";
    private static final String SLAVE = "127.0.0.1:31911";

    @TempDir
    Path dir;
    private PetrelNamesrv namesrv;
    private NettyRemotingClient client;

    @BeforeEach
    void start() throws Exception {
        namesrv = PetrelNamesrv.start(dir);
        client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.shutdown();
        }
        if (namesrv != null) {
            namesrv.close();
        }
    }

    private RemotingCommand call(RemotingCommand cmd) throws Exception {
        return client.invokeSync(namesrv.address(), cmd, 3000);
    }

    private ClusterInfo clusterInfo() throws Exception {
        RemotingCommand r = call(RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_CLUSTER_INFO, null));
        return ClusterInfo.decode(r.getBody(), ClusterInfo.class);
    }

    @Test
    void officialClassesReadRoutesInBothDialects() throws Exception {
        RemotingCommand r = call(OfficialRequests.registerBroker("c1", "broker-a", MASTER, 0, "127.0.0.1:30912",
            Map.of("T1", 4), 1, false));
        assertEquals(ResponseCode.SUCCESS, r.getCode());
        for (int version : new int[] {0, 400, 401, 407}) {
            RemotingCommand route = call(OfficialRequests.getRoute("T1", version));
            assertEquals(ResponseCode.SUCCESS, route.getCode());
            String json = new String(route.getBody(), StandardCharsets.UTF_8);
            assertEquals(version >= 401, json.contains("{\"0\":"), json);
            TopicRouteData data = TopicRouteData.decode(route.getBody(), TopicRouteData.class);
            assertEquals(MASTER, data.getBrokerDatas().get(0).getBrokerAddrs().get(0L));
            assertEquals(4, data.getQueueDatas().get(0).getWriteQueueNums());
            assertEquals(407, route.getVersion());
        }
        RemotingCommand binary = OfficialRequests.getRoute("T1", 407);
        binary.setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);
        RemotingCommand binaryAnswer = call(binary);
        assertEquals(SerializeType.ROCKETMQ, binaryAnswer.getSerializeTypeCurrentRPC());
        assertEquals(MASTER, TopicRouteData.decode(binaryAnswer.getBody(), TopicRouteData.class).getBrokerDatas()
            .get(0).getBrokerAddrs().get(0L));
        RemotingCommand missing = call(OfficialRequests.getRoute("NOPE", 407));
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, missing.getCode());
        ClusterInfo info = clusterInfo();
        assertEquals(MASTER, info.getBrokerAddrTable().get("broker-a").getBrokerAddrs().get(0L));
        assertEquals(Set.of("broker-a"), info.getClusterAddrTable().get("c1"));
    }

    @Test
    void compressedRegistrationAndSlaveLearnsMasterHaAddress() throws Exception {
        assertEquals(ResponseCode.SUCCESS, call(OfficialRequests.registerBroker("c1", "broker-a", MASTER, 0,
            "127.0.0.1:30912", Map.of("T1", 4, "T2", 2), 1, true)).getCode());
        assertTrue(namesrv.hasRoute("T2"));
        RemotingCommand slave = call(OfficialRequests.registerBroker("c1", "broker-a", SLAVE, 1, "127.0.0.1:31912",
            Map.of("T1", 4), 1, false));
        assertEquals(ResponseCode.SUCCESS, slave.getCode());
        RegisterBrokerResponseHeader h = (RegisterBrokerResponseHeader) slave.decodeCommandCustomHeader(
            RegisterBrokerResponseHeader.class);
        assertEquals("127.0.0.1:30912", h.getHaServerAddr());
        assertEquals(MASTER, h.getMasterAddr());
        TopicRouteData data = TopicRouteData.decode(call(OfficialRequests.getRoute("T1", 0)).getBody(),
            TopicRouteData.class);
        assertEquals(Map.of(0L, MASTER, 1L, SLAVE), Map.copyOf(data.getBrokerDatas().get(0).getBrokerAddrs()));
    }

    @Test
    void badRegistrationsAreRefusedClearlyAndChangeNothing() throws Exception {
        call(OfficialRequests.registerBroker("c1", "broker-a", MASTER, 0, "h:1", Map.of("T1", 4), 1, false));
        String before = new String(clusterInfo().encode(), StandardCharsets.UTF_8);

        RemotingCommand wrongCrc = OfficialRequests.registerBroker("c1", "broker-b", "127.0.0.1:40911", 0, "h:2",
            Map.of("T9", 4), 1, false);
        header(wrongCrc).setBodyCrc32(12345);
        RemotingCommand r = call(wrongCrc);
        assertEquals(ResponseCode.SYSTEM_ERROR, r.getCode());
        assertEquals("crc32 not match", r.getRemark());

        RemotingCommand garbage = OfficialRequests.registerBroker("c1", "broker-b", "127.0.0.1:40911", 0, "h:2",
            Map.of("T9", 4), 1, false);
        byte[] junk = "{\"topicConfigSerializeWrapper\":[1,2".getBytes(StandardCharsets.UTF_8);
        garbage.setBody(junk);
        header(garbage).setBodyCrc32(UtilAll.crc32(junk));
        r = call(garbage);
        assertEquals(ResponseCode.SYSTEM_ERROR, r.getCode());
        assertTrue(r.getRemark().startsWith("register broker body refused"), r.getRemark());

        RemotingCommand noAddr = OfficialRequests.registerBroker("c1", "broker-b", null, 0, "h:2",
            Map.of("T9", 4), 1, false);
        r = call(noAddr);
        assertEquals(ResponseCode.SYSTEM_ERROR, r.getCode());
        assertTrue(r.getRemark().contains("brokerAddr"), r.getRemark());

        assertEquals(before, new String(clusterInfo().encode(), StandardCharsets.UTF_8));
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, call(OfficialRequests.getRoute("T9", 407)).getCode());
    }

    @Test
    void unknownRequestCodeGetsAnAnswerNotATimeout() throws Exception {
        RemotingCommand r = call(RemotingCommand.createRequestCommand(9999, null));
        assertEquals(ResponseCode.REQUEST_CODE_NOT_SUPPORTED, r.getCode());
        assertNull(r.getBody());
    }

    private static RegisterBrokerRequestHeader header(RemotingCommand cmd) {
        return (RegisterBrokerRequestHeader) cmd.readCustomHeader();
    }
}
