package io.petrel.test.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.common.protocol.header.CreateTopicRequestHeader;
import org.apache.rocketmq.common.protocol.header.DeleteTopicRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetMaxOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetMinOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.PullMessageRequestHeader;
import org.apache.rocketmq.common.sysflag.PullSysFlag;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls at offsets out of range, to an official 4.9.7 master and to Petrel after the same actions: the response
 * code, the remark (the store's status) and the values of nextBeginOffset, minOffset, maxOffset and
 * suggestWhichBrokerId must be equal. Both brokers use 64 KiB CommitLog files and keep none past the
 * manual clean-up, so retention can move a queue's min offset the same way on both sides.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(300)
class PullOffsetsSideBySideTest {
    private static final String GROUP = "CG_PULL_OFFSETS";
    private static final String TOPIC = "PULL_OFFSETS";
    private static final String OLD_TOPIC = "PULL_RETAINED";
    private static final int FILE_SIZE = 64 * 1024;
    private static final List<String> PULL_FIELDS = List.of("nextBeginOffset", "minOffset", "maxOffset",
        "suggestWhichBrokerId");

    @TempDir
    static Path dir;
    private SideBySide sides;

    @BeforeAll
    void start() throws Exception {
        Properties petrel = new Properties();
        petrel.setProperty("brokerClusterName", "DefaultCluster");
        petrel.setProperty("mappedFileSizeCommitLog", Integer.toString(FILE_SIZE));
        petrel.setProperty("fileReservedTime", "0");
        // Petrel refuses a maximum message size that would not fit in one CommitLog file; 4.9.7 accepts it.
        petrel.setProperty("maxMessageSize", Integer.toString(FILE_SIZE / 4));
        // 4.9.7 reads mappedFileSizeCommitLog only; Petrel reads both spellings.
        sides = SideBySide.start(dir, List.of("mappedFileSizeCommitLog=" + FILE_SIZE, "fileReservedTime=0"), petrel);
        createTopic(OLD_TOPIC, 1);
        createTopic(TOPIC, 2);
        sides.awaitRoutes(OLD_TOPIC);
        sides.awaitRoutes(TOPIC);
    }

    @AfterAll
    void stop() {
        if (sides != null) {
            sides.close();
        }
    }

    @Test
    @Order(1)
    void belowTheMinOffsetAfterRetention() throws Exception {
        sendToQueueZero(OLD_TOPIC, "x".repeat(1000), 200);
        for (String addr : List.of(sides.officialBrokerAddr(), sides.petrelBrokerAddr())) {
            RemotingCommand r = sides.invoke(addr, RemotingCommand.createRequestCommand(
                RequestCode.DELETE_EXPIRED_COMMITLOG, null));
            assertEquals(ResponseCode.SUCCESS, r.getCode());
        }
        // The official broker deletes at its next clean-up tick (every 10 s), then corrects the queue's min offset.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
            .until(() -> minOffset(sides.officialBrokerAddr(), OLD_TOPIC) > 0);
        long min = minOffset(sides.officialBrokerAddr(), OLD_TOPIC);
        assertEquals(min, minOffset(sides.petrelBrokerAddr(), OLD_TOPIC), "min offset after retention");

        assertSamePull("offset 0, below the min offset", pull(OLD_TOPIC, 0, 0));
        assertSamePull("offset min - 1", pull(OLD_TOPIC, 0, min - 1));
        assertSamePull("offset min", pull(OLD_TOPIC, 0, min));
        assertSamePull("offset 199, the last message", pull(OLD_TOPIC, 0, 199));
        assertSamePull("offset 200, the max offset", pull(OLD_TOPIC, 0, 200));
        assertSamePull("offset 201, past the max offset", pull(OLD_TOPIC, 0, 201));
    }

    @Test
    @Order(2)
    void aroundTheEndsOfAQueue() throws Exception {
        sendToQueueZero(TOPIC, "short", 5);
        assertSamePull("offset 0", pull(TOPIC, 0, 0));
        assertSamePull("offset 4, the last message", pull(TOPIC, 0, 4));
        assertSamePull("offset -1, below the min offset", pull(TOPIC, 0, -1));
        assertSamePull("offset 5, the max offset", pull(TOPIC, 0, 5));
        assertSamePull("offset 6, one past the max offset", pull(TOPIC, 0, 6));
        assertSamePull("offset 1000000, far beyond the max offset", pull(TOPIC, 0, 1_000_000));
        assertSamePull("offset Long.MAX_VALUE", pull(TOPIC, 0, Long.MAX_VALUE));
    }

    @Test
    @Order(3)
    void onAQueueThatNeverGotAMessage() throws Exception {
        assertSamePull("empty queue, offset 0", pull(TOPIC, 1, 0));
        assertSamePull("empty queue, offset 3", pull(TOPIC, 1, 3));
        assertSamePull("empty queue, offset -1", pull(TOPIC, 1, -1));
    }

    @Test
    @Order(4)
    void afterTheTopicWasDeletedAndCreatedAgain() throws Exception {
        for (String addr : List.of(sides.officialBrokerAddr(), sides.petrelBrokerAddr())) {
            DeleteTopicRequestHeader h = new DeleteTopicRequestHeader();
            h.setTopic(TOPIC);
            RemotingCommand r = sides.invoke(addr, RemotingCommand.createRequestCommand(
                RequestCode.DELETE_TOPIC_IN_BROKER, h));
            assertEquals(ResponseCode.SUCCESS, r.getCode(), r.getRemark());
        }
        createTopic(TOPIC, 2);
        assertSamePull("re-created, offset 0", pull(TOPIC, 0, 0));
        assertSamePull("re-created, the old max offset", pull(TOPIC, 0, 5));
        assertSamePull("re-created, far beyond", pull(TOPIC, 0, 1_000_000));

        sendToQueueZero(TOPIC, "again", 2);
        assertSamePull("re-created with 2 messages, offset 0", pull(TOPIC, 0, 0));
        assertSamePull("re-created with 2 messages, offset 2", pull(TOPIC, 0, 2));
        assertSamePull("re-created with 2 messages, the old max offset", pull(TOPIC, 0, 5));
        assertSamePull("re-created, the other queue", pull(TOPIC, 1, 1));
    }

    private void createTopic(String topic, int queues) throws Exception {
        for (String addr : List.of(sides.officialBrokerAddr(), sides.petrelBrokerAddr())) {
            CreateTopicRequestHeader h = new CreateTopicRequestHeader();
            h.setTopic(topic);
            h.setDefaultTopic("TBW102");
            h.setReadQueueNums(queues);
            h.setWriteQueueNums(queues);
            h.setPerm(6);
            h.setTopicFilterType("SINGLE_TAG");
            h.setTopicSysFlag(0);
            h.setOrder(false);
            RemotingCommand r = sides.invoke(addr, RemotingCommand.createRequestCommand(
                RequestCode.UPDATE_AND_CREATE_TOPIC, h));
            assertEquals(ResponseCode.SUCCESS, r.getCode(), r.getRemark());
        }
    }

    /**
     * The same messages, in the same order, to queue 0 of {@code topic} on each side; returns once both brokers
     * have them in the queue (a send is acknowledged once stored, and reaches its ConsumeQueue a moment later).
     */
    private void sendToQueueZero(String topic, String body, int count) throws Exception {
        long before = maxOffset(sides.officialBrokerAddr(), topic);
        for (DefaultMQProducer p : List.of(sides.officialSideProducer(), sides.petrelSideProducer())) {
            for (int i = 0; i < count; i++) {
                Message m = new Message(topic, "TagA", (body + "-" + i).getBytes(StandardCharsets.UTF_8));
                m.setKeys("key-" + i);
                assertEquals(SendStatus.SEND_OK, p.send(m, (mqs, msg, arg) -> mqs.get(0), null).getSendStatus());
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() ->
            maxOffset(sides.officialBrokerAddr(), topic) == before + count
                && maxOffset(sides.petrelBrokerAddr(), topic) == before + count);
    }

    private long maxOffset(String addr, String topic) throws Exception {
        GetMaxOffsetRequestHeader h = new GetMaxOffsetRequestHeader();
        h.setTopic(topic);
        h.setQueueId(0);
        return offsetAnswer(addr, RequestCode.GET_MAX_OFFSET, h);
    }

    private long minOffset(String addr, String topic) throws Exception {
        GetMinOffsetRequestHeader h = new GetMinOffsetRequestHeader();
        h.setTopic(topic);
        h.setQueueId(0);
        return offsetAnswer(addr, RequestCode.GET_MIN_OFFSET, h);
    }

    /** The {@code offset} of a GET_MAX_OFFSET or GET_MIN_OFFSET answer. */
    private long offsetAnswer(String addr, int code, org.apache.rocketmq.remoting.CommandCustomHeader h)
        throws Exception {
        RemotingCommand r = sides.invoke(addr, RemotingCommand.createRequestCommand(code, h));
        return Long.parseLong(r.getExtFields().get("offset"));
    }

    /** A pull carrying its own subscription (*), without suspension, for one message. */
    private static Supplier<RemotingCommand> pull(String topic, int queueId, long offset) {
        return () -> {
            PullMessageRequestHeader h = new PullMessageRequestHeader();
            h.setConsumerGroup(GROUP);
            h.setTopic(topic);
            h.setQueueId(queueId);
            h.setQueueOffset(offset);
            h.setMaxMsgNums(1);
            h.setSysFlag(PullSysFlag.buildSysFlag(false, false, true, false));
            h.setCommitOffset(0L);
            h.setSuspendTimeoutMillis(0L);
            h.setSubscription("*");
            h.setSubVersion(0L);
            h.setExpressionType("TAG");
            return RemotingCommand.createRequestCommand(RequestCode.PULL_MESSAGE, h);
        };
    }

    private void assertSamePull(String what, Supplier<RemotingCommand> request) throws Exception {
        SideBySide.Answers a = sides.ask(request);
        assertEquals(describe(a.official()), describe(a.petrel()), what);
        assertTrue(a.official().getExtFields() != null && a.official().getExtFields().containsKey("nextBeginOffset"),
            what + ": the official answer carries the pull header");
    }

    private static Map<String, String> describe(RemotingCommand r) {
        Map<String, String> d = new TreeMap<>();
        d.put("code", Integer.toString(r.getCode()));
        d.put("remark", r.getRemark());
        for (String field : PULL_FIELDS) {
            d.put(field, r.getExtFields() == null ? null : r.getExtFields().get(field));
        }
        return d;
    }
}
