package io.petrel.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Off-heap write buffers, one per CommitLog file being written ({@code transientStorePoolEnable}):
 * records are appended into the buffer and committed to the file channel in the background.
 * Buffers are not locked into memory (no native mlock). Thread-safe.
 */
public final class TransientStorePool {
    private final int poolSize;
    private final int fileSize;
    private final ConcurrentLinkedDeque<ByteBuffer> available = new ConcurrentLinkedDeque<>();
    private final List<ByteBuffer> all = new ArrayList<>();

    public TransientStorePool(int poolSize, int fileSize) {
        this.poolSize = poolSize;
        this.fileSize = fileSize;
    }

    public synchronized void init() {
        for (int i = all.size(); i < poolSize; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(fileSize);
            all.add(b);
            available.add(b);
        }
    }

    /** A cleared buffer, or null when all are in use. */
    public ByteBuffer borrow() {
        return available.pollFirst();
    }

    public void giveBack(ByteBuffer buffer) {
        buffer.clear();
        available.addFirst(buffer);
    }

    public int availableCount() {
        return available.size();
    }

    public synchronized void destroy() {
        available.clear();
        for (ByteBuffer b : all) {
            Unmapper.unmap(b);
        }
        all.clear();
    }
}
