package io.petrel.client.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.petrel.client.ClientConfig;
import io.petrel.client.consumer.PullStatus;
import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.impl.consumer.PullResultExt;
import io.petrel.client.producer.SendResult;
import io.petrel.client.producer.SendStatus;
import io.petrel.client.testkit.Vectors;
import io.petrel.common.heartbeat.ConsumeFromWhere;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.heartbeat.ConsumerData;
import io.petrel.common.heartbeat.HeartbeatData;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.message.Message;
import io.petrel.common.message.MessageBatch;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.MessageQueue;
import io.petrel.remoting.codec.RemotingFrame;
import io.petrel.remoting.netty.NettyClientConfig;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Responses decoded from the 4.9.7 vectors turn into the results the official client makes of them. */
class MQClientAPITest {
    private static final String ADDR = "10.0.0.1:10911";
    private static final String UNIQ = "C0A8010A12341B6D35863B9ACA000007";

    private static org.apache.rocketmq.client.ClientConfig officialConfig;
    private static MQClientAPIImpl official;
    private static Method officialProcessSend;

    @BeforeAll
    static void officialClient() throws Exception {
        officialConfig = new org.apache.rocketmq.client.ClientConfig();
        official = new MQClientAPIImpl(new org.apache.rocketmq.remoting.netty.NettyClientConfig(), null, null,
            officialConfig);
        officialProcessSend = MQClientAPIImpl.class.getDeclaredMethod("processSendResponse", String.class,
            org.apache.rocketmq.common.message.Message.class,
            org.apache.rocketmq.remoting.protocol.RemotingCommand.class, String.class);
        officialProcessSend.setAccessible(true);
    }

    @AfterAll
    static void stopOfficialClient() {
        official.shutdown();
    }

    private static MQClientAPI api(String namespace) {
        ClientConfig config = new ClientConfig();
        config.setNamespace(namespace);
        return new MQClientAPI(new NettyClientConfig(), config, null);
    }

    private static Message message(String topic, String uniq) {
        Message m = new Message(topic, "TagA", "hello".getBytes(StandardCharsets.UTF_8));
        m.putProperty(MessageProperties.UNIQ_KEY, uniq);
        return m;
    }

    private static org.apache.rocketmq.remoting.protocol.RemotingCommand officialFrame(String resource) {
        return officialFrame(Vectors.hex(resource));
    }

    // ---- SEND ------------------------------------------------------------------------------------------

    @Test
    void sendSuccessFromTheVector() throws Exception {
        for (String vector : List.of("remoting/send_response_success_json.hex",
            "remoting/send_response_success_rocketmq.hex")) {
            RemotingCommand response = Vectors.frame(vector);
            SendResult r = api(null).processSendResponse("broker-a", message("GV_TOPIC", UNIQ), response, ADDR);
            assertEquals(SendStatus.SEND_OK, r.getSendStatus(), vector);
            assertEquals(UNIQ, r.getMsgId());
            assertEquals("0A00000100002A9F0000000000000000", r.getOffsetMsgId());
            assertEquals(new MessageQueue("GV_TOPIC", "broker-a", 0), r.getMessageQueue());
            assertEquals(0, r.getQueueOffset());
            assertNull(r.getTransactionId());
            assertEquals("DefaultRegion", r.getRegionId());
            assertTrue(r.isTraceOn());
        }
    }

