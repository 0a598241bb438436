package io.petrel.common.route;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/** Golden vectors produced by the official 4.9.7 code, copied under {@code src/test/resources/vectors}. */
final class Vectors {
    private Vectors() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test vector " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hex(String path) {
        return HexFormat.of().parseHex(new String(bytes(path), java.nio.charset.StandardCharsets.US_ASCII)
            .replaceAll("\\s", ""));
    }

    static String text(byte[] b) {
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
