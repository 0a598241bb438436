package io.petrel.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.petrel.common.message.MessageExt;
import io.petrel.common.message.StoredMessageCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a writing child JVM at random points, then recovery. SYNC_FLUSH: every acknowledged
 * message survives. ASYNC_FLUSH: every message below the last reported flushed offset survives.
 * Always: records intact (CRC), queue offsets contiguous, the stored messages a prefix of what
 * was written, nothing served after the last valid record. With the write-buffer pool only
 * flushed (hence committed) messages are promised. Seed: {@code -Dcrash.seed}.
 */
class CrashRecoveryTest {
    private static final long SEED = Long.getLong("crash.seed", System.nanoTime());
    private static final int SYNC_ROUNDS = Integer.getInteger("crash.rounds", 20);
    private static final int ASYNC_ROUNDS = Integer.getInteger("crash.asyncRounds", 8);
    private static final int POOL_ROUNDS = Integer.getInteger("crash.poolRounds", 6);

    @TempDir
    Path tmp;

    /** What the parent learned from the child before killing it. */
    private record Round(long firstSeq, long lastAcked, long flushedOffset, long lastAckEnd) {
    }

    @Test
    void syncFlushKeepsEveryAcknowledgedMessage() throws Exception {
        runRounds(FlushDiskType.SYNC_FLUSH, SYNC_ROUNDS);
    }

    @Test
    void asyncFlushKeepsEverythingFlushedBeforeTheKill() throws Exception {
        runRounds(FlushDiskType.ASYNC_FLUSH, ASYNC_ROUNDS, false);
    }

    @Test
    void writeBufferPoolLosesOnlyUncommittedMessages() throws Exception {
        runRounds(FlushDiskType.ASYNC_FLUSH, POOL_ROUNDS, true);
    }

    private void runRounds(FlushDiskType type, int rounds) throws Exception {
        runRounds(type, rounds, false);
    }

    private void runRounds(FlushDiskType type, int rounds, boolean pool) throws Exception {
        Random rnd = new Random(SEED);
        Path dir = tmp.resolve("store");
        long next = 0;
        for (int round = 0; round < rounds; round++) {
            int acksBeforeKill = 1 + rnd.nextInt(type == FlushDiskType.SYNC_FLUSH ? 60 : 300);
            try {
                Round r = runChild(dir, type, next, acksBeforeKill, pool);
                next = verify(dir, tmp.resolve("verify-" + round), type, r, pool);
            } catch (AssertionError | Exception e) {
                throw new AssertionError("crash round " + round + " failed; rerun with -Dcrash.seed=" + SEED, e);
            }
        }
    }

