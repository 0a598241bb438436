package io.petrel.store.bench;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/** The operations the benchmark needs, implemented over Petrel's and the official store. */
interface BenchStore extends AutoCloseable {
    /** Appends one 1 KiB-ish message; returns false if the put did not succeed. */
    boolean put(int queueId, byte[] body, long seq);

    /** Reads up to 32 messages from {@code offset}; returns how many, and the next offset via {@code next[0]}. */
    int get(int queueId, long offset, long[] next);

    long maxPhyOffset();

    long dispatchBehind();

    @Override
    void close();

    interface Factory {
        BenchStore open(Path dir, boolean syncFlush, int commitLogFileSize) throws Exception;
    }

    static void consume(ByteBuffer b) {
        if (b.getInt(b.position()) <= 0) {
            throw new IllegalStateException("empty record");
        }
    }
}
