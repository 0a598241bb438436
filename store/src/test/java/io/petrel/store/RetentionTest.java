package io.petrel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deletion of expired files at the delete hour and under disk pressure; disk-full refusal. */
class RetentionTest {
    private static final long AT_04 = epoch(4);
    private static final long AT_10 = epoch(10);
    private static final long HOUR = 3_600_000L;

    @TempDir
    Path root;
    private final MutableClock clock = new MutableClock(AT_10);
    private final AtomicReference<Double> disk = new AtomicReference<>(0.10);
    private DefaultMessageStore store;
    private List<MappedFile> files;

    private static long epoch(int hour) {
        return LocalDateTime.of(2026, 1, 1, hour, 30).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    @BeforeEach
    void open() throws Exception {
        MessageStoreConfig config = TestMessages.smallConfig(root).mappedFileSizeCommitLog(4096)
            .mappedFileSizeConsumeQueue(200).fileReservedTimeHours(1).deleteWhen("04").diskMaxUsedSpaceRatio(75).build();
        store = new DefaultMessageStore(config, clock, null, path -> disk.get());
        store.load();
        store.start();
        for (int i = 0; i < 120; i++) {
            store.putMessage(TestMessages.message("RET", 0, "retained-message-" + i + "-" + "y".repeat(60)));
        }
        Awaitility.await().until(() -> store.dispatchBehindBytes() == 0);
        files = store.commitLog().files().files();
        assertTrue(files.size() >= 5, "several files");
    }

    @AfterEach
    void close() {
        store.shutdown();
    }

    /** The first {@code oldCount} files were last written two hours before {@code now}, the rest just now. */
    private void ageFiles(int oldCount, long now) throws Exception {
        for (int i = 0; i < files.size(); i++) {
            long mtime = i < oldCount ? now - 2 * HOUR : now;
            Files.setLastModifiedTime(files.get(i).path(), FileTime.fromMillis(mtime));
        }
    }

    @Test
    void expiredFilesGoOnlyAtTheDeleteHour() throws Exception {
        ageFiles(3, AT_10);
        store.runCleanStep();
        assertEquals(0, store.getMinPhyOffset());
        clock.set(AT_04);
        ageFiles(3, AT_04);
        int before = files.size();
        store.runCleanStep();
        assertEquals(before - 3, files.size());
        assertEquals(3 * 4096, store.getMinPhyOffset());
        long minQueue = store.getMinOffsetInQueue("RET", 0);
        assertTrue(minQueue > 0);
        assertEquals(store.getMinPhyOffset(), store.getCommitLogOffsetInQueue("RET", 0, minQueue));
        GetMessageResult r = store.getMessage("G", "RET", 0, 0, 1, null);
        assertEquals(GetMessageStatus.OFFSET_TOO_SMALL, r.status());
        assertEquals(minQueue, r.nextBeginOffset());
        GetMessageResult found = store.getMessage("G", "RET", 0, minQueue, 4, null);
        try {
            assertEquals(GetMessageStatus.FOUND, found.status());
        } finally {
            found.release();
        }
        assertFalse(Files.exists(root.resolve("commitlog/00000000000000000000")));
        assertFalse(Files.exists(root.resolve("consumequeue/RET/0/00000000000000000000")));
    }

    @Test
    void diskAboveMaxUsedRatioDeletesExpiredFilesAtAnyHour() throws Exception {
        ageFiles(2, AT_10);
        disk.set(0.80);
        store.runCleanStep();
        assertEquals(2 * 4096, store.getMinPhyOffset());
        assertTrue(store.putMessage(TestMessages.message("RET", 0, "still accepted")).isOk());
    }

    @Test
    void nearlyFullDiskRefusesPutsAndDeletesUnexpiredFiles() throws Exception {
        ageFiles(0, AT_10);
        disk.set(0.95);
        store.runCleanStep();
        PutMessageResult refused = store.putMessage(TestMessages.message("RET", 0, "refused"));
        assertEquals(PutMessageStatus.SERVICE_NOT_AVAILABLE, refused.status());
        assertTrue(refused.remark().contains("disk is full"), refused.remark());
        assertTrue(store.getMinPhyOffset() > 0, "forced deletion of unexpired files");
        assertTrue(files.size() >= 1);
        disk.set(0.50);
        store.runCleanStep();
        assertTrue(store.putMessage(TestMessages.message("RET", 0, "accepted again")).isOk());
    }
}
