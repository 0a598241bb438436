package io.petrel.test.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.namesrv.kvconfig.KVConfigManager;
import io.petrel.test.official.OfficialBroker;
import io.petrel.test.official.OfficialMqAdmin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

/**
 * An official RocketMQ 4.9.7 broker registers with a Petrel NameServer; the official 4.9.7 client and mqadmin
 * work through it.
 */
@Timeout(300)
class OfficialClusterCompatibilityTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private PetrelNamesrv namesrv;
    private OfficialBroker broker;
    private DefaultMQProducer producer;
    private DefaultMQPushConsumer consumer;

    @BeforeEach
    void startCluster() throws Exception {
        namesrv = PetrelNamesrv.start(dir.resolve("namesrv"));
        broker = OfficialBroker.start(dir.resolve("broker"), "broker-a", namesrv.address());
        Awaitility.await().atMost(WAIT).until(() -> namesrv.hasRoute("TBW102"));
    }

    @AfterEach
    void stopCluster() throws Exception {
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
    void brokerRegistersAndOfficialClientsSendAndConsume() throws Exception {
        assertTrue(namesrv.controller().routes().liveBrokers().containsKey(broker.address()));
        assertEquals(Set.of("broker-a"),
            namesrv.controller().routes().clusterInfo().clusterAddrTable().get(OfficialBroker.CLUSTER));

        producer = new DefaultMQProducer("P_COMPAT");
        producer.setNamesrvAddr(namesrv.address());
        producer.setInstanceName("compat-producer-" + System.nanoTime());
        producer.start();
        int count = 20;
        for (int i = 0; i < count; i++) {
            SendResult r = producer.send(new Message("COMPAT_T1", "TagA", ("m-" + i).getBytes(StandardCharsets.UTF_8)));
            assertEquals(SendStatus.SEND_OK, r.getSendStatus());
        }
        Awaitility.await().atMost(WAIT).until(() -> namesrv.hasRoute("COMPAT_T1"));

        Set<String> received = ConcurrentHashMap.newKeySet();
        consumer = new DefaultMQPushConsumer("C_COMPAT");
        consumer.setNamesrvAddr(namesrv.address());
        consumer.setInstanceName("compat-consumer-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe("COMPAT_T1", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        Awaitility.await().atMost(WAIT).until(() -> received.size() == count);
        assertTrue(received.contains("m-0") && received.contains("m-" + (count - 1)));
    }

    @Test
    void officialMqAdminCommandsWork() throws Exception {
        String ns = namesrv.address();
        Path adminHome = dir.resolve("mqadmin");
        OfficialMqAdmin.Result created = OfficialMqAdmin.run(adminHome, "updateTopic", "-n", ns, "-c",
            OfficialBroker.CLUSTER, "-t", "ADMIN_T", "-r", "3", "-w", "3");
        assertTrue(created.output().contains("success"), created.output());
        Awaitility.await().atMost(WAIT).until(() -> namesrv.hasRoute("ADMIN_T"));
        assertEquals(3, namesrv.controller().routes().queuesOf("ADMIN_T").get("broker-a").writeQueueNums());

        OfficialMqAdmin.Result topics = OfficialMqAdmin.run(adminHome, "topicList", "-n", ns);
        assertTrue(topics.output().lines().anyMatch("ADMIN_T"::equals), topics.output());
        assertTrue(topics.output().lines().anyMatch("TBW102"::equals), topics.output());

        OfficialMqAdmin.Result clusters = OfficialMqAdmin.run(adminHome, "clusterList", "-n", ns);
        assertTrue(clusters.output().contains(OfficialBroker.CLUSTER) && clusters.output().contains("broker-a")
            && clusters.output().contains(broker.address()), clusters.output());

        OfficialMqAdmin.Result route = OfficialMqAdmin.run(adminHome, "topicRoute", "-n", ns, "-t", "ADMIN_T");
        assertTrue(route.output().contains(broker.address()) && route.output().contains("\"writeQueueNums\":3"),
            route.output());

        OfficialMqAdmin.Result topicClusters = OfficialMqAdmin.run(adminHome, "topicClusterList", "-n", ns, "-t",
            "ADMIN_T");
        assertTrue(topicClusters.output().lines().anyMatch(l -> l.trim().equals(OfficialBroker.CLUSTER)),
            topicClusters.output());

        OfficialMqAdmin.Result ordered = OfficialMqAdmin.run(adminHome, "updateTopic", "-n", ns, "-c",
            OfficialBroker.CLUSTER, "-t", "ORDER_T", "-r", "2", "-w", "2", "-o", "true");
        assertTrue(ordered.output().contains("success"), ordered.output());
        assertEquals("broker-a:2", namesrv.controller().kvConfig().get(KVConfigManager.ORDER_TOPIC_CONFIG, "ORDER_T"));

        OfficialMqAdmin.Result deleted = OfficialMqAdmin.run(adminHome, "deleteTopic", "-n", ns, "-c",
            OfficialBroker.CLUSTER, "-t", "ADMIN_T");
        assertTrue(deleted.output().contains("success"), deleted.output());
        assertTrue(!namesrv.hasRoute("ADMIN_T"));
    }
}
