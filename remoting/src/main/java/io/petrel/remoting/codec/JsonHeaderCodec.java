package io.petrel.remoting.codec;

import io.netty.buffer.ByteBuf;
import io.petrel.common.route.json.JsonEscapes;
import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.LanguageCode;
import io.petrel.remoting.protocol.RemotingCommand;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

    /**
     * Writes the header. It is put together in this thread's scratch array and copied into {@code out} at once:
     * byte by byte into a pooled buffer each write pays the buffer's bounds, capacity and reference checks.
     */
    static void encode(RemotingCommand cmd, Map<String, String> extFields, ByteBuf out) {
        Scratch w = SCRATCH.get();
        w.pos = 0;
        w.put(CODE);
        w.putInt(cmd.code());
        if (extFields != null) {
            w.put(EXT_FIELDS);
            boolean first = true;
            for (Map.Entry<String, String> e : extFields.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    continue;
                }
                if (!first) {
                    w.put((byte) ',');
                }
                first = false;
                w.putString(e.getKey());
                w.put((byte) ':');
                w.putString(e.getValue());
            }
            w.put((byte) '}');
        }
        w.put(FLAG);
        w.putInt(cmd.flag());
        w.put(LANGUAGE);
        w.putAscii(cmd.language().name());
        w.put(OPAQUE);
        w.putInt(cmd.opaque());
        if (cmd.remark() != null) {
            w.put(REMARK);
            w.putString(cmd.remark());
        }
        w.put(TYPE_AND_VERSION);
        w.putInt(cmd.version());
        w.put((byte) '}');
        out.writeBytes(w.buf, 0, w.pos);
        w.release();
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** A growable byte array one thread writes a header into. */
    private static final class Scratch {
        private static final int INITIAL = 512;
        /** A larger array than this (a header with a long remark) is not kept for the next header. */
        private static final int KEPT = 64 * 1024;
        private static final byte UNMAPPABLE = '?';

        byte[] buf = new byte[INITIAL];
        int pos;

        private void room(int n) {
            if (pos + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }

        void release() {
            if (buf.length > KEPT) {
                buf = new byte[INITIAL];
            }
        }

        void put(byte b) {
            room(1);
            buf[pos++] = b;
        }

        void put(byte[] bytes) {
            room(bytes.length);
            System.arraycopy(bytes, 0, buf, pos, bytes.length);
            pos += bytes.length;
        }

        void putAscii(String s) {
            int n = s.length();
            room(n);
            for (int i = 0; i < n; i++) {
                buf[pos++] = (byte) s.charAt(i);
            }
        }

        void putInt(int v) {
            if (v >= 0 && v < 10) {
                put((byte) ('0' + v));
                return;
            }
            // at most 11 characters: a sign and 10 digits
            room(11);
            long u = v;
            if (u < 0) {
                buf[pos++] = '-';
                u = -u;
            }
            int digits = 1;
            for (long t = u / 10; t > 0; t /= 10) {
                digits++;
            }
            for (int i = pos + digits - 1; i >= pos; i--) {
                buf[i] = (byte) ('0' + u % 10);
                u /= 10;
            }
            pos += digits;
        }

        /**
         * A quoted JSON string: escapes as {@link JsonEscapes} says, UTF-8 otherwise; a surrogate without its pair
         * becomes {@code ?}, as a UTF-8 encoder writes it.
         */
        void putString(String s) {
            int n = s.length();
            // 3 bytes cover any char (a pair takes 4 for 2); escapes are 6 and checked apart
            room(n * 3 + 2);
            buf[pos++] = '"';
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                boolean escaped = JsonEscapes.needsEscape(c);
                if (c < 0x80 && !escaped) {
                    buf[pos++] = (byte) c;
                } else if (escaped) {
                    String escape = JsonEscapes.escape(c);
                    room(escape.length() + (n - i) * 3 + 1);
                    for (int k = 0; k < escape.length(); k++) {
                        buf[pos++] = (byte) escape.charAt(k);
                    }
                } else if (c < 0x800) {
                    buf[pos++] = (byte) (0xC0 | c >> 6);
                    buf[pos++] = (byte) (0x80 | c & 0x3F);
                } else if (!Character.isSurrogate(c)) {
                    buf[pos++] = (byte) (0xE0 | c >> 12);
                    buf[pos++] = (byte) (0x80 | c >> 6 & 0x3F);
                    buf[pos++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    buf[pos++] = (byte) (0xF0 | cp >> 18);
                    buf[pos++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    buf[pos++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    buf[pos++] = UNMAPPABLE;
                }
            }
            buf[pos++] = '"';
        }
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

        /**
         * A string with escapes, {@code pos} at its first backslash. A message's properties (every send header)
         * hold {@code \u0001} and {@code \u0002} separators and nothing beyond Latin-1: those are decoded in one
         * pass into the bytes of a Latin-1 string; anything else falls back to runs of UTF-8 and escapes.
         */
        private String readEscapedString(int start) throws RemotingCommandException {
            String latin1 = readLatin1Escaped(start);
            if (latin1 != null) {
                return latin1;
            }
            pos = start;
            StringBuilder sb = new StringBuilder(in.length - start);
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

        /**
         * The string from {@code start} when its raw bytes are ASCII and its escapes stay below U+0100, with
         * {@code pos} after the closing quote; otherwise null and {@code pos} anywhere (the caller restarts).
         */
        private String readLatin1Escaped(int start) throws RemotingCommandException {
            // The decoded text is never longer than the raw bytes up to the closing quote.
            int end = pos;
            while (end < in.length && in[end] != '"') {
                end += in[end] == '\\' ? 2 : 1;
            }
            if (end >= in.length) {
                throw error("unterminated string");
            }
            byte[] out = new byte[end - start];
            int n = 0;
            for (int i = start; i < pos; i++) {
                if (in[i] < 0) {
                    return null;
                }
                out[n++] = in[i];
            }
            while (pos < end) {
                byte b = in[pos++];
                if (b == '\\') {
                    char c = readEscape();
                    if (c > 0xFF) {
                        return null;
                    }
                    b = (byte) c;
                } else if (b < 0) {
                    return null;
                }
                out[n++] = b;
            }
            pos = end + 1;
            return new String(out, 0, n, StandardCharsets.ISO_8859_1);
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
