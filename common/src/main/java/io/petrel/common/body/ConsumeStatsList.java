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
 * Consume progress of every group on one broker, the GET_BROKER_CONSUME_STATS (317) body: a list of
 * {@code group -> [ConsumeStats per topic]} maps, the broker's address and the total lag:
 * <pre>{"brokerAddr":"ip:port","consumeStatsList":[{"G":[{ConsumeStats},..]},..],"totalDiff":12}</pre>
 * ({@code brokerAddr} left out when null). Immutable.
 */
public record ConsumeStatsList(List<Map<String, List<ConsumeStats>>> consumeStatsList, String brokerAddr,
                               long totalDiff) {
    private static final String WHAT = "ConsumeStatsList";

    public ConsumeStatsList {
        List<Map<String, List<ConsumeStats>>> copy = new ArrayList<>();
        for (Map<String, List<ConsumeStats>> m : consumeStatsList) {
            Map<String, List<ConsumeStats>> groups = new LinkedHashMap<>();
            m.forEach((group, stats) -> groups.put(group, List.copyOf(stats)));
            copy.add(Copies.map(groups, WHAT));
        }
        consumeStatsList = Collections.unmodifiableList(copy);
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(256 + consumeStatsList.size() * 512);
        out.beginObject().fieldIfPresent("brokerAddr", brokerAddr).name("consumeStatsList").beginArray();
        for (Map<String, List<ConsumeStats>> groups : consumeStatsList) {
            out.beginObject();
            for (Map.Entry<String, List<ConsumeStats>> e : groups.entrySet()) {
                out.name(e.getKey()).beginArray();
                for (ConsumeStats stats : e.getValue()) {
                    stats.writeJson(out);
                }
                out.endArray();
            }
            out.endObject();
        }
        return out.endArray().field("totalDiff", totalDiff).endObject().toBytes();
    }

    public static ConsumeStatsList decode(byte[] body) {
        return JsonBodies.decode(body, WHAT, ConsumeStatsList::fromJson);
    }

    private static ConsumeStatsList fromJson(JSONObject o) {
        List<Map<String, List<ConsumeStats>>> list = new ArrayList<>();
        JSONArray array = JsonBodies.array(o, "consumeStatsList", WHAT);
        if (array != null) {
            for (Object element : array) {
                list.add(readGroups(JsonBodies.asObject(element, WHAT)));
            }
        }
        return new ConsumeStatsList(list, JsonBodies.string(o, "brokerAddr"),
            JsonBodies.longOr(o, "totalDiff", 0, WHAT));
    }

    private static Map<String, List<ConsumeStats>> readGroups(JSONObject groups) {
        Map<String, List<ConsumeStats>> out = new LinkedHashMap<>();
        if (groups == null) {
            return out;
        }
        for (Map.Entry<Object, Object> e : JsonBodies.entries(groups)) {
            List<ConsumeStats> stats = new ArrayList<>();
            if (e.getValue() != null) {
                if (!(e.getValue() instanceof JSONArray a)) {
                    throw new IllegalArgumentException(WHAT + ": stats of group " + e.getKey() + " are not an array");
                }
                for (Object s : a) {
                    stats.add(ConsumeStats.fromJson(JsonBodies.asObject(s, WHAT)));
                }
            }
            out.put(JsonBodies.stringKey(e.getKey(), WHAT), stats);
        }
        return out;
    }
}
