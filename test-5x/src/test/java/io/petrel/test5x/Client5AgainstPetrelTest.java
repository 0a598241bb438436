package io.petrel.test5x;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.store.MessageStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.remoting.protocol.admin.TopicStatsTable;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What an application on the official 5.3.1 remoting client (and the 5.3.1 admin) does, against Petrel: the
 * scenario list of the 4.9.7 client tests. One cluster serves the class; each test has its own topics and groups.
 */
@Timeout(240)
class Client5AgainstPetrelTest extends Client5Test {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Override
    Properties brokerProps() {
        Properties props = new Properties();
        props.setProperty("messageDelayLevel", "1s 5s" + " 1s".repeat(16));
        props.setProperty("transactionCheckInterval", "1000");
        props.setProperty("transactionTimeOut", "3000");
        return props;
    }

    private MessageStore store() {
        return cluster.broker().controller().store();
    }

    /**
     * A push consumer reading from the first offset. Its retry topic exists before it starts, as for a group that
     * ran before, so that its first rebalance already holds every queue it will read.
     */
    private DefaultMQPushConsumer pushConsumer(String group, String topic, String expr) throws Exception {
        String retryTopic = "%RETRY%" + group;
        cluster.broker().controller().topics().createIfAbsent(retryTopic, 1, 6, 0);
        cluster.awaitRoute(retryTopic);
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
        c.setNamesrvAddr(cluster.namesrvAddr());
        c.setInstanceName(group + "-" + System.nanoTime());
        c.setPollNameServerInterval(1000);
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe(topic, expr);
        kit.track(c::shutdown);
        return c;
    }

