package io.petrel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.message.MessageExt;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flush policies driven step by step with a hand-moved clock, and SYNC_FLUSH through the store. */
class FlushServiceTest {
    @TempDir
    Path root;
    private final MutableClock clock = new MutableClock(1_000_000L);
    private MappedFileQueue queue;
    private StoreCheckpoint checkpoint;

    @BeforeEach
    void setUp() throws Exception {
        queue = new MappedFileQueue(root.resolve("commitlog"), 64 * 1024, MappedFileFactory.DIRECT);
        checkpoint = new StoreCheckpoint(root.resolve("checkpoint"));
        checkpoint.load();
    }

    @AfterEach
    void tearDown() {
        queue.shutdown(clock.millis());
        checkpoint.shutdown();
    }

    /** A group commit over this test's files, its service thread running. */
    private GroupCommitService started(long timeoutMs) {
        GroupCommitService group = new GroupCommitService(queue, checkpoint, clock, timeoutMs);
        group.start();
        return group;
    }

    private void append(int bytes, long storeTimestamp) throws Exception {
        MappedFile f = queue.lastFileOrCreate(0);
        f.append(ByteBuffer.allocate(bytes));
        f.setStoreTimestamp(storeTimestamp);
    }

    @Test
    void asyncFlushWaitsForLeastPagesUntilTheThoroughInterval() throws Exception {
        MessageStoreConfig config = TestMessages.smallConfig(root).build();
        FlushCommitLogService flush = new FlushCommitLogService(queue, checkpoint, config, clock);
        flush.start();
        try {
            append(3 * 4096, 111);
            flush.step();
            assertEquals(0, queue.flushedWhere());
            append(4096 + 10, 222);
            flush.step();
            assertEquals(4 * 4096 + 10, queue.flushedWhere());
            assertEquals(222, checkpoint.physicMsgTimestamp());
            append(100, 333);
            flush.step();
            assertEquals(4 * 4096 + 10, queue.flushedWhere());
            clock.advance(config.flushCommitLogThoroughIntervalMs());
            flush.step();
            assertEquals(4 * 4096 + 110, queue.flushedWhere());
            assertEquals(333, checkpoint.physicMsgTimestamp());
        } finally {
            flush.shutdown();
        }
    }

    @Test
    void groupCommitCompletesFlushedRequestsAndTimesOutOthers() throws Exception {
        GroupCommitService group = new GroupCommitService(queue, checkpoint, clock, 5000);
        append(500, 1);
        CompletableFuture<PutMessageStatus> ok = group.request(500);
        CompletableFuture<PutMessageStatus> never = group.request(10_000);
        group.step();
        assertEquals(PutMessageStatus.PUT_OK, ok.getNow(null));
        assertFalse(never.isDone());
        clock.advance(5000);
        group.step();
        assertEquals(PutMessageStatus.FLUSH_DISK_TIMEOUT, never.getNow(null));
        group.shutdown();
    }

    @Test
    void theServicePollsOnlyWhileARequestWaits() throws Exception {
        GroupCommitService group = new GroupCommitService(queue, checkpoint, clock, 5000);
        assertEquals(GroupCommitService.IDLE_WAIT_MS, group.waitMs());
        append(500, 1);
        CompletableFuture<PutMessageStatus> beyond = group.request(10_000);
        assertEquals(GroupCommitService.RETRY_WAIT_MS, group.waitMs());
        group.step();
        assertEquals(GroupCommitService.RETRY_WAIT_MS, group.waitMs());
        clock.advance(5000);
        group.step();
        assertEquals(PutMessageStatus.FLUSH_DISK_TIMEOUT, beyond.getNow(null));
        assertEquals(GroupCommitService.IDLE_WAIT_MS, group.waitMs());
        group.shutdown();
    }

