package io.petrel.store;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A slice of a mapped file starting at stream offset {@link #startOffset()}. Keeps the file mapped
 * until {@link #release()} is called. Thread-safe.
 */
public final class SelectedBuffer {
    private final long startOffset;
    private final ByteBuffer buffer;
    private final MappedFile file;
    private final AtomicBoolean released = new AtomicBoolean();

    SelectedBuffer(long startOffset, ByteBuffer buffer, MappedFile file) {
        this.startOffset = startOffset;
        this.buffer = buffer;
        this.file = file;
    }

    public long startOffset() {
        return startOffset;
    }

    public ByteBuffer buffer() {
        return buffer;
    }

    public int size() {
        return buffer.limit();
    }

    /** Lets the file be unmapped; extra calls are ignored so a holder cannot be released twice. */
    public void release() {
        if (released.compareAndSet(false, true)) {
            file.release();
        }
    }
}
