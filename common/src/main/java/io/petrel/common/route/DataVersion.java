package io.petrel.common.route;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;

/**
 * The version of a broker's topic table: a timestamp and a counter bumped on every change. Two versions are
 * the same only if both parts match. JSON form: {@code {"counter":N,"timestamp":T}}. Immutable.
 */
public record DataVersion(long timestamp, long counter) {
    /** What a registration without a body stands for. */
    public static final DataVersion ZERO = new DataVersion(0, 0);

    /** The next version: counter + 1, stamped {@code nowMillis}. */
    public DataVersion next(long nowMillis) {
        return new DataVersion(nowMillis, counter + 1);
    }

    public void writeJson(JsonWriter out) {
        out.beginObject().field("counter", counter).field("timestamp", timestamp).endObject();
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(48);
        writeJson(out);
        return out.toBytes();
    }

    public static DataVersion decode(byte[] json) {
        return fromJson(JsonBodies.parseObject(json, "DataVersion"));
    }

    /** Reads the JSON form; null reads as {@link #ZERO}, missing members as 0. */
    public static DataVersion fromJson(JSONObject o) {
        if (o == null) {
            return ZERO;
        }
        return new DataVersion(JsonBodies.longOr(o, "timestamp", 0, "DataVersion"),
            JsonBodies.longOr(o, "counter", 0, "DataVersion"));
    }
}
