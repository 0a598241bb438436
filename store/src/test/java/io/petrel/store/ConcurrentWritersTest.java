package io.petrel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.message.MessageExt;
import io.petrel.common.message.StoredMessageCodec;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several writers and a reader at once: unique, contiguous offsets and every record intact. */
class ConcurrentWritersTest {
    private static final int WRITERS = 4;
    private static final int PER_WRITER = 1500;
    private static final int QUEUES = 3;

    @TempDir
    Path root;

    @Test
    void concurrentPutsGetContiguousOffsetsAndReadBackIntact() throws Exception {
        DefaultMessageStore store = new DefaultMessageStore(TestMessages.smallConfig(root).mappedFileSizeCommitLog(32 * 1024)
            .mappedFileSizeConsumeQueue(2000).build(), Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        try {
            store.load();
            store.start();
            List<Future<Integer>> futures = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                futures.add(pool.submit(() -> write(store, writer)));
            }
            Future<Long> reader = pool.submit(() -> readWhileWriting(store));
            for (Future<Integer> f : futures) {
                assertEquals(PER_WRITER, f.get(60, TimeUnit.SECONDS));
            }
            assertTrue(reader.get(60, TimeUnit.SECONDS) >= 0);
            Awaitility.await().until(() -> store.dispatchBehindBytes() == 0);
            Set<String> seen = new HashSet<>();
            for (int q = 0; q < QUEUES; q++) {
                long offset = 0;
                long max = store.getMaxOffsetInQueue("CONC", q);
                while (offset < max) {
                    GetMessageResult r = store.getMessage("G", "CONC", q, offset, 32, null);
                    try {
                        for (ByteBuffer b : r.messageBuffers()) {
                            MessageExt m = StoredMessageCodec.decode(b, true, true);
                            assertEquals(offset++, m.getQueueOffset());
                            assertEquals(q, m.getQueueId());
                            assertTrue(seen.add(m.getProperty("id")), "duplicate " + m.getProperty("id"));
                        }
                    } finally {
                        r.release();
                    }
                }
            }
            assertEquals(WRITERS * PER_WRITER, seen.size());
        } finally {
            pool.shutdownNow();
            store.shutdown();
        }
    }

    private static int write(DefaultMessageStore store, int writer) {
        int ok = 0;
        for (int i = 0; i < PER_WRITER; i++) {
            MessageExt m = TestMessages.message("CONC", (writer + i) % QUEUES, "w" + writer + "-" + i + "-" + "c".repeat(i % 200));
            m.putProperty("id", writer + ":" + i);
            if (store.putMessage(m).isOk()) {
                ok++;
            }
        }
        return ok;
    }

    /** Pulls queue 0 while writers run; every record it sees must decode with a valid CRC. */
    private static long readWhileWriting(DefaultMessageStore store) {
        long offset = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (offset < (long) WRITERS * PER_WRITER / QUEUES - 10 && System.nanoTime() < deadline) {
            GetMessageResult r = store.getMessage("G", "CONC", 0, offset, 32, null);
            try {
                for (ByteBuffer b : r.messageBuffers()) {
                    assertEquals(offset, StoredMessageCodec.decode(b, true, true).getQueueOffset());
                    offset++;
                }
            } finally {
                r.release();
            }
            Thread.onSpinWait();
        }
        return offset;
    }
}
