package io.petrel.test.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.petrel.test.namesrv.PetrelNamesrv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A Petrel broker in a child JVM keeps an acknowledged message across kill -9 and a restart on the same port. */
@Timeout(180)
class PetrelBrokerProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOPIC = "PROC_KILL_T";

    @TempDir
    Path dir;
    private PetrelNamesrv namesrv;
    private PetrelBrokerProcess broker;
    private DefaultMQProducer producer;
    private DefaultMQPullConsumer consumer;

    @AfterEach
    void stopAll() {
        try {
            if (consumer != null) {
                consumer.shutdown();
            }
            if (producer != null) {
                producer.shutdown();
            }
        } finally {
            try {
                if (broker != null) {
                    broker.close();
                }
            } finally {
                if (namesrv != null) {
                    namesrv.close();
                }
            }
        }
    }

    @Test
    void aMessageSentBeforeKillMinusNineIsReadAfterRestart() throws Exception {
        namesrv = PetrelNamesrv.start(dir.resolve("namesrv"));
        broker = PetrelBrokerProcess.start(dir.resolve("broker"), "petrel-proc", namesrv.address(),
            List.of("autoCreateTopicEnable=true"));
        Awaitility.await().atMost(WAIT).until(() -> namesrv.hasRoute("TBW102"));
        producer = new DefaultMQProducer("PG_PROC");
        producer.setNamesrvAddr(namesrv.address());
        producer.setInstanceName("p-" + System.nanoTime());
        producer.start();
        byte[] body = "survives kill -9".getBytes(StandardCharsets.UTF_8);
        SendResult sent = producer.send(new Message(TOPIC, "TagK", "key-k", body));
        assertEquals(SendStatus.SEND_OK, sent.getSendStatus());

        long firstPid = broker.pid();
        broker.kill();
        assertFalse(broker.isAlive());
        broker.restart();
        assertNotEquals(firstPid, broker.pid());

        consumer = new DefaultMQPullConsumer("CG_PROC");
        consumer.setNamesrvAddr(namesrv.address());
        consumer.setInstanceName("c-" + System.nanoTime());
        consumer.start();
        MessageQueue queue = sent.getMessageQueue();
        PullResult pulled = Awaitility.await().atMost(WAIT).ignoreExceptions()
            .until(() -> consumer.pull(queue, "*", sent.getQueueOffset(), 32, 3000),
                r -> r.getPullStatus() == PullStatus.FOUND);
        MessageExt m = pulled.getMsgFoundList().get(0);
        assertEquals(sent.getMsgId(), m.getMsgId());
        assertEquals(sent.getOffsetMsgId(), MessageDecoder.createMessageId(m.getStoreHost(), m.getCommitLogOffset()),
            "same store host and CommitLog offset after the restart");
        assertEquals("key-k", m.getKeys());
        assertEquals(new String(body, StandardCharsets.UTF_8), new String(m.getBody(), StandardCharsets.UTF_8));
    }
}
