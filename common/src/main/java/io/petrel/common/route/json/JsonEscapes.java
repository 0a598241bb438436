package io.petrel.common.route.json;

/**
 * Which characters JSON text escapes, and how, exactly as 4.9.7 peers (fastjson 1) write them: quote, backslash,
 * the C0 controls (short forms for \b \f \n \r \t), DEL plus the C1 controls U+007F-U+009F and the line and
 * paragraph separators U+2028/U+2029 as upper-case {@code \\uXXXX}; everything else raw. One rule for headers and
 * bodies.
 */
public final class JsonEscapes {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonEscapes() {
    }

    public static boolean needsEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\' || (c >= 0x7F && c < 0xA0) || c == '\u2028' || c == '\u2029';
    }

    /** The escape sequence for a character that {@link #needsEscape needs one}. */
    public static String escape(char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> new String(new char[] {'\\', 'u', HEX[(c >> 12) & 0xF], HEX[(c >> 8) & 0xF], HEX[(c >> 4) & 0xF],
                HEX[c & 0xF]});
        };
    }
}
