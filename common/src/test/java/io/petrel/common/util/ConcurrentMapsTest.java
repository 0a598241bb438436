package io.petrel.common.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ConcurrentMapsTest {
    @Test
    void replaceContentsKeepsExactlyTheSourceEntries() {
        ConcurrentHashMap<String, Integer> target = new ConcurrentHashMap<>(Map.of("kept", 1, "dropped", 2));

        ConcurrentMaps.replaceContents(target, Map.of("kept", 10, "added", 3));

        assertEquals(Map.of("kept", 10, "added", 3), target);
    }
}
