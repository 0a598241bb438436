package io.petrel.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw CommitLog ranges read from one store and appended to a slave store, which dispatches them. */
class ReplicationPrimitivesTest {
    @TempDir
    Path root;

    @Test
    void aRecordSplitAcrossTwoTransfersIsDispatchedOnceComplete() throws Exception {
        MutableClock clock = new MutableClock(1_700_000_000_000L);
        DefaultMessageStore master = new DefaultMessageStore(TestMessages.smallConfig(root.resolve("m2")).build(), clock);
        DefaultMessageStore slave = new DefaultMessageStore(TestMessages.smallConfig(root.resolve("s2"))
            .brokerRole(BrokerRole.SLAVE).build(), clock);
        try {
            master.load();
            master.start();
            slave.load();
            slave.start();
            PutMessageResult r = master.putMessage(TestMessages.message("SPLIT", 0, "split-in-two"));
            SelectedBuffer sb = master.getCommitLogData(0);
            byte[] data = new byte[sb.size()];
            sb.buffer().get(data);
            sb.release();
            assertEquals(r.wroteBytes(), data.length);
            assertTrue(slave.appendToCommitLog(0, data, 0, 50));
            assertEquals(0, slave.getMaxOffsetInQueue("SPLIT", 0));
            assertTrue(slave.appendToCommitLog(50, data, 50, data.length - 50));
            Awaitility.await().until(() -> slave.getMaxOffsetInQueue("SPLIT", 0) == 1);
            assertEquals("split-in-two", new String(slave.lookMessageByOffset(0).getBody(), java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            master.shutdown();
            slave.shutdown();
        }
    }

    @Test
    void rawRangesCopiedToASlaveAreServedIdentically() throws Exception {
        MutableClock clock = new MutableClock(1_700_000_000_000L);
        DefaultMessageStore master = new DefaultMessageStore(
            TestMessages.smallConfig(root.resolve("m")).mappedFileSizeCommitLog(4096).build(), clock);
        DefaultMessageStore slave = new DefaultMessageStore(TestMessages.smallConfig(root.resolve("s"))
            .mappedFileSizeCommitLog(4096).brokerRole(BrokerRole.SLAVE).build(), clock);
        try {
            master.load();
            master.start();
            slave.load();
            slave.start();
            for (int i = 0; i < 60; i++) {
                assertTrue(master.putMessage(TestMessages.message("HA", i % 2, "replicated-" + i + "z".repeat(i))).isOk());
            }
            assertEquals(PutMessageStatus.SERVICE_NOT_AVAILABLE, slave.putMessage(TestMessages.message("HA", 0, "x")).status());
            assertFalse(slave.appendToCommitLog(100, new byte[10], 0, 10), "only at the end");
            long offset = 0;
            while (offset < master.getMaxPhyOffset()) {
                SelectedBuffer sb = master.getCommitLogData(offset);
                try {
                    byte[] data = new byte[sb.size()];
                    sb.buffer().get(data);
                    assertTrue(slave.appendToCommitLog(offset, data, 0, data.length));
                    offset += data.length;
                } finally {
                    sb.release();
                }
            }
            Awaitility.await().until(() -> slave.dispatchBehindBytes() == 0 && master.dispatchBehindBytes() == 0);
            assertEquals(master.getMaxPhyOffset(), slave.getMaxPhyOffset());
            for (int q = 0; q < 2; q++) {
                assertEquals(30, slave.getMaxOffsetInQueue("HA", q));
                GetMessageResult a = master.getMessage("G", "HA", q, 0, 32, null);
                GetMessageResult b = slave.getMessage("G", "HA", q, 0, 32, null);
                try {
                    assertArrayEquals(a.copyToHeap().array(), b.copyToHeap().array());
                } finally {
                    a.release();
                    b.release();
                }
            }
        } finally {
            master.shutdown();
            slave.shutdown();
        }
        assertArrayEquals(Files.readAllBytes(root.resolve("m/commitlog/00000000000000004096")),
            Files.readAllBytes(root.resolve("s/commitlog/00000000000000004096")));
    }
}
