package io.petrel.store;

import io.petrel.common.message.MessageExt;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Child process of {@link CrashRecoveryTest}: opens a store and appends numbered messages until
 * it is killed, printing {@code READY}, then {@code ACK <seq>} once a put is acknowledged and,
 * with ASYNC_FLUSH, {@code FLUSHED <offset>} as the flushed position moves. A fourth argument
 * {@code POOL} turns on the write-buffer pool.
 */
public final class CrashWriterMain {
    static final String TOPIC = "CRASH";
    static final int QUEUES = 4;

    private CrashWriterMain() {
    }

    static MessageStoreConfig config(Path dir, FlushDiskType type, boolean writeBufferPool) {
        return MessageStoreConfig.builder().storePathRootDir(dir).mappedFileSizeCommitLog(64 * 1024)
            .mappedFileSizeConsumeQueue(6000).maxHashSlotNum(1000).maxIndexNum(20_000).flushDiskType(type)
            .flushIntervalCommitLogMs(20).flushCommitLogLeastPages(1).transientStorePoolEnable(writeBufferPool)
            .transientStorePoolSize(3).commitIntervalCommitLogMs(10).commitCommitLogThoroughIntervalMs(30).build();
    }

    static byte[] body(long seq) {
        StringBuilder sb = new StringBuilder("crash-").append(seq).append('-');
        int n = (int) (seq * 7919 % 700);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + (seq + i) % 26));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        FlushDiskType type = FlushDiskType.valueOf(args[1]);
        long seq = Long.parseLong(args[2]);
        boolean pool = args.length > 3 && args[3].equals("POOL");
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        DefaultMessageStore store = new DefaultMessageStore(config(dir, type, pool), Clock.systemUTC());
        store.load();
        store.start();
        out.println("READY " + seq);
        out.flush();
        long lastFlushed = -1;
        while (true) {
            MessageExt m = TestMessages.message(TOPIC, (int) (seq % QUEUES), body(seq));
            m.setKeys("ck" + seq);
            m.putProperty("seq", String.valueOf(seq));
            PutMessageResult r = store.putMessage(m);
            if (!r.isOk()) {
                out.println("FAILED " + seq + " " + r.status());
                out.flush();
                return;
            }
            out.println("ACK " + seq + " " + r.wroteOffset() + " " + r.wroteBytes());
            long flushed = store.commitLog().files().flushedWhere();
            if (flushed != lastFlushed) {
                out.println("FLUSHED " + flushed);
                lastFlushed = flushed;
            }
            out.flush();
            seq++;
        }
    }
}
