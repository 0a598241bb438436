package io.petrel.remoting.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.petrel.remoting.Vectors;
import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.LanguageCode;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.SerializeType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Frames written by RocketMQ 4.9.7 decode, and re-encode to the very same bytes. */
class RemotingFrameGoldenTest {

    static RemotingCommand decodeWhole(byte[] frame) throws RemotingCommandException {
        ByteBuf buf = Unpooled.wrappedBuffer(frame);
        assertEquals(frame.length - 4, buf.readInt(), "length field");
        return RemotingFrame.decode(buf);
    }

    static byte[] encode(RemotingCommand cmd) {
        ByteBuf out = Unpooled.buffer();
        RemotingFrame.encode(cmd, out);
        return ByteBufUtil.getBytes(out);
    }

    /** Vectors whose headers carry no field-ordered header: decoding then encoding must give the input back. */
    @ParameterizedTest
    @ValueSource(strings = {
        "send_v2_request_json", "send_response_success_json", "error_response_topic_not_exist_json",
        "error_response_topic_not_exist_rocketmq", "oneway_update_offset_request_json",
        "oneway_update_offset_request_rocketmq", "get_route_request_json", "get_route_request_rocketmq",
        "pull_request_json", "pull_response_found_json", "heartbeat_request_json", "heartbeat_request_rocketmq",
        "heartbeat_response_json", "heartbeat_response_rocketmq", "register_broker_request_json",
        "register_broker_request_compressed_json", "register_broker_response_master_json",
        "register_broker_response_slave_json"})
    void decodeThenEncodeGivesTheSameBytes(String name) throws Exception {
        byte[] golden = Vectors.hex("remoting/" + name + ".hex");
        RemotingCommand cmd = decodeWhole(golden);
        assertEquals(name.endsWith("_rocketmq") ? SerializeType.ROCKETMQ : SerializeType.JSON, cmd.serializeType());
        assertEquals(407, cmd.version());
        assertEquals(LanguageCode.JAVA, cmd.language());
        assertArrayEquals(golden, encode(cmd), name);
    }

    @Test
    void sendRequestJsonFields() throws Exception {
        RemotingCommand cmd = decodeWhole(Vectors.hex("remoting/send_v2_request_json.hex"));
        assertEquals(310, cmd.code());
        assertEquals(7, cmd.opaque());
        assertEquals(0, cmd.flag());
        assertNull(cmd.remark());
        assertEquals("GV_PG", cmd.extFields().get("a"));
        assertEquals("myprop\u0001myval\u0002KEYS\u0001key1 key2\u0002UNIQ_KEY\u0001C0A8010A12341B6D35863B9ACA000007"
            + "\u0002WAIT\u0001true\u0002TAGS\u0001TagA", cmd.extFields().get("i"));
        assertEquals("hello-golden", new String(cmd.body(), StandardCharsets.UTF_8));
    }

    @Test
    void errorResponseCarriesRemarkWithNewline() throws Exception {
        RemotingCommand cmd = decodeWhole(Vectors.hex("remoting/error_response_topic_not_exist_rocketmq.hex"));
        assertEquals(17, cmd.code());
        assertTrue(cmd.isResponse());
        assertEquals("No topic route info in name server for the topic: GV_NOPE\n"
            + "See http://rocketmq.apache.org/docs/faq/ for further details.", cmd.remark());
        assertNull(cmd.extFields());
    }

    @Test
    void sendRequestRocketMQWritesHeaderFieldsInDeclarationOrder() throws Exception {
        byte[] golden = Vectors.hex("remoting/send_v2_request_rocketmq.hex");
        RemotingCommand decoded = decodeWhole(golden);
        HashMap<String, String> f = decoded.extFields();
        RemotingCommand cmd = RemotingCommand.createRequest(310, new OrderedTestHeader(true,
            "a", f.get("a"), "b", f.get("b"), "c", f.get("c"), "d", f.get("d"), "e", f.get("e"), "f", f.get("f"),
            "g", f.get("g"), "h", f.get("h"), "i", f.get("i"), "j", f.get("j"), "k", f.get("k"), "l", null,
            "m", f.get("m"), "n", f.get("n")));
        cmd.opaque(7).serializeType(SerializeType.ROCKETMQ).body(decoded.body());
        assertArrayEquals(golden, encode(cmd));
    }

    @Test
    void sendResponseRocketMQWritesHeaderThenOtherExtFields() throws Exception {
        byte[] golden = Vectors.hex("remoting/send_response_success_rocketmq.hex");
        RemotingCommand cmd = RemotingCommand.createResponse(0, null, new OrderedTestHeader(true,
            "msgId", "0A00000100002A9F0000000000000000", "queueId", "0", "queueOffset", "0", "transactionId", null));
        cmd.addExtField("MSG_REGION", "DefaultRegion").addExtField("TRACE_ON", "true");
        cmd.opaque(7).serializeType(SerializeType.ROCKETMQ);
        assertArrayEquals(golden, encode(cmd));
    }

    @Test
    void sendResponseJsonMergesHeaderIntoTheMap() throws Exception {
        byte[] golden = Vectors.hex("remoting/send_response_success_json.hex");
        RemotingCommand cmd = RemotingCommand.createResponse(0, null, new OrderedTestHeader(true,
            "msgId", "0A00000100002A9F0000000000000000", "queueId", "0", "queueOffset", "0", "transactionId", null));
        cmd.addExtField("MSG_REGION", "DefaultRegion").addExtField("TRACE_ON", "true");
        cmd.opaque(7);
        assertArrayEquals(golden, encode(cmd));
    }

    @Test
    void pullRequestRocketMQ() throws Exception {
        byte[] golden = Vectors.hex("remoting/pull_request_rocketmq.hex");
        RemotingCommand cmd = RemotingCommand.createRequest(11, new OrderedTestHeader(true,
            "consumerGroup", "GV_CG", "topic", "GV_TOPIC", "queueId", "0", "queueOffset", "0", "maxMsgNums", "32",
            "sysFlag", "2", "commitOffset", "0", "suspendTimeoutMillis", "15000", "subscription", null,
            "subVersion", "1700000000000", "expressionType", "TAG", "bname", "broker-a"));
        cmd.opaque(21).serializeType(SerializeType.ROCKETMQ);
        assertArrayEquals(golden, encode(cmd));
        RemotingCommand back = decodeWhole(golden);
        assertEquals("15000", back.extFields().get("suspendTimeoutMillis"));
    }

    @Test
    void pullResponseRocketMQKeepsBody() throws Exception {
        byte[] golden = Vectors.hex("remoting/pull_response_found_rocketmq.hex");
        RemotingCommand decoded = decodeWhole(golden);
        assertEquals("FOUND", decoded.remark());
        RemotingCommand cmd = RemotingCommand.createResponse(0, "FOUND", new OrderedTestHeader(true,
            "suggestWhichBrokerId", "0", "nextBeginOffset", "2", "minOffset", "0", "maxOffset", "2"));
        cmd.opaque(21).serializeType(SerializeType.ROCKETMQ).body(decoded.body());
        assertArrayEquals(golden, encode(cmd));
    }

    @Test
    void registerBrokerResponseWithHeaderOfNullsHasEmptyExtFields() throws Exception {
        byte[] golden = Vectors.hex("remoting/register_broker_response_master_json.hex");
        RemotingCommand cmd = RemotingCommand.createResponse(0, null, new OrderedTestHeader(false,
            "haServerAddr", null, "masterAddr", null));
        cmd.opaque(11);
        assertArrayEquals(golden, encode(cmd));
    }
}
