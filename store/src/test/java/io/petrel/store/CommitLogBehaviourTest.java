package io.petrel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.message.MessageExt;
import io.petrel.common.message.StoredMessageCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File rolling, end-of-file blanks, size limits and offsets, through the public store API. */
class CommitLogBehaviourTest {
    @TempDir
    Path root;
    private DefaultMessageStore store;

    private DefaultMessageStore open(MessageStoreConfig config) throws Exception {
        store = new DefaultMessageStore(config, new MutableClock(1_700_000_000_000L));
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

    @Test
    void rollsFilesWithBlankRecordsAndKeepsQueueOffsetsContiguous() throws Exception {
        open(TestMessages.smallConfig(root).mappedFileSizeCommitLog(4096).build());
        Random rnd = new Random(11);
        List<PutMessageResult> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] body = new byte[10 + rnd.nextInt(600)];
            rnd.nextBytes(body);
            PutMessageResult r = store.putMessage(TestMessages.message("ROLL", i % 2, body));
            assertTrue(r.isOk());
            assertEquals(i / 2, r.logicsOffset());
            assertEquals(r.wroteOffset() / 4096, (r.wroteOffset() + r.wroteBytes() - 1) / 4096, "record spans files");
            results.add(r);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(root.resolve("commitlog"))) {
            files = s.filter(p -> p.getFileName().toString().matches("\\d{20}")).sorted().toList();
        }
        assertTrue(files.size() > 10);
        for (int i = 0; i < files.size(); i++) {
            assertEquals(String.format("%020d", i * 4096L), files.get(i).getFileName().toString());
        }
        PutMessageResult last = results.get(results.size() - 1);
        for (Path f : files) {
            long start = Long.parseLong(f.getFileName().toString());
            if (start + 4096 > last.wroteOffset()) {
                continue;
            }
            assertEndsWithBlank(Files.readAllBytes(f));
        }
        Awaitility.await().until(() -> store.dispatchBehindBytes() == 0);
        for (int q = 0; q < 2; q++) {
            assertEquals(100, store.getMaxOffsetInQueue("ROLL", q));
            for (long off = 0; off < 100; off++) {
                PutMessageResult expected = results.get((int) off * 2 + q);
                assertEquals(expected.wroteOffset(), store.getCommitLogOffsetInQueue("ROLL", q, off));
            }
        }
    }

    private static void assertEndsWithBlank(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file);
        int pos = 0;
        while (b.getInt(pos + 4) == StoredMessageCodec.MESSAGE_MAGIC) {
            pos += b.getInt(pos);
        }
        assertEquals(StoredMessageCodec.BLANK_MAGIC, b.getInt(pos + 4));
        assertEquals(file.length - pos, b.getInt(pos));
        assertTrue(file.length - pos >= 8);
    }

    @Test
    void enforcesSizeLimitsWithClearResults() throws Exception {
        open(TestMessages.smallConfig(root).maxMessageSize(2048).build());
        assertTrue(store.putMessage(TestMessages.message("LIM", 0, new byte[2048])).isOk());
        PutMessageResult tooBig = store.putMessage(TestMessages.message("LIM", 0, new byte[2049]));
        assertEquals(PutMessageStatus.MESSAGE_ILLEGAL, tooBig.status());
        assertTrue(tooBig.remark().contains("maxMessageSize"));
        assertEquals(PutMessageStatus.MESSAGE_ILLEGAL, store.putMessage(TestMessages.message("T".repeat(128), 0, "x")).status());
        assertTrue(store.putMessage(TestMessages.message("T".repeat(127), 0, "x")).isOk());
        MessageExt bigProps = TestMessages.message("LIM", 0, "x");
        bigProps.putProperty("big", "v".repeat(33_000));
        assertEquals(PutMessageStatus.PROPERTIES_SIZE_EXCEEDED, store.putMessage(bigProps).status());
        MessageExt noHost = TestMessages.message("LIM", 0, "x");
        noHost.setStoreHost(null);
        assertEquals(PutMessageStatus.MESSAGE_ILLEGAL, store.putMessage(noHost).status());
        PutMessageResult next = store.putMessage(TestMessages.message("LIM", 0, "after"));
        assertEquals(1, next.logicsOffset(), "rejected puts take no queue offset");
    }

    @Test
    void secondStoreOnTheSameDirectoryIsRefusedByTheLock() throws Exception {
        open(TestMessages.smallConfig(root).build());
        DefaultMessageStore second = new DefaultMessageStore(TestMessages.smallConfig(root).build(), new MutableClock(0));
        try {
            java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, second::load);
            assertTrue(e.getMessage().contains("Lock failed"), e.getMessage());
        } finally {
            second.shutdown();
            second.shutdown();
        }
        assertTrue(store.putMessage(TestMessages.message("LOCK", 0, "first store still works")).isOk());
        assertEquals("lock", Files.readString(root.resolve("lock")));
        assertTrue(Files.exists(root.resolve("abort")), "abort exists while running");
        store.shutdown();
        assertFalse(Files.exists(root.resolve("abort")), "abort removed by a clean shutdown");
        store = null;
    }

    @Test
    void emptyBodyIsStoredWithZeroCrc() throws Exception {
        open(TestMessages.smallConfig(root).build());
        PutMessageResult r = store.putMessage(TestMessages.message("EMPTY", 0, new byte[0]));
        assertTrue(r.isOk());
        MessageExt m = store.lookMessageByOffset(r.wroteOffset());
        assertEquals(0, m.getBodyCRC());
        assertEquals(0, m.getBody().length);
        assertEquals(r.msgId(), m.getMsgId());
    }

    @Test
    void lookupsByOffsetTimeAndEarliestTime() throws Exception {
        MutableClock clock = new MutableClock(1_700_000_000_000L);
        store = new DefaultMessageStore(TestMessages.smallConfig(root).build(), clock);
        store.load();
        store.start();
        for (int i = 0; i < 10; i++) {
            clock.set(1_700_000_000_000L + i * 1000L);
            store.putMessage(TestMessages.message("TIME", 0, "m" + i));
        }
        Awaitility.await().until(() -> store.dispatchBehindBytes() == 0);
        assertEquals(0, store.getOffsetInQueueByTime("TIME", 0, 0));
        assertEquals(3, store.getOffsetInQueueByTime("TIME", 0, 1_700_000_003_500L), "a tie goes to the earlier");
        assertEquals(4, store.getOffsetInQueueByTime("TIME", 0, 1_700_000_003_501L), "the nearer record");
        assertEquals(3, store.getOffsetInQueueByTime("TIME", 0, 1_700_000_003_000L), "the record stored then");
        assertEquals(9, store.getOffsetInQueueByTime("TIME", 0, 1_800_000_000_000L), "after all: the last record");
        assertEquals(0, store.getOffsetInQueueByTime("NO_SUCH_TOPIC", 0, 1_800_000_000_000L));
        assertEquals(1_700_000_000_000L, store.getEarliestMessageTime("TIME", 0));
        assertEquals(1_700_000_000_000L, store.getEarliestMessageTime());
        assertEquals(1_700_000_002_000L, store.getMessageStoreTimeStamp("TIME", 0, 2));
        MessageExt m = store.lookMessageByOffset(store.getCommitLogOffsetInQueue("TIME", 0, 3));
        assertNotNull(m);
        assertEquals("m3", new String(m.getBody(), StandardCharsets.UTF_8));
        java.util.Map<String, String> info = store.getRuntimeInfo();
        assertEquals("10", info.get("putMessageTimesTotal"));
        assertEquals("0", info.get("putMessageFailedTimes"));
        assertEquals("1700000000000", info.get("earliestMessageTimeStamp"));
        assertEquals(String.valueOf(store.getMaxPhyOffset()), info.get("commitLogMaxOffset"));
    }
}
