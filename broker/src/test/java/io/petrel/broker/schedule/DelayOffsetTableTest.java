package io.petrel.broker.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.petrel.broker.config.JsonConfigFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelayOffsetTableTest {
    @TempDir
    Path dir;

    @Test
    void readsTheFileAsRocketMqBrokersWriteIt() throws Exception {
        Path file = dir.resolve("delayOffset.json");
        Files.writeString(file, "{\n\t\"offsetTable\":{1:2,2:1,3:2\n\t}\n}", StandardCharsets.UTF_8);
        DelayOffsetTable table = new DelayOffsetTable(new JsonConfigFile(file));
        table.load();
        assertEquals(Map.of(1, 2L, 2, 1L, 3, 2L), table.snapshot());
        assertEquals(0, table.get(4), "a level that never delivered starts at 0");
    }

    @Test
    void writesLevelsAsBareNumbersInLevelOrderAndKeepsABackup() throws Exception {
        Path file = dir.resolve("delayOffset.json");
        DelayOffsetTable table = new DelayOffsetTable(new JsonConfigFile(file));
        table.load();
        assertEquals("{\"offsetTable\":{}}", new String(table.encode(), StandardCharsets.UTF_8).replaceAll("\\s", ""));
        table.set(12, 3);
        table.set(2, 7);
        table.persist();
        table.set(2, 8);
        table.persist();
        assertEquals("{\"offsetTable\":{2:8,12:3}}", Files.readString(file).replaceAll("\\s", ""));
        assertEquals("{\"offsetTable\":{2:7,12:3}}",
            Files.readString(dir.resolve("delayOffset.json.bak")).replaceAll("\\s", ""));
    }

    @Test
    void aCorruptFileFallsBackToItsBackup() throws Exception {
        Path file = dir.resolve("delayOffset.json");
        Files.writeString(dir.resolve("delayOffset.json.bak"), "{\"offsetTable\":{5:9}}");
        Files.writeString(file, "{\"offsetTable\":{5:");
        DelayOffsetTable table = new DelayOffsetTable(new JsonConfigFile(file));
        table.load();
        assertEquals(9, table.get(5));
    }

    @Test
    void replacingWithJsonStoresTheBytesAsGivenAndLoadsThem() throws Exception {
        Path file = dir.resolve("delayOffset.json");
        DelayOffsetTable table = new DelayOffsetTable(new JsonConfigFile(file));
        table.set(7, 70);
        byte[] json = "{\"offsetTable\":{2:5,1:4}}".getBytes(StandardCharsets.UTF_8);

        table.replaceWithJson(json);

        assertArrayEquals(json, Files.readAllBytes(file));
        assertEquals(Map.of(1, 4L, 2, 5L), table.snapshot());
    }

    @Test
    void replacingWithSomethingElseThanATableChangesNothing() {
        Path file = dir.resolve("delayOffset.json");
        DelayOffsetTable table = new DelayOffsetTable(new JsonConfigFile(file));
        table.set(1, 3);

        assertThrows(IllegalArgumentException.class,
            () -> table.replaceWithJson("not json".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Map.of(1, 3L), table.snapshot());
        assertFalse(Files.exists(file));
    }
}
