package io.petrel.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Every {@link ConsumeQueue} of the store, keyed by topic and queue id, under
 * {@code consumequeue/}. Thread-safe lookups (concurrent maps); queues are created on first
 * dispatch.
 */
public final class ConsumeQueueTable {
    private final Path root;
    private final int fileSize;
    private final Map<String, Map<Integer, ConsumeQueue>> queues = new ConcurrentHashMap<>();

    public ConsumeQueueTable(Path root, int fileSize) {
        this.root = root;
        this.fileSize = fileSize;
    }

    public void load() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> topics = Files.list(root)) {
            for (Path topicDir : topics.filter(Files::isDirectory).toList()) {
                loadTopic(topicDir);
            }
        }
    }

    private void loadTopic(Path topicDir) throws IOException {
        String topic = topicDir.getFileName().toString();
        try (Stream<Path> ids = Files.list(topicDir)) {
            for (Path qDir : ids.filter(Files::isDirectory).toList()) {
                String name = qDir.getFileName().toString();
                if (!name.matches("\\d+")) {
                    continue;
                }
                ConsumeQueue cq = new ConsumeQueue(topic, Integer.parseInt(name), qDir, fileSize);
                cq.load();
                queues.computeIfAbsent(topic, t -> new ConcurrentHashMap<>()).put(cq.queueId(), cq);
            }
        }
    }

    public ConsumeQueue find(String topic, int queueId) {
        Map<Integer, ConsumeQueue> byId = queues.get(topic);
        return byId == null ? null : byId.get(queueId);
    }

    /**
     * The queue, created (without files) if it does not exist. Creation and removal of a topic's queues are
     * atomic per topic, so a queue created while the topic's last queue is removed never lands in a detached map.
     */
    public ConsumeQueue findOrCreate(String topic, int queueId) {
        ConsumeQueue existing = find(topic, queueId);
        if (existing != null) {
            return existing;
        }
        ConsumeQueue[] created = new ConsumeQueue[1];
        queues.compute(topic, (t, byId) -> {
            Map<Integer, ConsumeQueue> m = byId == null ? new ConcurrentHashMap<>() : byId;
            created[0] = m.computeIfAbsent(queueId,
                id -> new ConsumeQueue(topic, id, root.resolve(topic).resolve(String.valueOf(id)), fileSize));
            return m;
        });
        return created[0];
    }

    /** Takes queues out of the table (all of the topic's when {@code queueId} is null) and returns them; no I/O. */
    public List<ConsumeQueue> remove(String topic, Integer queueId) {
        List<ConsumeQueue> removed = new ArrayList<>();
        queues.computeIfPresent(topic, (t, byId) -> {
            if (queueId == null) {
                removed.addAll(byId.values());
                return null;
            }
            ConsumeQueue cq = byId.remove(queueId);
            if (cq != null) {
                removed.add(cq);
            }
            return byId.isEmpty() ? null : byId;
        });
        return removed;
    }

    /** Removes the topic directory once its queues' files are gone (left alone if anything is still in it). */
    public void removeTopicDirIfEmpty(String topic) {
        try {
            Files.deleteIfExists(root.resolve(topic));
        } catch (IOException e) {
            // not empty yet (a queue of the topic was re-created meanwhile) or held by the OS: it stays
        }
    }

    public Set<String> topics() {
        return Set.copyOf(queues.keySet());
    }

    public List<ConsumeQueue> all() {
        List<ConsumeQueue> out = new ArrayList<>();
        for (Map<Integer, ConsumeQueue> byId : queues.values()) {
            out.addAll(byId.values());
        }
        return out;
    }

    /** Recovers every queue; returns the highest CommitLog end any of them references (-1 if none). */
    public long recoverAll() {
        long max = -1;
        for (ConsumeQueue cq : all()) {
            cq.recover();
            max = Math.max(max, cq.maxPhysicOffset());
        }
        return max;
    }

    public long maxPhysicOffset() {
        long max = -1;
        for (ConsumeQueue cq : all()) {
            max = Math.max(max, cq.maxPhysicOffset());
        }
        return max;
    }

    public void truncateDirty(long phyEnd) {
        for (ConsumeQueue cq : all()) {
            cq.truncateDirty(phyEnd);
        }
    }

    public void destroyAll() {
        for (ConsumeQueue cq : all()) {
            cq.destroy();
        }
        queues.clear();
    }

    public void flush(int leastPages) {
        for (ConsumeQueue cq : all()) {
            cq.flush(leastPages);
        }
    }

    public void shutdown(long nowMs) {
        for (ConsumeQueue cq : all()) {
            cq.shutdown(nowMs);
        }
    }
}
