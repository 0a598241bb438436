package io.petrel.common.route;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** A string-to-string table, {@code {"table":{"k":"v"}}}: a KV namespace or the order-topic config. Immutable. */
public record KVTable(Map<String, String> table) {
    public KVTable {
        table = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(table));
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(32 + 32 * table.size());
        out.beginObject().name("table").beginObject();
        for (Map.Entry<String, String> e : table.entrySet()) {
            out.field(e.getKey(), e.getValue());
        }
        return out.endObject().endObject().toBytes();
    }

    public static KVTable decode(byte[] json) {
        return JsonBodies.decode(json, "KVTable", o -> {
            Map<String, String> table = new LinkedHashMap<>();
            JSONObject t = JsonBodies.object(o, "table", "KVTable");
            if (t != null) {
                for (Map.Entry<Object, Object> e : JsonBodies.entries(t)) {
                    table.put(JsonBodies.stringKey(e.getKey(), "KVTable"),
                        e.getValue() == null ? null : e.getValue().toString());
                }
            }
            return new KVTable(table);
        });
    }
}
