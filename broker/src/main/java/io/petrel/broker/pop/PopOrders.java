package io.petrel.broker.pop;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.petrel.broker.config.JsonConfigFile;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The batches handed out by orderly pops, as 5.x brokers keep them (their consumer order info): for each topic,
 * group and queue, the offsets of the last batch, when it was popped and for how long, which of its offsets are
 * acked, the next visible time of an offset whose invisible time was changed, and how many times each offset was
 * handed out before. While a batch holds an unacked offset that is still invisible, the queue gives nothing to any
 * other pop of the group; the group's offset stays at the batch's first unacked message, so a batch not acked in
 * time comes back whole and in order. Persisted in {@code config/consumerOrderInfo.json} in 5.3's form.
 * Thread-safe; the pop processor calls it under the queue's lock.
 */
final class PopOrders {
    /** A queue nobody has popped orderly or acked for a day is forgotten (as 5.3 does). */
    static final long FORGET_AFTER_MS = TimeUnit.DAYS.toMillis(1);
    private static final String WHAT = "ConsumerOrderInfo";

    /** One queue's last orderly batch. Offsets are absolute here; the file keeps the first and the distances. */
    static final class Batch {
        final long popTime;
        long invisibleTime;
        final List<Long> offsets;
        final Map<Long, Long> nextVisible;
        final Map<Long, Integer> handedOut;
        long lastConsume;
        long ackedBits;
        final String attemptId;

        Batch(long popTime, long invisibleTime, List<Long> offsets, Map<Long, Long> nextVisible,
              Map<Long, Integer> handedOut, long lastConsume, long ackedBits, String attemptId) {
            this.popTime = popTime;
            this.invisibleTime = invisibleTime;
            this.offsets = offsets;
            this.nextVisible = nextVisible;
            this.handedOut = handedOut;
            this.lastConsume = lastConsume;
            this.ackedBits = ackedBits;
            this.attemptId = attemptId;
        }

        boolean acked(int index) {
            return (ackedBits & (1L << index)) != 0;
        }

        /** Whether an unacked offset is still invisible to a pop of another attempt. */
        boolean blocks(String attempt, long currentInvisibleTime, long now) {
            if (offsets.isEmpty() || (attemptId != null && attemptId.equals(attempt))) {
                return false;
            }
            if (invisibleTime <= 0) {
                invisibleTime = currentInvisibleTime;
            }
            for (int i = 0; i < offsets.size(); i++) {
                if (!acked(i) && now < nextVisible.getOrDefault(offsets.get(i), popTime + invisibleTime)) {
                    return true;
                }
            }
            return false;
        }

        /** The first unacked offset, or one past the last when all are acked. */
        long nextOffset() {
            for (int i = 0; i < offsets.size(); i++) {
                if (!acked(i)) {
                    return offsets.get(i);
                }
            }
            return offsets.get(offsets.size() - 1) + 1;
        }
    }

    private final JsonConfigFile file;
    /** topic@group → queue id → batch */
    private final Map<String, Map<Integer, Batch>> table = new HashMap<>();
    private boolean changed;

    PopOrders(JsonConfigFile file) {
        this.file = file;
    }

    private static String key(String topic, String group) {
        return topic + "@" + group;
    }

    private Batch batch(String topic, String group, int queueId) {
        Map<Integer, Batch> queues = table.get(key(topic, group));
        return queues == null ? null : queues.get(queueId);
    }

    synchronized boolean blocked(String topic, String group, int queueId, String attemptId, long invisibleTime,
                                 long now) {
        Batch b = batch(topic, group, queueId);
        return b != null && b.blocks(attemptId, invisibleTime, now);
    }

    /**
     * Records the batch a pop hands out and appends its order count info to {@code countInfo} (how many times each
     * offset was handed out before, then the least of them for the queue, for clients that read only that): an
     * offset that was in the queue's previous batch of another attempt has been handed out once more.
     */
    synchronized void popped(String attemptId, String topic, String group, int queueId, long popTime,
                             long invisibleTime, List<Long> offsets, long now, StringBuilder countInfo) {
        Map<Integer, Batch> queues = table.computeIfAbsent(key(topic, group), k -> new HashMap<>());
        Batch previous = queues.get(queueId);
        Map<Long, Integer> handedOut = new TreeMap<>();
        if (previous != null) {
            if (previous.attemptId != null && previous.attemptId.equals(attemptId)) {
                handedOut.putAll(previous.handedOut);
            } else {
                for (long offset : offsets) {
                    if (previous.offsets.contains(offset)) {
                        handedOut.put(offset, previous.handedOut.getOrDefault(offset, 0) + 1);
                    }
                }
            }
        }
        queues.put(queueId, new Batch(popTime, invisibleTime, List.copyOf(offsets), new TreeMap<>(), handedOut, now,
            0, attemptId));
        changed = true;
        int least = handedOut.size() == offsets.size() ? Integer.MAX_VALUE : 0;
        for (Map.Entry<Long, Integer> e : handedOut.entrySet()) {
            PopRecords.appendOffsetOrderCount(countInfo, topic, queueId, e.getKey(), e.getValue());
            least = Math.min(least, e.getValue());
        }
        PopRecords.appendQueueOrderCount(countInfo, topic, queueId, least == Integer.MAX_VALUE ? 0 : least);
    }

    /**
     * Marks {@code offset} of the queue's batch popped at {@code popTime} acked; returns the offset the group may
     * commit (the first unacked one), -1 when the batch does not hold the offset, -2 when the ack is for an earlier
     * batch (nothing to commit). With no batch recorded the next offset is the one after.
     */
    synchronized long acked(String topic, String group, int queueId, long offset, long popTime, long now) {
        Batch b = batch(topic, group, queueId);
        if (b == null) {
            return offset + 1;
        }
        if (b.offsets.isEmpty()) {
            return -1;
        }
        if (b.popTime != popTime) {
            return -2;
        }
        int index = b.offsets.indexOf(offset);
        if (index < 0) {
            return -1;
        }
        b.ackedBits |= 1L << index;
        b.lastConsume = now;
        changed = true;
        return b.nextOffset();
    }

