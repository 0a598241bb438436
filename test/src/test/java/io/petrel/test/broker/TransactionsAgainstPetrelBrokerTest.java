package io.petrel.test.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.store.MessageStore;
import io.petrel.test.namesrv.PetrelNamesrv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The official 4.9.7 TransactionMQProducer against Petrel: commit, rollback, and "unknown" settled by a check. */
@Timeout(120)
class TransactionsAgainstPetrelBrokerTest {
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String TOPIC = "T_TX_E2E";

    @TempDir
    Path dir;
    private PetrelNamesrv namesrv;
    private PetrelBroker broker;
    private TransactionMQProducer producer;
    private DefaultMQPushConsumer consumer;
    private final List<String> checked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startCluster() throws Exception {
        Properties extra = new Properties();
        extra.setProperty("transactionCheckInterval", "1000");
        extra.setProperty("transactionTimeOut", "3000");
        namesrv = PetrelNamesrv.start(dir.resolve("namesrv"));
        broker = PetrelBroker.start(dir.resolve("store"), "petrel-t", namesrv.address(), extra);
        Awaitility.await().atMost(WAIT).until(() -> namesrv.hasRoute("TBW102"));
        producer = new TransactionMQProducer("PG_TX_E2E");
        producer.setNamesrvAddr(namesrv.address());
        producer.setInstanceName("p-" + System.nanoTime());
        producer.setTransactionListener(new TransactionListener() {
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
        producer.start();
    }

    @AfterEach
    void stopCluster() {
        if (consumer != null) {
            consumer.shutdown();
        }
        if (producer != null) {
            producer.shutdown();
        }
        if (broker != null) {
            broker.close();
        }
        if (namesrv != null) {
            namesrv.close();
        }
    }

    private TransactionSendResult send(String key) throws Exception {
        Message m = new Message(TOPIC, "TagX", key, key.getBytes(StandardCharsets.UTF_8));
        TransactionSendResult r = producer.sendMessageInTransaction(m, null);
        assertEquals(SendStatus.SEND_OK, r.getSendStatus());
        return r;
    }

    private static long count(MessageStore store, String topic) {
        long n = 0;
        for (int q = 0; q < 4; q++) {
            n += Math.max(0, store.getMaxOffsetInQueue(topic, q));
        }
        return n;
    }

    @Test
    void commitIsDeliveredRollbackNeverAndUnknownIsSettledByACheck() throws Exception {
        assertEquals(LocalTransactionState.ROLLBACK_MESSAGE, send("rollback").getLocalTransactionState());
        assertEquals(LocalTransactionState.COMMIT_MESSAGE, send("commit").getLocalTransactionState());
        assertEquals(LocalTransactionState.UNKNOW, send("unknown").getLocalTransactionState());

        Awaitility.await().atMost(WAIT).until(() -> namesrv.hasRoute(TOPIC));
        List<MessageExt> received = new CopyOnWriteArrayList<>();
        consumer = new DefaultMQPushConsumer("CG_TX_E2E");
        consumer.setNamesrvAddr(namesrv.address());
        consumer.setInstanceName("c-" + System.nanoTime());
        consumer.setPollNameServerInterval(1000); // learn the new topics' routes quickly
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            received.addAll(msgs);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();

        Awaitility.await().atMost(WAIT).until(() -> received.stream().anyMatch(m -> "unknown".equals(m.getKeys()))
            && received.stream().anyMatch(m -> "commit".equals(m.getKeys())));
        assertTrue(checked.contains("unknown"), "the broker asked the producer about the open transaction");
        assertTrue(received.stream().noneMatch(m -> "rollback".equals(m.getKeys())));
        MessageStore store = broker.controller().store();
        assertEquals(2, count(store, TOPIC), "only the two committed messages reach the topic");
        io.petrel.common.message.MessageExt half = store.lookMessageByOffset(
            store.getCommitLogOffsetInQueue("RMQ_SYS_TRANS_HALF_TOPIC", 0, 0));
        assertEquals("true", half.getProperty("WAIT"), "half messages keep the client's WAIT");
        assertEquals(TOPIC, half.getProperty("REAL_TOPIC"));
        MessageExt committed = received.stream().filter(m -> "commit".equals(m.getKeys())).findFirst().orElseThrow();
        assertEquals("true", committed.getProperty("TRAN_MSG"), "the committed copy keeps the half's properties");
        assertEquals("PG_TX_E2E", committed.getProperty("PGROUP"));
        // Every half is settled now: its check is answered and later passes find nothing more to ask.
        long checksNow = checked.size();
        Awaitility.await().atMost(WAIT).until(() -> broker.controller().offsets()
            .query("CID_RMQ_SYS_TRANS", "RMQ_SYS_TRANS_HALF_TOPIC", 0) >= 4);
        assertEquals(checksNow, checked.size());
        assertEquals(2, count(store, TOPIC));
    }
}
