package io.petrel.test.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.test.namesrv.PetrelNamesrv;
import io.petrel.test.official.OfficialNamesrv;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.protocol.route.QueueData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A topic change is registered with the NameServers on its own (the changed topic under the table's new data
 * version), as 4.9.7 registers one: a Petrel NameServer and an official 4.9.7 one both route every topic created
 * one by one through the admin API as soon as the call returns, keep the topics created before, and learn of a
 * topic a producer's first send created and of a permission change.
 */
@Timeout(180)
class TopicRegistrationTest {
    private static final int TOPICS = 40;

    @TempDir
    Path dir;

    @Test
    void eachTopicChangeReachesPetrelAndOfficialNameServersAndKeepsTheOthers() throws Exception {
        try (PetrelNamesrv petrelNs = PetrelNamesrv.start(dir.resolve("petrel-ns"));
             OfficialNamesrv officialNs = OfficialNamesrv.start(dir.resolve("official-ns"), List.of())) {
            Properties props = new Properties();
            props.setProperty("autoCreateTopicEnable", "true");
            try (PetrelBroker broker = PetrelBroker.start(dir.resolve("store"), "reg-a",
                petrelNs.address() + ";" + officialNs.address(), props)) {
                List<DefaultMQAdminExt> admins = new ArrayList<>();
                try {
                    for (String ns : List.of(petrelNs.address(), officialNs.address())) {
                        DefaultMQAdminExt a = new DefaultMQAdminExt();
                        a.setNamesrvAddr(ns);
                        a.setInstanceName("reg-admin-" + admins.size());
                        a.start();
                        admins.add(a);
                    }
                    Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                        admins.stream().allMatch(a -> routed(a, "TBW102")));
                    for (int i = 0; i < TOPICS; i++) {
                        String topic = "REG_" + i;
                        admins.get(0).createAndUpdateTopicConfig(broker.address(), new TopicConfig(topic, 4, 4, 6));
                        // The admin call returns once the NameServers have the change.
                        for (DefaultMQAdminExt a : admins) {
                            assertTrue(routed(a, topic), topic + " not routed by " + a.getNamesrvAddr());
                        }
                    }
                    for (int i = 0; i < TOPICS; i++) {
                        for (DefaultMQAdminExt a : admins) {
                            assertTrue(routed(a, "REG_" + i), "REG_" + i + " lost by " + a.getNamesrvAddr());
                        }
                    }

                    admins.get(0).createAndUpdateTopicConfig(broker.address(), new TopicConfig("REG_0", 4, 4, 4));
                    for (DefaultMQAdminExt a : admins) {
                        List<QueueData> queues = a.examineTopicRouteInfo("REG_0").getQueueDatas();
                        assertEquals(4, queues.get(0).getPerm(), a.getNamesrvAddr());
                    }

                    DefaultMQProducer producer = new DefaultMQProducer("PG_REG");
                    producer.setNamesrvAddr(petrelNs.address());
                    producer.setInstanceName("reg-producer");
                    producer.start();
                    try {
                        producer.send(new Message("REG_AUTO", "auto".getBytes()));
                    } finally {
                        producer.shutdown();
                    }
                    for (DefaultMQAdminExt a : admins) {
                        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> routed(a, "REG_AUTO"));
                        assertTrue(routed(a, "REG_" + (TOPICS - 1)), a.getNamesrvAddr());
                    }
                } finally {
                    admins.forEach(DefaultMQAdminExt::shutdown);
                }
            }
        }
    }

    private static boolean routed(DefaultMQAdminExt admin, String topic) {
        try {
            return !admin.examineTopicRouteInfo(topic).getQueueDatas().isEmpty();
        } catch (Exception e) {
            return false;
        }
    }
}
