package io.petrel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Deleting a topic's ConsumeQueues while appends, dispatch and reads go on. */
class ConsumeQueueDeletionTest {
    @TempDir
    Path root;
    private DefaultMessageStore store;

    @BeforeEach
    void open() throws Exception {
        // 1 MiB CommitLog files: the writer below appends flat out, and small files would mostly test allocation.
        store = new DefaultMessageStore(TestMessages.smallConfig(root).mappedFileSizeCommitLog(1 << 20).build(),
            new MutableClock(1_700_000_000_000L));
        store.load();
        store.start();
    }

    @AfterEach
    void close() {
        store.shutdown();
    }

    private void put(String topic, int queueId, String body) {
        assertTrue(store.putMessage(TestMessages.message(topic, queueId, body)).isOk());
    }

    private void awaitDispatched() {
        Awaitility.await().until(() -> store.dispatchBehindBytes() == 0);
    }

    @Test
    void aDeletedTopicLeavesNoFilesAndStartsAgainAtOffsetZero() {
        for (int i = 0; i < 150; i++) {
            put("GONE", i % 2, "m" + i);
        }
        put("STAYS", 0, "other");
        awaitDispatched();
        assertTrue(Files.exists(root.resolve("consumequeue/GONE/0/00000000000000000000")));

        assertEquals(2, store.deleteTopics(Set.of("GONE")));

        assertFalse(Files.exists(root.resolve("consumequeue/GONE")), "the topic directory is gone");
        assertEquals(0, store.getMaxOffsetInQueue("GONE", 0));
        GetMessageResult gone = store.getMessage("G", "GONE", 0, 5, 8, null);
        assertEquals(GetMessageStatus.NO_MESSAGE_IN_QUEUE, gone.status());
        assertEquals(0, gone.nextBeginOffset());
        assertEquals(0, gone.maxOffset());
        assertEquals(1, store.getMaxOffsetInQueue("STAYS", 0));
        put("GONE", 1, "again");
        awaitDispatched();
        assertEquals(0, store.getMinOffsetInQueue("GONE", 1));
        assertEquals(1, store.getMaxOffsetInQueue("GONE", 1));
        assertEquals("again", body(store.getMessage("G", "GONE", 1, 0, 1, null)));
    }

    @Test
    void aSliceHeldByAReaderStaysReadableAndIsReleasedAfterwards() {
        put("HELD", 0, "first");
        awaitDispatched();
        ConsumeQueue cq = store.consumeQueues().find("HELD", 0);
        MappedFile file = cq.files().firstFile();
        SelectedBuffer held = cq.entriesFrom(0);

        store.deleteTopics(Set.of("HELD"));

        assertFalse(Files.exists(file.path()), "the name is unlinked at once");
        assertFalse(file.isCleanedUp(), "still mapped for the reader");
        ConsumeQueueEntry entry = ConsumeQueueEntry.read(held.buffer(), 0);
        assertEquals(store.getMinPhyOffset(), entry.commitLogOffset());
        held.release();
        assertTrue(file.isCleanedUp(), "unmapped when the last reader lets go");
        assertNull(cq.entriesFrom(0));
    }

    @Test
    void entriesNumberedBeforeTheDeletionAreNotDispatchedAfterIt() {
        put("LATE", 0, "old-0");
        put("LATE", 0, "old-1");
        awaitDispatched();
        GetMessageResult r = store.getMessage("G", "LATE", 0, 1, 1, null);
        long phy;
        try {
            phy = r.messageBuffers().get(0).getLong(io.petrel.common.message.StoredMessageCodec.PHYSICAL_OFFSET_OFFSET);
        } finally {
            r.release();
        }
        store.deleteTopics(Set.of("LATE"));

        // As if the dispatcher had been behind: the old record reaches it only now.
        store.dispatch(new DispatchRequest("LATE", 0, phy, 100, 0, 0, 1, null, null, 0, 0, true));

        assertNull(store.consumeQueues().find("LATE", 0), "no queue re-created at an old offset");
        put("LATE", 0, "new-0");
        awaitDispatched();
        assertEquals(0, store.getMinOffsetInQueue("LATE", 0));
        assertEquals("new-0", body(store.getMessage("G", "LATE", 0, 0, 1, null)));
    }

