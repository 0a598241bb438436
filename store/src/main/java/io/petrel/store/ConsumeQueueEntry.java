package io.petrel.store;

import java.nio.ByteBuffer;

/**
 * One ConsumeQueue entry; entry i of a queue sits at byte i * 20 of the queue's stream.
 * <pre>
 *  0               8          12               20
 *  +---------------+----------+----------------+
 *  | commitlog off | size     | tags code      |
 *  | long          | int      | long           |
 *  +---------------+----------+----------------+
 * </pre>
 * Tags code = sign-extended {@code String.hashCode} of TAGS (0 without tags), or the delivery
 * time for SCHEDULE_TOPIC_XXXX entries. A filler entry (0, 0x7FFFFFFF, 0) pads the start of a
 * first file that begins at a non-zero logical offset.
 */
public record ConsumeQueueEntry(long commitLogOffset, int size, long tagsCode) {
    public static final int SIZE = 20;
    public static final int FILLER_SIZE = Integer.MAX_VALUE;

    public static final ConsumeQueueEntry FILLER = new ConsumeQueueEntry(0, FILLER_SIZE, 0);

    public static ConsumeQueueEntry read(ByteBuffer buf, int position) {
        return new ConsumeQueueEntry(buf.getLong(position), buf.getInt(position + 8), buf.getLong(position + 12));
    }

    public void write(ByteBuffer buf) {
        buf.putLong(commitLogOffset).putInt(size).putLong(tagsCode);
    }

    public ByteBuffer toBuffer() {
        ByteBuffer b = ByteBuffer.allocate(SIZE);
        write(b);
        return b.flip();
    }

    /** Valid entries written by recovery-aware writers have a non-negative offset and size &gt; 0. */
    public boolean isValid() {
        return commitLogOffset >= 0 && size > 0;
    }
}
