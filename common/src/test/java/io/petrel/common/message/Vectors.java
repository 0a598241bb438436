package io.petrel.common.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Loads golden vectors (bytes written by the official RocketMQ 4.9.7 code) from test resources. */
final class Vectors {
    private Vectors() {
    }

    static byte[] hex(String name) {
        return HexFormat.of().parseHex(text(name).replaceAll("\\s", ""));
    }

    static String text(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/message/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing vector " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