    @Test
    @Timeout(60)
    void deletingRepeatedlyUnderAppendsAndReadsKeepsTheStoreConsistent() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        // A refused put (a slow machine timing out a file allocation) is not what this test is about: go on.
        threads.add(worker("writer", running, failures,
            () -> store.putMessage(TestMessages.message("HOT", random.nextInt(4), "x".repeat(100)))));
        for (int r = 0; r < 2; r++) {
            threads.add(worker("reader-" + r, running, failures, () -> readAll("HOT", reads)));
        }
        threads.forEach(Thread::start);
        try {
            for (int round = 0; round < 30; round++) {
                Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> store.getMaxOffsetInQueue("HOT", 0) > 0);
                store.deleteTopics(Set.of("HOT"));
            }
        } finally {
            running.set(false);
            for (Thread t : threads) {
                t.join(10_000);
            }
        }
        assertTrue(failures.isEmpty(), "seed " + seed + ": " + failures);
        assertTrue(reads.get() > 0, "seed " + seed);
        awaitDispatched();
        for (int q = 0; q < 4; q++) {
            assertEntriesMatchTheirRecords("HOT", q, seed);
        }
        store.deleteTopics(Set.of("HOT"));
        put("HOT", 3, "after");
        awaitDispatched();
        assertEquals(0, store.getMinOffsetInQueue("HOT", 3), "seed " + seed);
        assertEquals(1, store.getMaxOffsetInQueue("HOT", 3), "seed " + seed);
        assertFalse(store.state().isLogicsQueueError(), "seed " + seed);
    }

    /** The queue starts at 0 and every entry points at a record stored with that very queue offset. */
    private void assertEntriesMatchTheirRecords(String topic, int queueId, long seed) {
        long offset = store.getMinOffsetInQueue(topic, queueId);
        long max = store.getMaxOffsetInQueue(topic, queueId);
        assertTrue(offset <= 0, "seed " + seed + ": queue " + queueId + " re-created at " + offset + ", not at 0");
        while (offset >= 0 && offset < max) {
            GetMessageResult r = store.getMessage("G", topic, queueId, offset, 32, null);
            try {
                assertEquals(GetMessageStatus.FOUND, r.status(), "seed " + seed + ", queue " + queueId + " at " + offset);
                for (int i = 0; i < r.messageCount(); i++) {
                    long stored = r.messageBuffers().get(i)
                        .getLong(io.petrel.common.message.StoredMessageCodec.QUEUE_OFFSET_OFFSET);
                    assertEquals(r.queueOffsets().get(i), stored, "seed " + seed + ", queue " + queueId);
                }
                offset = r.nextBeginOffset();
            } finally {
                r.release();
            }
        }
    }

    private void readAll(String topic, AtomicLong reads) {
        for (int q = 0; q < 4; q++) {
            GetMessageResult r = store.getMessage("G", topic, q, 0, 32, null);
            if (r == null) {
                continue;
            }
            try {
                for (java.nio.ByteBuffer b : r.messageBuffers()) {
                    // Reads every byte of the slice: an unmapped file would crash the JVM here.
                    String record = StandardCharsets.ISO_8859_1.decode(b.duplicate()).toString();
                    if (b.getInt(0) != b.limit() || !record.contains("HOT")) {
                        throw new IllegalStateException("record of " + b.getInt(0) + " bytes in a slice of " + b.limit());
                    }
                    reads.incrementAndGet();
                }
            } finally {
                r.release();
            }
        }
    }

    private static Thread worker(String name, AtomicBoolean running, List<Throwable> failures, Runnable step) {
        Thread t = new Thread(() -> {
            try {
                while (running.get()) {
                    step.run();
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        }, name);
        t.setDaemon(true);
        return t;
    }

    private static String body(GetMessageResult r) {
        try {
            assertEquals(GetMessageStatus.FOUND, r.status());
            return new String(io.petrel.common.message.StoredMessageCodec.decode(r.messageBuffers().get(0), true, false)
                .getBody(), StandardCharsets.UTF_8);
        } finally {
            r.release();
        }
    }
}
