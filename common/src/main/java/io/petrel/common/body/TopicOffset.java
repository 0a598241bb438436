package io.petrel.common.body;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;

/**
 * One queue's line in a {@link TopicStatsTable}: min and max offset and the store time of the last message
 * (0 if none). JSON: {@code {"lastUpdateTimestamp":0,"maxOffset":4,"minOffset":0}}.
 */
public record TopicOffset(long minOffset, long maxOffset, long lastUpdateTimestamp) {
    public void writeJson(JsonWriter out) {
        out.beginObject().field("lastUpdateTimestamp", lastUpdateTimestamp).field("maxOffset", maxOffset)
            .field("minOffset", minOffset).endObject();
    }

    /** Missing members read as 0. */
    public static TopicOffset fromJson(Object value, String what) {
        JSONObject o = JsonBodies.asObject(value, what);
        if (o == null) {
            return new TopicOffset(0, 0, 0);
        }
        return new TopicOffset(JsonBodies.longOr(o, "minOffset", 0, what), JsonBodies.longOr(o, "maxOffset", 0, what),
            JsonBodies.longOr(o, "lastUpdateTimestamp", 0, what));
    }
}
