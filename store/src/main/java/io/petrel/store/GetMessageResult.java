package io.petrel.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Records found by a pull-style read: slices of the mapped CommitLog in queue order (each one
 * whole stored record). The caller must {@link #release()} once it has sent or copied them.
 */
public final class GetMessageResult {
    private final List<SelectedBuffer> buffers = new ArrayList<>();
    private final List<Long> queueOffsets = new ArrayList<>();
    private GetMessageStatus status = GetMessageStatus.NO_MESSAGE_IN_QUEUE;
    private long nextBeginOffset;
    private long minOffset;
    private long maxOffset;
    private int bufferTotalSize;
    private boolean suggestPullingFromSlave;

    void add(SelectedBuffer buffer, long queueOffset) {
        buffers.add(buffer);
        queueOffsets.add(queueOffset);
        bufferTotalSize += buffer.size();
    }

    void set(GetMessageStatus status, long nextBeginOffset, long minOffset, long maxOffset) {
        this.status = status;
        this.nextBeginOffset = nextBeginOffset;
        this.minOffset = minOffset;
        this.maxOffset = maxOffset;
    }

    void setSuggestPullingFromSlave(boolean v) {
        suggestPullingFromSlave = v;
    }

    public GetMessageStatus status() { return status; }
    public long nextBeginOffset() { return nextBeginOffset; }
    public long minOffset() { return minOffset; }
    public long maxOffset() { return maxOffset; }
    public int messageCount() { return buffers.size(); }
    public int bufferTotalSize() { return bufferTotalSize; }
    public boolean suggestPullingFromSlave() { return suggestPullingFromSlave; }
    public List<Long> queueOffsets() { return Collections.unmodifiableList(queueOffsets); }

    /** The record slices (read-only use; valid until {@link #release()}). */
    public List<ByteBuffer> messageBuffers() {
        List<ByteBuffer> out = new ArrayList<>(buffers.size());
        for (SelectedBuffer b : buffers) {
            out.add(b.buffer().duplicate());
        }
        return out;
    }

    /** All records concatenated into one heap buffer (what a pull response body carries). */
    public ByteBuffer copyToHeap() {
        ByteBuffer out = ByteBuffer.allocate(bufferTotalSize);
        for (SelectedBuffer b : buffers) {
            out.put(b.buffer().duplicate());
        }
        return out.flip();
    }

    public void release() {
        for (SelectedBuffer b : buffers) {
            b.release();
        }
        buffers.clear();
    }
}
