package io.petrel.broker.pop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.petrel.broker.config.JsonConfigFile;
import io.petrel.broker.offset.ConsumerOffsetManager;
import io.petrel.broker.subscription.SubscriptionGroupManager;
import io.petrel.broker.testing.MutableClock;
import io.petrel.broker.testing.TestBrokerConfig;
import io.petrel.broker.testing.TestManagers;
import io.petrel.broker.testing.TestStore;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.StoredMessageCodec;
import io.petrel.common.topic.TopicConfig;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RemotingVersion;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class PopProcessorTest {
    private static final long T0 = 1_800_000_000_000L;

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private final TestBrokerConfig config = new TestBrokerConfig("brokerName", "broker-p", "brokerClusterName", "C1");
    private TestStore store;
    private TopicConfigManager topics;
    private SubscriptionGroupManager groups;
    private ConsumerOffsetManager offsets;
    private ScheduledExecutorService timer;
    private PopProcessor pop;
    private PopReviveService revive;

    @BeforeEach
    void open() throws Exception {
        store = TestStore.open(dir.resolve("store"), clock);
        topics = TestManagers.topics(config, dir, clock);
        groups = TestManagers.groups(config, dir, clock);
        offsets = new ConsumerOffsetManager(new JsonConfigFile(dir.resolve("consumerOffset.json")));
        timer = Executors.newSingleThreadScheduledExecutor();
        pop = popProcessor();
        revive = new PopReviveService(pop::reviveTopic, pop.reviveQueueNums(), topics, groups, offsets, store.store(),
            TestStore.BROKER, clock);
        topics.update(TopicConfig.of("T", 2, 2, 6));
    }

    /** A processor over this test's store and managers; its orderly batches in {@code consumerOrderInfo.json}. */
    private PopProcessor popProcessor() {
        return new PopProcessor(config, topics, groups, offsets, store.store(), TestStore.BROKER, clock, timer,
            Runnable::run, new JsonConfigFile(dir.resolve("consumerOrderInfo.json")));
    }

    @AfterEach
    void close() {
        timer.shutdownNow();
        store.close();
    }

    private void put(int queueId, String body) {
        store.put(TestStore.message("T", queueId, body));
    }

    private RemotingCommand ask(int code, Map<String, String> fields) throws Exception {
        RemotingCommand request = RemotingCommand.createRequest(code).version(RemotingVersion.V4_9_7);
        fields.forEach(request::addExtField);
        return pop.processRequest(new EmbeddedChannel(), request);
    }

    private RemotingCommand popNow(String topic, int queueId, int max, long invisibleMs) throws Exception {
        return pop(topic, queueId, max, invisibleMs, false);
    }

    private RemotingCommand popOrderly(int queueId, int max, long invisibleMs) throws Exception {
        return pop("T", queueId, max, invisibleMs, true);
    }

    private RemotingCommand pop(String topic, int queueId, int max, long invisibleMs, boolean order)
        throws Exception {
        return ask(RequestCode.POP_MESSAGE, Map.of("consumerGroup", "G", "topic", topic, "queueId",
            Integer.toString(queueId), "maxMsgNums", Integer.toString(max), "invisibleTime", Long.toString(invisibleMs),
            "pollTime", "0", "bornTime", Long.toString(clock.millis()), "initMode", "0", "order",
            Boolean.toString(order)));
    }

    /** The answer's header fields as they go on the wire. */
    private static Map<String, String> header(RemotingCommand r) {
        Map<String, String> out = new java.util.HashMap<>();
        if (r.extFields() != null) {
            out.putAll(r.extFields());
        }
        if (r.customHeader() != null) {
            r.customHeader().writeTo((k, v) -> {
                if (v != null) {
                    out.put(k, v);
                }
            });
        }
        return out;
    }

    /** The records of a pop answer, whose body is sent from the mapped CommitLog; releases it. */
    private static List<MessageExt> messages(RemotingCommand r) {
        List<MessageExt> out = new ArrayList<>();
        byte[] bytes = new byte[r.bodyLength()];
        r.bodyRegion().getBytes(r.bodyRegion().readerIndex(), bytes);
        r.releaseBody();
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            int size = b.getInt(b.position());
            ByteBuffer one = b.slice(b.position(), size);
            out.add(StoredMessageCodec.decode(one, true, false));
            b.position(b.position() + size);
        }
        return out;
    }

    /** The receipt handle the 5.x client builds from a pop answer for the message at {@code queueOffset}. */
    private static String handle(RemotingCommand r, String flag, int queueId, long queueOffset) {
        String start = null;
        for (String e : header(r).get("startOffsetInfo").split(";")) {
            String[] p = e.split(" ");
            if (p[0].equals(flag) && p[1].equals(Integer.toString(queueId))) {
                start = p[2];
            }
        }
        return start + " " + header(r).get("popTime") + " " + header(r).get("invisibleTime") + " "
            + header(r).get("reviveQid") + " " + flag + " broker-p " + queueId + " " + queueOffset;
    }

    private RemotingCommand ack(String topic, int queueId, long offset, String handle) throws Exception {
        return ask(RequestCode.ACK_MESSAGE, Map.of("consumerGroup", "G", "topic", topic, "queueId",
            Integer.toString(queueId), "extraInfo", handle, "offset", Long.toString(offset)));
    }

    /** CHANGE_MESSAGE_INVISIBLETIME of the message at {@code offset} of queue 0 of {@code T}. */
    private RemotingCommand changeInvisibleTime(long offset, String handle, long invisibleMs) throws Exception {
        return ask(RequestCode.CHANGE_MESSAGE_INVISIBLETIME, Map.of("consumerGroup", "G", "topic", "T", "queueId",
            "0", "extraInfo", handle, "offset", Long.toString(offset), "invisibleTime", Long.toString(invisibleMs)));
    }

    private static List<String> bodies(List<MessageExt> ms) {
        return ms.stream().map(m -> new String(m.getBody(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void popHandsOutMovesTheOffsetAndAnswersWithThe5xHeaders() throws Exception {
        put(0, "a");
        put(0, "b");
        put(1, "c");
        RemotingCommand r = popNow("T", -1, 32, 60_000);
        assertEquals(ResponseCode.SUCCESS, r.code(), r.remark());
        assertEquals(List.of("a", "b", "c"), bodies(messages(r)).stream().sorted().toList());
        assertEquals(Long.toString(T0), header(r).get("popTime"));
        assertEquals("60000", header(r).get("invisibleTime"));
        assertEquals("0", header(r).get("restNum"));
        assertTrue(List.of("0 0 0;0 1 0", "0 1 0;0 0 0").contains(header(r).get("startOffsetInfo")));
        assertTrue(List.of("0 0 0,1;0 1 0", "0 1 0;0 0 0,1").contains(header(r).get("msgOffsetInfo")));
        assertEquals(2, offsets.query("G", "T", 0));
        assertEquals(1, offsets.query("G", "T", 1));
        RemotingCommand again = popNow("T", -1, 32, 60_000);
        assertEquals(PopProcessor.POLLING_TIMEOUT, again.code());
        assertTrue(header(again).containsKey("popTime") && header(again).containsKey("reviveQid"),
            "the 5.x client decodes these on every answer");
    }

    @Test
    void whatIsNotAckedByItsReviveTimeGoesToThePopRetryTopicOnce() throws Exception {
        put(0, "a");
        put(0, "b");
        put(0, "c");
        RemotingCommand r = popNow("T", 0, 32, 10_000);
        assertEquals(ResponseCode.SUCCESS, ack("T", 0, 1, handle(r, "0", 0, 1)).code());
        store.awaitDispatched();
        assertEquals(0, revive.reviveOnce(), "not yet invisible long enough");
        clock.advance(10_000);
        assertEquals(2, revive.reviveOnce());
        store.awaitDispatched();
        List<MessageExt> back = store.read("%RETRY%G_T", 0);
        assertEquals(List.of("a", "c"), bodies(back));
        assertTrue(back.stream().allMatch(m -> m.getReconsumeTimes() == 1));
        assertEquals("T", back.get(0).getProperty("RETRY_TOPIC"));
        assertEquals(0, revive.reviveOnce(), "settled check points are not revived again");

        // The next pop reads the retry topic too; acking there settles for good.
        clock.advance(1);
        RemotingCommand retried = popNow("T", 0, 32, 10_000);
        assertEquals(List.of("a", "c"), bodies(messages(retried)));
        assertEquals("1 0 0", header(retried).get("startOffsetInfo"));
        assertEquals(ResponseCode.SUCCESS, ack("%RETRY%G_T", 0, 0, handle(retried, "1", 0, 0)).code());
        assertEquals(ResponseCode.SUCCESS, ack("%RETRY%G_T", 0, 1, handle(retried, "1", 0, 1)).code());
        store.awaitDispatched();
        clock.advance(60_000);
        assertEquals(0, revive.reviveOnce());
    }

    /** Past the group's {@code retryMaxTimes}, what is not acked goes to {@code %DLQ%<group>}, not back again. */
    @Test
    void pastTheGroupsRetryLimitWhatIsNotAckedGoesToTheDeadLetterQueue() throws Exception {
        groups.update(io.petrel.common.subscription.SubscriptionGroupConfig.decode(
            "{\"groupName\":\"G\",\"retryMaxTimes\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        put(0, "never-acked");
        assertEquals(List.of("never-acked"), bodies(messages(popNow("T", 0, 32, 10_000))));
        store.awaitDispatched();
        clock.advance(10_000);
        assertEquals(1, revive.reviveOnce());
        store.awaitDispatched();
        assertEquals(1, store.read("%RETRY%G_T", 0).get(0).getReconsumeTimes(), "first time back: retry topic");

        clock.advance(1);
        assertEquals(List.of("never-acked"), bodies(messages(popNow("T", 0, 32, 10_000))));
        store.awaitDispatched();
        clock.advance(10_000);
        assertEquals(1, revive.reviveOnce());
        store.awaitDispatched();
        List<MessageExt> dead = store.read("%DLQ%G", 0);
        assertEquals(List.of("never-acked"), bodies(dead));
        assertEquals(2, dead.get(0).getReconsumeTimes());
        assertEquals("T", dead.get(0).getProperty("RETRY_TOPIC"));
        assertEquals(1, store.read("%RETRY%G_T", 0).size(), "not put back into the retry topic again");
        clock.advance(60_000);
        assertEquals(0, revive.reviveOnce());
    }

    @Test
    void aBatchAckSettlesTheOffsetsOfItsBitSetAsSingleAcksWould() throws Exception {
        for (String b : List.of("a", "b", "c", "d")) {
            put(0, b);
        }
        RemotingCommand r = popNow("T", 0, 32, 10_000);
        String[] h = handle(r, "0", 0, 0).split(" ");
        BitSet acked = new BitSet();
        acked.set(0);
        acked.set(2);
        acked.set(40);
        String body = "{\"acks\":[{\"b\":\"" + Base64.getEncoder().encodeToString(acked.toByteArray()) + "\","
            + "\"c\":\"G\",\"it\":10000,\"pt\":" + h[1] + ",\"q\":0,\"r\":\"0\",\"rq\":" + h[3] + ",\"so\":" + h[0]
            + ",\"t\":\"T\"}],\"brokerName\":\"broker-p\"}";
        RemotingCommand answer = pop.processRequest(new EmbeddedChannel(),
            RemotingCommand.createRequest(RequestCode.BATCH_ACK_MESSAGE).body(body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(ResponseCode.SUCCESS, answer.code(), answer.remark());
        store.awaitDispatched();
        clock.advance(10_000);
        assertEquals(2, revive.reviveOnce(), "offset 40 is past the queue's end and is skipped");
        store.awaitDispatched();
        assertEquals(List.of("b", "d"), bodies(store.read("%RETRY%G_T", 0)));

        RemotingCommand empty = pop.processRequest(new EmbeddedChannel(),
            RemotingCommand.createRequest(RequestCode.BATCH_ACK_MESSAGE).body("{\"acks\":[]}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ResponseCode.NO_MESSAGE, empty.code());
        RemotingCommand bad = pop.processRequest(new EmbeddedChannel(),
            RemotingCommand.createRequest(RequestCode.BATCH_ACK_MESSAGE).body("{\"acks\":[{\"c\":\"G\",\"t\":\"T\","
                + "\"r\":\"7\"}]}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ResponseCode.SYSTEM_ERROR, bad.code());
    }

    @Test
    void aRestartedReviveServiceReadsFromTheOldestUnsettledCheckPoint() throws Exception {
        put(0, "a");
        put(1, "b");
        RemotingCommand first = popNow("T", 0, 32, 5_000);
        clock.advance(1);
        RemotingCommand second = popNow("T", 1, 32, 50_000);
        store.awaitDispatched();
        assertEquals(ResponseCode.SUCCESS, first.code());
        assertEquals(ResponseCode.SUCCESS, second.code());
        clock.advance(5_000);
        assertEquals(1, revive.reviveOnce(), "the first pop's message is put back");
        PopReviveService restarted = new PopReviveService(pop::reviveTopic, pop.reviveQueueNums(), topics, groups,
            offsets, store.store(), TestStore.BROKER, clock);
        assertEquals(0, restarted.reviveOnce(), "what was put back is not put back again");
        clock.advance(50_000);
        assertEquals(1, restarted.reviveOnce(), "the second pop's check point is read again and revived");
    }

    @Test
    void changeInvisibleTimeWritesANewCheckPointAndSettlesTheOld() throws Exception {
        put(0, "a");
        RemotingCommand r = popNow("T", 0, 32, 5_000);
        clock.advance(1_000);
        RemotingCommand changed = changeInvisibleTime(0, handle(r, "0", 0, 0), 20_000);
        assertEquals(ResponseCode.SUCCESS, changed.code(), changed.remark());
        assertEquals(Long.toString(T0 + 1_000), header(changed).get("popTime"));
        assertEquals("20000", header(changed).get("invisibleTime"));
        store.awaitDispatched();
        clock.advance(10_000);
        assertEquals(0, revive.reviveOnce(), "the pop's 5 s no longer count");
        clock.advance(11_000);
        assertEquals(1, revive.reviveOnce(), "the changed 20 s do");
    }

    /**
     * Holds {@code code} with {@code fields} (it must wait: nothing to find yet), puts a message in queue 1 and
     * tells the processor; returns the answer written once the arrival woke the request, well before its own 1 s
     * recheck.
     */
    private RemotingCommand heldThenWokenByAnArrival(int code, Map<String, String> fields) throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel();
        RemotingCommand request = RemotingCommand.createRequest(code).version(RemotingVersion.V4_9_7);
        fields.forEach(request::addExtField);
        assertNull(pop.processRequest(channel, request), "held: nothing to find yet");
        put(1, "late");
        pop.messageArriving("T");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMillis(800)).until(() -> {
            channel.runPendingTasks();
            return !channel.outboundMessages().isEmpty();
        });
        return (RemotingCommand) channel.readOutbound();
    }

    @Test
    void aPopThatFindsNothingWaitsAndIsAnsweredWhenAMessageArrives() throws Exception {
        RemotingCommand answer = heldThenWokenByAnArrival(RequestCode.POP_MESSAGE, Map.of("consumerGroup", "G",
            "topic", "T", "queueId", "-1", "maxMsgNums", "32", "invisibleTime", "60000", "pollTime", "30000",
            "bornTime", Long.toString(clock.millis()), "initMode", "0"));
        assertEquals(ResponseCode.SUCCESS, answer.code());
        assertEquals(List.of("late"), bodies(messages(answer)));
    }

    private String hasMsg(int queueId, boolean order, String attemptId) throws Exception {
        Map<String, String> f = new java.util.HashMap<>(Map.of("consumerGroup", "G", "topic", "T", "queueId",
            Integer.toString(queueId), "pollTime", "0", "bornTime", Long.toString(clock.millis()), "order",
            Boolean.toString(order)));
        if (attemptId != null) {
            f.put("attemptId", attemptId);
        }
        RemotingCommand r = ask(RequestCode.NOTIFICATION, f);
        assertEquals(ResponseCode.SUCCESS, r.code(), r.remark());
        return header(r).get("hasMsg");
    }

    /** NOTIFICATION: the queue (or any queue), the pop retry topic when not orderly, an orderly batch still out. */
    @Test
    void aNotificationTellsWhetherAPopWouldFindAMessage() throws Exception {
        assertEquals("false", hasMsg(-1, false, null));
        put(1, "a");
        assertEquals("false", hasMsg(0, false, null), "queue 0 is empty");
        assertEquals("true", hasMsg(1, false, null));
        assertEquals("true", hasMsg(-1, false, null), "any queue");
        RemotingCommand r = popNow("T", 1, 32, 10_000);
        assertEquals("false", hasMsg(-1, false, null), "popped: the offset moved");
        store.awaitDispatched();
        clock.advance(10_000);
        assertEquals(1, revive.reviveOnce());
        store.awaitDispatched();
        assertEquals("true", hasMsg(0, false, null), "back in the pop retry topic");
        assertEquals("false", hasMsg(0, true, null), "an orderly pop does not read the retry topic");
        assertEquals(ResponseCode.SUCCESS, ack("T", 1, 0, handle(r, "0", 1, 0)).code());

        put(0, "o");
        RemotingCommand orderly = popOrderly(0, 32, 60_000);
        assertEquals(List.of("o"), bodies(messages(orderly)));
        put(0, "p");
        assertEquals("false", hasMsg(0, true, "another-attempt"), "the batch out blocks the queue");
    }

    @Test
    void aNotificationWaitsForAMessageAndRefusalsCarryItsHeader() throws Exception {
        RemotingCommand answer = heldThenWokenByAnArrival(RequestCode.NOTIFICATION, Map.of("consumerGroup", "G",
            "topic", "T", "queueId", "1", "pollTime", "30000", "bornTime", "0"));
        assertEquals(ResponseCode.SUCCESS, answer.code());
        assertEquals("true", header(answer).get("hasMsg"));

        RemotingCommand unknown = ask(RequestCode.NOTIFICATION, Map.of("consumerGroup", "G", "topic", "NOPE",
            "queueId", "0", "pollTime", "0", "bornTime", "0"));
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, unknown.code());
        assertEquals("false", header(unknown).get("hasMsg"), "as 5.3 writes it");
        RemotingCommand polling = ask(RequestCode.POLLING_INFO, Map.of("consumerGroup", "G", "topic", "T",
            "queueId", "9"));
        assertEquals(ResponseCode.SYSTEM_ERROR, polling.code());
        assertEquals("0", header(polling).get("pollingNum"));
    }

    @Test
    void acksAndPopsThatNameNothingHeldAreRefused() throws Exception {
        put(0, "a");
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, popNow("NOPE", -1, 32, 5_000).code());
        assertEquals(ResponseCode.SYSTEM_ERROR, popNow("T", -1, 33, 5_000).code(), "at most 32 a pop");
        assertEquals(ResponseCode.SYSTEM_ERROR, popNow("T", 5, 32, 5_000).code(), "no queue 5");
        assertEquals(ResponseCode.NO_MESSAGE, ack("T", 0, 9, "0 1 5000 0 0 broker-p 0 9").code());
        assertEquals(ResponseCode.MESSAGE_ILLEGAL, ack("T", 0, 0, "not a handle").code());
        assertEquals(ResponseCode.MESSAGE_ILLEGAL, ack("T", 0, 0, "0 1 5000 42 0 broker-p 0 0").code(),
            "revive queue 42 does not exist");
        RemotingCommand change = changeInvisibleTime(0, "junk", 1_000);
        assertEquals(ResponseCode.MESSAGE_ILLEGAL, change.code());
        assertTrue(header(change).containsKey("popTime"), "the 5.x client decodes the header first");
        assertNull(topics.select("%RETRY%G_T"));
    }

    @Test
    void anOrderlyPopBlocksItsQueueUntilTheBatchIsAckedAndTheOffsetMovesOnlyInOrder() throws Exception {
        for (String body : List.of("a", "b", "c", "d")) {
            put(0, body);
        }
        put(1, "other queue");
        RemotingCommand first = popOrderly(0, 2, 60_000);
        assertEquals(ResponseCode.SUCCESS, first.code(), first.remark());
        assertEquals(List.of("a", "b"), bodies(messages(first)));
        assertEquals("999", header(first).get("reviveQid"), "an orderly receipt names no revive queue");
        assertEquals("0 0 0", header(first).get("orderCountInfo"), "handed out for the first time");
        assertEquals(0, offsets.query("G", "T", 0), "the offset stays at the batch");
        assertNull(topics.select(pop.reviveTopic()), "no check point is written");

        assertEquals(PopProcessor.POLLING_TIMEOUT, popOrderly(0, 2, 60_000).code(), "the queue is blocked");
        assertEquals(List.of("other queue"), bodies(messages(popOrderly(1, 2, 60_000))), "the others are not");

        assertEquals(ResponseCode.SUCCESS, ack("T", 0, 1, handle(first, "0", 0, 1)).code());
        assertEquals(0, offsets.query("G", "T", 0), "b is acked, a is not");
        assertEquals(PopProcessor.POLLING_TIMEOUT, popOrderly(0, 2, 60_000).code());
        assertEquals(ResponseCode.SUCCESS, ack("T", 0, 0, handle(first, "0", 0, 0)).code());
        assertEquals(2, offsets.query("G", "T", 0));
        assertEquals(ResponseCode.SUCCESS, ack("T", 0, 0, handle(first, "0", 0, 0)).code(), "acked before: ignored");

        RemotingCommand next = popOrderly(0, 2, 60_000);
        assertEquals(List.of("c", "d"), bodies(messages(next)));
        assertEquals(ResponseCode.SUCCESS, ack("T", 0, 1, handle(next, "0", 0, 1)).code(),
            "below the group's offset: settled before");
        assertEquals(ResponseCode.MESSAGE_ILLEGAL, ack("T", 0, 4, handle(next, "0", 0, 4)).code(),
            "offset 4 is not in the queue's batch");
        assertEquals(2, offsets.query("G", "T", 0));
    }

    @Test
    void anOrderlyBatchNotAckedInTimeComesBackFromItsFirstUnackedMessageCounted() throws Exception {
        for (String body : List.of("a", "b", "c")) {
            put(0, body);
        }
        RemotingCommand first = popOrderly(0, 32, 10_000);
        assertEquals(ResponseCode.SUCCESS, ack("T", 0, 0, handle(first, "0", 0, 0)).code());
        clock.advance(9_999);
        assertEquals(PopProcessor.POLLING_TIMEOUT, popOrderly(0, 32, 10_000).code());
        clock.advance(1);
        RemotingCommand again = popOrderly(0, 32, 10_000);
        assertEquals(List.of("b", "c"), bodies(messages(again)));
        assertEquals("0 qo0%1 1;0 qo0%2 1;0 0 1", header(again).get("orderCountInfo"));

        // b's invisible time is changed to 30 s from now: the queue stays blocked past the pop's own 10 s.
        clock.advance(1_000);
        RemotingCommand changed = changeInvisibleTime(1, handle(again, "0", 0, 1), 30_000);
        assertEquals(ResponseCode.SUCCESS, changed.code(), changed.remark());
        assertEquals(header(again).get("popTime"), header(changed).get("popTime"));
        assertEquals("31000", header(changed).get("invisibleTime"), "from the pop");
        assertEquals("999", header(changed).get("reviveQid"));
        clock.advance(20_000);
        assertEquals(PopProcessor.POLLING_TIMEOUT, popOrderly(0, 32, 10_000).code());
        clock.advance(10_000);
        RemotingCommand third = popOrderly(0, 32, 10_000);
        assertEquals(List.of("b", "c"), bodies(messages(third)));
        assertEquals("0 qo0%1 2;0 qo0%2 2;0 0 2", header(third).get("orderCountInfo"));
        assertNull(topics.select(pop.reviveTopic()));
    }

    @Test
    void orderlyBatchesSurviveARestartInTheFileFormOf53() throws Exception {
        put(0, "a");
        put(0, "b");
        RemotingCommand first = popOrderly(0, 32, 60_000);
        assertEquals(ResponseCode.SUCCESS, ack("T", 0, 1, handle(first, "0", 0, 1)).code());
        pop.persistOrderInfo();
        assertEquals("{\"table\":{\"T@G\":{0:{\"cm\":2,\"i\":60000,\"l\":" + T0 + ",\"o\":[0,1],\"oc\":{},"
            + "\"popTime\":" + T0 + "}}}}", Files.readString(dir.resolve("consumerOrderInfo.json")));

        pop = popProcessor();
        assertEquals(PopProcessor.POLLING_TIMEOUT, popOrderly(0, 32, 60_000).code(), "still blocked after a restart");
        assertEquals(ResponseCode.SUCCESS, ack("T", 0, 0, handle(first, "0", 0, 0)).code());
        assertEquals(2, offsets.query("G", "T", 0));

        groups.delete("G");
        pop.persistOrderInfo();
        assertEquals("{\"table\":{}}", Files.readString(dir.resolve("consumerOrderInfo.json")),
            "a deleted group's batches are forgotten");
        assertNull(groups.get("G"), "and the group is not created again by looking");

        put(0, "c");
        assertEquals(List.of("c"), bodies(messages(popOrderly(0, 32, 60_000))));
        pop.persistOrderInfo();
        assertTrue(Files.readString(dir.resolve("consumerOrderInfo.json")).contains("T@G"));
        topics.delete("T");
        pop.persistOrderInfo();
        assertEquals("{\"table\":{}}", Files.readString(dir.resolve("consumerOrderInfo.json")),
            "a deleted topic's batches are forgotten");
    }
}