    @Test
    void storeProblemsAreStatusesOtherCodesAreBrokerExceptions() throws Exception {
        int[] codes = {0, 10, 11, 12};
        SendStatus[] statuses = {SendStatus.SEND_OK, SendStatus.FLUSH_DISK_TIMEOUT, SendStatus.SLAVE_NOT_AVAILABLE,
            SendStatus.FLUSH_SLAVE_TIMEOUT};
        assertEquals(List.of(ResponseCode.SUCCESS, ResponseCode.FLUSH_DISK_TIMEOUT, ResponseCode.SLAVE_NOT_AVAILABLE,
            ResponseCode.FLUSH_SLAVE_TIMEOUT), List.of(codes[0], codes[1], codes[2], codes[3]));
        for (int i = 0; i < codes.length; i++) {
            RemotingCommand response = Vectors.frame("remoting/send_response_success_json.hex").code(codes[i]);
            SendResult r = api(null).processSendResponse("broker-a", message("GV_TOPIC", UNIQ), response, ADDR);
            assertEquals(statuses[i], r.getSendStatus());
            assertSameAsOfficial(null, "GV_TOPIC", codes[i], r, response);
        }
        for (int code : new int[] {ResponseCode.SYSTEM_ERROR, ResponseCode.SYSTEM_BUSY, ResponseCode.TOPIC_NOT_EXIST,
            ResponseCode.NO_PERMISSION, ResponseCode.MESSAGE_ILLEGAL, ResponseCode.SERVICE_NOT_AVAILABLE, 13, 204}) {
            RemotingCommand response = Vectors.frame("remoting/send_response_success_json.hex").code(code)
                .remark("refused " + code);
            MQBrokerException e = assertThrows(MQBrokerException.class,
                () -> api(null).processSendResponse("broker-a", message("GV_TOPIC", UNIQ), response, ADDR));
            assertEquals(code, e.getResponseCode());
            assertEquals("refused " + code, e.getErrorMessage());
            assertEquals(ADDR, e.getBrokerAddr());
        }
    }

    @Test
    void regionAndTraceSwitch() throws Exception {
        String[][] variants = {{null, null}, {"", "true"}, {"cn-east", "false"}, {"DefaultRegion", "FALSE"},
            {"r", "no"}};
        for (String[] v : variants) {
            RemotingCommand response = Vectors.frame("remoting/send_response_success_json.hex");
            response.extFields().remove("MSG_REGION");
            response.extFields().remove("TRACE_ON");
            if (v[0] != null) {
                response.addExtField("MSG_REGION", v[0]);
            }
            if (v[1] != null) {
                response.addExtField("TRACE_ON", v[1]);
            }
            SendResult r = api(null).processSendResponse("broker-a", message("GV_TOPIC", UNIQ), response, ADDR);
            assertEquals(v[0] == null || v[0].isEmpty() ? "DefaultRegion" : v[0], r.getRegionId());
            assertEquals(!"false".equals(v[1]), r.isTraceOn(), "TRACE_ON " + v[1]);
            assertSameAsOfficial(null, "GV_TOPIC", 0, r, response);
        }
    }

    @Test
    void queueOffsetAndTransactionIdComeFromTheHeader() throws Exception {
        RemotingCommand response = Vectors.frame("remoting/send_response_success_json.hex");
        response.addExtField("queueId", "3").addExtField("queueOffset", "12345678901")
            .addExtField("transactionId", "TX1");
        SendResult r = api(null).processSendResponse("broker-b", message("GV_TOPIC", UNIQ), response, ADDR);
        assertEquals(new MessageQueue("GV_TOPIC", "broker-b", 3), r.getMessageQueue());
        assertEquals(12_345_678_901L, r.getQueueOffset());
        assertEquals("TX1", r.getTransactionId());
        assertSameAsOfficial(null, "GV_TOPIC", 0, r, response);
    }

    @Test
    void namespaceIsTakenOffTheResultQueue() throws Exception {
        RemotingCommand response = Vectors.frame("remoting/send_response_success_json.hex");
        SendResult r = api("NS").processSendResponse("broker-a", message("NS%GV_TOPIC", UNIQ), response, ADDR);
        assertEquals("GV_TOPIC", r.getMessageQueue().topic());
        assertSameAsOfficial("NS", "NS%GV_TOPIC", 0, r, response);

        SendResult other = api("NS").processSendResponse("broker-a", message("OTHER%T", UNIQ), response, ADDR);
        assertEquals("OTHER%T", other.getMessageQueue().topic(), "another namespace is not stripped");
    }

    @Test
    void batchResultJoinsTheItemIds() throws Exception {
        List<Message> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(message("GV_TOPIC", "C0A8010A12341B6D35863B9ACA00000" + (i + 1)));
        }
        MessageBatch batch = MessageBatch.generateFromList(items);
        RemotingCommand response = Vectors.frame("remoting/send_response_success_json.hex");
        SendResult r = api(null).processSendResponse("broker-a", batch, response, ADDR);
        assertEquals("C0A8010A12341B6D35863B9ACA000001,C0A8010A12341B6D35863B9ACA000002,"
            + "C0A8010A12341B6D35863B9ACA000003", r.getMsgId());

