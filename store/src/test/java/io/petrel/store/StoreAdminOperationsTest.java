package io.petrel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.message.MessageExt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clean-ups and look-ups an operator asks for: manual CommitLog deletion, expired and unused queues, queue view. */
class StoreAdminOperationsTest {
    private static final long AT_10 = LocalDateTime.of(2026, 1, 1, 10, 30).atZone(ZoneId.systemDefault()).toInstant()
        .toEpochMilli();
    private static final long HOUR = 3_600_000L;

    @TempDir
    Path root;
    private DefaultMessageStore store;

    @BeforeEach
    void open() throws Exception {
        MessageStoreConfig config = TestMessages.smallConfig(root).mappedFileSizeCommitLog(4096)
            .mappedFileSizeConsumeQueue(200).fileReservedTimeHours(1).deleteWhen("04").build();
        store = new DefaultMessageStore(config, new MutableClock(AT_10), null, path -> 0.10);
        store.load();
        store.start();
        for (int i = 0; i < 10; i++) {
            put(TestMessages.message("OLD", 0, "old-" + i + "-" + "o".repeat(60)));
        }
        MessageExt delayed = TestMessages.message("LATER", 0, "delayed-" + "d".repeat(60));
        delayed.setDelayTimeLevel(3);
        put(delayed);
        for (int i = 0; i < 120; i++) {
            put(TestMessages.message("RET", i % 2, "retained-" + i + "-" + "y".repeat(60)));
        }
        Awaitility.await().until(() -> store.dispatchBehindBytes() == 0);
    }

    private void put(MessageExt m) {
        assertTrue(store.putMessage(m).isOk());
    }

    @AfterEach
    void close() {
        store.shutdown();
    }

    /** Every CommitLog file but the newest three was last written two hours ago. */
    private List<MappedFile> ageAllButLastThree() throws Exception {
        List<MappedFile> files = store.commitLog().files().files();
        for (int i = 0; i < files.size(); i++) {
            long mtime = i < files.size() - 3 ? AT_10 - 2 * HOUR : AT_10;
            Files.setLastModifiedTime(files.get(i).path(), FileTime.fromMillis(mtime));
        }
        return files;
    }

    @Test
    void manualDeletionRemovesExpiredCommitLogFilesOutsideTheDeleteHour() throws Exception {
        List<MappedFile> files = ageAllButLastThree();
        store.runCleanStep();
        assertEquals(0, store.getMinPhyOffset(), "10:30 is not the delete hour");
        int expired = files.size() - 3;

        long deleted = store.deleteExpiredFilesManually();

        assertTrue(deleted >= expired, deleted + " files deleted");
        assertEquals(3, files.size());
        assertEquals(store.commitLog().files().firstFile().fileFromOffset(), store.getMinPhyOffset());
    }

    @Test
    void expiredQueuesGoButTheScheduleQueueStays() throws Exception {
        ageAllButLastThree();
        store.deleteExpiredFilesManually();
        long minPhy = store.getMinPhyOffset();
        assertTrue(store.consumeQueues().find("OLD", 0).maxPhysicOffset() < minPhy);
        assertTrue(store.consumeQueues().find("SCHEDULE_TOPIC_XXXX", 2).maxPhysicOffset() < minPhy);

        assertEquals(1, store.cleanExpiredConsumeQueues());

        assertNull(store.consumeQueues().find("OLD", 0));
        assertFalse(Files.exists(root.resolve("consumequeue/OLD")));
        assertNotNull(store.consumeQueues().find("SCHEDULE_TOPIC_XXXX", 2));
        assertNotNull(store.consumeQueues().find("RET", 0));
        put(TestMessages.message("OLD", 0, "fresh"));
        Awaitility.await().until(() -> store.dispatchBehindBytes() == 0);
        assertEquals(0, store.getMinOffsetInQueue("OLD", 0), "the queue starts again at 0");
    }

    @Test
    void unusedTopicsLoseTheirQueuesSystemQueuesStay() {
        assertEquals(1, store.cleanUnusedTopics(Set.of("RET")));

        assertNull(store.consumeQueues().find("OLD", 0));
        assertNotNull(store.consumeQueues().find("RET", 1));
        assertNotNull(store.consumeQueues().find("SCHEDULE_TOPIC_XXXX", 2));
        assertEquals(0, store.cleanUnusedTopics(Set.of("RET")));
    }

    @Test
    void queueViewShowsEntriesFromAnIndex() {
        ConsumeQueueEntries view = store.queryConsumeQueue("RET", 1, 3, 4);
        assertEquals(0, view.minOffset());
        assertEquals(60, view.maxOffset());
        assertEquals(4, view.entries().size());
        for (int i = 0; i < 4; i++) {
            ConsumeQueueEntry e = view.entries().get(i);
            assertEquals(e.commitLogOffset(), store.getCommitLogOffsetInQueue("RET", 1, 3 + i));
            assertTrue(e.size() > 0);
        }
        assertEquals(2, store.queryConsumeQueue("RET", 1, 8, 32).entries().size(), "only within the index's file");
        assertNull(store.queryConsumeQueue("RET", 1, 60, 4).entries(), "no entry at the max offset");
        assertNull(store.queryConsumeQueue("RET", 1, -1, 4).entries());
        assertEquals(List.of(), store.queryConsumeQueue("RET", 1, 0, 0).entries());
        assertNull(store.queryConsumeQueue("RET", 7, 0, 4), "no such queue");
        assertNull(store.queryConsumeQueue("NOPE", 0, 0, 4));
    }
}
