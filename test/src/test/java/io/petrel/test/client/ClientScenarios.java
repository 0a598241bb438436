package io.petrel.test.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.client.consumer.DefaultLitePullConsumer;
import io.petrel.client.consumer.DefaultMQPullConsumer;
import io.petrel.client.consumer.DefaultMQPushConsumer;
import io.petrel.client.consumer.PullCallback;
import io.petrel.client.consumer.PullResult;
import io.petrel.client.consumer.PullStatus;
import io.petrel.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.petrel.client.consumer.listener.ConsumeOrderlyStatus;
import io.petrel.client.consumer.listener.MessageListenerConcurrently;
import io.petrel.client.consumer.listener.MessageListenerOrderly;
import io.petrel.client.exception.RequestTimeoutException;
import io.petrel.client.producer.DefaultMQProducer;
import io.petrel.client.producer.RequestCallback;
import io.petrel.client.utils.MessageUtil;
import io.petrel.client.producer.LocalTransactionState;
import io.petrel.client.producer.SendCallback;
import io.petrel.client.producer.SendResult;
import io.petrel.client.producer.SendStatus;
import io.petrel.client.producer.TransactionListener;
import io.petrel.client.producer.TransactionMQProducer;
import io.petrel.client.producer.TransactionSendResult;
import io.petrel.common.heartbeat.ConsumeFromWhere;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.message.Message;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageQueue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an application does with Petrel's client: every kind of send, push consumption (clustering, broadcasting,
 * orderly, tags, retry), big bodies, queries and transactions. Run against a Petrel cluster and against an official
 * 4.9.7 NameServer and broker by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
abstract class ClientScenarios {
    /**
     * The brokers' delay levels: 4.9.7's first two (level 2 is what the delay scenario waits for), then 1 s, so that
     * retries (levels 3 and up) come back in a second instead of 10 s and more.
     */
    static final String DELAY_LEVELS = "1s 5s" + " 1s".repeat(16);

    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    private final List<AutoCloseable> closers = new ArrayList<>();
    private DefaultMQProducer producer;

    /** Starts the servers; @return the NameServer address. */
    abstract String startServers() throws Exception;

    abstract void stopServers();

    /** Stops the broker cleanly and starts it again on the same store and port. */
    abstract void restartBroker() throws Exception;

    String namesrvAddr;

    @BeforeAll
    void startAll() throws Exception {
        namesrvAddr = startServers();
        producer = new DefaultMQProducer("PCT_PRODUCER");
        configure(producer, "PCT_PRODUCER");
        producer.start();
    }

    @AfterAll
    void stopAll() {
        if (producer != null) {
            producer.shutdown();
        }
        stopServers();
    }

    @AfterEach
    void closeClients() throws Exception {
        for (int i = closers.size() - 1; i >= 0; i--) {
            closers.get(i).close();
        }
        closers.clear();
    }

    void configure(io.petrel.client.ClientConfig c, String name) {
        c.setNamesrvAddr(namesrvAddr);
        c.setInstanceName(name + "-" + System.nanoTime());
        c.setPollNameServerInterval(1000);
        c.setHeartbeatBrokerInterval(1000);
    }

    DefaultMQPushConsumer consumer(String group, String topic, String expression, MessageModel model,
                                   MessageListenerConcurrently listener) throws Exception {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
        configure(c, group);
        c.setMessageModel(model);
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe(topic, expression);
        c.registerMessageListener(listener);
        c.start();
        closers.add(c::shutdown);
        return c;
    }

