package io.petrel.common.body;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The QUERY_CORRECTION_OFFSET (308) body: per queue id, the lowest offset the compared groups have all consumed.
 * Queue ids are written as bare numbers: {@code {"correctionOffsets":{0:12,1:7}}}. Immutable.
 */
public record QueryCorrectionOffsetBody(Map<Integer, Long> correctionOffsets) {
    private static final String WHAT = "QueryCorrectionOffsetBody";

    public QueryCorrectionOffsetBody {
        correctionOffsets = Copies.map(correctionOffsets, WHAT);
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(32 + correctionOffsets.size() * 24);
        out.beginObject().name("correctionOffsets").beginObject();
        correctionOffsets.forEach((q, offset) -> out.numericName(q).value(offset));
        return out.endObject().endObject().toBytes();
    }

    public static QueryCorrectionOffsetBody decode(byte[] body) {
        return JsonBodies.decode(body, WHAT, o -> {
            Map<Integer, Long> offsets = new LinkedHashMap<>();
            JSONObject table = JsonBodies.object(o, "correctionOffsets", WHAT);
            if (table != null) {
                for (Map.Entry<Object, Object> e : JsonBodies.entries(table)) {
                    offsets.put(JsonBodies.intKey(e.getKey(), WHAT), JsonBodies.asLong(e.getValue(), 0, WHAT));
                }
            }
            return new QueryCorrectionOffsetBody(offsets);
        });
    }
}
