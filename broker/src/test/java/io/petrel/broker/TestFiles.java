package io.petrel.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads golden files (written by RocketMQ 4.9.7 brokers) from the test resources. */
public final class TestFiles {
    private TestFiles() {
    }

    public static byte[] vector(String name) {
        try (InputStream in = TestFiles.class.getResourceAsStream("/vectors/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
