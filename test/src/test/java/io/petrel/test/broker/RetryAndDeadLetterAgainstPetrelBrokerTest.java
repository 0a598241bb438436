package io.petrel.test.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
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
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The official 4.9.7 push consumer's RECONSUME_LATER goes through Petrel's retry topic, then its DLQ. */
@Timeout(120)
class RetryAndDeadLetterAgainstPetrelBrokerTest {
    private static final Duration WAIT = Duration.ofSeconds(45);

    @TempDir
    Path dir;
    private PetrelNamesrv namesrv;
    private PetrelBroker broker;
    private DefaultMQProducer producer;
    private DefaultMQPushConsumer consumer;

    @BeforeEach
    void startCluster() throws Exception {
        namesrv = PetrelNamesrv.start(dir.resolve("namesrv"));
        broker = PetrelBroker.start(dir.resolve("store"), "petrel-r", namesrv.address(), new Properties());
        Awaitility.await().atMost(WAIT).until(() -> namesrv.hasRoute("TBW102"));
        producer = new DefaultMQProducer("PG_RETRY");
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

    private SendResult send(String topic, String body) throws Exception {
        SendResult r = producer.send(new Message(topic, "TagR", "key-" + body, body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(SendStatus.SEND_OK, r.getSendStatus());
        // Consumers start once the topic has a route, so that their first rebalance already owns its queues.
        Awaitility.await().atMost(WAIT).until(() -> namesrv.hasRoute(topic));
        return r;
    }

    private DefaultMQPushConsumer consumer(String group, String topic, MessageListenerConcurrently listener)
        throws Exception {
        // As if the group had run before: its retry topic is routed when the consumer starts, so the first
        // rebalance already takes its queue (a retry topic created by the starting consumer's own heartbeat is only
        // picked up by the client's next rebalance, up to 20 s later).
        String retryTopic = "%RETRY%" + group;
        broker.controller().topics().createIfAbsent(retryTopic, 1, 6, 0);
        Awaitility.await().atMost(WAIT).until(() -> namesrv.hasRoute(retryTopic));
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
        c.setNamesrvAddr(namesrv.address());
        c.setInstanceName("c-" + System.nanoTime());
        c.setPollNameServerInterval(1000); // learn the new topics' routes quickly
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe(topic, "*");
        c.registerMessageListener(listener);
        return c;
    }

    @Test
    void reconsumeLaterRedeliversTheSameMessageThroughTheRetryTopic() throws Exception {
        SendResult sent = send("T_RETRY_E2E", "try-again");
        List<org.apache.rocketmq.common.message.MessageExt> seen = new CopyOnWriteArrayList<>();
        consumer = consumer("CG_RETRY_E2E", "T_RETRY_E2E", (msgs, ctx) -> {
            seen.addAll(msgs);
            if (msgs.get(0).getReconsumeTimes() == 0) {
                ctx.setDelayLevelWhenNextConsume(1);
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        Awaitility.await().atMost(WAIT).until(() -> seen.stream().anyMatch(m -> m.getReconsumeTimes() == 1));

        org.apache.rocketmq.common.message.MessageExt first = seen.get(0);
        org.apache.rocketmq.common.message.MessageExt retried = seen.stream()
            .filter(m -> m.getReconsumeTimes() == 1).findFirst().orElseThrow();
        assertEquals(0, first.getReconsumeTimes());
        assertEquals(sent.getMsgId(), retried.getMsgId(), "the client message id survives the retry");
        assertEquals("T_RETRY_E2E", retried.getTopic(), "the client restores the original topic");
        assertEquals("try-again", new String(retried.getBody(), StandardCharsets.UTF_8));
        assertEquals(sent.getOffsetMsgId(), retried.getProperty(MessageProperties.ORIGIN_MESSAGE_ID));
        assertTrue(retried.getStoreTimestamp() - first.getStoreTimestamp() >= 900,
            "delay level 1 parks the copy for a second");
        MessageStore store = broker.controller().store();
        assertEquals(1, store.getMaxOffsetInQueue("%RETRY%CG_RETRY_E2E", 0));
    }

    @Test
    void pastMaxReconsumeTimesTheMessageLandsInTheDeadLetterQueue() throws Exception {
        SendResult sent = send("T_DLQ_E2E", "never-ok");
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        consumer = consumer("CG_DLQ_E2E", "T_DLQ_E2E", (msgs, ctx) -> {
            msgs.forEach(m -> attempts.add(m.getReconsumeTimes()));
            ctx.setDelayLevelWhenNextConsume(1);
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        });
        consumer.setMaxReconsumeTimes(1);
        consumer.start();
        MessageStore store = broker.controller().store();
        Awaitility.await().atMost(WAIT).until(() -> store.getMaxOffsetInQueue("%DLQ%CG_DLQ_E2E", 0) == 1);

        assertEquals(List.of(0, 1), attempts, "one delivery, one retry, then the DLQ");
        MessageExt dead = store.lookMessageByOffset(store.getCommitLogOffsetInQueue("%DLQ%CG_DLQ_E2E", 0, 0));
        assertNotNull(dead);
        assertEquals("%DLQ%CG_DLQ_E2E", dead.getTopic());
        assertEquals(2, dead.getReconsumeTimes());
        assertEquals("never-ok", new String(dead.getBody(), StandardCharsets.UTF_8));
        assertEquals("T_DLQ_E2E", dead.getProperty(MessageProperties.RETRY_TOPIC));
        assertEquals(sent.getMsgId(), dead.getProperty(MessageProperties.UNIQ_KEY));
        assertEquals(sent.getOffsetMsgId(), dead.getProperty(MessageProperties.ORIGIN_MESSAGE_ID));
        assertEquals("0", dead.getProperty(MessageProperties.DELAY));
        assertNotNull(broker.controller().topics().select("%DLQ%CG_DLQ_E2E"));
    }
}
