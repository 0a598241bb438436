package io.petrel.test.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.common.topic.TopicConfig;
import io.petrel.test.official.OfficialMqAdmin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The official 4.9.7 mqadmin, run as operators run it, against a Petrel NameServer and broker. */
@Timeout(300)
class OfficialMqAdminAgainstPetrelTest {
    @TempDir
    Path dir;
    private PetrelCluster cluster;
    private DefaultMQProducer producer;
    private DefaultMQPushConsumer consumer;

    @BeforeEach
    void start() throws Exception {
        cluster = PetrelCluster.start(dir.resolve("cluster"), new Properties());
    }

    @AfterEach
    void stop() {
        if (consumer != null) {
            consumer.shutdown();
        }
        if (producer != null) {
            producer.shutdown();
        }
        cluster.close();
    }

    private OfficialMqAdmin.Result admin(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "-n";
        all[args.length + 1] = cluster.namesrvAddr();
        OfficialMqAdmin.Result r = OfficialMqAdmin.run(dir.resolve("mqadmin"), all);
        assertEquals(0, r.exitCode(), String.join(" ", args) + " printed:\n" + r.output());
        assertFalse(r.output().contains("Exception"), String.join(" ", args) + " printed:\n" + r.output());
        return r;
    }

    @Test
    void topicAndClusterCommands() throws Exception {
        String broker = cluster.broker().address();
        admin("updateTopic", "-c", PetrelBroker.CLUSTER, "-t", "ADM_T", "-r", "3", "-w", "3");
        TopicConfig created = cluster.broker().controller().topics().select("ADM_T");
        assertEquals(3, created.readQueueNums());
        cluster.awaitRoute("ADM_T");

        assertTrue(admin("topicList").output().contains("ADM_T"));
        assertTrue(admin("topicRoute", "-t", "ADM_T").output().contains(broker));
        String status = admin("topicStatus", "-t", "ADM_T").output();
        assertTrue(status.contains("petrel-a"), status);
        String clusters = admin("clusterList").output();
        assertTrue(clusters.contains(PetrelBroker.CLUSTER) && clusters.contains(broker), clusters);
        String brokerStatus = admin("brokerStatus", "-b", broker).output();
        assertTrue(brokerStatus.contains("brokerVersionDesc") && brokerStatus.contains("V4_9_7"), brokerStatus);

        admin("deleteTopic", "-c", PetrelBroker.CLUSTER, "-t", "ADM_T");
        assertEquals(null, cluster.broker().controller().topics().select("ADM_T"));
        assertFalse(admin("topicList").output().contains("ADM_T"));
    }

    @Test
    void groupCommandsAndConsumerProgress() throws Exception {
        admin("updateSubGroup", "-c", PetrelBroker.CLUSTER, "-g", "ADM_CG");
        SubscriptionGroupConfig group = cluster.broker().controller().subscriptionGroups().get("ADM_CG");
        assertTrue(group != null && group.consumeEnable(), String.valueOf(group));

        producer = new DefaultMQProducer("ADM_PG");
        producer.setNamesrvAddr(cluster.namesrvAddr());
        producer.setInstanceName("adm-p-" + System.nanoTime());
        producer.start();
        for (int i = 0; i < 6; i++) {
            producer.send(new Message("ADM_P", "T", ("p-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        Set<String> got = ConcurrentHashMap.newKeySet();
        consumer = new DefaultMQPushConsumer("ADM_CG");
        consumer.setNamesrvAddr(cluster.namesrvAddr());
        consumer.setInstanceName("adm-c-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe("ADM_P", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> got.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> got.size() == 6);
        // Offsets reach the broker with the consumer's next pull or its 5 s offset timer.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            long total = 0;
            for (int q = 0; q < 4; q++) {
                total += Math.max(0, cluster.broker().controller().offsets().query("ADM_CG", "ADM_P", q));
            }
            return total == 6;
        });
        String progress = admin("consumerProgress", "-g", "ADM_CG").output();
        assertTrue(progress.contains("ADM_P"), progress);
        assertTrue(progress.matches("(?s).*Diff Total:\\s*0.*"), progress);
    }
}
