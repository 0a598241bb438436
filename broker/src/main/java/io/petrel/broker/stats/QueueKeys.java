package io.petrel.broker.stats;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code topic@queueId} keys of the per-queue statistics, built once per queue so that counting a send
 * allocates nothing. Thread-safe: a topic's array is replaced, never changed, when a queue is added.
 */
final class QueueKeys {
    private final Map<String, String[]> byTopic = new ConcurrentHashMap<>();

    String of(String topic, int queueId) {
        String[] keys = byTopic.get(topic);
        if (keys != null && queueId >= 0 && queueId < keys.length && keys[queueId] != null) {
            return keys[queueId];
        }
        String key = topic + '@' + queueId;
        if (queueId >= 0) {
            byTopic.compute(topic, (t, old) -> {
                String[] next = old == null ? new String[queueId + 1] : Arrays.copyOf(old, Math.max(old.length,
                    queueId + 1));
                next[queueId] = key;
                return next;
            });
        }
        return key;
    }

    void forget(String topic) {
        byTopic.remove(topic);
    }
}
