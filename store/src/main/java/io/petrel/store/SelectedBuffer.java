package io.petrel.store;

import java.nio.ByteBuffer;

/**
 * A slice of a mapped file starting at stream offset {@link #startOffset()}. Keeps the file mapped
 * until {@link #release()} is called exactly once.
 */
public final class SelectedBuffer {
    private final long startOffset;
    private final ByteBuffer buffer;
    private final MappedFile file;

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

    public void release() {
        file.release();
    }
}
