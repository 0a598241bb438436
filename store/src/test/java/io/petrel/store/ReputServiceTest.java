package io.petrel.store;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReputServiceTest {
    @TempDir
    Path root;

    /**
     * The idle bound is an hour here, so every record can only have been dispatched because the append woke the
     * parked thread: several rounds of "park, append, dispatched" with no timed wake-up in between.
     */
    @Test
    void aParkedServiceIsWokenByEachAppend() {
        MessageStoreConfig config = TestMessages.smallConfig(root).build();
        MappedFileQueue files = new MappedFileQueue(root.resolve("commitlog"), config.mappedFileSizeCommitLog(),
            MappedFileFactory.DIRECT);
        DelayLevels delays = DelayLevels.parse(config.messageDelayLevel());
        CommitLog log = new CommitLog(config, files, Clock.systemUTC(), delays);
        List<DispatchRequest> seen = new CopyOnWriteArrayList<>();
        ReputService reput = new ReputService(log, new RecordReader(delays), seen::add, TimeUnit.HOURS.toNanos(1));
        reput.setReputFromOffset(0);
        reput.start();
        try {
            for (int i = 1; i <= 5; i++) {
                await().atMost(Duration.ofSeconds(10)).until(reput::isParked);
                PutMessageResult r = log.append(PutRequest.of(TestMessages.message("WAKE", 0, "m" + i)));
                reput.appended();
                int expected = i;
                await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == expected);
                assertEquals(r.wroteOffset(), seen.get(i - 1).commitLogOffset());
            }
            assertEquals(log.maxOffset(), reput.reputFromOffset());
            assertEquals(0, reput.errors());
        } finally {
            reput.shutdown();
            files.shutdown(0);
        }
    }

    /** A dispatched record and the thread that dispatched it. */
    private record Seen(long offset, String thread) {
    }

    /**
     * A CommitLog of 4 MiB files (more than a loop's share of records fits in one), a started service parked with
     * nothing to dispatch (its idle bound an hour, so only appends wake it), the records it dispatched with the
     * dispatching thread, and a single-threaded executor standing for an event loop.
     */
    private final class LoopFixture implements AutoCloseable {
        final List<Seen> seen = new CopyOnWriteArrayList<>();
        final MappedFileQueue files;
        final CommitLog log;
        final ReputService reput;
        final ExecutorService loop = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-loop"));

        /** {@code beforeRecord} runs on the dispatching thread before each record is recorded as seen. */
        LoopFixture(Runnable beforeRecord) {
            MessageStoreConfig config = TestMessages.smallConfig(root).mappedFileSizeCommitLog(4 << 20).build();
            files = new MappedFileQueue(root.resolve("commitlog"), config.mappedFileSizeCommitLog(),
                MappedFileFactory.DIRECT);
            DelayLevels delays = DelayLevels.parse(config.messageDelayLevel());
            log = new CommitLog(config, files, Clock.systemUTC(), delays);
            reput = new ReputService(log, new RecordReader(delays), r -> {
                beforeRecord.run();
                seen.add(new Seen(r.commitLogOffset(), Thread.currentThread().getName()));
            }, TimeUnit.HOURS.toNanos(1));
            reput.setReputFromOffset(0);
            reput.start();
            await().atMost(Duration.ofSeconds(10)).until(reput::isParked);
        }

        LoopFixture() {
            this(() -> { });
        }

        /** Appends {@code n} records in one task on the loop, reporting each as a loop's append; returns the end. */
        long appendOnLoop(int n, int bodyBytes) throws Exception {
            return loop.submit(() -> {
                long end = 0;
                for (int i = 0; i < n; i++) {
                    PutMessageResult r = log.append(PutRequest.of(TestMessages.message("LOOP", i % 4,
                        new byte[bodyBytes])));
                    end = r.wroteOffset() + r.wroteBytes();
                    reput.appendedOnLoop(loop, 1);
                }
                return end;
            }).get(10, TimeUnit.SECONDS);
        }

        void awaitSeen(int n) {
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == n);
        }

        boolean allBy(String thread) {
            return seen.stream().allMatch(s -> s.thread().equals(thread));
        }

        @Override
        public void close() {
            loop.shutdownNow();
            reput.shutdown();
            files.shutdown(0);
        }
    }

    /**
     * Records appended by a writer on an event loop in a turn of enough of them are dispatched by that loop once the
     * turn is done, in one step for all of them, while the service thread stays parked.
     */
    @Test
    void aLoopDispatchesWhatItAppendedWithoutWakingTheService() throws Exception {
        try (LoopFixture f = new LoopFixture()) {
            int turn = ReputService.LOOP_STEP_MIN_RECORDS + 8;
            for (int round = 1; round <= 3; round++) {
                long end = f.appendOnLoop(turn, 100);
                f.awaitSeen(turn * round);
                assertEquals(end, f.reput.reputFromOffset());
                assertEquals(round, f.reput.loopSteps(), "one step per loop task, not one per record");
            }
            assertTrue(f.allBy("test-loop"), f.seen.toString());
            assertTrue(f.reput.isParked());
            assertEquals(0, f.reput.errors());
        }
    }

    /** A turn of fewer records than a loop step is worth is left to the service thread, which the loop wakes. */
    @Test
    void aSmallTurnIsLeftToTheService() throws Exception {
        try (LoopFixture f = new LoopFixture()) {
            int n = ReputService.LOOP_STEP_MIN_RECORDS - 1;
            long end = f.appendOnLoop(n, 100);
            f.awaitSeen(n);
            assertEquals(end, f.reput.reputFromOffset());
            assertEquals(0, f.reput.loopSteps());
            assertTrue(f.allBy("ReputMessageService"), f.seen.toString());
        }
    }

    /** A loop dispatches at most its share in one go and wakes the service thread for the rest. */
    @Test
    void aLoopLeavesABacklogBeyondItsShareToTheService() throws Exception {
        try (LoopFixture f = new LoopFixture()) {
            int n = 3_000;
            long end = f.appendOnLoop(n, 1_000);
            assertTrue(end > 2L * ReputService.LOOP_STEP_MAX_BYTES, "the test needs a backlog of two shares");
            f.awaitSeen(n);
            assertEquals(end, f.reput.reputFromOffset());
            long byLoop = f.seen.stream().filter(s -> s.thread().equals("test-loop")).count();
            long recordBytes = end / n;
            assertTrue(byLoop > 0 && byLoop * recordBytes <= ReputService.LOOP_STEP_MAX_BYTES + recordBytes,
                "the loop dispatched " + byLoop + " records of " + recordBytes + " bytes");
            assertTrue(f.seen.stream().anyMatch(s -> s.thread().equals("ReputMessageService")));
            for (int i = 1; i < n; i++) {
                assertTrue(f.seen.get(i).offset() > f.seen.get(i - 1).offset(), "dispatched in CommitLog order");
            }
        }
    }

    /**
     * A loop that finds a step already running (here the service thread's, held up in the dispatcher) does not wait
     * for it: it leaves its records to the service thread, which dispatches them once its step is done.
     */
    @Test
    void aLoopThatFindsAStepRunningLeavesItsRecordsToTheService() throws Exception {
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        try (LoopFixture f = new LoopFixture(() -> {
            if (first.getAndSet(false)) {
                inStep.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        })) {
            try {
                f.log.append(PutRequest.of(TestMessages.message("LOOP", 0, "first")));
                f.reput.appended();
                assertTrue(inStep.await(10, TimeUnit.SECONDS));
                long end = f.appendOnLoop(ReputService.LOOP_STEP_MIN_RECORDS, 100);
                // The loop's task ran (the loop is single-threaded and idle again) without waiting for the held step.
                f.loop.submit(() -> { }).get(10, TimeUnit.SECONDS);
                assertEquals(0, f.reput.loopSteps());
                release.countDown();
                f.awaitSeen(1 + ReputService.LOOP_STEP_MIN_RECORDS);
                assertEquals(end, f.reput.reputFromOffset());
                assertTrue(f.allBy("ReputMessageService"), f.seen.toString());
            } finally {
                release.countDown();
            }
        }
    }
}
