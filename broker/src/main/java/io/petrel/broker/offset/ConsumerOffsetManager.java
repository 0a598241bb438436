package io.petrel.broker.offset;

import io.petrel.broker.config.JsonConfigFile;
import io.petrel.common.body.ConsumerOffsetSerializeWrapper;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.IntToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Committed consume offsets by {@code topic@group} and queue id ({@code config/consumerOffset.json}, the
 * GET_ALL_CONSUMER_OFFSET body). Offsets are kept in memory and persisted by a timer and at shutdown. The JSON
 * form writes queue ids as bare numbers: {@code {"offsetTable":{"T@G":{0:3,1:0}}}}. Thread-safe.
 */
public final class ConsumerOffsetManager {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerOffsetManager.class);
    private static final String SEPARATOR = "@";

    private final ConcurrentHashMap<String, ConcurrentHashMap<Integer, Long>> table = new ConcurrentHashMap<>(512);
    private final JsonConfigFile file;

    public ConsumerOffsetManager(JsonConfigFile file) {
        this.file = file;
    }

    public static String key(String topic, String group) {
        return topic + SEPARATOR + group;
    }

    public void load() {
        Map<String, Map<Integer, Long>> stored = file.load(ConsumerOffsetManager::decode);
        if (stored != null) {
            stored.forEach((k, v) -> table.put(k, new ConcurrentHashMap<>(v)));
        }
        LOG.info("loaded consumer offsets of {} topic@group pairs from {}", table.size(), file.path());
    }

    public void commit(String clientHost, String group, String topic, int queueId, long offset) {
        ConcurrentHashMap<Integer, Long> queues = table.computeIfAbsent(key(topic, group),
            k -> new ConcurrentHashMap<>(32));
        Long previous = queues.put(queueId, offset);
        if (previous != null && offset < previous) {
            LOG.debug("offset of {}@{} queue {} moved back from {} to {} by {}", topic, group, queueId, previous,
                offset, clientHost);
        }
    }

    /** @return the committed offset, or -1 when none */
    public long query(String group, String topic, int queueId) {
        Map<Integer, Long> queues = table.get(key(topic, group));
        if (queues == null) {
            return -1;
        }
        Long v = queues.get(queueId);
        return v == null ? -1 : v;
    }

    public Map<Integer, Long> queryAll(String group, String topic) {
        Map<Integer, Long> queues = table.get(key(topic, group));
        return queues == null ? Map.of() : Map.copyOf(queues);
    }

    public Set<String> topicsOfGroup(String group) {
        Set<String> topics = new HashSet<>();
        for (String k : table.keySet()) {
            int at = k.lastIndexOf(SEPARATOR);
            if (at > 0 && k.substring(at + 1).equals(group)) {
                topics.add(k.substring(0, at));
            }
        }
        return topics;
    }

    public Set<String> groupsOfTopic(String topic) {
        Set<String> groups = new HashSet<>();
        for (String k : table.keySet()) {
            int at = k.lastIndexOf(SEPARATOR);
            if (at > 0 && k.substring(0, at).equals(topic)) {
                groups.add(k.substring(at + 1));
            }
        }
        return groups;
    }

    public void removeTopic(String topic) {
        table.keySet().removeIf(k -> k.startsWith(topic + SEPARATOR));
    }

    public void removeGroup(String group) {
        table.keySet().removeIf(k -> k.endsWith(SEPARATOR + group));
    }

    /**
     * Per queue of {@code topic}, the lowest offset any group other than {@code excludedGroups} has committed,
     * counting only offsets still at or above the queue's minimum ({@code minInQueue}); queues nobody counts are
     * absent.
     */
    public Map<Integer, Long> lowestOffsets(String topic, Set<String> excludedGroups, IntToLongFunction minInQueue) {
        Map<Integer, Long> lowest = new HashMap<>();
        table.forEach((k, queues) -> {
            int at = k.lastIndexOf(SEPARATOR);
            if (at <= 0 || !k.substring(0, at).equals(topic) || excludedGroups.contains(k.substring(at + 1))) {
                return;
            }
            queues.forEach((queueId, offset) -> {
                if (offset >= minInQueue.applyAsLong(queueId)) {
                    lowest.merge(queueId, offset, Math::min);
                }
            });
        });
        return lowest;
    }

    /** Gives {@code destGroup} the offsets {@code srcGroup} has on {@code topic}, replacing its own; false if none. */
    public boolean copyOffsets(String srcGroup, String destGroup, String topic) {
        Map<Integer, Long> src = table.get(key(topic, srcGroup));
        if (src == null) {
            return false;
        }
        table.put(key(topic, destGroup), new ConcurrentHashMap<>(src));
        return true;
    }

    /**
     * Merges another broker's offsets in (a slave copying its master): each {@code topic@group} the other table
     * has replaces this one's queue offsets for that key; keys only this table has are kept.
     */
    public void mergeFrom(Map<String, ? extends Map<Integer, Long>> other) {
        other.forEach((k, queues) -> table.put(k, new ConcurrentHashMap<>(queues)));
    }

    public byte[] encode() {
        return ConsumerOffsetSerializeWrapper.encode(table);
    }

    public static Map<String, Map<Integer, Long>> decode(byte[] json) {
        return ConsumerOffsetSerializeWrapper.decode(json).offsetTable();
    }

    public synchronized void persist() {
        file.store(encode());
    }
}
