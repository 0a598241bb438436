package io.petrel.broker.offset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.petrel.broker.TestFiles;
import io.petrel.broker.config.JsonConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerOffsetManagerTest {
    @TempDir
    Path dir;

    private ConsumerOffsetManager manager(String file) {
        return new ConsumerOffsetManager(new JsonConfigFile(dir.resolve(file)));
    }

    @Test
    void encodesLikeRocketMQ() {
        ConsumerOffsetManager m = manager("consumerOffset.json");
        m.commit("127.0.0.1:40000", "GV_CG", "GV_TOPIC", 0, 3);
        m.commit("127.0.0.1:40000", "GV_CG", "GV_TOPIC", 1, 0);
        m.commit("127.0.0.1:40000", "GV_CG", "%RETRY%GV_CG", 0, 1);
        assertArrayEquals(TestFiles.vector("all_consumer_offset_body.json"), m.encode());
    }

    @Test
    void readsFilesWrittenByRocketMQBrokers() throws Exception {
        for (String name : new String[] {"config_consumer_offset.json", "live_consumerOffset.json"}) {
            Files.write(dir.resolve(name), TestFiles.vector(name));
            ConsumerOffsetManager m = manager(name);
            m.load();
            if (name.startsWith("config")) {
                assertEquals(3, m.query("GV_CG", "GV_TOPIC", 0));
                assertEquals(1, m.query("GV_CG", "%RETRY%GV_CG", 0));
            } else {
                assertEquals(Map.of(0, 3L, 1, 2L, 2, 1L, 3, 1L), m.queryAll("GV_CG", "GV_LIVE"));
            }
        }
    }

    @Test
    void persistsAndReloads() {
        ConsumerOffsetManager m = manager("consumerOffset.json");
        m.commit("c", "G", "T", 2, 42);
        m.persist();
        m.commit("c", "G", "T", 2, 43);
        m.persist();
        ConsumerOffsetManager again = manager("consumerOffset.json");
        again.load();
        assertEquals(43, again.query("G", "T", 2));
        assertEquals(-1, again.query("G", "T", 1));
        assertEquals(Set.of("T"), again.topicsOfGroup("G"));
        assertEquals(Set.of("G"), again.groupsOfTopic("T"));
    }

    @Test
    void fallsBackToBackupWhenTheFileIsCorrupt() throws Exception {
        ConsumerOffsetManager m = manager("consumerOffset.json");
        m.commit("c", "G", "T", 0, 7);
        m.persist();
        m.commit("c", "G", "T", 1, 9);
        m.persist(); // the previous version becomes consumerOffset.json.bak
        Files.writeString(dir.resolve("consumerOffset.json"), "{\"offsetTable\":{\"T@G\":{0:");
        ConsumerOffsetManager again = manager("consumerOffset.json");
        again.load();
        assertEquals(7, again.query("G", "T", 0));
    }

    @Test
    void mergeReplacesTheKeysItBringsAndKeepsTheOthers() {
        ConsumerOffsetManager m = manager("consumerOffset.json");
        m.commit("c", "G", "T", 0, 1);
        m.commit("c", "G", "T", 5, 8);
        m.commit("c", "OTHER", "T", 0, 6);

        m.mergeFrom(Map.of("T@G", Map.of(0, 4L, 1, 2L), "U@G", Map.of(3, 9L)));

        assertEquals(Map.of(0, 4L, 1, 2L), m.queryAll("G", "T"), "the whole queue map of a merged key is replaced");
        assertEquals(Map.of(3, 9L), m.queryAll("G", "U"));
        assertEquals(Map.of(0, 6L), m.queryAll("OTHER", "T"));
    }
}
