package io.petrel.client.impl.producer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.petrel.client.ClientConfig;
import io.petrel.client.impl.MQClientAPI;
import io.petrel.client.producer.DefaultMQProducer;
import io.petrel.common.message.Message;
import io.petrel.common.message.MessageBatch;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.message.MessageSysFlag;
import io.petrel.common.message.PropertiesCodec;
import io.petrel.common.util.Compression;
import io.petrel.remoting.codec.RemotingFrame;
import io.petrel.remoting.netty.NettyClientConfig;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.header.SendMessageRequestHeader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.UtilAll;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.protocol.header.SendMessageRequestHeaderV2;
import org.junit.jupiter.api.Test;

class DefaultMQProducerImplTest {
    private static final MessageQueue MQ = new MessageQueue("%RETRY%CG", "broker-a", 2);

    private final DefaultMQProducer producer = new DefaultMQProducer("PG");
    private final DefaultMQProducerImpl impl = producer.getDefaultMQProducerImpl();

    @Test
    void vipChannelIsTheListenPortMinusTwo() {
        for (String addr : List.of("127.0.0.1:10911", "10.0.0.1:10921", "broker.example:30911", "fd00::2:10911",
            "[fd00::2]:10911", "1.2.3.4:2")) {
            assertEquals(MixAll.brokerVIPChannel(true, addr), DefaultMQProducerImpl.vipChannel(addr), addr);
        }
        assertEquals("127.0.0.1:10909", DefaultMQProducerImpl.vipChannel("127.0.0.1:10911"));
        assertFalse(producer.isSendMessageWithVIPChannel(), "off unless asked for");
    }

    private static Message retryMessage() {
        Message m = new Message("%RETRY%CG", "TagA", "k1", "body".getBytes(StandardCharsets.UTF_8));
        m.putProperty(MessageProperties.UNIQ_KEY, "C0A8010A12341B6D35863B9ACA000007");
        m.putProperty(MessageProperties.RETRY_TOPIC, "T");
        m.putProperty(MessageProperties.ORIGIN_MESSAGE_ID, "0A00000100002A9F0000000000000000");
        m.putProperty(MessageProperties.RECONSUME_TIME, "3");
        m.putProperty(MessageProperties.MAX_RECONSUME_TIMES, "16");
        m.putProperty(MessageProperties.DELAY, "5");
        return m;
    }

    @Test
    void retryTopicMovesReconsumeCountsIntoTheHeader() {
        Message m = retryMessage();
        Map<String, String> before = new LinkedHashMap<>(m.getProperties());
        SendMessageRequestHeader h = impl.requestHeader(m, MQ, 0);

        assertEquals(3, h.reconsumeTimes());
        assertEquals(16, h.maxReconsumeTimes());
        assertNull(m.getProperty(MessageProperties.RECONSUME_TIME), "taken off the message");
        assertNull(m.getProperty(MessageProperties.MAX_RECONSUME_TIMES));
        assertEquals("T", m.getProperty(MessageProperties.RETRY_TOPIC), "the rest stays");

        // the properties string is taken first, as the official producer takes it (in insertion order, where
        // the official one follows its HashMap: the broker reads both the same)
        assertEquals(before, PropertiesCodec.decode(h.properties()));
        assertEquals(before, MessageDecoder.string2messageProperties(h.properties()));

        assertEquals("PG", h.producerGroup());
        assertEquals("%RETRY%CG", h.topic());
        assertEquals("TBW102", h.defaultTopic());
        assertEquals(4, h.defaultTopicQueueNums());
        assertEquals(2, h.queueId());
        assertEquals(0, h.sysFlag());
        assertEquals(0, h.flag());
        assertEquals(false, h.unitMode());
        assertEquals(false, h.batch());
        assertEquals("broker-a", h.bname());
        assertTrue(Math.abs(System.currentTimeMillis() - h.bornTimestamp()) < 60_000);
    }

    @Test
    void onlyRetryTopicsMoveTheCounts() {
        Message plain = retryMessage();
        plain.setTopic("T");
        SendMessageRequestHeader h = impl.requestHeader(plain, new MessageQueue("T", "broker-a", 0), 0);
        assertEquals(0, h.reconsumeTimes());
        assertNull(h.maxReconsumeTimes());
        assertEquals("3", plain.getProperty(MessageProperties.RECONSUME_TIME), "left alone");

        Message bare = new Message("%RETRY%CG", "b".getBytes(StandardCharsets.UTF_8));
        SendMessageRequestHeader h2 = impl.requestHeader(bare, MQ, 0);
        assertEquals(0, h2.reconsumeTimes());
        assertNull(h2.maxReconsumeTimes());
    }

