package io.petrel.common.body;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;

/**
 * One queue's line in a {@link ConsumeStats}: the queue's max offset on the broker, the group's committed offset,
 * and the store time of the last consumed message (0 if none).
 * JSON: {@code {"brokerOffset":5,"consumerOffset":3,"lastTimestamp":1700000000000}}.
 */
public record OffsetWrapper(long brokerOffset, long consumerOffset, long lastTimestamp) {
    /** Messages not yet consumed on this queue. */
    public long diff() {
        return brokerOffset - consumerOffset;
    }

    public void writeJson(JsonWriter out) {
        out.beginObject().field("brokerOffset", brokerOffset).field("consumerOffset", consumerOffset)
            .field("lastTimestamp", lastTimestamp).endObject();
    }

    /** Missing members read as 0. */
    public static OffsetWrapper fromJson(Object value, String what) {
        JSONObject o = JsonBodies.asObject(value, what);
        if (o == null) {
            return new OffsetWrapper(0, 0, 0);
        }
        return new OffsetWrapper(JsonBodies.longOr(o, "brokerOffset", 0, what),
            JsonBodies.longOr(o, "consumerOffset", 0, what), JsonBodies.longOr(o, "lastTimestamp", 0, what));
    }
}
