package io.petrel.test5x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.topic.TopicConfig;
import io.petrel.test.broker.PetrelBroker;
import io.petrel.test.official.OfficialMqAdmin;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.protocol.body.HARuntimeInfo;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The official 5.3.1 mqadmin, run as operators run it (a JVM per command), against a Petrel cluster: the commands
 * whose 5.x versions send what 4.9.7's did not (GET_TOPIC_CONFIG for topicStatus and consumerProgress) and the
 * 5.x-only haStatus (GET_BROKER_HA_STATUS); the rest
 * of the 5.x admin API is exercised in-process by {@link Client5AgainstPetrelTest}, the other commands send what
 * the 4.9.7 mqadmin tests already cover.
 */
@Timeout(300)
class MqAdmin5AgainstPetrelTest extends Client5Test {
    @Override
    Properties brokerProps() {
        return new Properties();
    }

    private String admin(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "-n";
        all[args.length + 1] = cluster.namesrvAddr();
        OfficialMqAdmin.Result r = OfficialMqAdmin.run(dir.resolve("mqadmin"), all);
        assertEquals(0, r.exitCode(), String.join(" ", args) + " printed:\n" + r.output());
        assertFalse(r.output().contains("Exception"), String.join(" ", args) + " printed:\n" + r.output());
        return r.output();
    }

    @Test
    void topicStatusAndConsumerProgress() throws Exception {
        admin.createAndUpdateTopicConfig(brokerAddr(), new org.apache.rocketmq.common.TopicConfig("ADM5_T", 3, 3, 6));
        TopicConfig created = cluster.broker().controller().topics().select("ADM5_T");
        assertEquals(3, created.readQueueNums());
        cluster.awaitRoute("ADM5_T");

        for (int i = 0; i < 6; i++) {
            producer.send(new Message("ADM5_T", "T", ("p-" + i).getBytes(StandardCharsets.UTF_8)),
                (mqs, m, arg) -> mqs.get((Integer) arg % mqs.size()), i);
        }
        // topicStatus reads the topic's config with GET_TOPIC_CONFIG on every broker of the route.
        String status = admin("topicStatus", "-t", "ADM5_T");
        assertTrue(status.contains("petrel-a"), status);

        Set<String> got = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer c = new DefaultMQPushConsumer("ADM5_CG");
        c.setNamesrvAddr(cluster.namesrvAddr());
        c.setInstanceName("adm5-c-" + System.nanoTime());
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe("ADM5_T", "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> got.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        kit.track(c::shutdown);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> got.size() == 6);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            long total = 0;
            for (int q = 0; q < 3; q++) {
                total += Math.max(0, cluster.broker().controller().offsets().query("ADM5_CG", "ADM5_T", q));
            }
            return total == 6;
        });
        // consumerProgress reads each topic's config with GET_TOPIC_CONFIG too.
        String progress = admin("consumerProgress", "-g", "ADM5_CG");
        assertTrue(progress.contains("ADM5_T") && progress.contains("Diff Total: 0"), progress);
    }

    /**
     * 5.x {@code haStatus} (GET_BROKER_HA_STATUS) against a Petrel master with one Petrel slave: the master lists
     * the slave, caught up and in sync; the slave names its master's HA address and holds the same CommitLog end.
     */
    @Test
    void haStatusShowsAMastersSlaveAndASlavesMaster() throws Exception {
        Properties s = new Properties();
        s.setProperty("brokerRole", "SLAVE");
        s.setProperty("brokerId", "1");
        PetrelBroker slave = PetrelBroker.start(dir.resolve("ha-slave"), "petrel-a", cluster.namesrvAddr(), s);
        try {
            admin.createAndUpdateTopicConfig(brokerAddr(), new org.apache.rocketmq.common.TopicConfig("ADM5_HA", 1, 1,
                6));
            cluster.awaitRoute("ADM5_HA");
            for (int i = 0; i < 5; i++) {
                producer.send(new Message("ADM5_HA", "T", ("ha-" + i).getBytes(StandardCharsets.UTF_8)));
            }
            long end = cluster.broker().controller().store().getMaxPhyOffset();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                HARuntimeInfo m = admin.getBrokerHAStatus(brokerAddr());
                return m.getHaConnectionInfo().size() == 1 && m.getHaConnectionInfo().get(0).getSlaveAckOffset()
                    >= end;
            });
            HARuntimeInfo master = admin.getBrokerHAStatus(brokerAddr());
            assertTrue(master.isMaster());
            assertEquals(1, master.getInSyncSlaveNums());
            HARuntimeInfo.HAConnectionRuntimeInfo link = master.getHaConnectionInfo().get(0);
            assertTrue(link.isInSync());
            assertEquals(master.getMasterCommitLogMaxOffset() - link.getSlaveAckOffset(), link.getDiff());
            assertTrue(link.getAddr().startsWith("127.0.0.1:"), link.getAddr());

            HARuntimeInfo ofSlave = admin.getBrokerHAStatus(slave.address());
            assertFalse(ofSlave.isMaster());
            String masterHa = "127.0.0.1:" + cluster.broker().controller().haListenPort();
            assertEquals(masterHa, ofSlave.getHaClientRuntimeInfo().getMasterAddr());
            assertEquals(slave.controller().store().getMaxPhyOffset(), ofSlave.getHaClientRuntimeInfo().getMaxOffset());
            assertTrue(ofSlave.getHaClientRuntimeInfo().getLastReadTimestamp() > 0);

            // and as operators see it
            String shown = admin("haStatus", "-b", brokerAddr());
            assertTrue(shown.contains("#SlaveNum\t1") && shown.contains("#InSyncSlaveNum\t1")
                && shown.contains(link.getAddr()) && shown.contains("OK"), shown);
            String shownBySlave = admin("haStatus", "-b", slave.address());
            assertTrue(shownBySlave.contains("#MasterAddr\t" + masterHa), shownBySlave);
        } finally {
            slave.close();
        }
    }
}
