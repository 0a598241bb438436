package io.petrel.remoting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Loads golden vectors (bytes produced by RocketMQ 4.9.7) from the test resources. */
public final class Vectors {
    private Vectors() {
    }

    public static byte[] hex(String resource) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s", "");
            return HexFormat.of().parseHex(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