    /** The request MQClientAPI sends for it is read by the official broker code as the same header. */
    @Test
    void officialBrokerReadsTheRetryRequest() throws Exception {
        Message m = retryMessage();
        SendMessageRequestHeader h = impl.requestHeader(m, MQ, impl.compressAndFlag(m));
        RemotingCommand request = new MQClientAPI(new NettyClientConfig(), new ClientConfig(), null)
            .sendRequest(m, h, false);
        ByteBuf out = Unpooled.buffer();
        RemotingFrame.encode(request, out);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        org.apache.rocketmq.remoting.protocol.RemotingCommand o = org.apache.rocketmq.remoting.protocol.RemotingCommand
            .decode(ByteBuffer.wrap(bytes, 4, bytes.length - 4).slice());
        assertEquals(org.apache.rocketmq.common.protocol.RequestCode.SEND_MESSAGE_V2, o.getCode());
        org.apache.rocketmq.common.protocol.header.SendMessageRequestHeader v1 =
            SendMessageRequestHeaderV2.createSendMessageRequestHeaderV1(
                (SendMessageRequestHeaderV2) o.decodeCommandCustomHeader(SendMessageRequestHeaderV2.class));
        assertEquals("PG", v1.getProducerGroup());
        assertEquals("%RETRY%CG", v1.getTopic());
        assertEquals(2, v1.getQueueId());
        assertEquals(3, v1.getReconsumeTimes());
        assertEquals(16, v1.getMaxReconsumeTimes());
        assertEquals(h.properties(), v1.getProperties());
        assertEquals("broker-a", v1.getBname());
        assertEquals(false, v1.isBatch());
        assertArrayEquals("body".getBytes(StandardCharsets.UTF_8), o.getBody());
    }

    @Test
    void compressionStartsAtTheThreshold() throws Exception {
        int threshold = producer.getCompressMsgBodyOverHowmuch();
        assertEquals(4096, threshold);
        byte[] small = body(threshold - 1);
        Message below = new Message("T", small);
        assertEquals(0, impl.compressAndFlag(below));
        assertSame(small, below.getBody(), "untouched");

        byte[] large = body(threshold);
        Message at = new Message("T", large.clone());
        int flag = impl.compressAndFlag(at);
        assertEquals(MessageSysFlag.COMPRESSED | MessageSysFlag.COMPRESSION_ZLIB, flag);
        assertEquals(0x301, flag);
        assertArrayEquals(UtilAll.compress(large, 5), at.getBody(), "zlib level 5, as the official producer");
        assertArrayEquals(large, Compression.uncompress(at.getBody()));

        producer.setCompressMsgBodyOverHowmuch(10);
        Message custom = new Message("T", body(10));
        assertEquals(0x301, impl.compressAndFlag(custom));
    }

    @Test
    void batchesAreNeverCompressed() {
        List<Message> items = Arrays.asList(new Message("T", body(5000)), new Message("T", body(5000)));
        MessageBatch batch = MessageBatch.generateFromList(items);
        batch.setBody(batch.encode());
        byte[] encoded = batch.getBody();
        assertTrue(encoded.length > producer.getCompressMsgBodyOverHowmuch());
        assertEquals(0, impl.compressAndFlag(batch));
        assertSame(encoded, batch.getBody());
        assertEquals(true, impl.requestHeader(batch, new MessageQueue("T", "broker-a", 0), 0).batch());
    }

    @Test
    void halfMessagesAreFlaggedPrepared() {
        Message half = new Message("T", body(10));
        half.putProperty(MessageProperties.TRAN_MSG, "true");
        assertEquals(MessageSysFlag.TRANSACTION_PREPARED_TYPE, impl.compressAndFlag(half));
        Message bigHalf = new Message("T", body(5000));
        bigHalf.putProperty(MessageProperties.TRAN_MSG, "true");
        assertEquals(0x305, impl.compressAndFlag(bigHalf));
        Message notHalf = new Message("T", body(10));
        notHalf.putProperty(MessageProperties.TRAN_MSG, "false");
        assertEquals(0, impl.compressAndFlag(notHalf));
    }

    private static byte[] body(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) ('a' + i % 7);
        }
        return b;
    }
}
