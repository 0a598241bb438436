package io.petrel.common.body;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every producer group on a broker with its clients, the GET_ALL_PRODUCER_INFO (328) body:
 * {@code {"data":{"PG":[{ProducerInfo},..]}}}. Immutable; groups keep their order.
 */
public record ProducerTableInfo(Map<String, List<ProducerInfo>> data) {
    private static final String WHAT = "ProducerTableInfo";

    public ProducerTableInfo {
        Map<String, List<ProducerInfo>> copy = new LinkedHashMap<>();
        data.forEach((group, producers) -> copy.put(group, List.copyOf(producers)));
        data = Collections.unmodifiableMap(copy);
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(32 + data.size() * 160);
        out.beginObject().name("data").beginObject();
        data.forEach((group, producers) -> {
            out.name(group).beginArray();
            for (ProducerInfo p : producers) {
                p.writeJson(out);
            }
            out.endArray();
        });
        return out.endObject().endObject().toBytes();
    }

    public static ProducerTableInfo decode(byte[] body) {
        return JsonBodies.decode(body, WHAT, o -> {
            Map<String, List<ProducerInfo>> groups = new LinkedHashMap<>();
            JSONObject table = JsonBodies.object(o, "data", WHAT);
            if (table != null) {
                for (Map.Entry<Object, Object> e : JsonBodies.entries(table)) {
                    List<ProducerInfo> producers = new ArrayList<>();
                    if (e.getValue() != null) {
                        if (!(e.getValue() instanceof JSONArray array)) {
                            throw new IllegalArgumentException(WHAT + ": group " + e.getKey() + " is not an array");
                        }
                        for (Object p : array) {
                            producers.add(ProducerInfo.fromJson(p, WHAT));
                        }
                    }
                    groups.put(JsonBodies.stringKey(e.getKey(), WHAT), producers);
                }
            }
            return new ProducerTableInfo(groups);
        });
    }
}
