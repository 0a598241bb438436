package io.petrel.common.body;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;

/**
 * One window of a broker statistic: total, rate per second and average time.
 * JSON: {@code {"avgpt":0.5,"sum":120,"tps":2.0}}.
 */
public record BrokerStatsItem(long sum, double tps, double avgpt) {
    public void writeJson(JsonWriter out) {
        out.beginObject().field("avgpt", avgpt).field("sum", sum).field("tps", tps).endObject();
    }

    /** Null stays null; missing members read as 0. */
    public static BrokerStatsItem fromJson(JSONObject o, String what) {
        if (o == null) {
            return null;
        }
        return new BrokerStatsItem(JsonBodies.longOr(o, "sum", 0, what), JsonBodies.doubleOr(o, "tps", 0, what),
            JsonBodies.doubleOr(o, "avgpt", 0, what));
    }
}
