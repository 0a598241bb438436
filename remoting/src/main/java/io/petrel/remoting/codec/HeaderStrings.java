package io.petrel.remoting.codec;

import java.nio.charset.StandardCharsets;

/**
 * A small direct-mapped cache of the short ASCII strings headers repeat on every request (field names, topics,
 * groups, small numbers), so decoding one makes no new String for them and the String's hash, which the broker's
 * tables use next, is already computed. Fixed size: strings that do not repeat just take a slot over. Thread-safe
 * without locks: a slot holds an immutable String, and a reader that misses a racing write only makes a String.
 */
final class HeaderStrings {
    private static final int SIZE = 4096;
    private static final String[] CACHE = new String[SIZE];
    /** Longer strings are made, not cached. */
    static final int MAX_LENGTH = 64;

    private HeaderStrings() {
    }

    /**
     * The string of {@code in[start, start + length)}, all bytes below 0x80, whose {@link String#hashCode()} is
     * {@code hash}.
     */
    static String ascii(byte[] in, int start, int length, int hash) {
        int slot = (hash ^ (hash >>> 12)) & (SIZE - 1);
        String s = CACHE[slot];
        if (s != null && s.hashCode() == hash && s.length() == length && sameBytes(s, in, start)) {
            return s;
        }
        s = new String(in, start, length, StandardCharsets.ISO_8859_1);
        CACHE[slot] = s;
        return s;
    }

    private static boolean sameBytes(String s, byte[] in, int start) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) != in[start + i]) {
                return false;
            }
        }
        return true;
    }
}
