package io.petrel.test.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.test.broker.PetrelBroker;
import io.petrel.test.official.ClosingTest;
import io.petrel.test.official.OfficialBroker;
import io.petrel.test.official.OfficialNamesrv;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The rolling migration of docs/ha.md: a running official 4.9.7 group (master + slave, with an official NameServer
 * and a second group taking writes) is moved to Petrel node by node while an official producer and consumer run
 * throughout, never restarted. A Petrel slave joins and catches up; writes move away from the group
 * (wipeWritePerm); the official master stops; the Petrel node restarts as master on its replicated store; a second
 * Petrel slave replaces the official one. Every acknowledged message is consumed; duplicates stay within what was
 * in flight. Long runs only ({@code -Plong}).
 */
@Tag("long")
class RollingMigrationTest extends ClosingTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TOPIC = "MIGRATE";
    private static final String GROUP_A = "broker-a";

    private final Set<String> acked = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> ackedPerGroup = new ConcurrentHashMap<>();
    private final AtomicLong lastAckOnA = new AtomicLong();

    private PetrelBroker petrel(String name, String brokerName, String ns, String... kv) throws Exception {
        Properties p = new Properties();
        p.setProperty("brokerClusterName", OfficialBroker.CLUSTER);
        // the official broker's ConsumeQueue file size, so that the files can be compared
        p.setProperty("mappedFileSizeConsumeQueue", Integer.toString(30_000 * 20));
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        PetrelBroker b = PetrelBroker.start(dir.resolve(name), brokerName, ns, p);
        open.add(b);
        return b;
    }

    private int ackedOn(String group) {
        AtomicInteger n = ackedPerGroup.get(group);
        return n == null ? 0 : n.get();
    }

    private static long officialMaxOffset(DefaultMQAdminExt admin, String addr) throws Exception {
        return Long.parseLong(admin.fetchBrokerRuntimeStats(addr).getTable().get("commitLogMaxOffset"));
    }

    @Test
    void anOfficialGroupMovesToPetrelUnderLoad() throws Exception {
        OfficialNamesrv ns = OfficialNamesrv.start(dir.resolve("namesrv"), List.of("-Xms128m", "-Xmx128m",
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        open.add(ns);
        OfficialBroker officialMaster = OfficialBroker.start(dir.resolve("official-a"), GROUP_A, ns.address());
        open.add(officialMaster);
        OfficialBroker officialSlave = OfficialBroker.startSlave(dir.resolve("official-a-s"), GROUP_A, ns.address(),
            List.of());
        open.add(officialSlave);
        PetrelBroker groupB = petrel("petrel-b", "broker-b", ns.address());
        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(ns.address());
        admin.setInstanceName("admin-" + System.nanoTime());
        admin.start();
        open.add(admin::shutdown);
        for (String addr : List.of(officialMaster.address(), groupB.address())) {
            admin.createAndUpdateTopicConfig(addr, new TopicConfig(TOPIC, 4, 4, 6));
        }

        // the applications: started once, never restarted
        DefaultMQProducer producer = new DefaultMQProducer("PG_MIGRATE");
        producer.setNamesrvAddr(ns.address());
        producer.setInstanceName("p-" + System.nanoTime());
        producer.setPollNameServerInterval(1000);
        producer.start();
        open.add(producer::shutdown);
        RecordingConsumer consumer = open.add(new RecordingConsumer(ns.address(), "CG_MIGRATE", TOPIC));
        AtomicBoolean stop = new AtomicBoolean();
        Thread sender = new Thread(() -> {
            int i = 0;
            while (!stop.get()) {
                String key = "m-" + i++;
                try {
                    SendResult r = producer.send(new Message(TOPIC, "T", key, key.getBytes(StandardCharsets.UTF_8)));
                    if (r.getSendStatus() == SendStatus.SEND_OK) {
                        acked.add(key);
                        String group = r.getMessageQueue().getBrokerName();
                        ackedPerGroup.computeIfAbsent(group, g -> new AtomicInteger()).incrementAndGet();
                        if (GROUP_A.equals(group)) {
                            lastAckOnA.set(System.nanoTime());
                        }
                    }
                    // a steady, modest load: the test is about where messages go, not how fast
                    TimeUnit.MILLISECONDS.sleep(2);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // not acknowledged: nothing promised
                }
            }
        }, "sender");
        sender.setDaemon(true);
        sender.start();
        open.add(() -> {
            stop.set(true);
            sender.join(10_000);
        });
        Awaitility.await().atMost(WAIT).until(() -> ackedOn(GROUP_A) > 200 && ackedOn("broker-b") > 200
            && consumer.distinct() > 300);

        // 1. a Petrel slave joins the official group and catches up
        PetrelBroker petrelA = petrel("petrel-a", GROUP_A, ns.address(), "brokerRole", "SLAVE", "brokerId", "2");
        long target = officialMaxOffset(admin, officialMaster.address());
        Awaitility.await().atMost(WAIT).until(() -> petrelA.controller().store().getMaxPhyOffset() >= target);

        // 2. writes move away from the group
        admin.wipeWritePermOfBroker(ns.address(), GROUP_A);
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
            .until(() -> System.nanoTime() - lastAckOnA.get() > TimeUnit.SECONDS.toNanos(3));
        long end = officialMaxOffset(admin, officialMaster.address());
        Awaitility.await().atMost(WAIT).until(() -> petrelA.controller().store().getMaxPhyOffset() == end);
        Awaitility.await().atMost(WAIT).until(() -> petrelA.controller().topics().select(TOPIC) != null);

        // 3. the official master stops; consumers go on reading the group from its slaves
        officialMaster.stop();
        int onAWhileMoving = ackedOn(GROUP_A);
        assertEquals(List.of(), StoreFiles.differences(officialMaster.storeDir(), petrelA.storeDir(), TOPIC),
            "the Petrel slave holds the official master's CommitLog and ConsumeQueues byte for byte");

        // 4. the Petrel node restarts as the master on its replicated store
        petrelA.close();
        PetrelBroker newMaster = petrel("petrel-a", GROUP_A, ns.address());
        assertTrue(newMaster.controller().store().getMaxPhyOffset() >= end);
        Awaitility.await().atMost(WAIT).until(() -> ackedOn(GROUP_A) > onAWhileMoving + 50);

        // 5. a second Petrel slave replaces the official one
        officialSlave.stop();
        PetrelBroker newSlave = petrel("petrel-a-s", GROUP_A, ns.address(), "brokerRole", "SLAVE", "brokerId", "1");
        Awaitility.await().atMost(WAIT).until(() -> newSlave.controller().store().getMaxPhyOffset()
            >= newMaster.controller().store().getMaxPhyOffset() - 4096);

        stop.set(true);
        sender.join(10_000);
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
            .until(() -> consumer.hasAll(acked));
        Awaitility.await().atMost(WAIT).until(() -> newSlave.controller().store().getMaxPhyOffset()
            == newMaster.controller().store().getMaxPhyOffset());
        assertEquals(List.of(), StoreFiles.differences(newMaster.storeDir(), newSlave.storeDir(), TOPIC));
        int duplicates = consumer.duplicates();
        System.out.printf("migration: %d acknowledged (%s), %d consumed, %d duplicates%n", acked.size(),
            ackedPerGroup, consumer.distinct(), duplicates);
        // what was pulled but not yet committed when the consumer moved between nodes: at most a pull batch per queue
        // and move (three moves of group A's four queues)
        assertTrue(duplicates <= 3 * 4 * 32, "duplicates " + duplicates);
    }
}
