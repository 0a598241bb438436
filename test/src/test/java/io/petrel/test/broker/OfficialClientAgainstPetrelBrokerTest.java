package io.petrel.test.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.petrel.test.namesrv.PetrelNamesrv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The official 4.9.7 client, unchanged, produces to and consumes from a Petrel NameServer and broker. */
@Timeout(180)
class OfficialClientAgainstPetrelBrokerTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private PetrelNamesrv namesrv;
    private PetrelBroker broker;
    private DefaultMQProducer producer;
    private DefaultMQPushConsumer consumer;

    @BeforeEach
    void startCluster() throws Exception {
        namesrv = PetrelNamesrv.start(dir.resolve("namesrv"));
        broker = PetrelBroker.start(dir.resolve("store"), "petrel-a", namesrv.address(), new Properties());
        Awaitility.await().atMost(WAIT).until(() -> namesrv.hasRoute("TBW102"));
        producer = new DefaultMQProducer("PG_E2E");
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

    @Test
    void sendThenConsumeEveryMessageOnce() throws Exception {
        int count = 50;
        Map<String, byte[]> sent = new ConcurrentHashMap<>();
        for (int i = 0; i < count; i++) {
            Message m = new Message("E2E_T1", i % 2 == 0 ? "TagA" : "TagB", "key-" + i,
                ("body-" + i + "-\u00e9\u4e2d").getBytes(StandardCharsets.UTF_8));
            m.putUserProperty("seq", Integer.toString(i));
            SendResult r = producer.send(m);
            assertEquals(SendStatus.SEND_OK, r.getSendStatus());
            assertNotNull(r.getOffsetMsgId());
            sent.put(r.getMsgId(), m.getBody());
        }
        List<MessageExt> received = new CopyOnWriteArrayList<>();
        consumer = new DefaultMQPushConsumer("CG_E2E");
        consumer.setNamesrvAddr(namesrv.address());
        consumer.setInstanceName("c-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe("E2E_T1", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            received.addAll(msgs);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        Awaitility.await().atMost(WAIT).until(() -> received.size() >= count);
        assertEquals(count, received.size());
        for (MessageExt m : received) {
            assertArrayEquals(sent.get(m.getMsgId()), m.getBody(), m.toString());
            assertEquals("key-" + m.getUserProperty("seq"), m.getKeys());
        }
    }

    @Test
    void messagesSentWhileConsumerWaitsArriveThroughLongPolling() throws Exception {
        List<MessageExt> received = new CopyOnWriteArrayList<>();
        consumer = new DefaultMQPushConsumer("CG_E2E_LP");
        consumer.setNamesrvAddr(namesrv.address());
        consumer.setInstanceName("c-" + System.nanoTime());
        consumer.subscribe("E2E_T2", "TagA || TagC");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            received.addAll(msgs);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        producer.send(new Message("E2E_T2", "TagA", "warm-up".getBytes(StandardCharsets.UTF_8)));
        consumer.start();
        Awaitility.await().atMost(WAIT).until(() -> !received.isEmpty());
        for (String tag : new String[] {"TagA", "TagB", "TagC"}) {
            producer.send(new Message("E2E_T2", tag, tag.getBytes(StandardCharsets.UTF_8)));
        }
        Awaitility.await().atMost(WAIT).until(() -> received.stream().anyMatch(m -> "TagC".equals(m.getTags())));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> received.stream()
            .filter(m -> "TagA".equals(m.getTags())).count() >= 1);
        assertEquals(0, received.stream().filter(m -> "TagB".equals(m.getTags())).count());
    }

    @Test
    void viewByOffsetIdQueryByKeyAndByUniqueKey() throws Exception {
        long begin = System.currentTimeMillis() - 60_000;
        Message m = new Message("E2E_Q", "TagQ", "order-4711", "query-me".getBytes(StandardCharsets.UTF_8));
        SendResult r = producer.send(m);
        MessageExt byOffset = producer.viewMessage(r.getOffsetMsgId());
        assertEquals("query-me", new String(byOffset.getBody(), StandardCharsets.UTF_8));
        assertEquals("order-4711", byOffset.getKeys());
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> producer.queryMessage("E2E_Q", "order-4711",
            10, begin, System.currentTimeMillis() + 60_000).getMessageList().size() == 1);
        MessageExt byUniqueKey = producer.viewMessage("E2E_Q", r.getMsgId());
        assertEquals(r.getMsgId(), byUniqueKey.getMsgId());
        assertArrayEquals("query-me".getBytes(StandardCharsets.UTF_8), byUniqueKey.getBody());
    }

    @Test
    void oversizeBodyIsRefused() {
        producer.setMaxMessageSize(8 * 1024 * 1024);
        byte[] body = new byte[4 * 1024 * 1024 + 1];
        new java.util.Random(42).nextBytes(body); // incompressible: the client compresses bodies over 4 KiB
        Message big = new Message("E2E_T3", body);
        MQBrokerException e = assertThrows(MQBrokerException.class, () -> producer.send(big));
        assertEquals(13, e.getResponseCode());
    }
}