        List<org.apache.rocketmq.common.message.Message> officialItems = new ArrayList<>();
        for (Message m : items) {
            org.apache.rocketmq.common.message.Message o = new org.apache.rocketmq.common.message.Message(
                m.getTopic(), m.getTags(), m.getBody());
            org.apache.rocketmq.common.message.MessageAccessor.putProperty(o, "UNIQ_KEY",
                m.getProperty(MessageProperties.UNIQ_KEY));
            officialItems.add(o);
        }
        org.apache.rocketmq.client.producer.SendResult o = officialSend(null, "broker-a",
            org.apache.rocketmq.common.message.MessageBatch.generateFromList(officialItems),
            officialFrame("remoting/send_response_success_json.hex"));
        assertEquals(o.getMsgId(), r.getMsgId());
    }

    @Test
    void sendResponseWithoutRequiredHeaderIsABrokerException() throws Exception {
        RemotingCommand response = Vectors.frame("remoting/send_response_success_json.hex");
        response.extFields().remove("queueId");
        MQBrokerException e = assertThrows(MQBrokerException.class,
            () -> api(null).processSendResponse("broker-a", message("GV_TOPIC", UNIQ), response, ADDR));
        assertEquals(ADDR, e.getBrokerAddr());
    }

    /** The official client makes the same SendResult of the same response (sent as JSON through both codecs). */
    private static void assertSameAsOfficial(String namespace, String topic, int code, SendResult petrel,
                                             RemotingCommand response) throws Exception {
        org.apache.rocketmq.remoting.protocol.RemotingCommand o = officialFrame(encoded(response));
        o.setCode(code);
        org.apache.rocketmq.common.message.Message msg = new org.apache.rocketmq.common.message.Message(topic,
            "TagA", "hello".getBytes(StandardCharsets.UTF_8));
        org.apache.rocketmq.common.message.MessageAccessor.putProperty(msg, "UNIQ_KEY", UNIQ);
        org.apache.rocketmq.client.producer.SendResult expected =
            officialSend(namespace, petrel.getMessageQueue().brokerName(), msg, o);
        String what = "code " + code + " " + response.extFields();
        assertEquals(expected.getSendStatus().name(), petrel.getSendStatus().name(), what);
        assertEquals(expected.getMsgId(), petrel.getMsgId(), what);
        assertEquals(expected.getOffsetMsgId(), petrel.getOffsetMsgId(), what);
        assertEquals(expected.getMessageQueue().getTopic(), petrel.getMessageQueue().topic(), what);
        assertEquals(expected.getMessageQueue().getBrokerName(), petrel.getMessageQueue().brokerName(), what);
        assertEquals(expected.getMessageQueue().getQueueId(), petrel.getMessageQueue().queueId(), what);
        assertEquals(expected.getQueueOffset(), petrel.getQueueOffset(), what);
        assertEquals(expected.getTransactionId(), petrel.getTransactionId(), what);
        assertEquals(expected.getRegionId(), petrel.getRegionId(), what);
        assertEquals(expected.isTraceOn(), petrel.isTraceOn(), what);
    }

    private static org.apache.rocketmq.client.producer.SendResult officialSend(String namespace, String brokerName,
        org.apache.rocketmq.common.message.Message msg, org.apache.rocketmq.remoting.protocol.RemotingCommand response)
        throws Exception {
        officialConfig.setNamespace(namespace);
        return (org.apache.rocketmq.client.producer.SendResult) officialProcessSend.invoke(official, brokerName, msg,
            response, ADDR);
    }

    private static byte[] encoded(RemotingCommand cmd) {
        ByteBuf out = Unpooled.buffer();
        RemotingFrame.encode(cmd.serializeType(io.petrel.remoting.protocol.SerializeType.JSON), out);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }

    /** A whole frame (length prefix included) decoded by the official codec. */
    private static org.apache.rocketmq.remoting.protocol.RemotingCommand officialFrame(byte[] bytes) {
        try {
            return org.apache.rocketmq.remoting.protocol.RemotingCommand.decode(
                ByteBuffer.wrap(bytes, 4, bytes.length - 4).slice());
        } catch (org.apache.rocketmq.remoting.exception.RemotingCommandException e) {
            throw new AssertionError("the official codec refused the frame", e);
        }
    }

    // ---- PULL ------------------------------------------------------------------------------------------

    @Test
    void pullFoundFromTheVector() throws Exception {
        byte[] records = Vectors.hex("message/pull_response_body_q0.hex");
        for (String vector : List.of("remoting/pull_response_found_json.hex",
            "remoting/pull_response_found_rocketmq.hex")) {
            PullResultExt r = MQClientAPI.processPullResponse(Vectors.frame(vector), ADDR);
            assertEquals(PullStatus.FOUND, r.getPullStatus(), vector);
            assertEquals(2, r.getNextBeginOffset());
            assertEquals(0, r.getMinOffset());
            assertEquals(2, r.getMaxOffset());
            assertEquals(0, r.getSuggestWhichBrokerId());
            assertNull(r.getMsgFoundList(), "decoded later, by the pull wrapper");
            assertArrayEquals(records, r.getMessageBinary());
        }
    }

    @Test
    void pullStatusPerResponseCode() throws Exception {
        int[] codes = {ResponseCode.PULL_NOT_FOUND, ResponseCode.PULL_RETRY_IMMEDIATELY,
            ResponseCode.PULL_OFFSET_MOVED};
        assertEquals(List.of(19, 20, 21), List.of(codes[0], codes[1], codes[2]));
        PullStatus[] statuses = {PullStatus.NO_NEW_MSG, PullStatus.NO_MATCHED_MSG, PullStatus.OFFSET_ILLEGAL};
        for (int i = 0; i < codes.length; i++) {
            RemotingCommand response = Vectors.frame("remoting/pull_response_found_json.hex").code(codes[i])
                .body((byte[]) null);
            response.addExtField("nextBeginOffset", "7").addExtField("suggestWhichBrokerId", "1");
            PullResultExt r = MQClientAPI.processPullResponse(response, ADDR);
            assertEquals(statuses[i], r.getPullStatus());
            assertEquals(7, r.getNextBeginOffset());
            assertEquals(1, r.getSuggestWhichBrokerId());
            assertNull(r.getMessageBinary());
        }
    }

    @Test
    void pullErrorsAreBrokerExceptions() throws Exception {
        for (int code : new int[] {ResponseCode.SYSTEM_ERROR, ResponseCode.SYSTEM_BUSY,
            ResponseCode.SUBSCRIPTION_NOT_EXIST, ResponseCode.SUBSCRIPTION_NOT_LATEST, ResponseCode.NO_PERMISSION,
            ResponseCode.TOPIC_NOT_EXIST, ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST}) {
            RemotingCommand response = Vectors.frame("remoting/pull_response_found_json.hex").code(code)
                .remark("no " + code);
            MQBrokerException e = assertThrows(MQBrokerException.class,
                () -> MQClientAPI.processPullResponse(response, ADDR));
            assertEquals(code, e.getResponseCode());
            assertEquals("no " + code, e.getErrorMessage());
            assertEquals(ADDR, e.getBrokerAddr());
        }
        RemotingCommand notFound = Vectors.frame("remoting/error_response_topic_not_exist_json.hex");
        MQBrokerException e = assertThrows(MQBrokerException.class,
            () -> MQClientAPI.processPullResponse(notFound, ADDR));
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, e.getResponseCode());
        assertTrue(e.getErrorMessage().startsWith("No topic route info in name server for the topic: GV_NOPE"));

        RemotingCommand headerless = Vectors.frame("remoting/pull_response_found_json.hex");
        headerless.extFields().remove("maxOffset");
        assertThrows(MQBrokerException.class, () -> MQClientAPI.processPullResponse(headerless, ADDR));
    }

    // ---- HEART_BEAT ------------------------------------------------------------------------------------

    /** The heartbeat the vector carries, as Petrel's types hold it. */
    private static HeartbeatData vectorHeartbeat() {
        SubscriptionData tags = new SubscriptionData("GV_TOPIC", "TagA || TagB", new LinkedHashSet<>(List.of("TagA",
            "TagB")), new LinkedHashSet<>(List.of(2598919, 2598920)), 1_700_000_000_000L, "TAG", false);
        SubscriptionData retry = new SubscriptionData("%RETRY%GV_CG", "*", Set.of(), Set.of(), 1_700_000_000_001L,
            "TAG", false);
        ConsumerData consumer = new ConsumerData("GV_CG", ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
            ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, List.of(tags, retry), false);
        return new HeartbeatData("127.0.0.1@GV_INSTANCE", List.of("GV_PG"), List.of(consumer));
    }

    @Test
    void heartbeatRequestIsTheVectorFrame() {
        RemotingCommand request = MQClientAPI.heartbeatRequest(vectorHeartbeat()).opaque(5);
        assertEquals(RequestCode.HEART_BEAT, request.code());
        assertFalse(request.isOneway());
        assertFalse(request.isResponse());
        assertArrayEquals(Vectors.frameBody("remoting/heartbeat_request_json.hex"), request.body());
        assertArrayEquals(Vectors.hex("remoting/heartbeat_request_json.hex"), encoded(request));
    }

    @Test
    void heartbeatDecodesWithTheOfficialClass() {
        HeartbeatData petrel = vectorHeartbeat();
        org.apache.rocketmq.remoting.protocol.RemotingCommand frame =
            officialFrame(encoded(MQClientAPI.heartbeatRequest(petrel)));
        assertEquals(RequestCode.HEART_BEAT, frame.getCode());
        org.apache.rocketmq.common.protocol.heartbeat.HeartbeatData o =
            org.apache.rocketmq.common.protocol.heartbeat.HeartbeatData.decode(frame.getBody(),
                org.apache.rocketmq.common.protocol.heartbeat.HeartbeatData.class);
        assertEquals(petrel.clientID(), o.getClientID());
        assertEquals(1, o.getProducerDataSet().size());
        assertEquals("GV_PG", o.getProducerDataSet().iterator().next().getGroupName());
        assertEquals(1, o.getConsumerDataSet().size());
        org.apache.rocketmq.common.protocol.heartbeat.ConsumerData oc = o.getConsumerDataSet().iterator().next();
        ConsumerData pc = petrel.consumerDataSet().get(0);
        assertEquals(pc.groupName(), oc.getGroupName());
        assertEquals(pc.consumeType().name(), oc.getConsumeType().name());
        assertEquals(pc.messageModel().name(), oc.getMessageModel().name());
        assertEquals(pc.consumeFromWhere().name(), oc.getConsumeFromWhere().name());
        assertEquals(pc.unitMode(), oc.isUnitMode());
        assertEquals(2, oc.getSubscriptionDataSet().size());
        for (SubscriptionData ps : pc.subscriptionDataSet()) {
            org.apache.rocketmq.common.protocol.heartbeat.SubscriptionData os = oc.getSubscriptionDataSet().stream()
                .filter(s -> s.getTopic().equals(ps.topic())).findFirst().orElseThrow();
            assertEquals(ps.subString(), os.getSubString());
            assertEquals(ps.tagsSet(), os.getTagsSet());
            assertEquals(ps.codeSet(), os.getCodeSet());
            assertEquals(ps.subVersion(), os.getSubVersion());
            assertEquals(ps.expressionType(), os.getExpressionType());
            assertEquals(ps.classFilterMode(), os.isClassFilterMode());
        }
    }

    @Test
    void producerOnlyHeartbeatDecodesWithTheOfficialClass() {
        HeartbeatData petrel = new HeartbeatData("10.0.0.9@1234#5", List.of("PG1", "CLIENT_INNER_PRODUCER"),
            List.of());
        org.apache.rocketmq.common.protocol.heartbeat.HeartbeatData o =
            org.apache.rocketmq.common.protocol.heartbeat.HeartbeatData.decode(
                officialFrame(encoded(MQClientAPI.heartbeatRequest(petrel))).getBody(),
                org.apache.rocketmq.common.protocol.heartbeat.HeartbeatData.class);
        assertEquals("10.0.0.9@1234#5", o.getClientID());
        Set<String> groups = new LinkedHashSet<>();
        for (Iterator<org.apache.rocketmq.common.protocol.heartbeat.ProducerData> it =
             o.getProducerDataSet().iterator(); it.hasNext(); ) {
            groups.add(it.next().getGroupName());
        }
        assertEquals(Set.of("PG1", "CLIENT_INNER_PRODUCER"), groups);
        assertTrue(o.getConsumerDataSet().isEmpty());
    }
}
