package io.petrel.store;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The next queue offset of every topic-queue, as the CommitLog numbers records. Changed only under the CommitLog's
 * append lock (or before the store starts); read from anywhere.
 */
public final class QueueOffsetTable {
    private final Map<String, Map<Integer, Long>> byTopic = new ConcurrentHashMap<>();

    /** The queue offset the next record of this queue gets (0 for a queue never written). */
    public long next(String topic, int queueId) {
        Map<Integer, Long> queues = byTopic.get(topic);
        Long v = queues == null ? null : queues.get(queueId);
        return v == null ? 0 : v;
    }

    public void set(String topic, int queueId, long next) {
        byTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>()).put(queueId, next);
    }

    /** Forgets these queues of {@code topic}, so that their next record starts at queue offset 0. */
    public void forget(String topic, Collection<Integer> queueIds) {
        byTopic.computeIfPresent(topic, (t, queues) -> {
            queues.keySet().removeAll(queueIds);
            return queues.isEmpty() ? null : queues;
        });
    }

    public Set<Integer> queueIds(String topic) {
        Map<Integer, Long> queues = byTopic.get(topic);
        return queues == null ? Set.of() : new TreeSet<>(queues.keySet());
    }

    public void clear() {
        byTopic.clear();
    }
}
