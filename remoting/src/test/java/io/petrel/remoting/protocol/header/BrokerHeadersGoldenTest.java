package io.petrel.remoting.protocol.header;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.petrel.remoting.Vectors;
import io.petrel.remoting.codec.RemotingFrame;
import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.SerializeType;
import org.junit.jupiter.api.Test;

/** The send and pull headers decode from, and encode to, the frames RocketMQ 4.9.7 writes. */
class BrokerHeadersGoldenTest {

    private static RemotingCommand decode(String vector) throws RemotingCommandException {
        byte[] bytes = Vectors.hex("remoting/" + vector + ".hex");
        return RemotingFrame.decode(Unpooled.wrappedBuffer(bytes, 4, bytes.length - 4));
    }

    private static byte[] encode(RemotingCommand cmd) {
        ByteBuf out = Unpooled.buffer();
        RemotingFrame.encode(cmd, out);
        return ByteBufUtil.getBytes(out);
    }

    @Test
    void sendV2RequestInBothCodecs() throws Exception {
        SendMessageRequestHeader h = decode("send_v2_request_json").decodeHeader(SendMessageRequestHeaderV2::decode);
        assertEquals("GV_PG", h.producerGroup());
        assertEquals("GV_TOPIC", h.topic());
        assertEquals(4, h.defaultTopicQueueNums());
        assertEquals(1700000000000L, h.bornTimestamp());
        assertEquals(Boolean.FALSE, h.batch());
        assertNull(h.maxReconsumeTimes());
        assertEquals("broker-a", h.bname());
        for (SerializeType type : SerializeType.values()) {
            byte[] golden = Vectors.hex("remoting/send_v2_request_" + type.name().toLowerCase() + ".hex");
            RemotingCommand cmd = RemotingCommand.createRequest(RequestCode.SEND_MESSAGE_V2,
                new SendMessageRequestHeaderV2(h)).opaque(7).serializeType(type).body("hello-golden");
            assertArrayEquals(golden, encode(cmd), type.name());
        }
    }

    @Test
    void sendResponseInBothCodecs() throws Exception {
        SendMessageResponseHeader h = new SendMessageResponseHeader("0A00000100002A9F0000000000000000", 0, 0L, null);
        for (SerializeType type : SerializeType.values()) {
            byte[] golden = Vectors.hex("remoting/send_response_success_" + type.name().toLowerCase() + ".hex");
            RemotingCommand cmd = RemotingCommand.createResponse(0, null, h).opaque(7).serializeType(type);
            cmd.addExtField("MSG_REGION", "DefaultRegion").addExtField("TRACE_ON", "true");
            assertArrayEquals(golden, encode(cmd), type.name());
        }
        assertEquals(h, decode("send_response_success_rocketmq").decodeHeader(SendMessageResponseHeader::decode));
    }

    @Test
    void pullRequestAndResponse() throws Exception {
        PullMessageRequestHeader req = decode("pull_request_json").decodeHeader(PullMessageRequestHeader::decode);
        assertEquals(15000L, req.suspendTimeoutMillis());
        assertEquals(2, req.sysFlag());
        assertNull(req.subscription());
        byte[] golden = Vectors.hex("remoting/pull_request_rocketmq.hex");
        assertArrayEquals(golden, encode(RemotingCommand.createRequest(RequestCode.PULL_MESSAGE, req).opaque(21)
            .serializeType(SerializeType.ROCKETMQ)));
        RemotingCommand found = decode("pull_response_found_rocketmq");
        PullMessageResponseHeader resp = found.decodeHeader(PullMessageResponseHeader::decode);
        assertEquals(new PullMessageResponseHeader(0L, 2L, 0L, 2L), resp);
        assertArrayEquals(Vectors.hex("remoting/pull_response_found_rocketmq.hex"), encode(
            RemotingCommand.createResponse(0, "FOUND", resp).opaque(21).serializeType(SerializeType.ROCKETMQ)
                .body(found.body())));
    }

    @Test
    void offsetUpdateIsOnewayAndDecodes() throws Exception {
        RemotingCommand cmd = decode("oneway_update_offset_request_json");
        assertTrue(cmd.isOneway());
        UpdateConsumerOffsetRequestHeader h = cmd.decodeHeader(UpdateConsumerOffsetRequestHeader::decode);
        assertEquals(new UpdateConsumerOffsetRequestHeader("GV_CG", "GV_TOPIC", 1, 42L, "broker-a"), h);
    }

    @Test
    void missingRequiredFieldIsNamed() {
        RemotingCommand cmd = RemotingCommand.createRequest(RequestCode.GET_MAX_OFFSET).addExtField("topic", "T");
        RemotingCommandException e = assertThrows(RemotingCommandException.class,
            () -> cmd.decodeHeader(QueueRequestHeader::decode));
        assertTrue(e.getMessage().contains("<queueId>"));
        RemotingCommand bad = RemotingCommand.createRequest(RequestCode.GET_MAX_OFFSET).addExtField("topic", "T")
            .addExtField("queueId", "x");
        assertThrows(RemotingCommandException.class, () -> bad.decodeHeader(QueueRequestHeader::decode));
    }
}
