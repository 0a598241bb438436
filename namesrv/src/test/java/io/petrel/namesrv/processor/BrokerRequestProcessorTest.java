package io.petrel.namesrv.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.petrel.common.route.BodyChecksum;
import io.petrel.common.route.DataVersion;
import io.petrel.common.route.KVTable;
import io.petrel.common.route.RegisterBrokerBody;
import io.petrel.common.route.TopicConfigSerializeWrapper;
import io.petrel.common.topic.TopicConfig;
import io.petrel.namesrv.kvconfig.KVConfigManager;
import io.petrel.namesrv.route.RouteInfoManager;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerRequestProcessorTest {
    @TempDir
    Path dir;
    private final RouteInfoManager routes = new RouteInfoManager(() -> 1000L);
    private final EmbeddedChannel channel = new EmbeddedChannel();

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    static RemotingCommand request(int code, CommandHeader header, byte[] body) {
        HashMap<String, String> ext = new HashMap<>();
        if (header != null) {
            header.writeTo((k, v) -> {
                if (v != null) {
                    ext.put(k, v);
                }
            });
        }
        return RemotingCommand.createRequest(code).extFields(ext).body(body);
    }

    private static byte[] body(long counter, String... topics) {
        Map<String, TopicConfig> table = new HashMap<>();
        for (String t : topics) {
            table.put(t, TopicConfig.of(t, 4, 4, 6));
        }
        return new RegisterBrokerBody(new TopicConfigSerializeWrapper(table, new DataVersion(counter, counter)),
            List.of()).encode(false);
    }

    private static RegisterBrokerRequestHeader header(long id, boolean compressed, Integer crc) {
        return new RegisterBrokerRequestHeader("broker-a", "10.0.0.1:10911", "c1", "10.0.0.1:10912", id, compressed,
            crc);
    }

    private BrokerRequestProcessor processor() {
        return new BrokerRequestProcessor(routes, new KVConfigManager(dir.resolve("kv.json")));
    }

    @Test
    void registersWithCheckedPlainAndCompressedBodies() throws Exception {
        byte[] plain = body(1, "T1");
        RemotingCommand r = processor().processRequest(channel,
            request(RequestCode.REGISTER_BROKER, header(0, false, BodyChecksum.crc32(plain)), plain));
        assertEquals(ResponseCode.SUCCESS, r.code());
        assertNotNull(r.customHeader(), "a master still gets an (empty) header");
        assertNull(r.body(), "no order config namespace: no body");
        assertNotNull(routes.pickupTopicRouteData("T1"));

        byte[] compressed = RegisterBrokerBody.decode(body(2, "T2"), false).encode(true);
        r = processor().processRequest(channel,
            request(RequestCode.REGISTER_BROKER, header(0, true, BodyChecksum.crc32(compressed)), compressed));
        assertEquals(ResponseCode.SUCCESS, r.code());
        assertNotNull(routes.pickupTopicRouteData("T2"));
    }

    @Test
    void wrongCrcIsRefusedAndChangesNothing() throws Exception {
        byte[] plain = body(1, "T1");
        RemotingCommand r = processor().processRequest(channel,
            request(RequestCode.REGISTER_BROKER, header(0, false, BodyChecksum.crc32(plain) ^ 1), plain));
        assertEquals(ResponseCode.SYSTEM_ERROR, r.code());
        assertEquals("crc32 not match", r.remark());
        assertTrue(routes.liveBrokers().isEmpty());
        assertNull(routes.pickupTopicRouteData("T1"));
    }

    @Test
    void garbageBodyIsRefusedAndChangesNothing() throws Exception {
        byte[] garbage = "{\"topicConfigSerializeWrapper\":{\"topicConfigTable\":".getBytes();
        RemotingCommand r = processor().processRequest(channel,
            request(RequestCode.REGISTER_BROKER, header(0, false, BodyChecksum.crc32(garbage)), garbage));
        assertEquals(ResponseCode.SYSTEM_ERROR, r.code());
        assertTrue(r.remark().startsWith("register broker body refused"), r.remark());
        r = processor().processRequest(channel,
            request(RequestCode.REGISTER_BROKER, header(0, true, null), "not zlib".getBytes()));
        assertEquals(ResponseCode.SYSTEM_ERROR, r.code());
        assertTrue(routes.liveBrokers().isEmpty());
        assertTrue(routes.clusterInfo().clusterAddrTable().isEmpty());
    }

    @Test
    void missingHeaderFieldIsRefusedNamingIt() throws Exception {
        RemotingCommand req = request(RequestCode.REGISTER_BROKER, header(0, false, null), body(1, "T1"));
        req.extFields().remove("brokerAddr");
        RemotingCommand r = processor().processRequest(channel, req);
        assertEquals(ResponseCode.SYSTEM_ERROR, r.code());
        assertTrue(r.remark().contains("brokerAddr"), r.remark());
        assertTrue(routes.liveBrokers().isEmpty());
    }

    @Test
    void noBodyMeansAnEmptyTable() throws Exception {
        RemotingCommand r = processor().processRequest(channel,
            request(RequestCode.REGISTER_BROKER, header(0, false, null), null));
        assertEquals(ResponseCode.SUCCESS, r.code());
        assertEquals(DataVersion.ZERO, routes.liveBrokers().get("10.0.0.1:10911").dataVersion());
    }

    @Test
    void answersWithTheOrderTopicNamespaceWhenPresent() throws Exception {
        KVConfigManager kv = new KVConfigManager(dir.resolve("kv.json"));
        kv.put(KVConfigManager.ORDER_TOPIC_CONFIG, "FS_DEL", "broker-a:2");
        RemotingCommand r = new BrokerRequestProcessor(routes, kv).processRequest(channel,
            request(RequestCode.REGISTER_BROKER, header(0, false, null), body(1, "T1")));
        assertEquals(Map.of("FS_DEL", "broker-a:2"), KVTable.decode(r.body()).table());
    }
}
