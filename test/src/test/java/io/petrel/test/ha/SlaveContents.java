package io.petrel.test.ha;

import io.petrel.common.message.MessageExt;
import io.petrel.common.message.StoredMessageCodec;
import io.petrel.store.GetMessageResult;
import io.petrel.store.MessageStore;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;

/** The keys of a topic's messages as a broker's store serves them to pulls. */
final class SlaveContents {
    private SlaveContents() {
    }

    static Set<String> keys(MessageStore store, String topic, int queues) {
        Set<String> keys = new HashSet<>();
        for (int q = 0; q < queues; q++) {
            long offset = store.getMinOffsetInQueue(topic, q);
            long max = store.getMaxOffsetInQueue(topic, q);
            while (offset >= 0 && offset < max) {
                GetMessageResult r = store.getMessage("HA_CHECK", topic, q, offset, 32, null);
                if (r == null || r.messageCount() == 0) {
                    break;
                }
                try {
                    for (ByteBuffer b : r.messageBuffers()) {
                        MessageExt m = StoredMessageCodec.decode(b.slice(), true, false);
                        keys.add(m.getKeys());
                    }
                    offset = r.nextBeginOffset();
                } finally {
                    r.release();
                }
            }
        }
        return keys;
    }
}
