package io.petrel.test.ha;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.test.broker.PetrelBroker;
import io.petrel.test.broker.PetrelBrokerProcess;
import io.petrel.test.namesrv.PetrelNamesrv;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.awaitility.Awaitility;
import io.petrel.test.official.AckingSenders;
import io.petrel.test.official.ClosingTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SYNC_MASTER + SYNC_FLUSH under kill -9: a Petrel master in a child JVM is killed at a random moment of a steady
 * send from four threads of the official client, {@value #ROUNDS} times; after every kill, every message the
 * producer saw SEND_OK for is in the slave's queues, and at the end a consumer reads them all from the slave while
 * the master is down. Long runs only ({@code -Plong}).
 */
@Tag("long")
class SyncMasterKillRoundsTest extends ClosingTest {
    private static final int ROUNDS = Integer.getInteger("petrel.killRounds", 20);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOPIC = "HA_KILL";


    @Test
    void everyAcknowledgedMessageIsOnTheSlave() throws Exception {
        PetrelNamesrv ns = PetrelNamesrv.start(dir.resolve("namesrv"));
        open.add(ns);
        PetrelBrokerProcess master = PetrelBrokerProcess.start(dir.resolve("master"), "broker-k", ns.address(),
            List.of("brokerRole=SYNC_MASTER", "flushDiskType=SYNC_FLUSH"));
        open.add(master);
        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(ns.address());
        admin.setInstanceName("admin-" + System.nanoTime());
        admin.start();
        open.add(admin::shutdown);
        admin.createAndUpdateTopicConfig(master.address(), new TopicConfig(TOPIC, 4, 4, 6));
        Properties slaveConf = new Properties();
        slaveConf.setProperty("brokerRole", "SLAVE");
        slaveConf.setProperty("brokerId", "1");
        PetrelBroker slave = PetrelBroker.start(dir.resolve("slave"), "broker-k", ns.address(), slaveConf);
        open.add(slave);
        // the slave serves the topic once it has copied the master's topic config (first sync 3 s after start)
        Awaitility.await().atMost(WAIT).until(() -> slave.controller().topics().select(TOPIC) != null);

        DefaultMQProducer producer = new DefaultMQProducer("PG_KILL");
        producer.setNamesrvAddr(ns.address());
        producer.setInstanceName("p-" + System.nanoTime());
        producer.setPollNameServerInterval(1000);
        producer.setSendMsgTimeout(5000);
        producer.setRetryTimesWhenSendFailed(0);
        producer.start();
        open.add(producer::shutdown);

        Set<String> acked = ConcurrentHashMap.newKeySet();
        Random random = new Random();
        AtomicInteger seq = new AtomicInteger();
        for (int round = 1; round <= ROUNDS; round++) {
            if (round > 1) {
                master.restart();
            }
            Awaitility.await().atMost(WAIT).until(() -> slave.controller().haClient().isConnected()
                && master.isAlive());
            AckingSenders senders = AckingSenders.start(producer, 4, seq, acked,
                key -> new Message(TOPIC, "T", key, key.getBytes(StandardCharsets.UTF_8)));
            // some acknowledged traffic first, then the kill at a random moment
            Awaitility.await().atMost(WAIT).until(() -> senders.acknowledged() >= 20);
            Awaitility.await().pollDelay(Duration.ofMillis(random.nextInt(1500))).until(() -> true);
            master.kill();
            assertTrue(senders.stop(Duration.ofSeconds(30)), "senders stop");
            Set<String> onSlave = new HashSet<>();
            Awaitility.await().atMost(WAIT).until(() -> {
                onSlave.clear();
                onSlave.addAll(SlaveContents.keys(slave.controller().store(), TOPIC, 4));
                return onSlave.containsAll(acked);
            });
            System.out.printf("kill round %d: %d acknowledged so far, %d on the slave%n", round, acked.size(),
                onSlave.size());
        }

        // the master stays down: a consumer reads everything acknowledged from the slave
        RecordingConsumer consumer = open.add(new RecordingConsumer(ns.address(), "CG_KILL", TOPIC));
        try {
            Awaitility.await().atMost(WAIT).until(() -> consumer.hasAll(acked));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("consumed " + consumer.distinct() + " of " + acked.size() + "; route "
                + admin.examineTopicRouteInfo(TOPIC) + "; slave offsets "
                + slave.controller().offsets().query("CG_KILL", TOPIC, 0) + ","
                + slave.controller().offsets().query("CG_KILL", TOPIC, 1), e);
        }
    }
}