    /** Sends one message synchronously until the topic exists (auto-created through TBW102). */
    void createTopic(String topic) {
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> producer.send(
            new Message(topic, "warm-up", "warm-up".getBytes(StandardCharsets.UTF_8))).getSendStatus()
            == SendStatus.SEND_OK);
    }

    static String body(MessageExt m) {
        return new String(m.getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void everySendKindReachesAClusteringConsumerOnce() throws Exception {
        String topic = "PCT_KINDS";
        createTopic(topic);
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        consumer("PCT_KINDS_CG", topic, "*", MessageModel.CLUSTERING, (msgs, ctx) -> {
            msgs.forEach(m -> seen.computeIfAbsent(body(m), k -> new AtomicInteger()).incrementAndGet());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        Set<String> expected = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 10; i++) {
            SendResult r = producer.send(new Message(topic, "TagA", "sync-" + i, ("sync-" + i).getBytes()));
            assertEquals(SendStatus.SEND_OK, r.getSendStatus());
            assertTrue(r.getMsgId().length() == 32 || r.getMsgId().length() == 56, r.getMsgId());
            assertEquals(32, r.getOffsetMsgId().length());
            expected.add("sync-" + i);
        }
        AtomicInteger asyncOk = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            producer.send(new Message(topic, ("async-" + i).getBytes()), new SendCallback() {
                @Override
                public void onSuccess(SendResult sendResult) {
                    asyncOk.incrementAndGet();
                }

                @Override
                public void onException(Throwable e) {
                }
            });
            expected.add("async-" + i);
        }
        for (int i = 0; i < 10; i++) {
            producer.sendOneway(new Message(topic, ("oneway-" + i).getBytes()));
            expected.add("oneway-" + i);
        }
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(new Message(topic, "TagB", "batch-" + i, ("batch-" + i).getBytes()));
            expected.add("batch-" + i);
        }
        SendResult batchResult = producer.send(batch);
        assertEquals(SendStatus.SEND_OK, batchResult.getSendStatus());
        assertEquals(10, batchResult.getMsgId().split(",").length);
        Awaitility.await().atMost(WAIT).until(() -> asyncOk.get() == 10);
        Awaitility.await().atMost(WAIT).until(() -> seen.keySet().containsAll(expected));
        for (String b : expected) {
            assertEquals(1, seen.get(b).get(), "delivered once: " + b);
        }
    }

    @Test
    void tagExpressionFiltersAndBigBodiesArriveByteExact() throws Exception {
        String topic = "PCT_TAGS";
        createTopic(topic);
        Random random = new Random(42);
        byte[] oneMiB = new byte[1024 * 1024];
        random.nextBytes(oneMiB);
        byte[] almostFour = new byte[(int) (3.9 * 1024 * 1024)];
        random.nextBytes(almostFour);
        byte[] compressible = "abc".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> received = new ConcurrentHashMap<>();
        consumer("PCT_TAGS_CG", topic, "TagA || TagC", MessageModel.CLUSTERING, (msgs, ctx) -> {
            msgs.forEach(m -> received.put(m.getKeys(), m.getBody()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        producer.send(new Message(topic, "TagA", "big1", oneMiB));
        producer.send(new Message(topic, "TagB", "skipped", "b".getBytes()));
        producer.send(new Message(topic, "TagC", "big4", almostFour));
        producer.send(new Message(topic, "TagA", "zip", compressible));
        Awaitility.await().atMost(WAIT).until(() -> received.size() >= 3);
        assertArrayEquals(oneMiB, received.get("big1"));
        assertArrayEquals(almostFour, received.get("big4"));
        assertArrayEquals(compressible, received.get("zip"));
        assertFalse(received.containsKey("skipped"));
    }

    @Test
    void orderlyConsumerSeesEachKeyInSendOrder() throws Exception {
        String topic = "PCT_ORDER";
        createTopic(topic);
        Map<Integer, List<Integer>> byKey = new ConcurrentHashMap<>();
        DefaultMQPushConsumer c = new DefaultMQPushConsumer("PCT_ORDER_CG");
        configure(c, "PCT_ORDER_CG");
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe(topic, "TagO");
        c.registerMessageListener((MessageListenerOrderly) (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                String[] parts = body(m).split(":");
                byKey.computeIfAbsent(Integer.parseInt(parts[0]), k -> new CopyOnWriteArrayList<>())
                    .add(Integer.parseInt(parts[1]));
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        c.start();
        closers.add(c::shutdown);
        for (int seq = 0; seq < 20; seq++) {
            for (int key = 0; key < 4; key++) {
                SendResult r = producer.send(new Message(topic, "TagO", (key + ":" + seq).getBytes()),
                    (mqs, msg, arg) -> mqs.get((Integer) arg % mqs.size()), key);
                assertEquals(SendStatus.SEND_OK, r.getSendStatus());
            }
        }
        Awaitility.await().atMost(WAIT).until(() -> byKey.values().stream().mapToInt(List::size).sum() >= 80);
        for (List<Integer> seqs : byKey.values()) {
            List<Integer> sorted = new ArrayList<>(seqs);
            sorted.sort(null);
            assertEquals(sorted, seqs, "per-key order");
        }
    }

    @Test
    void broadcastingDeliversToEveryConsumerAndClusteringSplits() throws Exception {
        String topic = "PCT_SPREAD";
        createTopic(topic);
        Set<String> a = ConcurrentHashMap.newKeySet();
        Set<String> b = ConcurrentHashMap.newKeySet();
        consumer("PCT_BCAST", topic, "TagS", MessageModel.BROADCASTING, (msgs, ctx) -> {
            msgs.forEach(m -> a.add(body(m)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer("PCT_BCAST", topic, "TagS", MessageModel.BROADCASTING, (msgs, ctx) -> {
            msgs.forEach(m -> b.add(body(m)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        Map<String, AtomicInteger> split = new ConcurrentHashMap<>();
        List<DefaultMQPushConsumer> members = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            members.add(consumer("PCT_SPLIT", topic, "TagS", MessageModel.CLUSTERING, (msgs, ctx) -> {
                msgs.forEach(m -> split.computeIfAbsent(body(m), k -> new AtomicInteger()).incrementAndGet());
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            }));
        }
        Awaitility.await().atMost(WAIT).until(() -> ownsQueues(members.get(0), topic)
            && ownsQueues(members.get(1), topic));
        for (int i = 0; i < 40; i++) {
            producer.send(new Message(topic, "TagS", ("s-" + i).getBytes()));
        }
        Awaitility.await().atMost(WAIT).until(() -> a.size() == 40 && b.size() == 40 && split.size() == 40);
        split.forEach((k, v) -> assertEquals(1, v.get(), "clustering delivers once: " + k));
    }

    /** Whether the consumer holds some of the topic's queues after its rebalance. */
    static boolean ownsQueues(DefaultMQPushConsumer c, String topic) {
        return c.getDefaultMQPushConsumerImpl().rebalance().getProcessQueueTable().keySet().stream()
            .anyMatch(mq -> mq.topic().equals(topic));
    }

    @Test
    void failedMessageComesBackThroughTheRetryTopic() throws Exception {
        String topic = "PCT_RETRY";
        createTopic(topic);
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        consumer("PCT_RETRY_CG", topic, "TagR", MessageModel.CLUSTERING, (msgs, ctx) -> {
            MessageExt m = msgs.get(0);
            attempts.add(m.getReconsumeTimes());
            ctx.setDelayLevelWhenNextConsume(1);
            return m.getReconsumeTimes() == 0 ? ConsumeConcurrentlyStatus.RECONSUME_LATER
                : ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        producer.send(new Message(topic, "TagR", "again", "retry-me".getBytes()));
        Awaitility.await().atMost(WAIT).until(() -> attempts.contains(1));
        assertEquals(0, attempts.get(0));
    }

    @Test
    void messagesAreFoundByOffsetIdAndByKey() throws Exception {
        String topic = "PCT_QUERY";
        createTopic(topic);
        String key = "key-" + System.nanoTime();
        SendResult r = producer.send(new Message(topic, "TagQ", key, "find-me".getBytes()));
        MessageExt byId = producer.viewMessage(r.getOffsetMsgId());
        assertEquals("find-me", body(byId));
        assertEquals(r.getMsgId(), byId.getMsgId());
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() ->
            producer.queryMessage(topic, key, 10, 0, Long.MAX_VALUE).getMessageList().size() == 1);
        MessageExt byUniq = producer.viewMessage(topic, r.getMsgId());
        assertNotNull(byUniq);
        assertEquals("find-me", body(byUniq));
    }

    @Test
    void transactionsCommitRollBackAndAnswerChecks() throws Exception {
        String topic = "PCT_TX";
        createTopic(topic);
        Set<String> delivered = ConcurrentHashMap.newKeySet();
        consumer("PCT_TX_CG", topic, "*", MessageModel.CLUSTERING, (msgs, ctx) -> {
            msgs.forEach(m -> delivered.add(body(m)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        TransactionMQProducer tx = new TransactionMQProducer("PCT_TX_PG");
        configure(tx, "PCT_TX_PG");
        AtomicInteger checks = new AtomicInteger();
        tx.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return (LocalTransactionState) arg;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                checks.incrementAndGet();
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        tx.start();
        closers.add(tx::shutdown);
        TransactionSendResult commit = tx.sendMessageInTransaction(new Message(topic, "commit".getBytes()),
            LocalTransactionState.COMMIT_MESSAGE);
        assertEquals(LocalTransactionState.COMMIT_MESSAGE, commit.getLocalTransactionState());
        tx.sendMessageInTransaction(new Message(topic, "rollback".getBytes()), LocalTransactionState.ROLLBACK_MESSAGE);
        tx.sendMessageInTransaction(new Message(topic, "checked".getBytes()), LocalTransactionState.UNKNOW);
        producer.send(new Message(topic, "plain".getBytes()));
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> delivered.contains("checked"));
        assertTrue(delivered.contains("commit"));
        assertTrue(delivered.contains("plain"));
        assertFalse(delivered.contains("rollback"));
        assertTrue(checks.get() >= 1);
    }
    @Test
    void litePullSubscribeReceivesEverythingAndAssignSeeksBack() throws Exception {
        String topic = "PCT_LITE";
        createTopic(topic);
        for (int i = 0; i < 30; i++) {
            producer.send(new Message(topic, "TagL", ("lite-" + i).getBytes()));
        }
        DefaultLitePullConsumer sub = new DefaultLitePullConsumer("PCT_LITE_SUB");
        configure(sub, "PCT_LITE_SUB");
        sub.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        sub.subscribe(topic, "TagL");
        sub.start();
        closers.add(sub::shutdown);
        Set<String> got = ConcurrentHashMap.newKeySet();
        Awaitility.await().atMost(WAIT).until(() -> {
            sub.poll(500).forEach(m -> got.add(body(m)));
            return got.size() == 30;
        });

        DefaultLitePullConsumer assign = new DefaultLitePullConsumer("PCT_LITE_ASSIGN");
        configure(assign, "PCT_LITE_ASSIGN");
        assign.setAutoCommit(false);
        // A seek takes effect when the queue's pull in flight returns: held at most 1 s by the broker, not 20 s.
        assign.setBrokerSuspendMaxTimeMillis(1000);
        assign.start();
        closers.add(assign::shutdown);
        List<MessageQueue> queues = new ArrayList<>(assign.fetchMessageQueues(topic));
        assign.assign(queues);
        for (MessageQueue mq : queues) {
            assign.seekToBegin(mq);
        }
        List<MessageExt> all = new CopyOnWriteArrayList<>();
        Awaitility.await().atMost(WAIT).until(() -> {
            all.addAll(assign.poll(500));
            return all.stream().filter(m -> body(m).startsWith("lite-")).count() == 30;
        });
        MessageExt last = all.get(all.size() - 1);
        MessageQueue lastQueue = new MessageQueue(topic, queues.get(0).brokerName(), last.getQueueId());
        assign.seek(lastQueue, last.getQueueOffset());
        Awaitility.await().atMost(WAIT).until(() -> assign.poll(500).stream()
            .anyMatch(m -> m.getQueueOffset() == last.getQueueOffset() && body(m).equals(body(last))));
        assign.commitSync();
        Awaitility.await().atMost(WAIT).until(() -> assign.committed(lastQueue) == last.getQueueOffset() + 1);
    }

    @Test
    void pullConsumerReadsEachStatusAndKeepsTheOffsetsItRecords() throws Exception {
        String topic = "PCT_PULL";
        createTopic(topic);
        DefaultMQPullConsumer pull = new DefaultMQPullConsumer("PCT_PULL_CG");
        configure(pull, "PCT_PULL_CG");
        pull.start();
        closers.add(pull::shutdown);
        MessageQueue mq = new MessageQueue(topic, pull.fetchSubscribeMessageQueues(topic).iterator().next()
            .brokerName(), 0);
        long start = pull.maxOffset(mq);
        for (int i = 0; i < 6; i++) {
            producer.send(new Message(topic, i % 2 == 0 ? "TagE" : "TagO", ("pull-" + i).getBytes()),
                (mqs, msg, arg) -> mqs.stream().filter(q -> q.queueId() == 0).findFirst().orElseThrow(), null);
        }
        Awaitility.await().atMost(WAIT).until(() -> pull.maxOffset(mq) == start + 6);

        PullResult all = pull.pull(mq, "*", start, 32);
        assertEquals(PullStatus.FOUND, all.getPullStatus());
        assertEquals(List.of("pull-0", "pull-1", "pull-2", "pull-3", "pull-4", "pull-5"),
            all.getMsgFoundList().stream().map(ClientScenarios::body).toList());
        assertEquals(start + 6, all.getNextBeginOffset());
        assertEquals(Long.toString(start + 6), all.getMsgFoundList().get(0).getProperty("MAX_OFFSET"));

        PullResult even = pull.pull(mq, "TagE", start, 32);
        assertEquals(PullStatus.FOUND, even.getPullStatus());
        assertEquals(List.of("pull-0", "pull-2", "pull-4"),
            even.getMsgFoundList().stream().map(ClientScenarios::body).toList());

        assertEquals(PullStatus.NO_NEW_MSG, pull.pull(mq, "*", start + 6, 32).getPullStatus());
        PullResult beyond = pull.pull(mq, "*", start + 100, 32);
        assertEquals(PullStatus.OFFSET_ILLEGAL, beyond.getPullStatus());
        assertEquals(start + 6, beyond.getNextBeginOffset());

        // A pull the broker holds returns the message that arrives while it waits.
        CompletableFuture<PullResult> held = CompletableFuture.supplyAsync(() -> {
            try {
                return pull.pullBlockIfNotFound(mq, "*", start + 6, 32);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        producer.send(new Message(topic, "TagE", "pull-late".getBytes()),
            (mqs, msg, arg) -> mqs.stream().filter(q -> q.queueId() == 0).findFirst().orElseThrow(), null);
        PullResult late = held.get(60, TimeUnit.SECONDS);
        assertEquals(PullStatus.FOUND, late.getPullStatus());
        assertEquals("pull-late", body(late.getMsgFoundList().get(0)));

        CompletableFuture<PullResult> async = new CompletableFuture<>();
        pull.pull(mq, "TagO", start, 32, new PullCallback() {
            @Override
            public void onSuccess(PullResult pullResult) {
                async.complete(pullResult);
            }

            @Override
            public void onException(Throwable e) {
                async.completeExceptionally(e);
            }
        });
        assertEquals(List.of("pull-1", "pull-3", "pull-5"), async.get(60, TimeUnit.SECONDS).getMsgFoundList()
            .stream().map(ClientScenarios::body).toList());

        pull.updateConsumeOffset(mq, start + 4);
        assertEquals(start + 4, pull.fetchConsumeOffset(mq, false));
        pull.shutdown();
        DefaultMQPullConsumer again = new DefaultMQPullConsumer("PCT_PULL_CG");
        configure(again, "PCT_PULL_CG");
        again.start();
        closers.add(again::shutdown);
        assertEquals(start + 4, again.fetchConsumeOffset(mq, true), "the recorded offset is committed on shutdown");
    }

    @Test
    void consumerRestartResumesFromCommittedOffsets() throws Exception {
        String topic = "PCT_RESUME";
        createTopic(topic);
        Set<String> first = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer c1 = consumer("PCT_RESUME_CG", topic, "TagX", MessageModel.CLUSTERING, (msgs, ctx) -> {
            msgs.forEach(m -> first.add(body(m)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        for (int i = 0; i < 20; i++) {
            producer.send(new Message(topic, "TagX", ("before-" + i).getBytes()));
        }
        Awaitility.await().atMost(WAIT).until(() -> first.size() == 20);
        c1.shutdown();
        for (int i = 0; i < 20; i++) {
            producer.send(new Message(topic, "TagX", ("after-" + i).getBytes()));
        }
        Set<String> second = ConcurrentHashMap.newKeySet();
        consumer("PCT_RESUME_CG", topic, "TagX", MessageModel.CLUSTERING, (msgs, ctx) -> {
            msgs.forEach(m -> second.add(body(m)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        Awaitility.await().atMost(WAIT).until(() -> second.stream().filter(b -> b.startsWith("after-")).count() == 20);
        assertTrue(second.stream().noneMatch(b -> b.startsWith("before-")), "committed messages not redelivered");
    }
    @Test
    void officialAndPetrelClientsShareATopic() throws Exception {
        String topic = "PCT_MIXED";
        createTopic(topic);
        Set<String> petrelGot = ConcurrentHashMap.newKeySet();
        consumer("PCT_MIXED_PETREL", topic, "TagM", MessageModel.CLUSTERING, (msgs, ctx) -> {
            msgs.forEach(m -> petrelGot.add(body(m) + "|" + m.getKeys() + "|" + m.getUserProperty("origin")));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        Set<String> officialGot = ConcurrentHashMap.newKeySet();
        org.apache.rocketmq.client.consumer.DefaultMQPushConsumer official =
            new org.apache.rocketmq.client.consumer.DefaultMQPushConsumer("PCT_MIXED_OFFICIAL");
        official.setNamesrvAddr(namesrvAddr);
        official.setInstanceName("PCT_MIXED_OFFICIAL-" + System.nanoTime());
        official.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        official.subscribe(topic, "TagM");
        official.registerMessageListener(
            (org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently) (msgs, ctx) -> {
                msgs.forEach(m -> officialGot.add(new String(m.getBody(), StandardCharsets.UTF_8) + "|"
                    + m.getKeys() + "|" + m.getUserProperty("origin")));
                return org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
        official.start();
        closers.add(official::shutdown);
        org.apache.rocketmq.client.producer.DefaultMQProducer officialProducer =
            new org.apache.rocketmq.client.producer.DefaultMQProducer("PCT_MIXED_OFFICIAL_PG");
        officialProducer.setNamesrvAddr(namesrvAddr);
        officialProducer.setInstanceName("PCT_MIXED_OFFICIAL_PG-" + System.nanoTime());
        officialProducer.start();
        closers.add(officialProducer::shutdown);
        Set<String> expected = new java.util.HashSet<>();
        for (int i = 0; i < 10; i++) {
            Message m = new Message(topic, "TagM", "pk" + i, ("from-petrel-" + i).getBytes());
            m.putUserProperty("origin", "petrel");
            producer.send(m);
            expected.add("from-petrel-" + i + "|pk" + i + "|petrel");
            org.apache.rocketmq.common.message.Message o = new org.apache.rocketmq.common.message.Message(topic,
                "TagM", "ok" + i, ("from-official-" + i).getBytes());
            o.putUserProperty("origin", "official");
            officialProducer.send(o);
            expected.add("from-official-" + i + "|ok" + i + "|official");
        }
        Awaitility.await().atMost(WAIT).until(() -> petrelGot.containsAll(expected)
            && officialGot.containsAll(expected));
        assertEquals(expected, petrelGot);
        assertEquals(expected, officialGot);
    }

    @Test
    void messagesOutOfRetriesGoToTheDeadLetterQueue() throws Exception {
        String topic = "PCT_DLQ";
        createTopic(topic);
        AtomicInteger attempts = new AtomicInteger();
        DefaultMQPushConsumer c = new DefaultMQPushConsumer("PCT_DLQ_CG");
        configure(c, "PCT_DLQ_CG");
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setMaxReconsumeTimes(1);
        c.subscribe(topic, "TagD");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            attempts.incrementAndGet();
            ctx.setDelayLevelWhenNextConsume(1);
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        });
        c.start();
        closers.add(c::shutdown);
        String key = "dead-" + System.nanoTime();
        producer.send(new Message(topic, "TagD", key, "never-ok".getBytes()));
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> producer.queryMessage(
            "%DLQ%PCT_DLQ_CG", key, 4, 0, Long.MAX_VALUE).getMessageList().stream()
            .anyMatch(m -> body(m).equals("never-ok")));
        assertEquals(2, attempts.get(), "first delivery and one retry");
    }

    @Test
    void delayedMessageArrivesAfterItsLevel() throws Exception {
        String topic = "PCT_DELAY";
        createTopic(topic);
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        consumer("PCT_DELAY_CG", topic, "TagY", MessageModel.CLUSTERING, (msgs, ctx) -> {
            msgs.forEach(m -> arrived.put(body(m), System.currentTimeMillis()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        Message delayed = new Message(topic, "TagY", "later".getBytes());
        delayed.setDelayTimeLevel(2);
        long sent = System.currentTimeMillis();
        producer.send(delayed);
        Awaitility.await().atMost(WAIT).until(() -> arrived.containsKey("later"));
        assertTrue(arrived.get("later") - sent >= 4_500, "level 2 waits about 5 s");
    }

    @Test
    void rebalanceUnderChurnLosesNothing() throws Exception {
        String topic = "PCT_CHURN";
        createTopic(topic);
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        MessageListenerConcurrently count = (msgs, ctx) -> {
            msgs.forEach(m -> seen.computeIfAbsent(body(m), k -> new AtomicInteger()).incrementAndGet());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        };
        consumer("PCT_CHURN_CG", topic, "TagC", MessageModel.CLUSTERING, count);
        DefaultMQPushConsumer leaving = consumer("PCT_CHURN_CG", topic, "TagC", MessageModel.CLUSTERING, count);
        Awaitility.await().atMost(WAIT).until(() -> ownsQueues(leaving, topic));
        int total = 600;
        for (int i = 0; i < total; i++) {
            producer.send(new Message(topic, "TagC", ("c-" + i).getBytes()));
            if (i == 200) {
                DefaultMQPushConsumer joining = consumer("PCT_CHURN_CG", topic, "TagC", MessageModel.CLUSTERING,
                    count);
                Awaitility.await().atMost(WAIT).until(() -> ownsQueues(joining, topic));
            }
            if (i == 400) {
                leaving.shutdown();
            }
        }
        Awaitility.await().atMost(WAIT).until(() -> seen.size() == total);
        long duplicates = seen.values().stream().mapToInt(AtomicInteger::get).filter(n -> n > 1).count();
        assertTrue(duplicates <= 100, "duplicates bounded by the in-flight window: " + duplicates);
    }
    @Test
    void requestGetsTheReplyOfAConsumer() throws Exception {
        String topic = "PCT_RPC";
        createTopic(topic);
        DefaultMQProducer replier = new DefaultMQProducer("PCT_RPC_REPLIER");
        configure(replier, "PCT_RPC_REPLIER");
        replier.start();
        closers.add(replier::shutdown);
        consumer("PCT_RPC_CG", topic, "*", MessageModel.CLUSTERING, (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                try {
                    Message reply = MessageUtil.createReplyMessage(m, ("re:" + body(m)).getBytes());
                    replier.send(reply);
                } catch (Exception e) {
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        Message answer = Awaitility.await().atMost(WAIT).ignoreExceptions()
            .until(() -> producer.request(new Message(topic, "ping".getBytes()), 3000), m -> m != null);
        assertEquals("re:ping", new String(answer.getBody(), StandardCharsets.UTF_8));

        java.util.concurrent.CompletableFuture<Message> async = new java.util.concurrent.CompletableFuture<>();
        producer.request(new Message(topic, "pong".getBytes()), new RequestCallback() {
            @Override
            public void onSuccess(Message message) {
                async.complete(message);
            }

            @Override
            public void onException(Throwable e) {
                async.completeExceptionally(e);
            }
        }, 5000);
        assertEquals("re:pong", new String(async.get(10, java.util.concurrent.TimeUnit.SECONDS).getBody(),
            StandardCharsets.UTF_8));
    }

    @Test
    void requestWithoutReplierTimesOut() throws Exception {
        String topic = "PCT_RPC_NOBODY";
        createTopic(topic);
        long begin = System.currentTimeMillis();
        RequestTimeoutException e = org.junit.jupiter.api.Assertions.assertThrows(RequestTimeoutException.class,
            () -> producer.request(new Message(topic, "anyone?".getBytes()), 1000));
        assertEquals(io.petrel.client.ClientErrorCode.REQUEST_TIMEOUT_EXCEPTION, e.getResponseCode());
        assertTrue(System.currentTimeMillis() - begin >= 900);
    }

    @Test
    void consumerCarriesOnAcrossABrokerRestartWithoutRedelivery() throws Exception {
        String topic = "PCT_BROKER_RESTART";
        createTopic(topic);
        Set<String> got = ConcurrentHashMap.newKeySet();
        consumer("PCT_BROKER_RESTART_CG", topic, "TagB", MessageModel.CLUSTERING, (msgs, ctx) -> {
            msgs.forEach(m -> {
                if (!got.add(body(m))) {
                    got.add("DUPLICATE " + body(m));
                }
            });
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        for (int i = 0; i < 20; i++) {
            producer.send(new Message(topic, "TagB", ("before-" + i).getBytes()));
        }
        Awaitility.await().atMost(WAIT).until(() -> got.size() == 20);
        restartBroker();
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> {
            producer.send(new Message(topic, "TagB", ("after-" + System.nanoTime()).getBytes()));
            return got.stream().anyMatch(b -> b.startsWith("after-"));
        });
        assertTrue(got.stream().noneMatch(b -> b.startsWith("DUPLICATE")), "no message consumed twice: " + got);
    }
}
