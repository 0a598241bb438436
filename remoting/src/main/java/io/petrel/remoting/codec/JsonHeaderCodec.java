package io.petrel.remoting.codec;

import io.netty.buffer.ByteBuf;
import io.petrel.common.route.json.JsonEscapes;
import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.LanguageCode;
import io.petrel.remoting.protocol.RemotingCommand;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSON header (serialize type 0), written byte for byte as 4.9.7 peers write it: keys in alphabetical
 * order ({@code code, extFields, flag, language, opaque, remark, serializeTypeCurrentRPC, version}), absent
 * when null, no white space, ext-field values always strings, raw UTF-8 for non-ASCII.
 *
 * <p>The decoder is specialised to this one shape and reads straight from the header bytes: key order is
 * free, unknown keys are skipped, ext-field values may be any JSON scalar (numbers and booleans become their
 * text), {@code language} may be a name or a code.
 */
public final class JsonHeaderCodec {
    private static final byte[] CODE = ascii("{\"code\":");
    private static final byte[] EXT_FIELDS = ascii(",\"extFields\":{");
    private static final byte[] FLAG = ascii(",\"flag\":");
    private static final byte[] LANGUAGE = ascii(",\"language\":\"");
    private static final byte[] OPAQUE = ascii("\",\"opaque\":");
    private static final byte[] REMARK = ascii(",\"remark\":");
    private static final byte[] TYPE_AND_VERSION = ascii(",\"serializeTypeCurrentRPC\":\"JSON\",\"version\":");

    private JsonHeaderCodec() {
    }

