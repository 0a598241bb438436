package io.petrel.test.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.petrel.test.namesrv.PetrelNamesrv;
import io.petrel.test.official.OfficialBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same client actions against an official 4.9.7 broker and against Petrel deliver messages that look the same
 * to the official client: a retried message, a delayed message, a committed transactional message, a dead letter
 * and the message of a transaction state check carry the same properties, reconsume count and sysflag. Values that name the cluster or identify one record are compared
 * by presence only.
 */
@Timeout(240)
class BrokerRecordsMatchOfficialBrokerTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Added by the client after a pull, not stored. */
    private static final Set<String> CLIENT_SIDE = Set.of("MIN_OFFSET", "MAX_OFFSET", "CONSUME_START_TIME");
    /** Differ between any two brokers or records. */
    private static final Set<String> PER_RECORD = Set.of("CLUSTER", "UNIQ_KEY", "ORIGIN_MESSAGE_ID");

    @TempDir
    Path dir;

    /** What the client saw of one delivered message. */
    private record Seen(Map<String, String> properties, int reconsumeTimes, int sysFlag, String body) {
        static Seen of(MessageExt m) {
            Map<String, String> props = new TreeMap<>();
            m.getProperties().forEach((k, v) -> {
                if (!CLIENT_SIDE.contains(k)) {
                    props.put(k, PER_RECORD.contains(k) ? "<present>" : v);
                }
            });
            // The producer picks queues at random: compare REAL_QID with the queue the message came from.
            props.computeIfPresent("REAL_QID", (k, v) -> v.equals(Integer.toString(m.getQueueId())) ? "<queueId>" : v);
            return new Seen(props, m.getReconsumeTimes(), m.getSysFlag(),
                new String(m.getBody(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void retriedDelayedCommittedDeadAndCheckedMessagesLookTheSame() throws Exception {
        List<Seen> official;
        try (PetrelNamesrv namesrv = PetrelNamesrv.start(dir.resolve("ns-official"));
             OfficialBroker broker = OfficialBroker.start(dir.resolve("official"), "official-a",
                 namesrv.address(), List.of("transactionCheckInterval=1000", "transactionTimeOut=2000"))) {
            Awaitility.await().atMost(WAIT).until(() -> namesrv.hasRoute(broker.brokerName()));
            official = scenario(namesrv);
        }
        List<Seen> petrel;
        try (PetrelNamesrv namesrv = PetrelNamesrv.start(dir.resolve("ns-petrel"));
             PetrelBroker broker = PetrelBroker.start(dir.resolve("petrel"), "petrel-a", namesrv.address(),
                 checkSoon())) {
            Awaitility.await().atMost(WAIT).until(() -> namesrv.hasRoute("TBW102"));
            petrel = scenario(namesrv);
        }
        assertEquals(official.get(0), petrel.get(0), "retried message");
        assertEquals(official.get(1), petrel.get(1), "delayed message");
        assertEquals(official.get(2), petrel.get(2), "committed transactional message");
        assertEquals(official.get(3), petrel.get(3), "dead letter");
        assertEquals(official.get(4), petrel.get(4), "message in a transaction state check");
    }

    private static Properties checkSoon() {
        Properties p = new Properties();
        p.setProperty("transactionCheckInterval", "1000");
        p.setProperty("transactionTimeOut", "2000");
        return p;
    }

    private List<Seen> scenario(PetrelNamesrv namesrv) throws Exception {
        return List.of(retried(namesrv), delayed(namesrv), committed(namesrv), dead(namesrv), checked(namesrv));
    }

    private Seen dead(PetrelNamesrv namesrv) throws Exception {
        warmUp(namesrv, "CG_CMP_DLQ", "T_CMP_DLQ");
        send(namesrv, message("T_CMP_DLQ", "dead"));
        DefaultMQPushConsumer consumer = consumer(namesrv, "CG_CMP_DLQ", "T_CMP_DLQ", (msgs, ctx) ->
            ConsumeConcurrentlyStatus.RECONSUME_LATER, 0);
        try {
            Awaitility.await().atMost(WAIT).until(() -> namesrv.hasRoute("%DLQ%CG_CMP_DLQ"));
            return consumeOne(namesrv, "CG_CMP_DLQ_READER", "%DLQ%CG_CMP_DLQ");
        } finally {
            consumer.shutdown();
        }
    }

    private Seen checked(PetrelNamesrv namesrv) throws Exception {
        List<MessageExt> asked = new CopyOnWriteArrayList<>();
        TransactionMQProducer producer = new TransactionMQProducer("PG_CMP_CHECK");
        producer.setNamesrvAddr(namesrv.address());
        producer.setInstanceName("tx-" + System.nanoTime());
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return LocalTransactionState.UNKNOW;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                asked.add(msg);
                return LocalTransactionState.ROLLBACK_MESSAGE;
            }
        });
        producer.start();
        try {
            assertEquals(SendStatus.SEND_OK, producer.sendMessageInTransaction(message("T_CMP_CHECK", "ask"), null)
                .getSendStatus());
            Awaitility.await().atMost(WAIT).until(() -> !asked.isEmpty());
            MessageExt m = asked.get(0);
            assertEquals("T_CMP_CHECK", m.getTopic());
            return Seen.of(m);
        } finally {
            producer.shutdown();
        }
    }

    private static Message message(String topic, String body) {
        Message m = new Message(topic, "TagC", "key-" + body, body.getBytes(StandardCharsets.UTF_8));
        m.putUserProperty("app", "v1");
        return m;
    }

    /**
     * Runs the group once so that its retry topic exists and is routed before the real run: a retry topic created
     * by a starting consumer's own heartbeat is only picked up by the client's next rebalance, up to 20 s later.
     */
    private static void warmUp(PetrelNamesrv namesrv, String group, String topic) throws Exception {
        DefaultMQPushConsumer c = consumer(namesrv, group, topic, (msgs, ctx) ->
            ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        try {
            Awaitility.await().atMost(WAIT).until(() -> namesrv.hasRoute("%RETRY%" + group));
        } finally {
            c.shutdown();
        }
    }

    private Seen retried(PetrelNamesrv namesrv) throws Exception {
        warmUp(namesrv, "CG_CMP_RETRY", "T_CMP_RETRY");
        send(namesrv, message("T_CMP_RETRY", "retry"));
        List<MessageExt> seen = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = consumer(namesrv, "CG_CMP_RETRY", "T_CMP_RETRY", (msgs, ctx) -> {
            seen.addAll(msgs);
            if (msgs.get(0).getReconsumeTimes() == 0) {
                ctx.setDelayLevelWhenNextConsume(1);
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        try {
            Awaitility.await().atMost(WAIT).until(() -> seen.stream().anyMatch(m -> m.getReconsumeTimes() == 1));
            return Seen.of(seen.stream().filter(m -> m.getReconsumeTimes() == 1).findFirst().orElseThrow());
        } finally {
            consumer.shutdown();
        }
    }

    private Seen delayed(PetrelNamesrv namesrv) throws Exception {
        Message m = message("T_CMP_DELAY", "delay");
        m.setDelayTimeLevel(1);
        send(namesrv, m);
        return consumeOne(namesrv, "CG_CMP_DELAY", "T_CMP_DELAY");
    }

    private Seen committed(PetrelNamesrv namesrv) throws Exception {
        TransactionMQProducer producer = new TransactionMQProducer("PG_CMP_TX");
        producer.setNamesrvAddr(namesrv.address());
        producer.setInstanceName("tx-" + System.nanoTime());
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return LocalTransactionState.COMMIT_MESSAGE;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        producer.start();
        try {
            assertEquals(SendStatus.SEND_OK, producer.sendMessageInTransaction(message("T_CMP_TX", "tx"), null)
                .getSendStatus());
        } finally {
            producer.shutdown();
        }
        Awaitility.await().atMost(WAIT).until(() -> namesrv.hasRoute("T_CMP_TX"));
        return consumeOne(namesrv, "CG_CMP_TX", "T_CMP_TX");
    }

    private static void send(PetrelNamesrv namesrv, Message m) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("PG_CMP");
        producer.setNamesrvAddr(namesrv.address());
        producer.setInstanceName("p-" + System.nanoTime());
        producer.start();
        try {
            assertEquals(SendStatus.SEND_OK, producer.send(m).getSendStatus());
        } finally {
            producer.shutdown();
        }
        Awaitility.await().atMost(WAIT).until(() -> namesrv.hasRoute(m.getTopic()));
    }

    private Seen consumeOne(PetrelNamesrv namesrv, String group, String topic) throws Exception {
        List<MessageExt> seen = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = consumer(namesrv, group, topic, (msgs, ctx) -> {
            seen.addAll(msgs);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        try {
            Awaitility.await().atMost(WAIT).until(() -> !seen.isEmpty());
            return Seen.of(seen.get(0));
        } finally {
            consumer.shutdown();
        }
    }

    private static DefaultMQPushConsumer consumer(PetrelNamesrv namesrv, String group, String topic,
                                                  MessageListenerConcurrently listener) throws Exception {
        return consumer(namesrv, group, topic, listener, -1);
    }

    private static DefaultMQPushConsumer consumer(PetrelNamesrv namesrv, String group, String topic,
                                                  MessageListenerConcurrently listener, int maxReconsumeTimes)
        throws Exception {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
        c.setMaxReconsumeTimes(maxReconsumeTimes);
        c.setNamesrvAddr(namesrv.address());
        c.setInstanceName("c-" + System.nanoTime());
        c.setPollNameServerInterval(1000);
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe(topic, "*");
        c.registerMessageListener(listener);
        c.start();
        return c;
    }
}
