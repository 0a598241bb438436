package io.petrel.test.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.test.broker.PetrelBroker;
import io.petrel.test.namesrv.PetrelNamesrv;
import io.petrel.test.official.ClosingTest;
import io.petrel.test.official.OfficialBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * HA between Petrel and the official 4.9.7 broker, both ways: the slave finds its master through a NameServer's
 * register reply, follows it on the HA port, and ends with a CommitLog (more than one file) and ConsumeQueues
 * byte-identical to the master's.
 */
class HaInteropTest extends ClosingTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String GROUP = "ha-interop";
    private static final String TOPIC = "HA_INTEROP";
    /** The official broker's ConsumeQueue file size (30,000 entries); the Petrel side uses the same. */
    private static final String CQ_FILE = "mappedFileSizeConsumeQueue=" + (30_000 * 20);

    private static final String FIRST_FILE = "00000000000000000000";


    private PetrelNamesrv namesrv() throws Exception {
        PetrelNamesrv ns = PetrelNamesrv.start(dir.resolve("namesrv"));
        open.add(ns);
        return ns;
    }

    private PetrelBroker petrel(String name, PetrelNamesrv ns, String... kv) throws Exception {
        Properties p = new Properties();
        p.setProperty("brokerClusterName", OfficialBroker.CLUSTER);
        p.setProperty("mappedFileSizeConsumeQueue", Integer.toString(30_000 * 20));
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        PetrelBroker b = PetrelBroker.start(dir.resolve(name), GROUP, ns.address(), p);
        open.add(b);
        return b;
    }

    /** Sends more than one 16 MiB CommitLog file of 1 KiB messages, in batches, with the official producer. */
    private void load(PetrelNamesrv ns) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("PG_HA_INTEROP");
        producer.setNamesrvAddr(ns.address());
        producer.setInstanceName("ha-" + System.nanoTime());
        producer.start();
        try {
            byte[] body = new byte[1024];
            for (int b = 0; b < 560; b++) {
                List<Message> batch = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    body[0] = (byte) i;
                    batch.add(new Message(TOPIC, "T" + i % 3, "k-" + b + "-" + i, body.clone()));
                }
                SendResult r = producer.send(batch);
                assertEquals(SendStatus.SEND_OK, r.getSendStatus());
            }
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void aPetrelSlaveFollowsAnOfficialMaster() throws Exception {
        PetrelNamesrv ns = namesrv();
        OfficialBroker master = OfficialBroker.start(dir.resolve("official-master"), GROUP, ns.address());
        open.add(master);
        PetrelBroker slave = petrel("petrel-slave", ns, "brokerRole", "SLAVE", "brokerId", "1");
        Awaitility.await().atMost(WAIT).until(() -> slave.controller().haClient().isConnected());
        assertEquals("127.0.0.1:" + master.haPort(), slave.controller().haClient().masterAddress());
        load(ns);
        StoreFiles.awaitIdentical(master.storeDir(), slave.storeDir(), TOPIC, WAIT);
        assertTrue(StoreFiles.files(slave.storeDir().resolve("commitlog")).size() >= 2, "more than one file");
        assertTrue(StoreFiles.files(slave.storeDir().resolve("commitlog")).contains(Path.of(FIRST_FILE)));
    }

    @Test
    void anOfficialSlaveFollowsAPetrelMaster() throws Exception {
        PetrelNamesrv ns = namesrv();
        PetrelBroker master = petrel("petrel-master", ns);
        OfficialBroker slave = OfficialBroker.startSlave(dir.resolve("official-slave"), GROUP, ns.address(),
            List.of(CQ_FILE));
        open.add(slave);
        // the official slave's first report comes about 5 s after it connects; a load sent before would make the
        // master start it at the newest CommitLog file, as 4.9.7 does
        Awaitility.await().atMost(WAIT).until(() -> master.controller().store().replicas().linkCount() == 1);
        load(ns);
        StoreFiles.awaitIdentical(master.storeDir(), slave.storeDir(), TOPIC, WAIT);
        assertTrue(StoreFiles.files(slave.storeDir().resolve("commitlog")).size() >= 2, "more than one file");
        assertTrue(StoreFiles.files(slave.storeDir().resolve("commitlog")).contains(Path.of(FIRST_FILE)));
    }
}
