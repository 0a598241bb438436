package io.petrel.common.route.json;

/**
 * A syntax check run before a body is handed to fastjson2, which on its own lets some broken text through
 * ({@code {"a":}}, trailing commas). Accepts standard JSON plus the two map-key forms 4.9.7 peers write: bare
 * numbers ({@code {0:"a",-1:"b"}}) and objects ({@code {{"brokerName":"b","queueId":0,"topic":"T"}:5}}). Anything
 * else fails with an {@link IllegalArgumentException} that gives the offset.
 */
final class JsonSyntax {
    /** Deeper nesting than any body has; guards the recursion. */
    private static final int MAX_DEPTH = 256;

    private final String text;
    private int pos;

    private JsonSyntax(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException saying what is wrong and where */
    static void check(String text) {
        JsonSyntax s = new JsonSyntax(text);
        s.skipSpace();
        s.value(0);
        s.skipSpace();
        if (s.pos != text.length()) {
            throw s.error("text after the end of the value");
        }
    }

    private void value(int depth) {
        switch (peek()) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void object(int depth) {
        checkDepth(depth);
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return;
        }
        while (true) {
            key(depth);
            skipSpace();
            expect(':');
            skipSpace();
            value(depth + 1);
            skipSpace();
            if (peek() == ',') {
                pos++;
                skipSpace();
            } else {
                expect('}');
                return;
            }
        }
    }

    private void key(int depth) {
        char c = peek();
        if (c == '"') {
            string();
        } else if (c == '{') {
            object(depth + 1);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            number();
        } else {
            throw error("expected a member name");
        }
    }

    private void array(int depth) {
        checkDepth(depth);
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            return;
        }
        while (true) {
            value(depth + 1);
            skipSpace();
            if (peek() == ',') {
                pos++;
                skipSpace();
            } else {
                expect(']');
                return;
            }
        }
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
    }

    private void string() {
        pos++;
        while (true) {
            char c = next();
            if (c == '"') {
                return;
            }
            if (c == '\\') {
                char e = next();
                if (e == 'u') {
                    for (int i = 0; i < 4; i++) {
                        if (Character.digit(next(), 16) < 0) {
                            throw error("bad \\u escape");
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw error("bad escape \\" + e);
                }
            }
        }
    }

    private void number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (digits() == 0) {
            pos = start;
            throw error("expected a value");
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            if (digits() == 0) {
                throw error("expected digits after '.'");
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (digits() == 0) {
                throw error("expected an exponent");
            }
        }
    }

    private int digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos - start;
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw error("expected a value");
        }
        pos += word.length();
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at offset " + pos);
    }
}
