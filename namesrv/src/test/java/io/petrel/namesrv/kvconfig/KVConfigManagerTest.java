package io.petrel.namesrv.kvconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KVConfigManagerTest {
    @TempDir
    Path dir;

    @Test
    void persistsEveryChangeAndLoadsItBack() throws Exception {
        Path file = dir.resolve("sub/kvConfig.json");
        KVConfigManager kv = new KVConfigManager(file);
        kv.load();
        assertFalse(Files.exists(file), "nothing is written before a change");
        kv.put("ORDER_TOPIC_CONFIG", "T1", "broker-a:4;broker-b:4");
        kv.put("other", "k", "v");
        kv.delete("other", "k");
        assertEquals(Map.of(), kv.namespace("other"), "an emptied namespace stays");
        assertNull(kv.namespace("never"));

        KVConfigManager reloaded = new KVConfigManager(file);
        reloaded.load();
        assertEquals("broker-a:4;broker-b:4", reloaded.get("ORDER_TOPIC_CONFIG", "T1"));
        assertEquals(Map.of(), reloaded.namespace("other"));
        assertTrue(Files.readString(file).startsWith("{\"configTable\":{"));
    }

    @Test
    void generationMovesOnChangesOnly() {
        KVConfigManager kv = new KVConfigManager(dir.resolve("kv.json"));
        long g0 = kv.generation();
        kv.delete("ns", "missing");
        assertEquals(g0, kv.generation());
        kv.put("ns", "k", "v");
        assertTrue(kv.generation() > g0);
    }

    @Test
    void corruptFileIsReportedAtLoad() throws Exception {
        Path file = dir.resolve("kv.json");
        Files.writeString(file, "{\"configTable\":");
        KVConfigManager kv = new KVConfigManager(file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, kv::load);
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
