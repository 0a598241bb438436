package io.petrel.common.route.json;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONException;
import com.alibaba.fastjson2.JSONObject;
import com.alibaba.fastjson2.JSONReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Parsing side of the body codecs: reads the JSON that RocketMQ 4.9.7 peers write, which includes fastjson's
 * unquoted numeric map keys. Missing members keep the caller's defaults; malformed input raises
 * {@link IllegalArgumentException} naming the body.
 */
public final class JsonBodies {
    private JsonBodies() {
    }

    /**
     * Parses {@code bytes} as one JSON object; {@code what} names the body in the error. The text must be JSON
     * apart from the map keys 4.9.7 peers write bare (numbers, objects); see {@link JsonSyntax}.
     */
    public static JSONObject parseObject(byte[] bytes, String what) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException(what + ": empty body");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            JsonSyntax.check(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": malformed JSON: " + e.getMessage(), e);
        }
        Object parsed;
        try {
            parsed = JSON.parse(text, JSONReader.Feature.AllowUnQuotedFieldNames);
        } catch (JSONException | NumberFormatException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException(what + ": malformed JSON: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + ": malformed JSON: " + e, e);
        }
        if (!(parsed instanceof JSONObject object)) {
            throw new IllegalArgumentException(what + ": expected a JSON object");
        }
        return object;
    }

    /**
     * Parses {@code bytes} and hands the root object to {@code reader}; whatever goes wrong on the way comes out
     * as an {@link IllegalArgumentException} naming the body.
     */
    public static <T> T decode(byte[] bytes, String what, Function<JSONObject, T> reader) {
        JSONObject root = parseObject(bytes, what);
        try {
            return reader.apply(root);
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(what + ":") ? e
                : new IllegalArgumentException(what + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + ": unexpected content: " + e, e);
        }
    }

    /**
     * A body whose list is the array {@code member} of its root object (absent: empty), each element an object read
     * by {@code element} (given its index and the object); errors as {@link #decode}.
     */
    public static <T> java.util.List<T> decodeList(byte[] bytes, String what, String member,
                                                   java.util.function.BiFunction<Integer, JSONObject, T> element) {
        return decode(bytes, what, root -> {
            java.util.List<T> out = new java.util.ArrayList<>();
            com.alibaba.fastjson2.JSONArray list = array(root, member, what);
            if (list != null) {
                for (int i = 0; i < list.size(); i++) {
                    JSONObject o = list.getJSONObject(i);
                    if (o == null) {
                        throw new IllegalArgumentException(what + ": " + member + "[" + i + "] is not an object");
                    }
                    out.add(element.apply(i, o));
                }
            }
            return out;
        });
    }

    /**
     * The members of an object with their keys as parsed: a {@code String} for a quoted or bare-word key, a
     * number for some bare numeric keys, and a {@link JSONObject} for a key that is itself an object (fastjson's
     * form for {@code Map<MessageQueue, V>}). Never iterate {@code keySet()} as strings where such keys can occur.
     */
    @SuppressWarnings("unchecked")
    public static Set<Map.Entry<Object, Object>> entries(JSONObject o) {
        return ((Map<Object, Object>) (Map<?, ?>) o).entrySet();
    }

    /** A member value that must be an object (null stays null). */
    public static JSONObject asObject(Object v, String what) {
        if (v == null || v instanceof JSONObject) {
            return (JSONObject) v;
        }
        throw new IllegalArgumentException(what + ": expected an object, got " + v);
    }

    /** A member value that must be a number (or a numeric string); null reads as {@code fallback}. */
    public static long asLong(Object v, long fallback, String what) {
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": not a number: " + v);
        }
    }

    /** A map key written for an {@code Integer}/{@code Long} key, bare or quoted, as parsed. */
    public static long longKey(Object key, String what) {
        return key instanceof Number n ? n.longValue() : longKey(String.valueOf(key), what);
    }

    /** A map key that must be an int. */
    public static int intKey(Object key, String what) {
        long v = longKey(key, what);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + ": map key out of int range: " + v);
        }
        return (int) v;
    }

    /** A map key that must be a name (a string, or a bare word or number as written). */
    public static String stringKey(Object key, String what) {
        if (key instanceof JSONObject || key instanceof JSONArray) {
            throw new IllegalArgumentException(what + ": map key is not a name: " + key);
        }
        return String.valueOf(key);
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

    public static double doubleOr(JSONObject in, String key, double fallback, String what) {
        Object v = in.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().trim());
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
