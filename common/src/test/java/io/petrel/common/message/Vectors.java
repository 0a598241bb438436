package io.petrel.common.message;

import java.util.HexFormat;

/** Access to the embedded golden vectors of {@link MessageVectors}. */
final class Vectors {
    private Vectors() {
    }

    static byte[] hex(String name) {
        return HexFormat.of().parseHex(text(name));
    }

    static String text(String name) {
        String value = MessageVectors.FILES.get(name);
        if (value == null) {
            throw new IllegalStateException("missing vector " + name);
        }
        return value;
    }
}
