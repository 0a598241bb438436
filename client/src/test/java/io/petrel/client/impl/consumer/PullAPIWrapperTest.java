package io.petrel.client.impl.consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.client.consumer.PullResult;
import io.petrel.client.consumer.PullStatus;
import io.petrel.client.impl.CommunicationMode;
import io.petrel.client.impl.FakeClientInstance;
import io.petrel.client.impl.MessageClientExt;
import io.petrel.client.impl.RecordingClientAPI;
import io.petrel.client.testkit.Vectors;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.message.StoredMessageCodec;
import io.petrel.common.route.BrokerData;
import io.petrel.common.route.QueueData;
import io.petrel.common.route.TopicRouteData;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.junit.jupiter.api.Test;

class PullAPIWrapperTest {
    private static final MessageQueue Q0 = new MessageQueue("GV_TOPIC", "broker-a", 0);

    private static PullResultExt found(byte[] body, long min, long max) {
        return new PullResultExt(PullStatus.FOUND, max, min, max, null, 0, body);
    }

    private static List<MessageExt> process(byte[] body, SubscriptionData sub) {
        PullResult r = new PullAPIWrapper(null, "GV_CG").processPullResult(Q0, found(body, 0, 2), sub);
        assertNull(((PullResultExt) r).getMessageBinary(), "the raw records are let go");
        return r.getMsgFoundList();
    }

    @Test
    void vectorRecordsAsTheOfficialDecoderReadsThem() {
        byte[] body = Vectors.hex("message/pull_response_body_q0.hex");
        List<MessageExt> msgs = process(body, SubscriptionData.ofTags("GV_TOPIC", "*", 1));
        List<org.apache.rocketmq.common.message.MessageExt> official = MessageDecoder.decodes(ByteBuffer.wrap(body));
        assertEquals(2, msgs.size());
        assertEquals(official.size(), msgs.size());
        for (int i = 0; i < msgs.size(); i++) {
            assertSameMessage(official.get(i), msgs.get(i));
            assertEquals("0", msgs.get(i).getProperty(MessageProperties.MIN_OFFSET));
            assertEquals("2", msgs.get(i).getProperty(MessageProperties.MAX_OFFSET));
        }
        MessageClientExt m0 = (MessageClientExt) msgs.get(0);
        assertEquals("C0A8010A12341B6D35863B9ACA000007", m0.getMsgId());
        assertEquals("0A00000100002A9F0000000000000000", m0.getOffsetMsgId());
        assertEquals("hello-golden", new String(m0.getBody(), StandardCharsets.UTF_8));
        assertEquals("TagA", m0.getTags());
        assertEquals("key1 key2", m0.getKeys());
        assertEquals("myval", m0.getUserProperty("myprop"));
        assertEquals(0, m0.getQueueOffset());
        assertEquals(1, msgs.get(1).getQueueOffset());
        assertEquals("0A00000100002A9F00000000000000D5", ((MessageClientExt) msgs.get(1)).getOffsetMsgId());
        assertEquals("no-tag", new String(msgs.get(1).getBody(), StandardCharsets.UTF_8));
    }

    @Test
    void tagsAreFilteredAgainOnTheClient() {
        byte[] body = Vectors.hex("message/pull_response_body_q0.hex");
        List<MessageExt> tagA = process(body, SubscriptionData.ofTags("GV_TOPIC", "TagA || TagX", 1));
        assertEquals(1, tagA.size());
        assertEquals("TagA", tagA.get(0).getTags());
        assertEquals("2", tagA.get(0).getProperty(MessageProperties.MAX_OFFSET));

        assertTrue(process(body, SubscriptionData.ofTags("GV_TOPIC", "TagB", 1)).isEmpty(),
            "an untagged message never matches a tag subscription");
        assertEquals(2, process(body, SubscriptionData.ofTags("GV_TOPIC", "", 1)).size());

        SubscriptionData classFilter = new SubscriptionData("GV_TOPIC", "TagB", Set.of("TagB"),
            Set.of("TagB".hashCode()), 1, SubscriptionData.TAG, true);
        assertEquals(2, process(body, classFilter).size(), "class filter mode leaves filtering to the server");
    }

    @Test
    void compressedRecordIsInflated() {
        byte[] record = Vectors.hex("message/record_compressed.hex");
        List<MessageExt> msgs = process(record, SubscriptionData.ofTags("GV_TOPIC", "TagC", 1));
        assertEquals(1, msgs.size());
        MessageExt m = msgs.get(0);
        String expected = "GoldenVector-".repeat(400).substring(0, 5000);
        assertEquals(expected, new String(m.getBody(), StandardCharsets.UTF_8));
        assertEquals(1, m.getQueueId());
        assertEquals("TagC", m.getTags());
        org.apache.rocketmq.common.message.MessageExt official =
            MessageDecoder.decodes(ByteBuffer.wrap(record)).get(0);
        assertArrayEquals(official.getBody(), m.getBody());
        assertEquals(official.getBodyCRC(), m.getBodyCRC(), "the CRC is the stored (compressed) body's");
    }

