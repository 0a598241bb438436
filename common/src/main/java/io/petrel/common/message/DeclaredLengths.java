package io.petrel.common.message;

import java.nio.ByteBuffer;

/** Lengths read from bytes someone else wrote: checked against what is left before anything is allocated. */
final class DeclaredLengths {
    private DeclaredLengths() {
    }

    /**
     * {@code length}, unless it is negative or more than {@code src} has left.
     *
     * @param kind what holds the length ("record", "batch item") and {@code at} where it starts, for the error
     */
    static int check(int length, ByteBuffer src, String field, String kind, int at) {
        if (length < 0 || length > src.remaining()) {
            throw new IllegalArgumentException(kind + " at " + at + " declares a " + field + " of " + length + " bytes with "
                + src.remaining() + " left");
        }
        return length;
    }
}
