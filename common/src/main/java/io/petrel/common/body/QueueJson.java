package io.petrel.common.body;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * JSON form of a {@link MessageQueue}, {@code {"brokerName":..,"queueId":..,"topic":..}}, and of the
 * {@code Map<MessageQueue, V>} tables that 4.9.7 peers write with each key as the queue object itself:
 * <pre>{{"brokerName":"b","queueId":0,"topic":"T"}:{...},{"brokerName":"b","queueId":1,"topic":"T"}:{...}}</pre>
 * That is not standard JSON. Readers also take the key as a string holding the same JSON
 * ({@code {"{\"brokerName\":\"b\",...}":{...}}}), which 4.9.7 reads too.
 */
public final class QueueJson {
    private QueueJson() {
    }

    /** Writes the queue; a null topic or broker name is left out, as fastjson leaves out null properties. */
    public static void write(MessageQueue mq, JsonWriter out) {
        out.beginObject().fieldIfPresent("brokerName", mq.brokerName()).field("queueId", mq.queueId())
            .fieldIfPresent("topic", mq.topic()).endObject();
    }

    /** The object written as a map key, as 4.9.7 peers do for {@code Map<MessageQueue, ...>} (not standard JSON). */
    public static String asKey(MessageQueue mq) {
        JsonWriter w = new JsonWriter(96);
        write(mq, w);
        return w.toString();
    }

    public static MessageQueue read(JSONObject o) {
        return new MessageQueue(JsonBodies.string(o, "topic"), JsonBodies.string(o, "brokerName"),
            JsonBodies.intOr(o, "queueId", 0, "MessageQueue"));
    }

    /**
     * Reads a map key that stands for a queue: the object itself or a string holding its JSON. A key must name
     * its topic and broker.
     */
    public static MessageQueue readKey(Object key, String what) {
        JSONObject o;
        if (key instanceof JSONObject object) {
            o = object;
        } else if (key instanceof String s && s.trim().startsWith("{")) {
            o = JsonBodies.parseObject(s.getBytes(StandardCharsets.UTF_8), what + " queue key");
        } else {
            throw new IllegalArgumentException(what + ": map key is not a MessageQueue: " + key);
        }
        MessageQueue mq = read(o);
        if (mq.topic() == null || mq.brokerName() == null) {
            throw new IllegalArgumentException(what + ": MessageQueue key without topic or brokerName: " + key);
        }
        return mq;
    }

    /** Writes a queue-keyed table; {@code value} writes one value. */
    public static <V> void writeTable(Map<MessageQueue, V> table, JsonWriter out,
                                      BiConsumer<V, JsonWriter> value) {
        out.beginObject();
        for (Map.Entry<MessageQueue, V> e : table.entrySet()) {
            out.rawName(asKey(e.getKey()));
            value.accept(e.getValue(), out);
        }
        out.endObject();
    }

    /** Writes a {@code Map<MessageQueue, Long>}. */
    public static void writeLongTable(Map<MessageQueue, Long> table, JsonWriter out) {
        writeTable(table, out, (v, w) -> w.value(v));
    }

    /**
     * Reads a queue-keyed table (null reads as empty); {@code value} turns one member value into a {@code V}.
     * The result keeps the order of the text and cannot be modified.
     */
    public static <V> Map<MessageQueue, V> readTable(JSONObject table, String what,
                                                     BiFunction<Object, String, V> value) {
        Map<MessageQueue, V> out = new LinkedHashMap<>();
        if (table != null) {
            for (Map.Entry<Object, Object> e : JsonBodies.entries(table)) {
                out.put(readKey(e.getKey(), what), value.apply(e.getValue(), what));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Reads a {@code Map<MessageQueue, Long>}; a null value reads as 0. */
    public static Map<MessageQueue, Long> readLongTable(JSONObject table, String what) {
        return readTable(table, what, (v, w) -> JsonBodies.asLong(v, 0, w));
    }

    public static Set<MessageQueue> readSet(JSONArray array) {
        Set<MessageQueue> out = new LinkedHashSet<>();
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                out.add(read(array.getJSONObject(i)));
            }
        }
        return out;
    }

    public static void writeSet(Set<MessageQueue> queues, JsonWriter out) {
        out.beginArray();
        for (MessageQueue mq : queues) {
            write(mq, out);
        }
        out.endArray();
    }
}