    @Test
    void requestsFromAnEventLoopShareOneFlushRunOnTheLoopAfterItsReads() throws Exception {
        GroupCommitService group = started(5000);
        List<Runnable> loopTasks = new ArrayList<>();
        try {
            List<CompletableFuture<PutMessageStatus>> waiting = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                append(500, 10 + i);
                waiting.add(group.request(500L * i, loopTasks::add));
            }
            assertEquals(1, loopTasks.size());
            assertEquals(0, queue.flushedWhere());
            for (CompletableFuture<PutMessageStatus> f : waiting) {
                assertFalse(f.isDone());
            }
            loopTasks.remove(0).run();
            for (CompletableFuture<PutMessageStatus> f : waiting) {
                assertEquals(PutMessageStatus.PUT_OK, f.getNow(null));
            }
            assertEquals(1500, queue.flushedWhere());
            assertEquals(1, group.loopFlushes());
            assertEquals(13, checkpoint.physicMsgTimestamp());
        } finally {
            group.shutdown();
        }
    }

    @Test
    void aLoopWhoseRecordsAnotherFlushCoveredAnswersWithoutFlushing() throws Exception {
        GroupCommitService group = started(5000);
        List<Runnable> loopTasks = new ArrayList<>();
        try {
            append(500, 1);
            CompletableFuture<PutMessageStatus> onLoop = group.request(500, loopTasks::add);
            append(500, 2);
            assertEquals(PutMessageStatus.PUT_OK, group.request(1000).get(10, TimeUnit.SECONDS));
            loopTasks.remove(0).run();
            assertEquals(PutMessageStatus.PUT_OK, onLoop.getNow(null));
            assertEquals(0, group.loopFlushes());
        } finally {
            group.shutdown();
        }
    }

    @Test
    void aStoppedServiceAnswersFromWhatIsOnDisk() throws Exception {
        GroupCommitService group = started(5000);
        append(500, 1);
        group.shutdown();
        assertEquals(PutMessageStatus.PUT_OK, group.request(500).getNow(null));
        assertEquals(PutMessageStatus.FLUSH_DISK_TIMEOUT, group.request(600, Runnable::run).getNow(null));
    }

    /**
     * Writers as event loops (each takes a few puts, then runs what it scheduled) and a writer on a plain thread,
     * all at once: every put is answered PUT_OK only once flushed past its record, whoever flushed.
     */
    @Test
    void concurrentWritersAreAllFlushedPastTheirRecords() throws Exception {
        GroupCommitService group = started(60_000);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                boolean onLoop = w > 0;
                done.add(writers.submit(() -> {
                    long flushed = 0;
                    List<Runnable> loopTasks = new ArrayList<>();
                    for (int batch = 0; batch < 25; batch++) {
                        List<Long> ends = new ArrayList<>();
                        List<CompletableFuture<PutMessageStatus>> waiting = new ArrayList<>();
                        for (int i = 0; i < 4; i++) {
                            long end;
                            synchronized (queue) {
                                append(100, 1);
                                MappedFile last = queue.lastFile();
                                end = last.fileFromOffset() + last.wrotePosition();
                            }
                            ends.add(end);
                            waiting.add(group.request(end, onLoop ? loopTasks::add : null));
                        }
                        while (!loopTasks.isEmpty()) {
                            loopTasks.remove(0).run();
                        }
                        for (int i = 0; i < waiting.size(); i++) {
                            assertEquals(PutMessageStatus.PUT_OK, waiting.get(i).get(30, TimeUnit.SECONDS));
                            assertTrue(queue.flushedWhere() >= ends.get(i));
                            flushed++;
                        }
                    }
                    return flushed;
                }));
            }
            long total = 0;
            for (Future<Long> d : done) {
                total += d.get(60, TimeUnit.SECONDS);
            }
            assertEquals(400, total);
            assertEquals(400 * 100, queue.flushedWhere());
        } finally {
            writers.shutdownNow();
            group.shutdown();
        }
    }

    @Test
    void syncFlushPutReturnsAfterItsRecordIsOnDisk() throws Exception {
        MessageStoreConfig config = TestMessages.smallConfig(root.resolve("sync")).flushDiskType(FlushDiskType.SYNC_FLUSH).build();
        DefaultMessageStore store = new DefaultMessageStore(config, java.time.Clock.systemUTC());
        try {
            store.load();
            store.start();
            for (int i = 0; i < 50; i++) {
                PutMessageResult r = store.putMessage(TestMessages.message("SYNC", 0, "durable-" + i));
                assertEquals(PutMessageStatus.PUT_OK, r.status());
                assertTrue(store.commitLog().files().flushedWhere() >= r.wroteOffset() + r.wroteBytes());
            }
            MessageExt noWait = TestMessages.message("SYNC", 0, "no-wait");
            noWait.putProperty("WAIT", "false");
            assertTrue(store.putMessage(noWait).isOk());
        } finally {
            store.shutdown();
        }
    }
}
