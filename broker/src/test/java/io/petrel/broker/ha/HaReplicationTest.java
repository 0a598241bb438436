package io.petrel.broker.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.broker.BrokerController;
import io.petrel.broker.BrokerStartup;
import io.petrel.broker.config.BrokerConfigStore;
import io.petrel.broker.config.BrokerSettings;
import io.petrel.broker.testing.TestStore;
import io.petrel.common.message.MessageExt;
import io.petrel.remoting.tls.TlsSettings;
import io.petrel.store.DefaultMessageStore;
import io.petrel.store.GetMessageResult;
import io.petrel.store.MessageStore;
import io.petrel.store.PutMessageResult;
import io.petrel.store.PutMessageStatus;
import io.petrel.store.PutRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Master and slave brokers in this JVM, the slave pointed at the master's HA port by {@code haMasterAddress} (no
 * NameServer): CommitLog replication byte for byte, the slave's own ConsumeQueues, SYNC_MASTER answers, broken HA
 * sockets and peers on the HA port that lie about their offsets.
 */
class HaReplicationTest {
    private static final int FILE = 64 * 1024;
    private static final String[] TOPICS = {"HA_A", "HA_B", "HA_C"};

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private BrokerController broker(String name, String... kv) throws Exception {
        return broker(name, null, kv);
    }

    /** A broker whose servers (remoting and HA) and own client take these TLS settings; null for the JVM's. */
    private BrokerController broker(String name, TlsSettings tls, String... kv) throws Exception {
        Properties p = new Properties();
        p.setProperty("brokerClusterName", "HA");
        p.setProperty("brokerName", "ha-group");
        p.setProperty("brokerIP1", "127.0.0.1");
        p.setProperty("brokerIP2", "127.0.0.1");
        p.setProperty("bindAddress", "127.0.0.1");
        p.setProperty("listenPort", "0");
        p.setProperty("storePathRootDir", dir.resolve(name).toString());
        p.setProperty("mappedFileSizeCommitLog", Integer.toString(FILE));
        p.setProperty("maxMessageSize", "8192");
        p.setProperty("mappedFileSizeConsumeQueue", Integer.toString(100 * 20));
        p.setProperty("maxIndexNum", "4000");
        p.setProperty("maxHashSlotNum", "1000");
        p.setProperty("haSendHeartbeatInterval", "1000");
        p.setProperty("haHousekeepingInterval", "5000");
        p.setProperty("diskMaxUsedSpaceRatio", "95");
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        BrokerSettings s = BrokerStartup.settings(p);
        if (tls != null) {
            s.server().setTls(tls);
            s.client().setTls(tls);
        }
        BrokerController c = new BrokerController(s, BrokerConfigStore.defaultFile(s), Clock.systemUTC());
        c.start();
        open.add(c::shutdown);
        return c;
    }

    private BrokerController slaveOf(String name, int haPort, String... kv) throws Exception {
        return slaveOf(name, haPort, null, kv);
    }

    private BrokerController slaveOf(String name, int haPort, TlsSettings tls, String... kv) throws Exception {
        List<String> all = new ArrayList<>(List.of("brokerRole", "SLAVE", "brokerId", "1",
            "haMasterAddress", "127.0.0.1:" + haPort));
        all.addAll(List.of(kv));
        return broker(name, tls, all.toArray(new String[0]));
    }

    /** TLS settings in test mode (self-signed server certificate, any server trusted) with this server mode. */
    private TlsSettings tls(String mode) {
        return TlsSettings.resolve(Map.of(TlsSettings.SERVER_MODE, mode,
            TlsSettings.CONFIG_FILE, dir.resolve("no-tls.properties").toString())::get);
    }

    private static MessageExt message(int i) {
        MessageExt m = TestStore.message(TOPICS[i % TOPICS.length], i % 2, "body-" + i + "-" + "x".repeat(300 + i % 500));
        m.putProperty("KEYS", "k" + i);
        return m;
    }

    private static PutMessageResult put(BrokerController b, int i) {
        return b.store().asyncPutMessage(PutRequest.of(message(i))).join();
    }

