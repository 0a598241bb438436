package io.petrel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.message.MessageExt;
import io.petrel.common.message.StoredMessageCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restart after a normal and after an abnormal exit (the {@code abort} file left behind), with
 * corrupt, garbage or missing data. The real kill -9 case is {@link CrashRecoveryTest}.
 */
class RecoveryTest {
    @TempDir
    Path root;
    private final MutableClock clock = new MutableClock(1_700_000_000_000L);
    private DefaultMessageStore store;

    private MessageStoreConfig config() {
        return TestMessages.smallConfig(root).mappedFileSizeCommitLog(4096).mappedFileSizeConsumeQueue(200).build();
    }

    private DefaultMessageStore open() throws Exception {
        store = new DefaultMessageStore(config(), clock);
        store.load();
        store.start();
        return store;
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.shutdown();
        }
    }

    private List<PutMessageResult> write(int count, int queues) {
        List<PutMessageResult> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clock.advance(10);
            MessageExt m = TestMessages.message("REC", i % queues, "message-" + i + "-" + "x".repeat(i % 97));
            m.setKeys("rk" + i);
            PutMessageResult r = store.putMessage(m);
            assertTrue(r.isOk());
            out.add(r);
        }
        Awaitility.await().until(() -> store.dispatchBehindBytes() == 0);
        return out;
    }

    private void crashMark() throws IOException {
        store.shutdown();
        store = null;
        Files.write(root.resolve("abort"), new byte[0]);
    }

    private void patch(long phyOffset, int delta, byte value) throws IOException {
        long fileStart = phyOffset - phyOffset % 4096;
        Path f = root.resolve("commitlog").resolve(String.format("%020d", fileStart));
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {value}), phyOffset - fileStart + delta);
        }
    }

    private void assertQueueReadable(String topic, int queue, long expectedCount) {
        assertEquals(expectedCount, store.getMaxOffsetInQueue(topic, queue));
        long offset = 0;
        while (offset < expectedCount) {
            GetMessageResult r = store.getMessage("G", topic, queue, offset, 32, null);
            try {
                assertEquals(GetMessageStatus.FOUND, r.status(), "at " + offset);
                for (ByteBuffer b : r.messageBuffers()) {
                    MessageExt m = StoredMessageCodec.decode(b, true, true);
                    assertEquals(offset++, m.getQueueOffset());
                }
            } finally {
                r.release();
            }
        }
        assertEquals(GetMessageStatus.OFFSET_OVERFLOW_ONE, store.getMessage("G", topic, queue, offset, 1, null).status());
    }

    @Test
    void normalRestartContinuesOffsets() throws Exception {
        open();
        List<PutMessageResult> written = write(60, 3);
        long end = store.getMaxPhyOffset();
        store.shutdown();
        assertFalse(Files.exists(root.resolve("abort")));
        open();
        assertTrue(store.lastExitOk());
        assertEquals(end, store.getMaxPhyOffset());
        for (int q = 0; q < 3; q++) {
            assertQueueReadable("REC", q, 20);
        }
        PutMessageResult next = store.putMessage(TestMessages.message("REC", 1, "next"));
        assertEquals(20, next.logicsOffset());
        assertTrue(next.wroteOffset() >= written.get(59).wroteOffset() + written.get(59).wroteBytes());
    }

    @Test
    void abnormalRecoveryDropsRecordWithBadCrcAndEverythingAfterIt() throws Exception {
        open();
        List<PutMessageResult> written = write(40, 2);
        PutMessageResult victim = written.get(37);
        crashMark();
        patch(victim.wroteOffset(), victim.wroteBytes() - 60, (byte) '#');
        open();
        assertFalse(store.lastExitOk());
        assertEquals(victim.wroteOffset(), store.getMaxPhyOffset());
        assertQueueReadable("REC", 1, 18);
        assertQueueReadable("REC", 0, 19);
        PutMessageResult again = store.putMessage(TestMessages.message("REC", 1, "replacement"));
        assertEquals(18, again.logicsOffset());
        assertEquals(victim.wroteOffset(), again.wroteOffset());
        Awaitility.await().until(() -> store.dispatchBehindBytes() == 0);
        assertEquals(19, store.getMaxOffsetInQueue("REC", 1));
    }

    @Test
    void garbageAfterTheLastRecordIsNotServed() throws Exception {
        open();
        write(25, 1);
        long end = store.getMaxPhyOffset();
        crashMark();
        patch(end, 4, (byte) 0x11);
        patch(end, 100, (byte) 0x22);
        open();
        assertEquals(end, store.getMaxPhyOffset());
        assertQueueReadable("REC", 0, 25);
    }

    @Test
    void missingConsumeQueueDirectoryIsRebuiltFromTheCommitLog() throws Exception {
        open();
        write(50, 3);
        store.shutdown();
        store = null;
        deleteTree(root.resolve("consumequeue"));
        open();
        Awaitility.await().until(() -> store.dispatchBehindBytes() == 0);
        assertQueueReadable("REC", 0, 17);
        assertQueueReadable("REC", 1, 17);
        assertQueueReadable("REC", 2, 16);
    }

    @Test
    void consumeQueueTailLostInACrashIsRebuilt() throws Exception {
        open();
        write(50, 2);
        crashMark();
        Path q0 = root.resolve("consumequeue/REC/0");
        List<Path> files;
        try (Stream<Path> s = Files.list(q0)) {
            files = s.sorted().toList();
        }
        Path last = files.get(files.size() - 1);
        Files.write(last, new byte[200]);
        open();
        assertFalse(store.lastExitOk());
        Awaitility.await().until(() -> store.dispatchBehindBytes() == 0);
        assertQueueReadable("REC", 0, 25);
        assertQueueReadable("REC", 1, 25);
    }

    @Test
    void indexIsRebuiltAfterAbnormalExit() throws Exception {
        open();
        write(30, 2);
        crashMark();
        open();
        Awaitility.await().until(() -> store.dispatchBehindBytes() == 0);
        for (int i = 0; i < 30; i += 7) {
            List<MessageExt> found = store.queryMessage("REC", "rk" + i, 32, 0, Long.MAX_VALUE).messages();
            assertEquals(1, found.size(), "rk" + i);
            assertTrue(new String(found.get(0).getBody(), StandardCharsets.UTF_8).startsWith("message-" + i + "-"));
        }
    }

    @Test
    void consumeQueuesWithoutCommitLogAreDropped() throws Exception {
        open();
        write(10, 1);
        store.shutdown();
        store = null;
        deleteTree(root.resolve("commitlog"));
        open();
        assertEquals(0, store.getMaxOffsetInQueue("REC", 0));
        assertEquals(0, store.putMessage(TestMessages.message("REC", 0, "fresh")).logicsOffset());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
