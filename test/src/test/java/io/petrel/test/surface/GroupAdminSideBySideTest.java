package io.petrel.test.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.test.official.OfficialMqAdmin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.admin.ConsumeStats;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.common.protocol.body.CMResult;
import org.apache.rocketmq.common.protocol.body.ConsumeMessageDirectlyResult;
import org.apache.rocketmq.common.protocol.body.ProducerInfo;
import org.apache.rocketmq.common.protocol.body.ProducerTableInfo;
import org.apache.rocketmq.common.protocol.body.QueryCorrectionOffsetBody;
import org.apache.rocketmq.common.protocol.header.CloneGroupOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetAllProducerInfoRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetConsumeStatsRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetMaxOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetMaxOffsetResponseHeader;
import org.apache.rocketmq.common.protocol.header.QueryCorrectionOffsetHeader;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
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
 * Values of the group, offset, producer and transaction admin requests, where {@link GroupSurfaceCases}' shape
 * comparison is not enough: each scenario runs on an official 4.9.7 broker and on Petrel, driven by the official
 * admin API (and consumers of both client libraries), and the two outcomes are compared.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(300)
class GroupAdminSideBySideTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DIRECT = "GA_DIRECT";
    private static final String CORR = "GA_CORR";
    private static final String OFFICIAL_GROUP = "CG_GA_OFFICIAL";
    private static final String PETREL_GROUP = "CG_GA_PETREL";
    private static final int DIRECT_MESSAGES = 4;

    /** One broker of the comparison with what the scenarios need of it. */
    private record Side(String name, String namesrv, String brokerAddr, String brokerName, DefaultMQAdminExt admin) {
    }

    /** A message a listener got and the broker name its queue carried. */
    private record Consumed(String body, String brokerName) {
    }

    @TempDir
    static Path dir;
    private SideBySide sides;
    private final List<Side> both = new ArrayList<>();
    private final List<AutoCloseable> closers = new CopyOnWriteArrayList<>();
    private final Map<String, List<Consumed>> consumed = new ConcurrentHashMap<>();

    @BeforeAll
    void start() throws Exception {
        List<String> tx = List.of("transactionCheckInterval=1000", "transactionTimeOut=1000", "transactionCheckMax=2");
        Properties petrelTx = new Properties();
        tx.forEach(line -> petrelTx.setProperty(line.split("=")[0], line.split("=")[1]));
        sides = SideBySide.start(dir, tx, petrelTx);
        both.add(new Side("official", sides.officialNamesrvAddr(), sides.officialBrokerAddr(),
            SideBySide.OFFICIAL_BROKER, admin(sides.officialNamesrvAddr())));
        both.add(new Side("petrel", sides.petrelNamesrvAddr(), sides.petrelBrokerAddr(), SideBySide.PETREL_BROKER,
            admin(sides.petrelNamesrvAddr())));
        sides.sendToBoth(DIRECT, "TagD", "d", DIRECT_MESSAGES);
        sides.sendToBoth(CORR, "TagC", "c", 8);
        sides.awaitRoutes(DIRECT);
        sides.awaitRoutes(CORR);
        for (Side s : both) {
            officialConsumer(s, OFFICIAL_GROUP);
            petrelConsumer(s);
        }
        Awaitility.await().atMost(WAIT).until(() -> consumed.values().stream()
            .allMatch(list -> list.size() >= DIRECT_MESSAGES));
    }

    @AfterAll
    void stop() {
        for (int i = closers.size() - 1; i >= 0; i--) {
            try {
                closers.get(i).close();
            } catch (Exception ignored) {
                // the rest must still stop
            }
        }
        if (sides != null) {
            sides.close();
        }
    }

    private DefaultMQAdminExt admin(String namesrv) throws MQClientException {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(10_000);
        admin.setNamesrvAddr(namesrv);
        admin.setInstanceName("ga-admin-" + System.nanoTime());
        admin.start();
        closers.add(admin::shutdown);
        return admin;
    }

    private List<Consumed> record(String key) {
        List<Consumed> list = new CopyOnWriteArrayList<>();
        consumed.put(key, list);
        return list;
    }

    private DefaultMQPushConsumer officialConsumer(Side s, String group) throws MQClientException {
        List<Consumed> got = record(s.name() + "/" + group);
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
        c.setNamesrvAddr(s.namesrv());
        c.setInstanceName("ga-" + group + "-" + System.nanoTime());
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe(DIRECT, "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> got.add(new Consumed(new String(m.getBody(), StandardCharsets.UTF_8),
                ctx.getMessageQueue().getBrokerName())));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        closers.add(c::shutdown);
        return c;
    }

    private void petrelConsumer(Side s) throws Exception {
        List<Consumed> got = record(s.name() + "/" + PETREL_GROUP);
        io.petrel.client.consumer.DefaultMQPushConsumer c = new io.petrel.client.consumer.DefaultMQPushConsumer(
            PETREL_GROUP);
        c.setNamesrvAddr(s.namesrv());
        c.setInstanceName("ga-petrel-" + System.nanoTime());
        c.setConsumeFromWhere(io.petrel.common.heartbeat.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe(DIRECT, "*");
        c.registerMessageListener((io.petrel.client.consumer.listener.MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> got.add(new Consumed(new String(m.getBody(), StandardCharsets.UTF_8),
                ctx.getMessageQueue().brokerName())));
            return io.petrel.client.consumer.listener.ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        closers.add(c::shutdown);
    }

    private static String clientIdOf(Side s, String group) throws Exception {
        return s.admin().examineConsumerConnectionInfo(group).getConnectionSet().iterator().next().getClientId();
    }

    private SendResult send(Side s, String topic, String body) throws Exception {
        var producer = s.name().equals("official") ? sides.officialSideProducer() : sides.petrelSideProducer();
        return producer.send(new Message(topic, "TagD", body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void consumeMessageDirectlyReachesOfficialAndPetrelConsumersWithTheStoredMessage() throws Exception {
        for (Side s : both) {
            for (String group : List.of(OFFICIAL_GROUP, PETREL_GROUP)) {
                String body = "direct-" + s.name() + "-" + group;
                SendResult sent = send(s, DIRECT, body);
                List<Consumed> got = consumed.get(s.name() + "/" + group);
                Awaitility.await().atMost(WAIT).until(() -> got.stream().anyMatch(c -> c.body().equals(body)));
                ConsumeMessageDirectlyResult r = s.admin().consumeMessageDirectly(group, clientIdOf(s, group), DIRECT,
                    sent.getMsgId());
                String what = s.name() + " broker, " + group;
                assertEquals(CMResult.CR_SUCCESS, r.getConsumeResult(), what + ": " + r);
                assertEquals(false, r.isOrder(), what);
                assertEquals(true, r.isAutoCommit(), what);
                assertEquals(2, got.stream().filter(c -> c.body().equals(body)).count(), what + ": consumed again");
                assertTrue(got.stream().filter(c -> c.body().equals(body))
                    .allMatch(c -> c.brokerName().equals(s.brokerName())), what + ": broker name " + got);
            }
        }
    }

    @Test
    void officialMqAdminQueryMsgByIdPushesAMessageToAConsumerOfPetrel() throws Exception {
        Side petrel = both.get(1);
        send(both.get(0), DIRECT, "mqadmin-push"); // keeps the two sides' queues alike
        SendResult sent = send(petrel, DIRECT, "mqadmin-push");
        List<Consumed> got = consumed.get("petrel/" + OFFICIAL_GROUP);
        Awaitility.await().atMost(WAIT).until(() -> got.stream().anyMatch(c -> c.body().equals("mqadmin-push")));
        OfficialMqAdmin.Result r = OfficialMqAdmin.run(dir.resolve("mqadmin"), "queryMsgById", "-n", petrel.namesrv(),
            "-i", sent.getOffsetMsgId(), "-g", OFFICIAL_GROUP, "-d", clientIdOf(petrel, OFFICIAL_GROUP));
        assertTrue(r.output().contains("consumeResult=CR_SUCCESS"), r.output());
        assertEquals(2, got.stream().filter(c -> c.body().equals("mqadmin-push")).count());
    }

    /** Queue id to offset, per client, in a form both sides can be compared in. */
    private static Map<String, Map<Integer, Long>> byQueue(Map<String, Map<MessageQueue, Long>> status) {
        Map<String, Map<Integer, Long>> out = new TreeMap<>();
        status.forEach((client, table) -> {
            Map<Integer, Long> queues = new TreeMap<>();
            table.forEach((mq, offset) -> queues.put(mq.getQueueId(), offset));
            out.put(client.contains("ga-petrel") ? "petrel-client" : "official-client", queues);
        });
        return out;
    }

    @Test
    void consumerStatusAsksEachClientLibraryForItsOffsets() throws Exception {
        for (String group : List.of(OFFICIAL_GROUP, PETREL_GROUP)) {
            Awaitility.await().atMost(WAIT).untilAsserted(() -> {
                List<Map<String, Map<Integer, Long>>> answers = new ArrayList<>();
                for (Side s : both) {
                    answers.add(byQueue(s.admin().getConsumeStatus(DIRECT, group, "")));
                    assertEquals(byQueue(s.admin().getConsumeStatus(DIRECT, group, clientIdOf(s, group))),
                        answers.get(answers.size() - 1), s.name() + " " + group + ": one client named");
                }
                // The producers spread messages over the queues from different starting queues: compare totals.
                for (int i = 0; i < both.size(); i++) {
                    String what = both.get(i).name() + " " + group;
                    assertEquals(answers.get(0).keySet(), answers.get(i).keySet(), what);
                    assertEquals(1, answers.get(i).size(), what);
                    Map<Integer, Long> offsets = answers.get(i).values().iterator().next();
                    assertEquals(4, offsets.size(), what + ": four queues");
                    assertEquals(messagesIn(both.get(i), DIRECT), offsets.values().stream().mapToLong(o -> o).sum(),
                        what + ": everything consumed");
                }
            });
        }
    }

    /** Last: a reset makes the group consume everything again, which the other scenarios do not expect. */
    @Test
    @Order(Integer.MAX_VALUE)
    void resetOffsetRewindsOnlineClientsAndOfflineGroupsFallBackToTheOldWay() throws Exception {
        // The 4.9.7 client pauses 10 s on each reset it is told of: the two sides run at once.
        onBothAtOnce(this::resetOnlineThenOffline);
    }

    private void resetOnlineThenOffline(Side s) throws Exception {
        List<Consumed> got = consumed.get(s.name() + "/" + OFFICIAL_GROUP);
        Awaitility.await().atMost(WAIT).until(() -> got.size() >= DIRECT_MESSAGES);
        int before = got.size();
        long stored = messagesIn(s, DIRECT);
        Map<MessageQueue, Long> kept = s.admin().resetOffsetByTimestamp(DIRECT, OFFICIAL_GROUP, -1, false);
        assertEquals(4, kept.size(), s.name());
        Map<MessageQueue, Long> rewound = s.admin().resetOffsetByTimestamp(DIRECT, OFFICIAL_GROUP, 0, true);
        assertTrue(rewound.values().stream().allMatch(o -> o == 0), s.name() + ": " + rewound);
        Awaitility.await().atMost(WAIT).until(() -> got.size() >= before + stored);

        DefaultMQPushConsumer offline = officialConsumer(s, "CG_GA_OFFLINE");
        List<Consumed> offlineGot = consumed.get(s.name() + "/CG_GA_OFFLINE");
        Awaitility.await().atMost(WAIT).until(() -> offlineGot.size() >= stored);
        offline.shutdown();
        MQClientException notOnline = assertThrows(MQClientException.class,
            () -> s.admin().resetOffsetByTimestamp(DIRECT, "CG_GA_OFFLINE", 0, true));
        assertEquals(ResponseCode.CONSUMER_NOT_ONLINE, notOnline.getResponseCode(), s.name());
        s.admin().resetOffsetNew("CG_GA_OFFLINE", DIRECT, 0);
        ConsumeStats stats = s.admin().examineConsumeStats("CG_GA_OFFLINE", DIRECT);
        assertEquals(4, stats.getOffsetTable().size(), s.name());
        assertTrue(stats.getOffsetTable().values().stream().allMatch(w -> w.getConsumerOffset() == 0),
            s.name() + ": " + stats.getOffsetTable());
    }

    /** Runs {@code check} for each side on a thread of its own; rethrows the first side's failure. */
    private void onBothAtOnce(SideCheck check) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(both.size());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Side s : both) {
                runs.add(pool.submit(() -> {
                    check.run(s);
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                try {
                    run.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw (Exception) e.getCause();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private interface SideCheck {
        void run(Side s) throws Exception;
    }

    private Map<Integer, Long> correction(Side s, String compareGroup, String filterGroups) throws Exception {
        QueryCorrectionOffsetHeader h = new QueryCorrectionOffsetHeader();
        h.setTopic(CORR);
        h.setCompareGroup(compareGroup);
        h.setFilterGroups(filterGroups);
        RemotingCommand r = sides.invoke(s.brokerAddr(),
            RemotingCommand.createRequestCommand(RequestCode.QUERY_CORRECTION_OFFSET, h));
        assertEquals(ResponseCode.SUCCESS, r.getCode(), s.name() + ": " + r.getRemark());
        return new TreeMap<>(QueryCorrectionOffsetBody.decode(r.getBody(), QueryCorrectionOffsetBody.class)
            .getCorrectionOffsets());
    }

    private Map<Integer, Long> consumerOffsets(Side s, String group) throws Exception {
        GetConsumeStatsRequestHeader h = new GetConsumeStatsRequestHeader();
        h.setConsumerGroup(group);
        h.setTopic(CORR);
        RemotingCommand r = sides.invoke(s.brokerAddr(),
            RemotingCommand.createRequestCommand(RequestCode.GET_CONSUME_STATS, h));
        assertEquals(ResponseCode.SUCCESS, r.getCode(), s.name() + ": " + r.getRemark());
        Map<Integer, Long> out = new TreeMap<>();
        ConsumeStats.decode(r.getBody(), ConsumeStats.class).getOffsetTable()
            .forEach((mq, w) -> out.put(mq.getQueueId(), w.getConsumerOffset()));
        return out;
    }

    @Test
    void correctionAndCloneOffsetsMatchTheOfficialBroker() throws Exception {
        long[][] committed = {{1, 2, 1, 0}, {2, 1, 2, 2}};
        for (Side s : both) {
            for (int g = 0; g < committed.length; g++) {
                for (int q = 0; q < 4; q++) {
                    s.admin().updateConsumeOffset(s.brokerAddr(), "CG_GA_CORR" + g, new MessageQueue(CORR,
                        s.brokerName(), q), committed[g][q]);
                }
            }
        }
        Map<Integer, Long> lowest = Map.of(0, 1L, 1, 1L, 2, 1L, 3, 0L);
        for (Side s : both) {
            assertEquals(lowest, correction(s, "CG_GA_CORR0", null), s.name());
            assertEquals(lowest, correction(s, "CG_NOBODY", null), s.name());
            CloneGroupOffsetRequestHeader clone = new CloneGroupOffsetRequestHeader();
            clone.setSrcGroup("CG_GA_CORR1");
            clone.setDestGroup("CG_GA_CLONED");
            clone.setTopic(CORR);
            RemotingCommand cloned = sides.invoke(s.brokerAddr(),
                RemotingCommand.createRequestCommand(RequestCode.CLONE_GROUP_OFFSET, clone));
            assertEquals(ResponseCode.SUCCESS, cloned.getCode(), s.name());
            assertEquals(Map.of(0, 2L, 1, 1L, 2, 2L, 3, 2L), consumerOffsets(s, "CG_GA_CLONED"), s.name());
        }
        // Last: the official broker drops the filtered group's offsets while it answers.
        Map<Integer, Long> withoutFirst = Map.of(0, 2L, 1, 1L, 2, 2L, 3, 2L);
        for (Side s : both) {
            assertEquals(withoutFirst, correction(s, "CG_GA_CORR1", "CG_GA_CORR0,CG_NOBODY"), s.name());
        }
    }

    @Test
    void producerInfoListsTheOnlineProducerAsTheOfficialBrokerDoes() throws Exception {
        List<ProducerTableInfo> tables = new ArrayList<>();
        for (Side s : both) {
            RemotingCommand r = sides.invoke(s.brokerAddr(), RemotingCommand.createRequestCommand(
                RequestCode.GET_ALL_PRODUCER_INFO, new GetAllProducerInfoRequestHeader()));
            assertEquals(ResponseCode.SUCCESS, r.getCode(), s.name());
            tables.add(ProducerTableInfo.decode(r.getBody(), ProducerTableInfo.class));
        }
        assertEquals(tables.get(0).getData().keySet(), tables.get(1).getData().keySet());
        for (ProducerTableInfo t : tables) {
            List<ProducerInfo> producers = t.getData().get("PG_SIDE_BY_SIDE");
            assertEquals(1, producers.size(), t.getData().toString());
            ProducerInfo p = producers.get(0);
            assertTrue(p.getRemoteIP().startsWith("/127.0.0.1:"), p.getRemoteIP());
            assertEquals("JAVA", p.getLanguage().name());
            assertTrue(System.currentTimeMillis() - p.getLastUpdateTimestamp() < 120_000, p.toString());
        }
        assertEquals(tables.get(0).getData().get("PG_SIDE_BY_SIDE").get(0).getVersion(),
            tables.get(1).getData().get("PG_SIDE_BY_SIDE").get(0).getVersion());
    }

    private long maxOffset(Side s, String topic, int queueId) throws Exception {
        GetMaxOffsetRequestHeader h = new GetMaxOffsetRequestHeader();
        h.setTopic(topic);
        h.setQueueId(queueId);
        RemotingCommand r = sides.invoke(s.brokerAddr(), RemotingCommand.createRequestCommand(
            RequestCode.GET_MAX_OFFSET, h));
        return ((GetMaxOffsetResponseHeader) r.decodeCommandCustomHeader(GetMaxOffsetResponseHeader.class))
            .getOffset();
    }

    private long messagesIn(Side s, String topic) throws Exception {
        long n = 0;
        for (int q = 0; q < 4; q++) {
            n += maxOffset(s, topic, q);
        }
        return n;
    }

    @Test
    void resumedHalfMessageIsCheckedAgainAfterItsChecksRanOut() throws Exception {
        for (Side s : both) {
            AtomicBoolean commit = new AtomicBoolean();
            AtomicInteger checks = new AtomicInteger();
            TransactionMQProducer producer = new TransactionMQProducer("PG_GA_TX");
            producer.setNamesrvAddr(s.namesrv());
            producer.setInstanceName("ga-tx-" + System.nanoTime());
            producer.setTransactionListener(new TransactionListener() {
                @Override
                public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                    return LocalTransactionState.UNKNOW;
                }

                @Override
                public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                    checks.incrementAndGet();
                    return commit.get() ? LocalTransactionState.COMMIT_MESSAGE : LocalTransactionState.UNKNOW;
                }
            });
            producer.start();
            closers.add(producer::shutdown);
            String topic = "GA_TX_" + s.name().toUpperCase();
            SendResult sent = producer.sendMessageInTransaction(new Message(topic, "TagT",
                "tx".getBytes(StandardCharsets.UTF_8)), null);
            // Two checks answered UNKNOW, then the broker gives up and parks the half message.
            Awaitility.await().atMost(WAIT).until(() -> checks.get() >= 2
                && maxOffset(s, "TRANS_CHECK_MAX_TIME_TOPIC", 0) >= 1);
            assertEquals(0, messagesIn(s, topic), s.name());
            commit.set(true);
            // As mqadmin resumeCheckHalfMessage -t RMQ_SYS_TRANS_HALF_TOPIC -i <msgId>: found by its unique key.
            assertTrue(s.admin().resumeCheckHalfMessage("RMQ_SYS_TRANS_HALF_TOPIC", sent.getMsgId()), s.name());
            Awaitility.await().atMost(WAIT).until(() -> messagesIn(s, topic) == 1);
        }
    }
}
