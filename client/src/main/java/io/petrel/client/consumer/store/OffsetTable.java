package io.petrel.client.consumer.store;

import io.petrel.common.message.MessageQueue;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** The in-memory offsets both offset stores keep, one counter per queue. Thread-safe. */
final class OffsetTable {
    private final ConcurrentMap<MessageQueue, AtomicLong> offsets = new ConcurrentHashMap<>();

    /** Sets the offset; with {@code increaseOnly} a lower value than the current one is ignored. */
    void update(MessageQueue mq, long offset, boolean increaseOnly) {
        AtomicLong old = offsets.putIfAbsent(mq, new AtomicLong(offset));
        if (old == null) {
            return;
        }
        if (increaseOnly) {
            old.accumulateAndGet(offset, Math::max);
        } else {
            old.set(offset);
        }
    }

    /** @return the offset, or -1 when the queue has none */
    long get(MessageQueue mq) {
        AtomicLong offset = offsets.get(mq);
        return offset == null ? -1 : offset.get();
    }

    boolean contains(MessageQueue mq) {
        return offsets.containsKey(mq);
    }

    void remove(MessageQueue mq) {
        offsets.remove(mq);
    }

    void retainOnly(Set<MessageQueue> mqs) {
        offsets.keySet().removeIf(mq -> !mqs.contains(mq));
    }

    /** The offsets of {@code topic}'s queues (every queue's when the topic is null or empty). */
    Map<MessageQueue, Long> snapshot(String topic) {
        Map<MessageQueue, Long> out = new HashMap<>();
        offsets.forEach((mq, offset) -> {
            if (topic == null || topic.isEmpty() || topic.equals(mq.topic())) {
                out.put(mq, offset.get());
            }
        });
        return out;
    }
}
