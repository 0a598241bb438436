package io.petrel.tools.command;

import java.util.List;
import java.util.Map;

/**
 * Writes JSON laid out as 4.9.7's tools print it (fastjson 1's pretty format): tab indents, one member or element
 * a line, no space after {@code :}, empty containers as {@code {}} / {@code []}. Maps with numeric keys keep their
 * entries on the opening line with unquoted keys and close on a line of their own, as fastjson 1 writes them.
 * Not thread-safe; one instance per document.
 */
public final class PrettyJson {
    private final StringBuilder out = new StringBuilder();
    private int depth;
    private boolean first;

    /** Opens an object or a string-keyed map. */
    public PrettyJson openObject() {
        out.append('{');
        depth++;
        first = true;
        return this;
    }

    /** Closes an object or a string-keyed map; an empty one stays {@code {}}. */
    public PrettyJson closeObject() {
        depth--;
        if (!first) {
            newLine();
        }
        out.append('}');
        first = false;
        return this;
    }

    /** Starts a member: the separator, a new line and the quoted name; the value follows. */
    public PrettyJson name(String name) {
        separate();
        newLine();
        out.append('"').append(escape(name)).append("\":");
        return this;
    }

    public PrettyJson value(String s) {
        out.append('"').append(escape(s)).append('"');
        first = false;
        return this;
    }

    public PrettyJson value(long n) {
        out.append(n);
        first = false;
        return this;
    }

    public PrettyJson value(boolean b) {
        out.append(b);
        first = false;
        return this;
    }

    public PrettyJson strings(List<String> values) {
        if (values.isEmpty()) {
            out.append("[]");
            first = false;
            return this;
        }
        openArray();
        for (String v : values) {
            element().value(v);
        }
        return closeArray();
    }

    /**
     * An array of numbers and strings on one line, {@code [1,"a"]}, as fastjson 1 writes a set of them even in its
     * pretty form.
     */
    public PrettyJson inline(List<?> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            out.append(i == 0 ? "" : ",");
            if (v instanceof Number) {
                out.append(v);
            } else {
                out.append('"').append(escape(String.valueOf(v))).append('"');
            }
        }
        out.append(']');
        first = false;
        return this;
    }

    public PrettyJson openArray() {
        out.append('[');
        depth++;
        first = true;
        return this;
    }

    /** Starts an array element: the separator and a new line. */
    public PrettyJson element() {
        separate();
        newLine();
        return this;
    }

    public PrettyJson closeArray() {
        depth--;
        newLine();
        out.append(']');
        first = false;
        return this;
    }

    /** A map with numeric keys, as fastjson 1 writes one: {@code {0:"a",1:"b"} } closing on its own line. */
    public PrettyJson numberKeyed(Map<Long, String> map) {
        out.append('{');
        boolean firstEntry = true;
        for (Map.Entry<Long, String> e : map.entrySet()) {
            out.append(firstEntry ? "" : ",").append(e.getKey()).append(':').append('"')
                .append(escape(e.getValue())).append('"');
            firstEntry = false;
        }
        if (!map.isEmpty()) {
            newLine();
        }
        out.append('}');
        first = false;
        return this;
    }

    /**
     * A parsed JSON value: maps as objects in their own order (members whose value is {@code null} left out),
     * lists as arrays, strings, numbers, booleans and {@code null}.
     */
    public PrettyJson tree(Object value) {
        if (value instanceof Map<?, ?> map) {
            openObject();
            map.forEach((k, v) -> {
                if (v != null) {
                    name(String.valueOf(k)).tree(v);
                }
            });
            return closeObject();
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                first = false;
                return this;
            }
            openArray();
            list.forEach(v -> element().tree(v));
            return closeArray();
        }
        if (value instanceof String s) {
            return value(s);
        }
        out.append(value);
        first = false;
        return this;
    }

    private void separate() {
        if (!first) {
            out.append(',');
        }
        first = false;
    }

    private void newLine() {
        out.append('\n');
        out.append("\t".repeat(depth));
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
