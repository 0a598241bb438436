package io.petrel.common.route.json;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONException;
import com.alibaba.fastjson2.JSONObject;
import com.alibaba.fastjson2.JSONReader;
import java.nio.charset.StandardCharsets;

/**
 * Parsing side of the body codecs: reads the JSON that RocketMQ 4.9.7 peers write, which includes fastjson's
 * unquoted numeric map keys. Missing members keep the caller's defaults; malformed input raises
 * {@link IllegalArgumentException} naming the body.
 */
public final class JsonBodies {
    private JsonBodies() {
    }

    /** Parses {@code bytes} as one JSON object; {@code what} names the body in the error. */
    public static JSONObject parseObject(byte[] bytes, String what) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException(what + ": empty body");
        }
        Object parsed;
        try {
            parsed = JSON.parse(new String(bytes, StandardCharsets.UTF_8), JSONReader.Feature.AllowUnQuotedFieldNames);
        } catch (JSONException | NumberFormatException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException(what + ": malformed JSON: " + e.getMessage(), e);
        }
        if (!(parsed instanceof JSONObject object)) {
            throw new IllegalArgumentException(what + ": expected a JSON object");
        }
        return object;
    }

    public static JSONObject object(JSONObject in, String key, String what) {
        Object v = in.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof JSONObject o) {
            return o;
        }
        throw new IllegalArgumentException(what + ": member " + key + " is not an object");
    }

    public static JSONArray array(JSONObject in, String key, String what) {
        Object v = in.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof JSONArray a) {
            return a;
        }
        throw new IllegalArgumentException(what + ": member " + key + " is not an array");
    }

    public static long longOr(JSONObject in, String key, long fallback, String what) {
        Object v = in.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": member " + key + " is not a number: " + v);
        }
    }

    public static int intOr(JSONObject in, String key, int fallback, String what) {
        long v = longOr(in, key, fallback, what);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + ": member " + key + " out of int range: " + v);
        }
        return (int) v;
    }

    public static boolean booleanOr(JSONObject in, String key, boolean fallback) {
        Object v = in.get(key);
        if (v == null) {
            return fallback;
        }
        return v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString());
    }

    public static String string(JSONObject in, String key) {
        Object v = in.get(key);
        return v == null ? null : v.toString();
    }

    /** Parses a map key that fastjson wrote for a {@code Long} key (quoted or not). */
    public static long longKey(String key, String what) {
        try {
            return Long.parseLong(key.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": map key is not a number: " + key);
        }
    }
}