    static void encode(RemotingCommand cmd, Map<String, String> extFields, ByteBuf out) {
        out.writeBytes(CODE);
        writeInt(cmd.code(), out);
        if (extFields != null) {
            out.writeBytes(EXT_FIELDS);
            boolean first = true;
            for (Map.Entry<String, String> e : extFields.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    continue;
                }
                if (!first) {
                    out.writeByte(',');
                }
                first = false;
                writeString(e.getKey(), out);
                out.writeByte(':');
                writeString(e.getValue(), out);
            }
            out.writeByte('}');
        }
        out.writeBytes(FLAG);
        writeInt(cmd.flag(), out);
        out.writeBytes(LANGUAGE);
        out.writeCharSequence(cmd.language().name(), StandardCharsets.US_ASCII);
        out.writeBytes(OPAQUE);
        writeInt(cmd.opaque(), out);
        if (cmd.remark() != null) {
            out.writeBytes(REMARK);
            writeString(cmd.remark(), out);
        }
        out.writeBytes(TYPE_AND_VERSION);
        writeInt(cmd.version(), out);
        out.writeByte('}');
    }

    private static void writeInt(int v, ByteBuf out) {
        if (v >= 0 && v < 10) {
            out.writeByte('0' + v);
        } else {
            out.writeCharSequence(Integer.toString(v), StandardCharsets.US_ASCII);
        }
    }

    /** Writes a quoted JSON string: escapes as {@link JsonEscapes} says; raw UTF-8 otherwise. */
    static void writeString(String s, ByteBuf out) {
        out.writeByte('"');
        int n = s.length();
        int plainFrom = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!JsonEscapes.needsEscape(c)) {
                continue;
            }
            if (i > plainFrom) {
                out.writeCharSequence(s.subSequence(plainFrom, i), StandardCharsets.UTF_8);
            }
            writeEscape(c, out);
            plainFrom = i + 1;
        }
        if (n > plainFrom) {
            out.writeCharSequence(plainFrom == 0 ? s : s.subSequence(plainFrom, n), StandardCharsets.UTF_8);
        }
        out.writeByte('"');
    }

    private static void writeEscape(char c, ByteBuf out) {
        out.writeCharSequence(JsonEscapes.escape(c), StandardCharsets.US_ASCII);
    }

    static RemotingCommand decode(byte[] header) throws RemotingCommandException {
        return new Parser(header).parseCommand();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A single-use cursor over one header. */
    private static final class Parser {
        private final byte[] in;
        private int pos;

        Parser(byte[] in) {
            this.in = in;
        }

        RemotingCommand parseCommand() throws RemotingCommandException {
            RemotingCommand cmd = new RemotingCommand();
            expect('{');
            if (!tryConsume('}')) {
                do {
                    String key = readString();
                    expect(':');
                    readMember(cmd, key);
                } while (tryConsume(','));
                expect('}');
            }
            skipWhitespace();
            if (pos != in.length) {
                throw error("trailing bytes after the header object");
            }
            return cmd;
        }

        private void readMember(RemotingCommand cmd, String key) throws RemotingCommandException {
            switch (key) {
                case "code" -> cmd.code(readInt());
                case "flag" -> cmd.flag(readInt());
                case "opaque" -> cmd.opaque(readInt());
                case "version" -> cmd.version(readInt());
                case "remark" -> cmd.remark(readNullableString());
                case "language" -> cmd.language(readLanguage());
                case "extFields" -> cmd.extFields(readStringMap());
                default -> skipValue();
            }
        }

        private LanguageCode readLanguage() throws RemotingCommandException {
            skipWhitespace();
            if (peek() == '"') {
                return LanguageCode.ofName(readString());
            }
            if (peek() == 'n') {
                readLiteral("null");
                return LanguageCode.JAVA;
            }
            return LanguageCode.ofCode(readInt());
        }

        private HashMap<String, String> readStringMap() throws RemotingCommandException {
            skipWhitespace();
            if (peek() == 'n') {
                readLiteral("null");
                return null;
            }
            // default capacity: the encoder writes fields in this map's order, which 4.9.7's default map gives
            HashMap<String, String> map = new HashMap<>();
            expect('{');
            if (tryConsume('}')) {
                return map;
            }
            do {
                String key = readString();
                expect(':');
                String value = readScalarAsString();
                if (value != null) {
                    map.put(key, value);
                }
            } while (tryConsume(','));
            expect('}');
            return map;
        }

        private String readScalarAsString() throws RemotingCommandException {
            skipWhitespace();
            byte b = peek();
            if (b == '"') {
                return readString();
            }
            if (b == 'n') {
                readLiteral("null");
                return null;
            }
            if (b == 't') {
                readLiteral("true");
                return "true";
            }
            if (b == 'f') {
                readLiteral("false");
                return "false";
            }
            int start = pos;
            skipNumber();
            return new String(in, start, pos - start, StandardCharsets.US_ASCII);
        }

        private String readNullableString() throws RemotingCommandException {
            skipWhitespace();
            if (peek() == 'n') {
                readLiteral("null");
                return null;
            }
            return readString();
        }

        private int readInt() throws RemotingCommandException {
            skipWhitespace();
            int start = pos;
            boolean negative = tryConsumeRaw('-');
            long v = 0;
            int digits = 0;
            while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
                v = v * 10 + (in[pos++] - '0');
                if (++digits > 10) {
                    throw error("number too long");
                }
            }
            if (digits == 0) {
                pos = start;
                throw error("expected an integer");
            }
            v = negative ? -v : v;
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw error("integer out of range");
            }
            return (int) v;
        }

        /**
         * A string; a short ASCII one without escapes that is a name or does not start with a digit (not a
         * timestamp or offset) comes from {@link HeaderStrings}.
         */
        private String readString() throws RemotingCommandException {
            skipWhitespace();
            expectRaw('"');
            int start = pos;
            int hash = 0;
            boolean ascii = true;
            while (pos < in.length) {
                byte b = in[pos];
                if (b == '"') {
                    int length = pos - start;
                    pos++;
                    if (ascii && length <= HeaderStrings.MAX_LENGTH && (length <= 2 || !numeric(in[start]))) {
                        return HeaderStrings.ascii(in, start, length, hash);
                    }
                    return new String(in, start, length, StandardCharsets.UTF_8);
                }
                hash = 31 * hash + (b & 0xFF);
                ascii &= b >= 0;
                if (b == '\\') {
                    return readEscapedString(start);
                }
                pos++;
            }
            throw error("unterminated string");
        }

        private static boolean numeric(byte first) {
            return first >= '0' && first <= '9' || first == '-';
        }

        private String readEscapedString(int start) throws RemotingCommandException {
            StringBuilder sb = new StringBuilder(pos - start + 16);
            sb.append(new String(in, start, pos - start, StandardCharsets.UTF_8));
            int runStart = pos;
            while (pos < in.length) {
                byte b = in[pos];
                if (b == '"' || b == '\\') {
                    sb.append(new String(in, runStart, pos - runStart, StandardCharsets.UTF_8));
                    pos++;
                    if (b == '"') {
                        return sb.toString();
                    }
                    sb.append(readEscape());
                    runStart = pos;
                } else {
                    pos++;
                }
            }
            throw error("unterminated string");
        }

        private char readEscape() throws RemotingCommandException {
            if (pos >= in.length) {
                throw error("unterminated escape");
            }
            byte e = in[pos++];
            return switch (e) {
                case '"' -> '"';
                case '\\' -> '\\';
                case '/' -> '/';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'u' -> readHex4();
                default -> throw error("bad escape \\" + (char) e);
            };
        }

        private char readHex4() throws RemotingCommandException {
            if (pos + 4 > in.length) {
                throw error("truncated \\u escape");
            }
            int v = 0;
            for (int i = 0; i < 4; i++) {
                int d = Character.digit(in[pos++], 16);
                if (d < 0) {
                    throw error("bad hex digit in \\u escape");
                }
                v = (v << 4) | d;
            }
            return (char) v;
        }

        private void skipValue() throws RemotingCommandException {
            skipWhitespace();
            byte b = peek();
            switch (b) {
                case '"' -> readString();
                case '{' -> skipContainer('{', '}', true);
                case '[' -> skipContainer('[', ']', false);
                case 't' -> readLiteral("true");
                case 'f' -> readLiteral("false");
                case 'n' -> readLiteral("null");
                default -> skipNumber();
            }
        }

        private void skipContainer(char open, char close, boolean object) throws RemotingCommandException {
            expect(open);
            if (tryConsume(close)) {
                return;
            }
            do {
                if (object) {
                    readString();
                    expect(':');
                }
                skipValue();
            } while (tryConsume(','));
            expect(close);
        }

        private void skipNumber() throws RemotingCommandException {
            int start = pos;
            while (pos < in.length) {
                byte b = in[pos];
                if ((b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E') {
                    pos++;
                } else {
                    break;
                }
            }
            if (pos == start) {
                throw error("unexpected character");
            }
        }

        private void readLiteral(String word) throws RemotingCommandException {
            for (int i = 0; i < word.length(); i++) {
                if (pos >= in.length || in[pos] != word.charAt(i)) {
                    throw error("expected " + word);
                }
                pos++;
            }
        }

        private byte peek() throws RemotingCommandException {
            if (pos >= in.length) {
                throw error("unexpected end of header");
            }
            return in[pos];
        }

        private void expect(char c) throws RemotingCommandException {
            skipWhitespace();
            expectRaw(c);
        }

        private void expectRaw(char c) throws RemotingCommandException {
            if (pos >= in.length || in[pos] != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private boolean tryConsume(char c) {
            skipWhitespace();
            return tryConsumeRaw(c);
        }

        private boolean tryConsumeRaw(char c) {
            if (pos < in.length && in[pos] == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void skipWhitespace() {
            while (pos < in.length) {
                byte b = in[pos];
                if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                    pos++;
                } else {
                    return;
                }
            }
        }

        private RemotingCommandException error(String what) {
            return new RemotingCommandException("invalid JSON header at byte " + pos + ": " + what);
        }
    }
}
