package io.petrel.test.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.test.official.OfficialBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two independent Petrel NameServers: an official broker registers with both; after one is stopped, clients
 * configured with both keep finding routes through the other.
 */
@Timeout(300)
class TwoNameServersTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private PetrelNamesrv first;
    private PetrelNamesrv second;
    private OfficialBroker broker;
    private DefaultMQProducer producer;
    private DefaultMQProducer lateProducer;

    @AfterEach
    void stop() throws Exception {
        for (DefaultMQProducer p : new DefaultMQProducer[] {lateProducer, producer}) {
            if (p != null) {
                p.shutdown();
            }
        }
        if (broker != null) {
            broker.close();
        }
        for (PetrelNamesrv ns : new PetrelNamesrv[] {first, second}) {
            if (ns != null) {
                ns.close();
            }
        }
    }

    private static DefaultMQProducer producer(String group, String namesrvAddr) throws Exception {
        DefaultMQProducer p = new DefaultMQProducer(group);
        p.setNamesrvAddr(namesrvAddr);
        p.setInstanceName(group + "-" + System.nanoTime());
        p.setSendMsgTimeout(5000);
        p.start();
        return p;
    }

    private static void sendOk(DefaultMQProducer p, String topic, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            assertEquals(SendStatus.SEND_OK,
                p.send(new Message(topic, ("m" + i).getBytes(StandardCharsets.UTF_8))).getSendStatus());
        }
    }

    @Test
    void brokerRegistersWithBothAndClientsSurviveOneStopping() throws Exception {
        first = PetrelNamesrv.start(dir.resolve("ns1"));
        second = PetrelNamesrv.start(dir.resolve("ns2"));
        String both = first.address() + ";" + second.address();
        broker = OfficialBroker.start(dir.resolve("broker"), "broker-a", both);
        Awaitility.await().atMost(WAIT).until(() -> first.hasRoute("TBW102") && second.hasRoute("TBW102"));

        producer = producer("P_TWO_NS", both);
        sendOk(producer, "TWO_NS_T", 5);
        Awaitility.await().atMost(WAIT).until(() -> first.hasRoute("TWO_NS_T") && second.hasRoute("TWO_NS_T"));
        assertTrue(first.controller().routes().liveBrokers().containsKey(broker.address()));
        assertTrue(second.controller().routes().liveBrokers().containsKey(broker.address()));

        first.close();
        sendOk(producer, "TWO_NS_T", 5);

        // A client that starts now, knowing both addresses, must find the route through the survivor,
        // whichever address it tries first.
        lateProducer = producer("P_TWO_NS_LATE", first.address() + ";" + second.address());
        for (int i = 0; i < 4; i++) {
            // asks the NameServer every time
            List<MessageQueue> queues = lateProducer.fetchPublishMessageQueues("TWO_NS_T");
            assertFalse(queues.isEmpty());
            assertTrue(queues.stream().allMatch(q -> q.getBrokerName().equals("broker-a")));
        }
        sendOk(lateProducer, "TWO_NS_T", 5);
    }
}
