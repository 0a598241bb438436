package io.petrel.test.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.heartbeat.MessageModel;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What an application on the official 4.9.7 client does, against Petrel. */
@Timeout(240)
class OfficialClientFeaturesTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private PetrelCluster cluster;
    private DefaultMQProducer producer;
    private final List<AutoCloseable> closers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        cluster = PetrelCluster.start(dir, new Properties());
        producer = producer("PG_FEAT");
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = closers.size() - 1; i >= 0; i--) {
            closers.get(i).close();
        }
        cluster.close();
    }

    private DefaultMQProducer producer(String group) throws Exception {
        DefaultMQProducer p = new DefaultMQProducer(group);
        p.setNamesrvAddr(cluster.namesrvAddr());
        p.setInstanceName(group + "-" + System.nanoTime());
        p.start();
        closers.add(p::shutdown);
        return p;
    }

    private DefaultMQPushConsumer pushConsumer(String group, String topic, String expr) throws Exception {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
        c.setNamesrvAddr(cluster.namesrvAddr());
        c.setInstanceName(group + "-" + System.nanoTime());
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe(topic, expr);
        closers.add(c::shutdown);
        return c;
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
        producer.send(msg("F_SEND", "S", "sync"));
        expected.add("sync");
        AtomicInteger asyncOk = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            producer.send(msg("F_SEND", "A", "async-" + i), new SendCallback() {
                @Override
                public void onSuccess(SendResult r) {
                    asyncOk.incrementAndGet();
                }

                @Override
                public void onException(Throwable e) {
                    throw new AssertionError(e);
                }
            });
            expected.add("async-" + i);
        }
        Awaitility.await().atMost(WAIT).until(() -> asyncOk.get() == 10);
        producer.sendOneway(msg("F_SEND", "O", "oneway"));
        expected.add("oneway");
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(msg("F_SEND", "B", "batch-" + i));
            expected.add("batch-" + i);
        }
        SendResult batchResult = producer.send(batch);
        assertEquals(SendStatus.SEND_OK, batchResult.getSendStatus());
        assertEquals(5, batchResult.getOffsetMsgId().split(",").length);

        Set<String> got = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer c = pushConsumer("CG_SEND", "F_SEND", "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> got.add(text(m)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        Awaitility.await().atMost(WAIT).until(() -> got.containsAll(expected));
        assertEquals(expected, got);
    }

    @Test
    void largeBodiesPropertiesAndUnicodeRoundTripExactly() throws Exception {
        Random random = new Random(7);
        byte[] oneMiB = new byte[1024 * 1024];
        byte[] almostFour = new byte[3_900 * 1024];
        random.nextBytes(oneMiB);
        random.nextBytes(almostFour);
        Message a = new Message("F_BIG", "TagA", oneMiB);
        Message b = new Message("F_BIG", "TagB", almostFour);
        Message u = new Message("F_BIG", "TagU", "héllo wörld 你好 🚀".getBytes(StandardCharsets.UTF_8));
        u.putUserProperty("städte", "Zürich 東京");
        u.setKeys(List.of("k1", "k2"));
        Map<String, byte[]> sent = new ConcurrentHashMap<>();
        for (Message m : List.of(a, b, u)) {
            sent.put(producer.send(m).getMsgId(), m.getBody());
        }
        Map<String, MessageExt> got = new ConcurrentHashMap<>();
        DefaultMQPushConsumer c = pushConsumer("CG_BIG", "F_BIG", "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> got.put(m.getMsgId(), m));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        Awaitility.await().atMost(WAIT).until(() -> got.size() == 3);
        for (Map.Entry<String, byte[]> e : sent.entrySet()) {
            assertArrayEquals(e.getValue(), got.get(e.getKey()).getBody());
        }
        MessageExt unicode = got.values().stream().filter(m -> "TagU".equals(m.getTags())).findFirst().orElseThrow();
        assertEquals("Zürich 東京", unicode.getUserProperty("städte"));
        assertEquals("k1 k2", unicode.getKeys());
    }

    @Test
    void orderlyConsumerKeepsPerKeyOrder() throws Exception {
        int keys = 4;
        int perKey = 15;
        for (int i = 0; i < perKey; i++) {
            for (int k = 0; k < keys; k++) {
                producer.send(msg("F_ORDER", "T", k + ":" + i), (mqs, m, arg) -> mqs.get((Integer) arg % mqs.size()), k);
            }
        }
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        DefaultMQPushConsumer c = pushConsumer("CG_ORDER", "F_ORDER", "*");
        c.registerMessageListener((MessageListenerOrderly) (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                String[] parts = text(m).split(":");
                seen.computeIfAbsent(parts[0], x -> new CopyOnWriteArrayList<>()).add(Integer.parseInt(parts[1]));
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        c.start();
        Awaitility.await().atMost(WAIT).until(() -> seen.values().stream().mapToInt(List::size).sum() == keys * perKey);
        for (List<Integer> order : seen.values()) {
            for (int i = 0; i < order.size(); i++) {
                assertEquals(i, order.get(i), "per-key order: " + order);
            }
        }
    }

    @Test
    void twoClusteringConsumersSplitQueuesAndSeeEachMessageOnce() throws Exception {
        int count = 80;
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        Set<String> byFirst = ConcurrentHashMap.newKeySet();
        Set<String> bySecond = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer c1 = pushConsumer("CG_SPLIT", "F_SPLIT", "*");
        DefaultMQPushConsumer c2 = pushConsumer("CG_SPLIT", "F_SPLIT", "*");
        c1.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> {
                byFirst.add(text(m));
                deliveries.computeIfAbsent(text(m), x -> new AtomicInteger()).incrementAndGet();
            });
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c2.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> {
                bySecond.add(text(m));
                deliveries.computeIfAbsent(text(m), x -> new AtomicInteger()).incrementAndGet();
            });
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        producer.send(msg("F_SPLIT", "T", "create-topic"));
        c1.start();
        c2.start();
        Awaitility.await().atMost(WAIT).until(() -> deliveries.size() == 1);
        // Both members registered: the queues are split between them before the real load is sent.
        Awaitility.await().atMost(WAIT).until(() -> ownedQueues(c1, "F_SPLIT") + ownedQueues(c2, "F_SPLIT") == 4
            && ownedQueues(c1, "F_SPLIT") > 0 && ownedQueues(c2, "F_SPLIT") > 0);
        for (int i = 0; i < count; i++) {
            producer.send(msg("F_SPLIT", "T", "m-" + i));
        }
        Awaitility.await().atMost(WAIT).until(() -> deliveries.size() == count + 1);
        // The warm-up message may be seen twice: a queue that moves during the first rebalance is re-read from the
        // last committed offset (at-least-once). Once the split has settled every message is seen once.
        deliveries.remove("create-topic");
        assertTrue(deliveries.values().stream().allMatch(n -> n.get() == 1), deliveries.toString());
        assertTrue(byFirst.size() > 1 && bySecond.size() > 1, "both consumers got messages");
    }

    /** Queues of {@code topic} this consumer currently owns after rebalancing. */
    private static long ownedQueues(DefaultMQPushConsumer c, String topic) {
        return c.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable().keySet().stream()
            .filter(q -> q.getTopic().equals(topic)).count();
    }

    @Test
    void broadcastingDeliversEveryMessageToEveryConsumer() throws Exception {
        producer.send(msg("F_BCAST", "T", "create-topic"));
        Set<String> first = ConcurrentHashMap.newKeySet();
        Set<String> second = ConcurrentHashMap.newKeySet();
        List<DefaultMQPushConsumer> started = new ArrayList<>();
        for (Set<String> sink : List.of(first, second)) {
            DefaultMQPushConsumer c = pushConsumer("CG_BCAST", "F_BCAST", "*");
            c.setMessageModel(MessageModel.BROADCASTING);
            c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
            c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                msgs.forEach(m -> sink.add(text(m)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            c.start();
            started.add(c);
        }
        // Each broadcasting consumer owns every queue once it has settled where to start (the current end).
        Awaitility.await().atMost(WAIT).until(() -> started.stream().allMatch(c -> ownedQueues(c, "F_BCAST") == 4));
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            producer.send(msg("F_BCAST", "T", "b-" + i));
            sent.add("b-" + i);
        }
        Awaitility.await().atMost(WAIT).until(() -> first.containsAll(sent) && second.containsAll(sent));
    }

    @Test
    void litePullSubscribeAndAssignWithSeek() throws Exception {
        for (int i = 0; i < 12; i++) {
            producer.send(msg("F_LITE", "T", "l-" + i), (mqs, m, arg) -> mqs.get(0), null);
        }
        DefaultLitePullConsumer sub = new DefaultLitePullConsumer("CG_LITE_SUB");
        sub.setNamesrvAddr(cluster.namesrvAddr());
        sub.setInstanceName("lite-sub-" + System.nanoTime());
        sub.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        sub.subscribe("F_LITE", "*");
        sub.start();
        closers.add(sub::shutdown);
        Set<String> got = new HashSet<>();
        Awaitility.await().atMost(WAIT).until(() -> {
            sub.poll(500).forEach(m -> got.add(text(m)));
            return got.size() == 12;
        });

        DefaultLitePullConsumer assigned = new DefaultLitePullConsumer("CG_LITE_ASSIGN");
        assigned.setNamesrvAddr(cluster.namesrvAddr());
        assigned.setInstanceName("lite-assign-" + System.nanoTime());
        assigned.setAutoCommit(false);
        assigned.start();
        closers.add(assigned::shutdown);
        Collection<MessageQueue> queues = assigned.fetchMessageQueues("F_LITE");
        MessageQueue q0 = queues.stream().filter(q -> q.getQueueId() == 0).findFirst().orElseThrow();
        // assign() starts pulling at once and the official client's seek() can still deliver what a pull already
        // in flight returns; starting the group at the end of the queue keeps that first pull empty.
        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(cluster.namesrvAddr());
        admin.setInstanceName("lite-admin-" + System.nanoTime());
        admin.start();
        try {
            String brokerAddr = admin.examineTopicRouteInfo("F_LITE").getBrokerDatas().get(0).selectBrokerAddr();
            admin.updateConsumeOffset(brokerAddr, "CG_LITE_ASSIGN", q0, 12);
        } finally {
            admin.shutdown();
        }
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
        for (int i = 0; i < 10; i++) {
            producer.send(msg("F_OFF", "T", "first-" + i));
        }
        Set<String> got = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer c = pushConsumer("CG_OFF", "F_OFF", "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> got.add(text(m)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        Awaitility.await().atMost(WAIT).until(() -> got.size() == 10);
        c.shutdown(); // commits its offsets to the broker
        cluster.restartBroker();
        cluster.awaitRoute("F_OFF");
        for (int i = 0; i < 5; i++) {
            producer.send(msg("F_OFF", "T", "second-" + i));
        }
        List<String> again = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer c2 = pushConsumer("CG_OFF", "F_OFF", "*");
        c2.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> again.add(text(m)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c2.start();
        Awaitility.await().atMost(WAIT).until(() -> again.size() >= 5);
        assertTrue(again.stream().allMatch(s -> s.startsWith("second-")), again.toString());
    }

    @Test
    void brokerRestartLosesNoAcknowledgedMessage() throws Exception {
        Set<String> acked = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            SendResult r = producer.send(msg("F_DURABLE", "T", "d-" + i));
            if (r.getSendStatus() == SendStatus.SEND_OK) {
                acked.add("d-" + i);
            }
        }
        cluster.restartBroker();
        cluster.awaitRoute("F_DURABLE");
        Set<String> got = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer c = pushConsumer("CG_DURABLE", "F_DURABLE", "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> got.add(text(m)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        Awaitility.await().atMost(WAIT).until(() -> got.containsAll(acked));
        assertEquals(200, acked.size());
    }
}
