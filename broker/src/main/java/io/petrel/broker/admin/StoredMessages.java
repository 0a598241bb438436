package io.petrel.broker.admin;

import io.petrel.common.message.MessageIds;
import io.petrel.common.message.StoredMessageCodec;
import io.petrel.store.MessageStore;
import io.petrel.store.SelectedBuffer;
import java.nio.ByteBuffer;

/** Finds a stored message by its offset message id, for admin requests that name one. */
final class StoredMessages {
    private StoredMessages() {
    }

    /**
     * The record the offset message id points at, exactly as stored.
     *
     * @throws IllegalArgumentException when the id is not an offset message id or no record starts there
     */
    static byte[] record(MessageStore store, String offsetMsgId) {
        if (offsetMsgId == null) {
            throw new IllegalArgumentException("no msgId given");
        }
        long offset = MessageIds.decodeOffsetMessageId(offsetMsgId).commitLogOffset();
        SelectedBuffer data = store.getCommitLogData(offset);
        if (data == null) {
            throw new IllegalArgumentException("no message at commit log offset " + offset + " (msgId "
                + offsetMsgId + ")");
        }
        try {
            ByteBuffer b = data.buffer();
            int size = b.remaining() >= 8 ? b.getInt(b.position() + StoredMessageCodec.TOTAL_SIZE_OFFSET) : -1;
            if (size <= 0 || size > b.remaining()
                || b.getInt(b.position() + StoredMessageCodec.MAGIC_OFFSET) != StoredMessageCodec.MESSAGE_MAGIC) {
                throw new IllegalArgumentException("no message starts at commit log offset " + offset + " (msgId "
                    + offsetMsgId + ")");
            }
            byte[] record = new byte[size];
            b.duplicate().get(record);
            return record;
        } finally {
            data.release();
        }
    }
}