    private Round runChild(Path dir, FlushDiskType type, long startSeq, int acksBeforeKill, boolean pool) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
            CrashWriterMain.class.getName(), dir.toString(), type.name(), String.valueOf(startSeq), pool ? "POOL" : "PLAIN");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread pump = new Thread(() -> pump(p, lines), "crash-child-stdout");
        pump.setDaemon(true);
        pump.start();
        long lastAcked = startSeq - 1;
        long flushed = -1;
        long lastAckEnd = -1;
        int acks = 0;
        try {
            while (acks < acksBeforeKill) {
                String line = lines.poll(30, TimeUnit.SECONDS);
                if (line == null || line.startsWith("FAILED") || line.equals("EOF")) {
                    fail("child stopped or stalled: " + line);
                }
                String[] f = line.split(" ");
                if (f[0].equals("ACK")) {
                    lastAcked = Long.parseLong(f[1]);
                    lastAckEnd = Long.parseLong(f[2]) + Long.parseLong(f[3]);
                    acks++;
                } else if (f[0].equals("FLUSHED")) {
                    flushed = Long.parseLong(f[1]);
                }
            }
        } finally {
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "child did not die");
        }
        return new Round(startSeq, lastAcked, flushed, lastAckEnd);
    }

    private static void pump(Process p, BlockingQueue<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the child was killed
        }
        lines.add("EOF");
    }

    /** Opens a copy of the crashed store and checks it; returns the next sequence number. */
    private long verify(Path dir, Path copy, FlushDiskType type, Round round, boolean pool) throws Exception {
        copyTree(dir, copy);
        DefaultMessageStore store = new DefaultMessageStore(CrashWriterMain.config(copy, type, pool), Clock.systemUTC());
        try {
            store.load();
            store.start();
            Set<Long> seqs = new HashSet<>();
            long maxRecordEnd = 0;
            for (int q = 0; q < CrashWriterMain.QUEUES; q++) {
                maxRecordEnd = Math.max(maxRecordEnd, readQueue(store, q, seqs));
            }
            long count = seqs.size();
            for (long s = 0; s < count; s++) {
                assertTrue(seqs.contains(s), "stored messages are not a prefix: missing " + s + " of " + count);
            }
            long promised = type == FlushDiskType.SYNC_FLUSH ? round.lastAcked() : lastFlushedSeq(round, store);
            assertTrue(count > promised, "acknowledged message " + promised + " lost; stored " + count);
            assertLogEndsAfter(store, maxRecordEnd);
            assertNull(store.lookMessageByOffset(store.getMaxPhyOffset()));
            System.out.printf("crash round (%s): started at %d, last ack %d, promised %d, recovered %d, recovery %s%n",
                type, round.firstSeq(), round.lastAcked(), promised, count, store.lastExitOk() ? "normal" : "abnormal");
            return count;
        } finally {
            store.shutdown();
            deleteTree(copy);
        }
    }

    /** The log ends right after the last record, or after the blank record that closed its file. */
    private static void assertLogEndsAfter(DefaultMessageStore store, long lastRecordEnd) {
        long end = store.getMaxPhyOffset();
        if (end == lastRecordEnd) {
            return;
        }
        int fileSize = 64 * 1024;
        assertEquals(0, end % fileSize, "CommitLog end " + end + " is neither the last record end " + lastRecordEnd
            + " nor a file boundary");
        assertEquals(end - fileSize, lastRecordEnd - lastRecordEnd % fileSize, "blank must be in the last record's file");
        SelectedBuffer blank = store.commitLog().select(lastRecordEnd, 8);
        try {
            assertEquals(StoredMessageCodec.BLANK_MAGIC, blank.buffer().getInt(4));
            assertEquals(end - lastRecordEnd, blank.buffer().getInt(0));
        } finally {
            blank.release();
        }
    }

    private static long lastFlushedSeq(Round round, DefaultMessageStore store) {
        if (round.flushedOffset() >= round.lastAckEnd() && round.lastAckEnd() > 0) {
            return round.lastAcked();
        }
        return round.flushedOffset() <= 0 ? -1 : seqBelow(store, round.flushedOffset());
    }

    private static long seqBelow(DefaultMessageStore store, long flushedOffset) {
        long best = -1;
        for (int q = 0; q < CrashWriterMain.QUEUES; q++) {
            long max = store.getMaxOffsetInQueue(CrashWriterMain.TOPIC, q);
            for (long off = max - 1; off >= 0; off--) {
                long phy = store.getCommitLogOffsetInQueue(CrashWriterMain.TOPIC, q, off);
                MessageExt m = store.lookMessageByOffset(phy);
                if (m != null && phy + m.getStoreSize() <= flushedOffset) {
                    best = Math.max(best, Long.parseLong(m.getProperty("seq")));
                    break;
                }
            }
        }
        return best;
    }

    private static long readQueue(DefaultMessageStore store, int q, Set<Long> seqs) {
        long offset = 0;
        long maxEnd = 0;
        while (true) {
            GetMessageResult r = store.getMessage("G", CrashWriterMain.TOPIC, q, offset, 32, null);
            try {
                if (r.status() != GetMessageStatus.FOUND) {
                    assertTrue(r.status() == GetMessageStatus.OFFSET_OVERFLOW_ONE || r.status() == GetMessageStatus.NO_MESSAGE_IN_QUEUE,
                        "queue " + q + " status " + r.status());
                    return maxEnd;
                }
                for (ByteBuffer b : r.messageBuffers()) {
                    MessageExt m = StoredMessageCodec.decode(b, true, true);
                    assertEquals(offset++, m.getQueueOffset(), "queue offsets contiguous");
                    long seq = Long.parseLong(m.getProperty("seq"));
                    assertEquals(q, seq % CrashWriterMain.QUEUES);
                    assertArrayEquals(CrashWriterMain.body(seq), m.getBody(), "body of " + seq);
                    assertTrue(seqs.add(seq), "duplicate " + seq);
                    maxEnd = Math.max(maxEnd, m.getCommitLogOffset() + m.getStoreSize());
                }
                offset = r.nextBeginOffset();
            } finally {
                r.release();
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("lock")) {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
