package io.petrel.common.route.json;

import java.nio.charset.StandardCharsets;

/**
 * A minimal streaming JSON writer that produces the exact text RocketMQ 4.9.7 peers produce for their bodies:
 * no white space, keys in the order they are written, raw UTF-8 for non-ASCII, and, where asked for,
 * unquoted numeric map keys ({@code {0:"127.0.0.1:10911"}}), which standard JSON writers cannot emit.
 * Not thread-safe; one writer per body.
 */
public final class JsonWriter {
    private final StringBuilder out;
    private boolean needComma;

    public JsonWriter() {
        this(256);
    }

    public JsonWriter(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    public JsonWriter beginObject() {
        separate();
        out.append('{');
        needComma = false;
        return this;
    }

    public JsonWriter endObject() {
        out.append('}');
        needComma = true;
        return this;
    }

    public JsonWriter beginArray() {
        separate();
        out.append('[');
        needComma = false;
        return this;
    }

    public JsonWriter endArray() {
        out.append(']');
        needComma = true;
        return this;
    }

    /** A quoted member name; the next call writes its value. */
    public JsonWriter name(String name) {
        separate();
        quote(name);
        out.append(':');
        needComma = false;
        return this;
    }

    /** A member name written as a bare number, as fastjson writes {@code Long}/{@code Integer} map keys. */
    public JsonWriter numericName(long name) {
        separate();
        out.append(name).append(':');
        needComma = false;
        return this;
    }

    public JsonWriter value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
        needComma = true;
        return this;
    }

    public JsonWriter value(long value) {
        separate();
        out.append(value);
        needComma = true;
        return this;
    }

    /**
     * A double as 4.9.7 peers (fastjson 1) write it: the shortest decimal that reads back as the same double, in
     * {@link Double#toString} layout ({@code 0.0}, {@code 1.5}, {@code 1.0E7}); NaN and the infinities as
     * {@code null}.
     */
    public JsonWriter value(double value) {
        separate();
        JsonDoubles.append(value, out);
        needComma = true;
        return this;
    }

    public JsonWriter value(boolean value) {
        separate();
        out.append(value);
        needComma = true;
        return this;
    }

    /** Appends already-encoded JSON (e.g. a cached fragment) as one value. */
    public JsonWriter rawValue(CharSequence json) {
        separate();
        out.append(json);
        needComma = true;
        return this;
    }

    public JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    public JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    public JsonWriter field(String name, boolean value) {
        return name(name).value(value);
    }

    public JsonWriter field(String name, double value) {
        return name(name).value(value);
    }

    /** A string member that is left out when {@code value} is null, as fastjson leaves out null properties. */
    public JsonWriter fieldIfPresent(String name, String value) {
        return value == null ? this : name(name).value(value);
    }

    /**
     * A member whose name is already-encoded JSON written bare, as fastjson writes a map key that is an object
     * ({@code {"brokerName":"b","queueId":0,"topic":"T"}:...}); not standard JSON.
     */
    public JsonWriter rawName(CharSequence json) {
        separate();
        out.append(json).append(':');
        needComma = false;
        return this;
    }

    private void separate() {
        if (needComma) {
            out.append(',');
        }
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (JsonEscapes.needsEscape(c)) {
                out.append(JsonEscapes.escape(c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }

    public byte[] toBytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