    /** A new next visible time for one offset of the queue's batch popped at {@code popTime}. */
    synchronized void changeVisibleTime(String topic, String group, int queueId, long offset, long popTime,
                                        long nextVisibleTime) {
        Batch b = batch(topic, group, queueId);
        if (b == null || b.popTime != popTime) {
            return;
        }
        b.nextVisible.put(offset, nextVisibleTime);
        changed = true;
    }

    /**
     * Forgets the queues nobody has popped or acked for {@link #FORGET_AFTER_MS} and those {@code exists} no longer
     * knows (topic, group and queue id), then writes the file if anything changed.
     */
    synchronized void persist(long now, QueueExists exists) {
        for (var topicGroup = table.entrySet().iterator(); topicGroup.hasNext(); ) {
            var entry = topicGroup.next();
            int at = entry.getKey().lastIndexOf('@');
            String topic = entry.getKey().substring(0, Math.max(0, at));
            String group = entry.getKey().substring(at + 1);
            changed |= entry.getValue().entrySet().removeIf(q -> now - q.getValue().lastConsume > FORGET_AFTER_MS
                || !exists.test(topic, group, q.getKey()));
            if (entry.getValue().isEmpty()) {
                topicGroup.remove();
                changed = true;
            }
        }
        if (!changed) {
            return;
        }
        JsonWriter out = new JsonWriter(256);
        out.beginObject().name("table").beginObject();
        for (Map.Entry<String, Map<Integer, Batch>> tg : new TreeMap<>(table).entrySet()) {
            out.name(tg.getKey()).beginObject();
            for (Map.Entry<Integer, Batch> q : new TreeMap<>(tg.getValue()).entrySet()) {
                out.numericName(q.getKey());
                writeBatch(out, q.getValue());
            }
            out.endObject();
        }
        file.store(out.endObject().endObject().toBytes());
        changed = false;
    }

    /** Whether a topic, group and queue id still exist on this broker. */
    @FunctionalInterface
    interface QueueExists {
        boolean test(String topic, String group, int queueId);
    }

    private static void writeBatch(JsonWriter out, Batch b) {
        out.beginObject().fieldIfPresent("a", b.attemptId).field("cm", b.ackedBits)
            .field("i", b.invisibleTime).field("l", b.lastConsume);
        out.name("o").beginArray();
        long first = b.offsets.isEmpty() ? 0 : b.offsets.get(0);
        for (int i = 0; i < b.offsets.size(); i++) {
            out.value(i == 0 ? first : b.offsets.get(i) - first);
        }
        out.endArray();
        out.name("oc").beginObject();
        b.handedOut.forEach((offset, count) -> out.numericName(offset).value(count));
        out.endObject();
        if (!b.nextVisible.isEmpty()) {
            out.name("ot").beginObject();
            b.nextVisible.forEach((offset, time) -> out.numericName(offset).value(time));
            out.endObject();
        }
        out.field("popTime", b.popTime).endObject();
    }

    synchronized void load() {
        Map<String, Map<Integer, Batch>> loaded = file.load(PopOrders::decode);
        if (loaded != null) {
            table.clear();
            table.putAll(loaded);
        }
    }

    static Map<String, Map<Integer, Batch>> decode(byte[] json) {
        return JsonBodies.decode(json, WHAT, root -> {
            Map<String, Map<Integer, Batch>> result = new HashMap<>();
            JSONObject t = JsonBodies.object(root, "table", WHAT);
            if (t == null) {
                return result;
            }
            for (Map.Entry<Object, Object> tg : JsonBodies.entries(t)) {
                Map<Integer, Batch> queues = new HashMap<>();
                JSONObject byQueue = JsonBodies.asObject(tg.getValue(), WHAT);
                if (byQueue != null) {
                    for (Map.Entry<Object, Object> q : JsonBodies.entries(byQueue)) {
                        queues.put(Integer.parseInt(String.valueOf(q.getKey())),
                            readBatch(JsonBodies.asObject(q.getValue(), WHAT)));
                    }
                }
                result.put(JsonBodies.stringKey(tg.getKey(), WHAT), queues);
            }
            return result;
        });
    }

    private static Batch readBatch(JSONObject o) {
        List<Long> offsets = new ArrayList<>();
        JSONArray list = o.getJSONArray("o");
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                long v = list.getLongValue(i);
                offsets.add(i == 0 ? v : offsets.get(0) + v);
            }
        }
        String attempt = JsonBodies.string(o, "a");
        return new Batch(JsonBodies.longOr(o, "popTime", 0, WHAT), JsonBodies.longOr(o, "i", 0, WHAT),
            List.copyOf(offsets), longMap(o.getJSONObject("ot"), Long::parseLong), longMap(o.getJSONObject("oc"),
                v -> Integer.parseInt(v)), JsonBodies.longOr(o, "l", 0, WHAT), JsonBodies.longOr(o, "cm", 0, WHAT),
            attempt == null || attempt.isEmpty() ? null : attempt);
    }

    private static <V> Map<Long, V> longMap(JSONObject o, java.util.function.Function<String, V> value) {
        Map<Long, V> m = new TreeMap<>();
        if (o != null) {
            for (Map.Entry<Object, Object> e : JsonBodies.entries(o)) {
                m.put(Long.parseLong(String.valueOf(e.getKey())), value.apply(String.valueOf(e.getValue())));
            }
        }
        return m;
    }
}