    /** Starts a push consumer that records every message's body into {@code into}. */
    private DefaultMQPushConsumer collecting(String group, String topic, String expr, Collection<String> into)
        throws Exception {
        DefaultMQPushConsumer c = pushConsumer(group, topic, expr);
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> into.add(text(m)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        return c;
    }

    /** Queues of {@code topic} this consumer owns after rebalancing. */
    private static long ownedQueues(DefaultMQPushConsumer c, String topic) {
        return c.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable().keySet().stream()
            .filter(q -> q.getTopic().equals(topic)).count();
    }

    private SendResult send(String topic, String tags, String body) throws Exception {
        SendResult r = producer.send(msg(topic, tags, body));
        assertEquals(SendStatus.SEND_OK, r.getSendStatus());
        return r;
    }

    private static Message msg(String topic, String tags, String body) {
        return new Message(topic, tags, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(MessageExt m) {
        return new String(m.getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void syncAsyncOnewayAndBatchSendsAllArrive() throws Exception {
        Set<String> expected = ConcurrentHashMap.newKeySet();
        send("T5_SEND", "S", "sync");
        expected.add("sync");
        AtomicInteger asyncOk = new AtomicInteger();
        producer.send(msg("T5_SEND", "S", "async"), new SendCallback() {
            @Override
            public void onSuccess(SendResult r) {
                asyncOk.incrementAndGet();
            }

            @Override
            public void onException(Throwable e) {
            }
        });
        expected.add("async");
        producer.sendOneway(msg("T5_SEND", "S", "oneway"));
        expected.add("oneway");
        List<Message> batch = List.of(msg("T5_SEND", "S", "b-0"), msg("T5_SEND", "S", "b-1"), msg("T5_SEND", "S", "b-2"));
        assertEquals(SendStatus.SEND_OK, producer.send(batch).getSendStatus());
        expected.addAll(List.of("b-0", "b-1", "b-2"));
        Awaitility.await().atMost(WAIT).until(() -> asyncOk.get() == 1);

        Set<String> got = ConcurrentHashMap.newKeySet();
        collecting("CG5_SEND", "T5_SEND", "*", got);
        Awaitility.await().atMost(WAIT).until(() -> got.containsAll(expected));
        assertEquals(expected, got);
    }

    @Test
    void largeCompressedBodiesPropertiesAndUnicodeRoundTripExactly() throws Exception {
        byte[] big = new byte[1024 * 1024];
        new Random(5).nextBytes(big);
        byte[] compressible = "petrel ".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        Message m1 = new Message("T5_BODY", "big", "k-big", big);
        Message m2 = new Message("T5_BODY", "zip", "k-zip", compressible);
        m2.putUserProperty("colour", "blåbær ✓");
        Message m3 = new Message("T5_BODY", "uni", "k-uni", "héllo 世界 🐦".getBytes(StandardCharsets.UTF_8));
        for (Message m : List.of(m1, m2, m3)) {
            assertEquals(SendStatus.SEND_OK, producer.send(m).getSendStatus());
        }
        Map<String, MessageExt> got = new ConcurrentHashMap<>();
        DefaultMQPushConsumer c = pushConsumer("CG5_BODY", "T5_BODY", "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> got.put(m.getKeys(), m));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        Awaitility.await().atMost(WAIT).until(() -> got.size() == 3);
        assertArrayEquals(big, got.get("k-big").getBody());
        assertArrayEquals(compressible, got.get("k-zip").getBody());
        assertEquals("blåbær ✓", got.get("k-zip").getUserProperty("colour"));
        assertEquals("zip", got.get("k-zip").getTags());
        assertEquals("héllo 世界 🐦", text(got.get("k-uni")));
    }

    @Test
    void orderlyConsumerKeepsPerKeyOrder() throws Exception {
        int keys = 4;
        int perKey = 15;
        for (int i = 0; i < perKey; i++) {
            for (int k = 0; k < keys; k++) {
                SendResult r = producer.send(msg("T5_ORDER", "O", k + ":" + i),
                    (mqs, m, arg) -> mqs.get((Integer) arg % mqs.size()), k);
                assertEquals(SendStatus.SEND_OK, r.getSendStatus());
            }
        }
        Map<Integer, List<Integer>> seen = new ConcurrentHashMap<>();
        DefaultMQPushConsumer c = pushConsumer("CG5_ORDER", "T5_ORDER", "*");
        c.registerMessageListener((MessageListenerOrderly) (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                String[] parts = text(m).split(":");
                seen.computeIfAbsent(Integer.parseInt(parts[0]), k -> new CopyOnWriteArrayList<>())
                    .add(Integer.parseInt(parts[1]));
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        c.start();
        Awaitility.await().atMost(WAIT).until(() -> seen.size() == keys
            && seen.values().stream().allMatch(l -> l.size() >= perKey));
        List<Integer> inOrder = new ArrayList<>();
        for (int i = 0; i < perKey; i++) {
            inOrder.add(i);
        }
        for (List<Integer> l : seen.values()) {
            assertEquals(inOrder, l);
        }
    }

    @Test
    void twoClusteringConsumersSplitTheQueuesAndBroadcastingReachesBoth() throws Exception {
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        List<Set<String>> by = List.of(ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());
        List<DefaultMQPushConsumer> members = new ArrayList<>();
        for (Set<String> into : by) {
            DefaultMQPushConsumer c = pushConsumer("CG5_SPLIT", "T5_SPLIT", "*");
            c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                msgs.forEach(m -> {
                    into.add(text(m));
                    deliveries.computeIfAbsent(text(m), x -> new AtomicInteger()).incrementAndGet();
                });
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            members.add(c);
        }
        send("T5_SPLIT", "S", "create-topic");
        for (DefaultMQPushConsumer c : members) {
            c.start();
        }
        // Both members registered: the queues are split between them before the real load is sent.
        Awaitility.await().atMost(WAIT).until(() -> ownedQueues(members.get(0), "T5_SPLIT")
            + ownedQueues(members.get(1), "T5_SPLIT") == 4 && ownedQueues(members.get(0), "T5_SPLIT") > 0
            && ownedQueues(members.get(1), "T5_SPLIT") > 0);
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            send("T5_SPLIT", "S", "s-" + i);
            sent.add("s-" + i);
        }
        Awaitility.await().atMost(WAIT).until(() -> deliveries.keySet().containsAll(sent));
        // The first message may be seen twice (a queue that moves in the first rebalance is read again from its
        // last committed offset); once the split has settled every message is seen once.
        deliveries.remove("create-topic");
        assertTrue(deliveries.values().stream().allMatch(n -> n.get() == 1), deliveries.toString());
        assertTrue(by.get(0).size() > 1 && by.get(1).size() > 1, "both consumers got messages");

        Set<String> b1 = ConcurrentHashMap.newKeySet();
        Set<String> b2 = ConcurrentHashMap.newKeySet();
        for (Set<String> into : List.of(b1, b2)) {
            DefaultMQPushConsumer c = pushConsumer("CG5_BCAST", "T5_SPLIT", "*");
            c.setMessageModel(MessageModel.BROADCASTING);
            c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                msgs.forEach(m -> into.add(text(m)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            c.start();
        }
        Awaitility.await().atMost(WAIT).until(() -> b1.containsAll(sent) && b2.containsAll(sent));
    }

    @Test
    void tagExpressionsFilterOnTheBroker() throws Exception {
        for (String tag : List.of("A", "B", "C", "A", "C")) {
            send("T5_TAGS", tag, tag + "-" + System.nanoTime());
        }
        List<String> got = new CopyOnWriteArrayList<>();
        collecting("CG5_TAGS", "T5_TAGS", "A || B", got);
        Awaitility.await().atMost(WAIT).until(() -> got.size() >= 3);
        Awaitility.await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        assertEquals(3, got.size(), String.valueOf(got));
        assertTrue(got.stream().noneMatch(b -> b.startsWith("C-")));
    }

    @Test
    void litePullSubscribeAndAssignWithSeek() throws Exception {
        for (int i = 0; i < 12; i++) {
            producer.send(msg("T5_LITE", "T", "l-" + i), (mqs, m, arg) -> mqs.get(0), null);
        }
        DefaultLitePullConsumer sub = new DefaultLitePullConsumer("CG5_LITE_SUB");
        sub.setNamesrvAddr(cluster.namesrvAddr());
        sub.setInstanceName("lite-sub-" + System.nanoTime());
        sub.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        sub.subscribe("T5_LITE", "*");
        sub.start();
        kit.track(sub::shutdown);
        Set<String> got = new HashSet<>();
        Awaitility.await().atMost(WAIT).until(() -> {
            sub.poll(500).forEach(m -> got.add(text(m)));
            return got.size() == 12;
        });

        DefaultLitePullConsumer assigned = new DefaultLitePullConsumer("CG5_LITE_ASSIGN");
        assigned.setNamesrvAddr(cluster.namesrvAddr());
        assigned.setInstanceName("lite-assign-" + System.nanoTime());
        assigned.setAutoCommit(false);
        assigned.start();
        kit.track(assigned::shutdown);
        MessageQueue q0 = assigned.fetchMessageQueues("T5_LITE").stream().filter(q -> q.getQueueId() == 0)
            .findFirst().orElseThrow();
        // The group starts at the end of the queue, so that a pull in flight before the seek returns nothing.
        admin.updateConsumeOffset(brokerAddr(), "CG5_LITE_ASSIGN", q0, 12);
        assigned.assign(List.of(q0));
        assigned.seek(q0, 10);
        List<String> fromTen = new ArrayList<>();
        Awaitility.await().atMost(WAIT).until(() -> {
            assigned.poll(500).forEach(m -> fromTen.add(text(m)));
            return fromTen.size() >= 2;
        });
        assertEquals(List.of("l-10", "l-11"), fromTen);
    }

    @Test
    void offsetsSurviveConsumerRestartAndBrokerRestart() throws Exception {
        Set<String> before = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 10; i++) {
            send("T5_OFFSETS", "O", "before-" + i);
        }
        DefaultMQPushConsumer c = collecting("CG5_OFFSETS", "T5_OFFSETS", "*", before);
        Awaitility.await().atMost(WAIT).until(() -> before.size() == 10);
        c.shutdown(); // commits its offsets
        cluster.restartBroker();
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> {
            send("T5_OFFSETS", "O", "after-0");
            return true;
        });
        for (int i = 1; i < 5; i++) {
            send("T5_OFFSETS", "O", "after-" + i);
        }
        Set<String> after = ConcurrentHashMap.newKeySet();
        collecting("CG5_OFFSETS", "T5_OFFSETS", "*", after);
        Awaitility.await().atMost(WAIT).until(() -> after.size() >= 5);
        Awaitility.await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        assertEquals(Set.of("after-0", "after-1", "after-2", "after-3", "after-4"), after);
    }

    /**
     * A consumer on heartbeats of version 2 ({@code useHeartbeatV2}): after its first full heartbeat it sends the
     * short kind, and its tag filter still holds on the broker, across a broker restart too.
     */
    @Test
    void aConsumerOnHeartbeatV2KeepsItsFilterAcrossABrokerRestart() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer c = pushConsumer("CG5_HBV2", "T5_HBV2", "A");
        c.setUseHeartbeatV2(true);
        c.setHeartbeatBrokerInterval(500);
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> got.add(text(m)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        for (String tag : List.of("A", "B", "A")) {
            send("T5_HBV2", tag, tag + "-before-" + System.nanoTime());
        }
        Awaitility.await().atMost(WAIT).until(() -> got.size() >= 2);
        cluster.restartBroker();
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() ->
            "A".equals(admin.examineConsumerConnectionInfo("CG5_HBV2").getSubscriptionTable().get("T5_HBV2")
                .getSubString()));
        for (String tag : List.of("B", "A")) {
            send("T5_HBV2", tag, tag + "-after-" + System.nanoTime());
        }
        Awaitility.await().atMost(WAIT).until(() -> got.stream().anyMatch(b -> b.startsWith("A-after-")));
        Awaitility.await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        assertTrue(got.stream().allMatch(b -> b.startsWith("A-")), String.valueOf(got));
        assertEquals(3, new HashSet<>(got).size(), String.valueOf(got));
    }

    @Test
    void reconsumeLaterRetriesThenTheDeadLetterQueue() throws Exception {
        SendResult retried = send("T5_RETRY", "R", "try-again");
        List<MessageExt> seen = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer c = pushConsumer("CG5_RETRY", "T5_RETRY", "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            seen.addAll(msgs);
            if (msgs.get(0).getReconsumeTimes() == 0) {
                ctx.setDelayLevelWhenNextConsume(1);
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        Awaitility.await().atMost(WAIT).until(() -> seen.stream().anyMatch(m -> m.getReconsumeTimes() == 1));
        MessageExt again = seen.stream().filter(m -> m.getReconsumeTimes() == 1).findFirst().orElseThrow();
        assertEquals(retried.getMsgId(), again.getMsgId());
        assertEquals("T5_RETRY", again.getTopic());
        assertEquals("try-again", text(again));

        SendResult dead = send("T5_DLQ", "D", "never-ok");
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer d = pushConsumer("CG5_DLQ", "T5_DLQ", "*");
        d.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> attempts.add(m.getReconsumeTimes()));
            ctx.setDelayLevelWhenNextConsume(1);
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        });
        d.setMaxReconsumeTimes(1);
        d.start();
        Awaitility.await().atMost(WAIT).until(() -> store().getMaxOffsetInQueue("%DLQ%CG5_DLQ", 0) == 1);
        assertEquals(List.of(0, 1), attempts);
        io.petrel.common.message.MessageExt stored = store().lookMessageByOffset(
            store().getCommitLogOffsetInQueue("%DLQ%CG5_DLQ", 0, 0));
        assertEquals(dead.getMsgId(), stored.getProperty("UNIQ_KEY"));
        assertEquals("T5_DLQ", stored.getProperty("RETRY_TOPIC"));
    }

    @Test
    void delayLevelHoldsTheMessageBack() throws Exception {
        Message m = msg("T5_DELAY", "D", "later");
        m.setDelayTimeLevel(1);
        long sentAt = System.currentTimeMillis();
        assertEquals(SendStatus.SEND_OK, producer.send(m).getSendStatus());
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer c = pushConsumer("CG5_DELAY", "T5_DELAY", "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(x -> arrivals.add(x.getStoreTimestamp()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        Awaitility.await().atMost(WAIT).until(() -> arrivals.size() == 1);
        assertTrue(arrivals.get(0) - sentAt >= 900, "stored in its topic a second after it was sent");
    }

    /**
     * 5.x timer messages: each is stored in its topic at its time, not before, and once, also when the broker
     * restarts while one is still parked.
     */
    @Test
    void timerMessagesArriveAtTheirTimeOnceEvenAcrossABrokerRestart() throws Exception {
        long sentAt = System.currentTimeMillis();
        Message soon = msg("T5_TIMER", "TM", "soon");
        soon.setDelayTimeMs(2_000);
        Message later = msg("T5_TIMER", "TM", "later");
        later.setDeliverTimeMs(sentAt + 10_000);
        assertEquals(SendStatus.SEND_OK, producer.send(soon).getSendStatus());
        assertEquals(SendStatus.SEND_OK, producer.send(later).getSendStatus());
        Map<String, Long> storedAt = new ConcurrentHashMap<>();
        List<String> arrivals = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer c = pushConsumer("CG5_TIMER", "T5_TIMER", "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(x -> {
                arrivals.add(text(x));
                storedAt.put(text(x), x.getStoreTimestamp());
            });
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        Awaitility.await().atMost(WAIT).until(() -> arrivals.contains("soon"));
        long inTopic = 0;
        for (int q = 0; q < 8; q++) {
            inTopic += Math.max(0, store().getMaxOffsetInQueue("T5_TIMER", q));
        }
        assertEquals(1, inTopic, "later is still parked when the broker restarts");
        Awaitility.await().atMost(WAIT).until(() -> {
            Map<String, String> kv = admin.fetchBrokerRuntimeStats(brokerAddr()).getTable();
            return "1".equals(kv.get("timerCongestNum")) && "0".equals(kv.get("timerOffsetBehind"))
                && "0".equals(kv.get("timerReadBehind")) && kv.containsKey("timerEnqueueTps")
                && kv.containsKey("timerDequeueTps");
        });
        cluster.restartBroker();
        Awaitility.await().atMost(WAIT).until(() -> arrivals.contains("later"));
        assertTrue(storedAt.get("soon") - sentAt >= 1_000, "soon stored in its topic at its time: " + storedAt);
        assertTrue(storedAt.get("later") - sentAt >= 8_000, "later too: " + storedAt);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
            .until(() -> arrivals.size() == 2);
    }

    @Test
    void queryByKeyAndViewById() throws Exception {
        Message m = new Message("T5_QUERY", "Q", "order-4711", "find me".getBytes(StandardCharsets.UTF_8));
        SendResult r = producer.send(m);
        long now = System.currentTimeMillis();
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> admin.queryMessage("T5_QUERY", "order-4711",
            32, now - 60_000, now + 60_000).getMessageList().size() == 1);
        MessageExt byKey = admin.queryMessage("T5_QUERY", "order-4711", 32, now - 60_000, now + 60_000)
            .getMessageList().get(0);
        assertEquals("find me", text(byKey));
        assertEquals("find me", text(admin.viewMessage("T5_QUERY", r.getOffsetMsgId())));
        assertEquals("find me", text(admin.viewMessage("T5_QUERY", r.getMsgId())));
    }

    @Test
    void transactionsCommitRollbackAndCheck() throws Exception {
        List<String> checked = new CopyOnWriteArrayList<>();
        TransactionMQProducer tx = new TransactionMQProducer("PG5_TX");
        tx.setNamesrvAddr(cluster.namesrvAddr());
        tx.setInstanceName("tx-" + System.nanoTime());
        tx.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return switch (msg.getKeys()) {
                    case "commit" -> LocalTransactionState.COMMIT_MESSAGE;
                    case "rollback" -> LocalTransactionState.ROLLBACK_MESSAGE;
                    default -> LocalTransactionState.UNKNOW;
                };
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                checked.add(msg.getKeys());
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        tx.start();
        kit.track(tx::shutdown);
        for (String key : List.of("rollback", "commit", "unknown")) {
            Message m = new Message("T5_TX", "X", key, key.getBytes(StandardCharsets.UTF_8));
            assertEquals(SendStatus.SEND_OK, tx.sendMessageInTransaction(m, null).getSendStatus());
        }
        cluster.awaitRoute("T5_TX");
        List<String> got = new CopyOnWriteArrayList<>();
        collecting("CG5_TX", "T5_TX", "*", got);
        Awaitility.await().atMost(WAIT).until(() -> got.contains("commit") && got.contains("unknown"));
        assertTrue(checked.contains("unknown"), "the broker asked the producer about the open transaction");
        assertFalse(got.contains("rollback"));
    }

    @Test
    void adminTopicConfigStatsConsumeStatsResetAndDelete() throws Exception {
        String addr = brokerAddr();
        assertEquals("true", admin.fetchBrokerRuntimeStats(addr).getTable().get("brokerActive"),
            "a master is active (the 5.x clusterList's #Activated column)");
        admin.createAndUpdateTopicConfig(addr, new TopicConfig("T5_ADMIN", 3, 3, 6));
        TopicConfig read = admin.examineTopicConfig(addr, "T5_ADMIN");
        assertEquals(3, read.getReadQueueNums());
        assertEquals(3, read.getWriteQueueNums());
        assertEquals(6, read.getPerm());
        cluster.awaitRoute("T5_ADMIN");
        for (int i = 0; i < 6; i++) {
            producer.send(msg("T5_ADMIN", "A", "a-" + i), (mqs, m, arg) -> mqs.get((Integer) arg % mqs.size()), i);
        }
        TopicStatsTable stats = admin.examineTopicStats("T5_ADMIN");
        assertEquals(3, stats.getOffsetTable().size());
        assertEquals(6, stats.getOffsetTable().values().stream().mapToLong(o -> o.getMaxOffset()).sum());

        Set<String> got = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer c = collecting("CG5_ADMIN", "T5_ADMIN", "*", got);
        Awaitility.await().atMost(WAIT).until(() -> got.size() == 6);
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> {
            ConsumeStats cs = admin.examineConsumeStats("CG5_ADMIN");
            return cs.computeTotalDiff() == 0 && cs.getOffsetTable().keySet().stream()
                .filter(q -> q.getTopic().equals("T5_ADMIN")).count() == 3;
        });
        c.shutdown();

        // 5.x resets one queue by offset: only queue 1 goes back, to offset 0.
        admin.resetOffsetByQueueId(addr, "CG5_ADMIN", "T5_ADMIN", 1, 0);
        ConsumeStats after = admin.examineConsumeStats("CG5_ADMIN");
        Map<Integer, Long> consumer = new java.util.TreeMap<>();
        after.getOffsetTable().forEach((q, w) -> {
            if (q.getTopic().equals("T5_ADMIN")) {
                consumer.put(q.getQueueId(), w.getConsumerOffset());
            }
        });
        assertEquals(Map.of(0, 2L, 1, 0L, 2, 2L), consumer);

        admin.deleteTopic("T5_ADMIN", admin.examineBrokerClusterInfo().getClusterAddrTable().keySet().iterator()
            .next());
        Awaitility.await().atMost(WAIT).until(() -> cluster.broker().controller().topics().select("T5_ADMIN") == null);
        MQBrokerException gone = assertThrows(MQBrokerException.class, () -> admin.examineTopicConfig(addr, "T5_ADMIN"));
        assertEquals(17, gone.getResponseCode(), "TOPIC_NOT_EXIST");
    }
}