    /**
     * Waits until the slaves follow the master from its first CommitLog file: one message (outside the checked
     * topics) put and replicated. A slave that connects only after the master filled a file starts at its newest
     * file, as in 4.9.7.
     */
    private static void awaitFollowing(BrokerController master, BrokerController... slaves) {
        assertTrue(master.store().asyncPutMessage(PutRequest.of(TestStore.message("HA_WARM", 0, "warm"))).join()
            .isOk());
        for (BrokerController slave : slaves) {
            awaitCaughtUp(master, slave);
        }
    }

    private static void awaitCaughtUp(BrokerController master, BrokerController slave) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(
            () -> slave.store().getMaxPhyOffset() == master.store().getMaxPhyOffset()
                && slave.store().dispatchBehindBytes() == 0);
    }

    /** Every CommitLog file of the slave equals the master's file of the same name, zero tail included. */
    private static void assertSameCommitLog(BrokerController master, BrokerController slave) throws IOException {
        Path m = commitLogDir(master);
        Path s = commitLogDir(slave);
        List<Path> files;
        try (Stream<Path> list = Files.list(s)) {
            files = list.sorted().toList();
        }
        assertTrue(!files.isEmpty(), "the slave has CommitLog files");
        for (Path f : files) {
            assertEquals(-1L, Files.mismatch(f, m.resolve(f.getFileName())), "CommitLog file " + f.getFileName());
        }
    }

    private static Path commitLogDir(BrokerController b) {
        return ((DefaultMessageStore) b.store()).commitLog().files().dir();
    }

    private static void assertSameQueues(MessageStore master, MessageStore slave) {
        for (String topic : TOPICS) {
            for (int q = 0; q < 2; q++) {
                long max = master.getMaxOffsetInQueue(topic, q);
                assertEquals(max, slave.getMaxOffsetInQueue(topic, q), topic + "-" + q);
                assertEquals(master.getMinOffsetInQueue(topic, q), slave.getMinOffsetInQueue(topic, q));
                for (long o = slave.getMinOffsetInQueue(topic, q); o < max; o += 7) {
                    assertEquals(master.getCommitLogOffsetInQueue(topic, q, o),
                        slave.getCommitLogOffsetInQueue(topic, q, o), topic + "-" + q + "@" + o);
                }
            }
        }
    }

    @Test
    void slaveHoldsTheMastersCommitLogByteForByteAndBuildsItsOwnQueues() throws Exception {
        BrokerController master = broker("master");
        BrokerController slave = slaveOf("slave", master.haListenPort());
        awaitFollowing(master, slave);
        for (int i = 0; i < 600; i++) {
            assertTrue(put(master, i).isOk());
        }
        awaitCaughtUp(master, slave);
        assertTrue(master.store().getMaxPhyOffset() > 4L * FILE, "the load spans several files");
        assertSameCommitLog(master, slave);
        assertSameQueues(master.store(), slave.store());
        GetMessageResult got = slave.store().getMessage("G", TOPICS[1], 1, 0, 4, null);
        assertEquals(4, got.messageCount());
        got.release();
        assertEquals(1, master.store().queryMessage(TOPICS[0], "k0", 10, 0, Long.MAX_VALUE).messages().size());
        assertEquals(1, slave.store().queryMessage(TOPICS[0], "k0", 10, 0, Long.MAX_VALUE).messages().size());

        PutMessageResult refused = put(slave, 1);
        assertEquals(PutMessageStatus.SERVICE_NOT_AVAILABLE, refused.status());
    }

    @Test
    void aPermissiveMasterReplicatesToATlsSlaveAndToAPlainSlave() throws Exception {
        BrokerController master = broker("master", tls("permissive"));
        BrokerController secure = slaveOf("secure", master.haListenPort(), tls("permissive"), "useTLS", "true");
        BrokerController plain = slaveOf("plain", master.haListenPort(), tls("permissive"), "brokerId", "2",
            "useTLS", "false");
        awaitFollowing(master, secure, plain);
        for (int i = 0; i < 300; i++) {
            assertTrue(put(master, i).isOk());
        }
        awaitCaughtUp(master, secure);
        awaitCaughtUp(master, plain);
        assertSameCommitLog(master, secure);
        assertSameCommitLog(master, plain);
        assertSameQueues(master.store(), secure.store());
        assertSameQueues(master.store(), plain.store());
        assertEquals(2, master.haServer().connectionCount());
    }

    @Test
    void anEnforcingMasterReplicatesOnlyToATlsSlave() throws Exception {
        BrokerController master = broker("master", tls("enforcing"));
        BrokerController plain = slaveOf("plain", master.haListenPort(), tls("permissive"), "brokerId", "2",
            "useTLS", "false");
        BrokerController secure = slaveOf("secure", master.haListenPort(), tls("permissive"), "useTLS", "true");
        awaitFollowing(master, secure);
        for (int i = 0; i < 300; i++) {
            assertTrue(put(master, i).isOk());
        }
        awaitCaughtUp(master, secure);
        assertSameCommitLog(master, secure);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> master.haServer().connectionCount() == 1);
        assertEquals(0, plain.store().getMaxPhyOffset(), "the plain slave got nothing");
    }

    @Test
    void aNewSlaveOfAMasterWithSeveralFilesStartsAtItsNewestFile() throws Exception {
        BrokerController master = broker("master");
        for (int i = 0; i < 400; i++) {
            assertTrue(put(master, i).isOk());
        }
        long max = master.store().getMaxPhyOffset();
        BrokerController slave = slaveOf("slave", master.haListenPort());
        awaitCaughtUp(master, slave);
        assertEquals(max - max % FILE, slave.store().getMinPhyOffset());
        assertSameCommitLog(master, slave);
    }

    @Test
    void aBrokenHaSocketUnderLoadResumesFromTheSlavesEnd() throws Exception {
        BrokerController master = broker("master");
        try (CuttableProxy proxy = new CuttableProxy(master.haListenPort())) {
            BrokerController slave = slaveOf("slave", proxy.port());
            awaitFollowing(master, slave);
            int n = 0;
            for (int cut = 1; cut <= 3; cut++) {
                int seen = proxy.accepted();
                long before = slave.store().getMaxPhyOffset();
                for (int end = n + 300; n < end; n++) {
                    assertTrue(put(master, n).isOk());
                }
                Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> slave.store().getMaxPhyOffset() > before);
                proxy.cut();
                for (int end = n + 100; n < end; n++) {
                    assertTrue(put(master, n).isOk());
                }
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> proxy.accepted() > seen);
            }
            awaitCaughtUp(master, slave);
            assertSameCommitLog(master, slave);
            assertSameQueues(master.store(), slave.store());
        }
    }

    @Test
    void aRestartedSlaveResumesFromItsOwnStore() throws Exception {
        BrokerController master = broker("master");
        BrokerController slave = slaveOf("slave", master.haListenPort());
        awaitFollowing(master, slave);
        for (int i = 0; i < 150; i++) {
            assertTrue(put(master, i).isOk());
        }
        awaitCaughtUp(master, slave);
        slave.shutdown();
        for (int i = 150; i < 400; i++) {
            assertTrue(put(master, i).isOk());
        }
        BrokerController again = slaveOf("slave", master.haListenPort());
        awaitCaughtUp(master, again);
        assertEquals(0, again.store().getMinPhyOffset());
        assertSameCommitLog(master, again);
        assertSameQueues(master.store(), again.store());
    }

    @Test
    void syncMasterAnswersAsIn497() throws Exception {
        BrokerController master = broker("master", "brokerRole", "SYNC_MASTER", "slaveTimeout", "700");
        assertEquals(PutMessageStatus.SLAVE_NOT_AVAILABLE, put(master, 0).status(), "no slave yet");
        BrokerController slave = slaveOf("slave", master.haListenPort());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> master.haServer().connectionCount() == 1);
        for (int i = 1; i < 200; i++) {
            PutMessageResult r = put(master, i);
            assertEquals(PutMessageStatus.PUT_OK, r.status());
            assertTrue(slave.store().getMaxPhyOffset() >= r.wroteOffset() + r.wroteBytes(),
                "the slave holds the record before SEND_OK");
        }
        MessageExt noWait = message(500);
        noWait.putProperty("WAIT", "false");
        assertEquals(PutMessageStatus.PUT_OK,
            master.store().asyncPutMessage(PutRequest.of(noWait)).join().status());
    }

    @Test
    void aPeerThatNeverAcknowledgesGetsFlushSlaveTimeout() throws Exception {
        BrokerController master = broker("master", "brokerRole", "SYNC_MASTER", "slaveTimeout", "500");
        assertTrue(put(master, 0).status() == PutMessageStatus.SLAVE_NOT_AVAILABLE);
        try (Socket peer = new Socket(InetAddress.getLoopbackAddress(), master.haListenPort())) {
            peer.getOutputStream().write(HaFrames.report(master.store().getMaxPhyOffset()));
            Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> master.store().replicas().linkCount() == 1);
            PutMessageResult r = put(master, 1);
            assertEquals(PutMessageStatus.FLUSH_SLAVE_TIMEOUT, r.status());
            assertTrue(master.store().lookMessageByOffset(r.wroteOffset()) != null, "stored all the same");
        }
    }

    /**
     * A peer reporting more than the master has (a slave that diverged after a master crash, or anything writing
     * numbers to the HA port) confirms nothing: puts are never acknowledged on its word (RocketMQ issue #3015), and
     * a later report beyond the master's end closes it.
     */
    @Test
    void aPeerAheadOfTheMasterConfirmsNothing() throws Exception {
        BrokerController master = broker("master", "brokerRole", "SYNC_MASTER", "slaveTimeout", "500");
        try (Socket peer = new Socket(InetAddress.getLoopbackAddress(), master.haListenPort())) {
            OutputStream out = peer.getOutputStream();
            long ahead = 10L * FILE;
            out.write(HaFrames.report(ahead));
            Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> master.store().replicas().linkCount() == 1);
            CompletableFuture<PutMessageResult> waiting = master.store().asyncPutMessage(PutRequest.of(message(1)));
            out.write(HaFrames.report(ahead));
            assertNotEquals(PutMessageStatus.PUT_OK, waiting.join().status());
            InputStream in = peer.getInputStream();
            peer.setSoTimeout(10_000);
            byte[] sink = new byte[4096];
            while (in.read(sink) >= 0) {
                // the master closes the connection: the second report is beyond its CommitLog
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> master.store().replicas().linkCount() == 0);
        assertEquals(0, master.store().replicas().confirmedOffset());
    }

    /** A peer told data from its first report acknowledges at most what it was sent. */
    @Test
    void anAcknowledgementCountsOnlyForWhatWasSent() throws Exception {
        BrokerController master = broker("master", "brokerRole", "SYNC_MASTER", "slaveTimeout", "500");
        try (Socket peer = new Socket(InetAddress.getLoopbackAddress(), master.haListenPort())) {
            long end = master.store().getMaxPhyOffset();
            peer.getOutputStream().write(HaFrames.report(end));
            Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> master.store().replicas().linkCount() == 1);
            // acknowledges exactly the master's end before anything new was sent: confirms nothing new
            peer.getOutputStream().write(HaFrames.report(end));
            assertEquals(PutMessageStatus.FLUSH_SLAVE_TIMEOUT, put(master, 2).status());
        }
    }

    /** A slave that goes silent is dropped after haHousekeepingInterval (5 s here), heartbeats flowing meanwhile. */
    @Test
    void aSilentPeerIsDroppedAfterTheHousekeepingInterval() throws Exception {
        BrokerController master = broker("master");
        try (Socket peer = new Socket(InetAddress.getLoopbackAddress(), master.haListenPort())) {
            peer.getOutputStream().write(HaFrames.report(0));
            peer.setSoTimeout(15_000);
            InputStream in = peer.getInputStream();
            byte[] header = new byte[HaFrames.HEADER_SIZE];
            assertEquals(HaFrames.HEADER_SIZE, HaFrames.fill(in, header, 0, header.length));
            assertEquals(0, HaFrames.headerSize(header), "an empty store: a heartbeat frame");
            long begin = System.nanoTime();
            byte[] sink = new byte[4096];
            while (in.read(sink) >= 0) {
                // heartbeats until the master gives up on the silent peer
            }
            long ms = (System.nanoTime() - begin) / 1_000_000;
            assertTrue(ms >= 3_000, "closed after " + ms + " ms");
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> master.haServer().connectionCount() == 0);
    }
}
