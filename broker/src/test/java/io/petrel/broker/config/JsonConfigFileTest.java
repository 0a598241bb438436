package io.petrel.broker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void unchangedContentIsNotWrittenAgainButAChangeOrAMissingFileIs() throws Exception {
        Path path = dir.resolve("config/consumerOffset.json");
        Path bak = dir.resolve("config/consumerOffset.json.bak");
        JsonConfigFile file = new JsonConfigFile(path);

        file.store(bytes("{\"a\":1}"));
        assertEquals("{\"a\":1}", Files.readString(path));
        assertFalse(Files.exists(bak));

        // the same content again: no write, so the previous version is not copied to .bak
        file.store(bytes("{\"a\":1}"));
        assertFalse(Files.exists(bak));

        file.store(bytes("{\"a\":2}"));
        assertEquals("{\"a\":2}", Files.readString(path));
        assertEquals("{\"a\":1}", Files.readString(bak));

        Files.delete(path);
        file.store(bytes("{\"a\":2}"));
        assertEquals("{\"a\":2}", Files.readString(path));

        // what a later load sees
        assertEquals("{\"a\":2}", file.load(b -> new String(b, StandardCharsets.UTF_8)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
