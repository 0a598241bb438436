package io.petrel.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The 4096-byte {@code checkpoint} file:
 * <pre>
 *  0  long physicMsgTimestamp   store time of the newest CommitLog record known flushed
 *  8  long logicsMsgTimestamp   store time of the newest record written to a ConsumeQueue
 *  16 long indexMsgTimestamp    end timestamp of the newest full index file (0 until one fills)
 *  24 .. 4095 zero
 * </pre>
 * Fields are volatile in memory and written to the mapping on {@link #flush()}. Thread-safe.
 */
public final class StoreCheckpoint {
    public static final int FILE_SIZE = 4096;

    private final Path path;
    private MappedFile file;
    private volatile long physicMsgTimestamp;
    private volatile long logicsMsgTimestamp;
    private volatile long indexMsgTimestamp;

    public StoreCheckpoint(Path path) {
        this.path = path;
    }

    public void load() throws IOException {
        file = MappedFile.open(path, 0, FILE_SIZE);
        physicMsgTimestamp = file.getLong(0);
        logicsMsgTimestamp = file.getLong(8);
        indexMsgTimestamp = file.getLong(16);
    }

    public synchronized void flush() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(24);
        b.putLong(physicMsgTimestamp).putLong(logicsMsgTimestamp).putLong(indexMsgTimestamp).flip();
        file.write(0, b);
        file.setWrotePosition(FILE_SIZE);
        file.setFlushedPosition(0);
        file.flush(0);
    }

    public void shutdown() {
        if (file != null) {
            flush();
            file.shutdown(0, System.currentTimeMillis());
            file = null;
        }
    }

    public long physicMsgTimestamp() {
        return physicMsgTimestamp;
    }

    public void setPhysicMsgTimestamp(long v) {
        physicMsgTimestamp = v;
    }

    public long logicsMsgTimestamp() {
        return logicsMsgTimestamp;
    }

    public void setLogicsMsgTimestamp(long v) {
        logicsMsgTimestamp = v;
    }

    public long indexMsgTimestamp() {
        return indexMsgTimestamp;
    }

    public void setIndexMsgTimestamp(long v) {
        indexMsgTimestamp = v;
    }

    /** Abnormal recovery starts at the newest file whose first record is not after this time. */
    public long minTimestamp(boolean includeIndex) {
        long min = Math.min(physicMsgTimestamp, logicsMsgTimestamp);
        if (includeIndex) {
            min = Math.min(min, indexMsgTimestamp);
        }
        return Math.max(0, min - 3000);
    }
}
