package io.petrel.test.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.store.MessageStore;
import io.petrel.test.namesrv.PetrelNamesrv;
import io.petrel.test.official.FreePorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Delay levels set by the official 4.9.7 producer are honoured by Petrel, also across a broker restart. */
@Timeout(120)
class DelayMessagesAgainstPetrelBrokerTest {
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String SCHEDULE = "SCHEDULE_TOPIC_XXXX";

    @TempDir
    Path dir;
    private final Properties ports = new Properties();
    private PetrelNamesrv namesrv;
    private PetrelBroker broker;
    private DefaultMQProducer producer;
    private DefaultMQPushConsumer consumer;

    @BeforeEach
    void startCluster() throws Exception {
        ports.setProperty("listenPort", Integer.toString(FreePorts.brokerPort()));
        namesrv = PetrelNamesrv.start(dir.resolve("namesrv"));
        broker = PetrelBroker.start(dir.resolve("store"), "petrel-d", namesrv.address(), ports);
        Awaitility.await().atMost(WAIT).until(() -> namesrv.hasRoute("TBW102"));
        producer = new DefaultMQProducer("PG_DELAY");
        producer.setNamesrvAddr(namesrv.address());
        producer.setInstanceName("p-" + System.nanoTime());
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

    private SendResult sendDelayed(String topic, String body, int level) throws Exception {
        Message m = new Message(topic, "TagD", body.getBytes(StandardCharsets.UTF_8));
        m.setDelayTimeLevel(level);
        SendResult r = producer.send(m);
        assertEquals(SendStatus.SEND_OK, r.getSendStatus());
        return r;
    }

    private List<MessageExt> consume(String group, String topic) throws Exception {
        List<MessageExt> received = new CopyOnWriteArrayList<>();
        consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(namesrv.address());
        consumer.setInstanceName("c-" + System.nanoTime());
        consumer.setPollNameServerInterval(1000); // learn the new topics' routes quickly
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            received.addAll(msgs);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return received;
    }

    /** GET_ALL_DELAY_OFFSET (45) sent with the official remoting client, as mqadmin tools do. */
    private static String allDelayOffsets(String brokerAddr) throws Exception {
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
        try {
            RemotingCommand response = client.invokeSync(brokerAddr,
                RemotingCommand.createRequestCommand(45, null), 5000);
            assertEquals(0, response.getCode(), response.getRemark());
            return new String(response.getBody(), StandardCharsets.UTF_8);
        } finally {
            client.shutdown();
        }
    }

    private static long count(MessageStore store, String topic) {
        long n = 0;
        for (int q = 0; q < 4; q++) {
            n += Math.max(0, store.getMaxOffsetInQueue(topic, q));
        }
        return n;
    }

    @Test
    void levelTwoIsDeliveredAfterFiveSecondsAndNotBefore() throws Exception {
        long sentAt = System.currentTimeMillis();
        SendResult sent = sendDelayed("T_DELAY_E2E", "five-seconds", 2);
        // The consumer starts once the topic has a route, so that its first rebalance already owns the queues.
        Awaitility.await().atMost(WAIT).until(() -> namesrv.hasRoute("T_DELAY_E2E"));
        List<MessageExt> received = consume("CG_DELAY_E2E", "T_DELAY_E2E");
        Awaitility.await().atMost(WAIT).until(() -> !received.isEmpty());
        long receivedAt = System.currentTimeMillis();

        MessageExt m = received.get(0);
        assertEquals(sent.getMsgId(), m.getMsgId());
        assertEquals("five-seconds", new String(m.getBody(), StandardCharsets.UTF_8));
        long parked = m.getStoreTimestamp() - m.getBornTimestamp();
        assertTrue(parked >= 4500, "delivered after " + parked + " ms");
        assertTrue(parked < 15_000, "delivered after " + parked + " ms");
        assertTrue(receivedAt - sentAt >= 4500, "received after " + (receivedAt - sentAt) + " ms");
        assertEquals("2", m.getProperty("DELAY"));
        assertEquals("T_DELAY_E2E", m.getProperty("REAL_TOPIC"));
        assertEquals("true", m.getProperty("WAIT"), "the parked record keeps the client's WAIT");
        assertEquals(1, received.size());
    }

    @Test
    void aDelayedMessageIsDeliveredOnTimeAfterABrokerRestart() throws Exception {
        MessageStore store = broker.controller().store();
        sendDelayed("T_RESTART_E2E", "before-restart", 1);
        Awaitility.await().atMost(WAIT).until(() -> count(store, "T_RESTART_E2E") == 1);
        SendResult pending = sendDelayed("T_RESTART_E2E", "across-restart", 2);
        Awaitility.await().atMost(WAIT).until(() -> store.getMaxOffsetInQueue(SCHEDULE, 1) == 1);
        assertEquals(1, count(store, "T_RESTART_E2E"), "still parked");

        broker.close();
        broker = PetrelBroker.start(dir.resolve("store"), "petrel-d", namesrv.address(), ports);
        MessageStore restarted = broker.controller().store();
        List<MessageExt> received = consume("CG_RESTART_E2E", "T_RESTART_E2E");
        Awaitility.await().atMost(WAIT).until(() -> received.stream()
            .anyMatch(m -> m.getMsgId().equals(pending.getMsgId())));

        MessageExt late = received.stream().filter(m -> m.getMsgId().equals(pending.getMsgId())).findFirst()
            .orElseThrow();
        assertTrue(late.getStoreTimestamp() - late.getBornTimestamp() >= 4500,
            "delivered after " + (late.getStoreTimestamp() - late.getBornTimestamp()) + " ms");
        assertEquals(2, count(restarted, "T_RESTART_E2E"), "the first delayed message is not delivered again");
        consumer.shutdown();
        consumer = null;
        assertEquals("{\"offsetTable\":{1:1,2:1}}", allDelayOffsets(broker.address()).replaceAll("\\s", ""));
        broker.close();
        broker = null;
        String json = Files.readString(dir.resolve("store/config/delayOffset.json")).replaceAll("\\s", "");
        assertEquals("{\"offsetTable\":{1:1,2:1}}", json);
    }
}
