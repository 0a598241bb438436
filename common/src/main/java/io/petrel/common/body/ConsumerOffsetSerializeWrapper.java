package io.petrel.common.body;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Committed offsets by {@code topic@group} and queue id: the GET_ALL_CONSUMER_OFFSET (43) body a master sends its
 * slaves and the content of {@code config/consumerOffset.json}. Queue ids are written as bare numbers, as fastjson
 * writes {@code Integer} keys: {@code {"offsetTable":{"T@G":{0:3,1:0}}}}; readers also take them quoted and the
 * pretty-printed file form. Immutable; keys keep their order.
 */
public record ConsumerOffsetSerializeWrapper(Map<String, Map<Integer, Long>> offsetTable) {
    private static final String WHAT = "ConsumerOffsetSerializeWrapper";

    public ConsumerOffsetSerializeWrapper {
        Map<String, Map<Integer, Long>> copy = new LinkedHashMap<>();
        offsetTable.forEach((k, v) -> copy.put(k, Copies.map(v, WHAT)));
        offsetTable = Collections.unmodifiableMap(copy);
    }

    public byte[] encode() {
        return encode(offsetTable);
    }

    /** Encodes a live table (e.g. a broker's concurrent maps) without copying it first. */
    public static byte[] encode(Map<String, ? extends Map<Integer, Long>> offsetTable) {
        JsonWriter out = new JsonWriter(64 + offsetTable.size() * 64);
        out.beginObject().name("offsetTable").beginObject();
        for (Map.Entry<String, ? extends Map<Integer, Long>> e : offsetTable.entrySet()) {
            out.name(e.getKey()).beginObject();
            for (Map.Entry<Integer, Long> q : e.getValue().entrySet()) {
                out.numericName(q.getKey()).value(q.getValue());
            }
            out.endObject();
        }
        return out.endObject().endObject().toBytes();
    }

    public static ConsumerOffsetSerializeWrapper decode(byte[] body) {
        return JsonBodies.decode(body, WHAT, ConsumerOffsetSerializeWrapper::fromJson);
    }

    private static ConsumerOffsetSerializeWrapper fromJson(JSONObject root) {
        Map<String, Map<Integer, Long>> table = new LinkedHashMap<>();
        JSONObject offsets = JsonBodies.object(root, "offsetTable", WHAT);
        if (offsets != null) {
            for (Map.Entry<Object, Object> e : JsonBodies.entries(offsets)) {
                table.put(JsonBodies.stringKey(e.getKey(), WHAT), readQueues(e.getValue()));
            }
        }
        return new ConsumerOffsetSerializeWrapper(table);
    }

    private static Map<Integer, Long> readQueues(Object value) {
        Map<Integer, Long> queues = new LinkedHashMap<>();
        JSONObject o = JsonBodies.asObject(value, WHAT);
        if (o != null) {
            for (Map.Entry<Object, Object> q : JsonBodies.entries(o)) {
                queues.put(JsonBodies.intKey(q.getKey(), WHAT), JsonBodies.asLong(q.getValue(), 0, WHAT));
            }
        }
        return queues;
    }
}