    @Test
    void transactionalMessageGetsItsUniqueKeyAsTransactionId() {
        MessageExt half = new MessageExt();
        half.setTopic("GV_TOPIC");
        half.setBody("tx".getBytes(StandardCharsets.UTF_8));
        half.putProperty(MessageProperties.UNIQ_KEY, "C0A8010A12341B6D35863B9ACA0000FF");
        half.putProperty(MessageProperties.TRAN_MSG, "true");
        half.setBornHost(new InetSocketAddress("10.0.0.2", 50000));
        half.setStoreHost(new InetSocketAddress("10.0.0.1", 10911));
        MessageExt plain = new MessageExt();
        plain.setTopic("GV_TOPIC");
        plain.setBody("p".getBytes(StandardCharsets.UTF_8));
        plain.setQueueOffset(1);
        plain.setBornHost(new InetSocketAddress("10.0.0.2", 50000));
        plain.setStoreHost(new InetSocketAddress("10.0.0.1", 10911));
        byte[] a = StoredMessageCodec.encode(half);
        byte[] b = StoredMessageCodec.encode(plain);
        byte[] body = new byte[a.length + b.length];
        System.arraycopy(a, 0, body, 0, a.length);
        System.arraycopy(b, 0, body, a.length, b.length);

        List<MessageExt> msgs = process(body, SubscriptionData.ofTags("GV_TOPIC", "*", 1));
        assertEquals("C0A8010A12341B6D35863B9ACA0000FF", msgs.get(0).getTransactionId());
        assertNull(msgs.get(1).getTransactionId());
    }

    @Test
    void otherStatusesCarryNoMessages() {
        for (PullStatus status : List.of(PullStatus.NO_NEW_MSG, PullStatus.NO_MATCHED_MSG, PullStatus.OFFSET_ILLEGAL)) {
            PullResultExt raw = new PullResultExt(status, 5, 0, 9, null, 0, new byte[] {1, 2, 3});
            PullResult r = new PullAPIWrapper(null, "G").processPullResult(Q0, raw,
                SubscriptionData.ofTags("GV_TOPIC", "*", 1));
            assertEquals(status, r.getPullStatus());
            assertEquals(5, r.getNextBeginOffset());
            assertTrue(r.getMsgFoundList().isEmpty());
            assertNull(raw.getMessageBinary());
        }
    }

    @Test
    void nextPullGoesToTheBrokerTheLastAnswerSuggested() throws Exception {
        TreeMap<Long, String> addrs = new TreeMap<>(Map.of(0L, "127.0.0.1:10911", 1L, "127.0.0.1:10921"));
        TopicRouteData route = new TopicRouteData(null, List.of(new QueueData("broker-a", 4, 4, 6, 0)),
            List.of(new BrokerData("DefaultCluster", "broker-a", addrs)), Map.of());
        FakeClientInstance instance = new FakeClientInstance("c1").withRoute("GV_TOPIC", route);
        RecordingClientAPI api = instance.api();
        api.pullAnswer = new PullResultExt(PullStatus.NO_NEW_MSG, 0, 0, 0, null, 0, null);
        PullAPIWrapper wrapper = new PullAPIWrapper(instance, "GV_CG");
        int sysFlag = PullAPIWrapper.buildSysFlag(true, true, true, false);
        assertEquals(0b0111, sysFlag);

        wrapper.pullKernelImpl(Q0, "*", "TAG", 1, 10, 32, sysFlag, 9, 15_000, 30_000, CommunicationMode.SYNC, null);
        assertEquals("127.0.0.1:10911", api.pulls.get(0).addr(), "the master at first");
        assertEquals(sysFlag, api.pulls.get(0).header().sysFlag());
        assertEquals(10, api.pulls.get(0).header().queueOffset());
        assertEquals(9, api.pulls.get(0).header().commitOffset());
        assertEquals("broker-a", api.pulls.get(0).header().bname());

        wrapper.processPullResult(Q0, new PullResultExt(PullStatus.NO_NEW_MSG, 10, 0, 10, null, 1, null),
            SubscriptionData.ofTags("GV_TOPIC", "*", 1));
        wrapper.pullKernelImpl(Q0, "*", "TAG", 1, 10, 32, sysFlag, 9, 15_000, 30_000, CommunicationMode.SYNC, null);
        assertEquals("127.0.0.1:10921", api.pulls.get(1).addr(), "the slave the master suggested");
        assertEquals(sysFlag & ~PullAPIWrapper.FLAG_COMMIT_OFFSET, api.pulls.get(1).header().sysFlag(),
            "a slave is never asked to commit");
    }

    private static void assertSameMessage(org.apache.rocketmq.common.message.MessageExt o, MessageExt p) {
        String what = "offset " + o.getQueueOffset();
        assertEquals(o.getTopic(), p.getTopic(), what);
        assertEquals(o.getQueueId(), p.getQueueId(), what);
        assertEquals(o.getQueueOffset(), p.getQueueOffset(), what);
        assertEquals(o.getCommitLogOffset(), p.getCommitLogOffset(), what);
        assertEquals(o.getStoreSize(), p.getStoreSize(), what);
        assertEquals(o.getBodyCRC(), p.getBodyCRC(), what);
        assertEquals(o.getFlag(), p.getFlag(), what);
        assertEquals(o.getSysFlag(), p.getSysFlag(), what);
        assertEquals(o.getBornTimestamp(), p.getBornTimestamp(), what);
        assertEquals(o.getBornHost(), p.getBornHost(), what);
        assertEquals(o.getStoreTimestamp(), p.getStoreTimestamp(), what);
        assertEquals(o.getStoreHost(), p.getStoreHost(), what);
        assertEquals(o.getReconsumeTimes(), p.getReconsumeTimes(), what);
        assertEquals(o.getPreparedTransactionOffset(), p.getPreparedTransactionOffset(), what);
        assertArrayEquals(o.getBody(), p.getBody(), what);
        assertEquals(o.getMsgId(), p.getMsgId(), what);
        assertEquals(((org.apache.rocketmq.common.message.MessageClientExt) o).getOffsetMsgId(),
            ((MessageClientExt) p).getOffsetMsgId(), what);
        Map<String, String> props = new java.util.HashMap<>(p.getProperties());
        props.remove(MessageProperties.MIN_OFFSET);
        props.remove(MessageProperties.MAX_OFFSET);
        assertEquals(o.getProperties(), props, what);
    }
}
