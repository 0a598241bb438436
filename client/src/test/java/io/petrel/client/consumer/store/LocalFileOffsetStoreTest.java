package io.petrel.client.consumer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.client.exception.MQClientException;
import io.petrel.common.message.MessageQueue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.consumer.store.OffsetSerializeWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileOffsetStoreTest {
    private static final MessageQueue Q0 = new MessageQueue("T", "broker-a", 0);
    private static final MessageQueue Q1 = new MessageQueue("T", "broker-a", 1);
    private static final MessageQueue Q2 = new MessageQueue("U", "broker-b", 0);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("client@1").resolve("G").resolve("offsets.json");
    }

    private Path backup() {
        return file().resolveSibling("offsets.json.bak");
    }

    private LocalFileOffsetStore store() {
        return new LocalFileOffsetStore(file());
    }

    @Test
    void defaultPathIsUnderTheClientAndGroup() {
        LocalFileOffsetStore s = new LocalFileOffsetStore("10.0.0.1@inst", "GROUP");
        assertEquals(Path.of(LocalFileOffsetStore.LOCAL_OFFSET_STORE_DIR, "10.0.0.1@inst", "GROUP", "offsets.json"),
            s.storePath());
    }

    @Test
    void updateOffsetIncreaseOnly() {
        LocalFileOffsetStore s = store();
        s.updateOffset(Q0, 10, true);
        assertEquals(10, s.readOffset(Q0, ReadOffsetType.READ_FROM_MEMORY), "the first value is taken as it is");
        s.updateOffset(Q0, 5, true);
        assertEquals(10, s.readOffset(Q0, ReadOffsetType.READ_FROM_MEMORY), "never moves back when increaseOnly");
        s.updateOffset(Q0, 12, true);
        assertEquals(12, s.readOffset(Q0, ReadOffsetType.READ_FROM_MEMORY));
        s.updateOffset(Q0, 3, false);
        assertEquals(3, s.readOffset(Q0, ReadOffsetType.READ_FROM_MEMORY), "a reset may move back");
        s.updateOffset(null, 3, false);
        assertEquals(-1, s.readOffset(null, ReadOffsetType.READ_FROM_MEMORY));
    }

    @Test
    void roundTripThroughTheFile() throws Exception {
        LocalFileOffsetStore s = store();
        s.updateOffset(Q0, 10, false);
        s.updateOffset(Q1, 11, false);
        s.updateOffset(Q2, 12, false);
        s.persistAll(Set.of(Q0, Q2));
        assertTrue(Files.exists(file()));
        assertFalse(Files.exists(backup()), "nothing to back up the first time");

        LocalFileOffsetStore again = store();
        again.load();
        assertEquals(Map.of(Q0, 10L, Q2, 12L), again.cloneOffsetTable(null));
        assertEquals(Map.of(Q2, 12L), again.cloneOffsetTable("U"));
        assertEquals(-1, again.readOffset(Q1, ReadOffsetType.READ_FROM_MEMORY), "Q1 was not among the queues");

        s.updateOffset(Q0, 20, false);
        s.persistAll(Set.of(Q0));
        LocalFileOffsetStore fromBackup = new LocalFileOffsetStore(backup());
        fromBackup.load();
        assertEquals(Map.of(Q0, 10L, Q2, 12L), fromBackup.cloneOffsetTable(""), "the backup is the previous file");
        LocalFileOffsetStore latest = store();
        latest.load();
        assertEquals(Map.of(Q0, 20L), latest.cloneOffsetTable(""));
    }

    @Test
    void persistOfNoQueueWritesNothing() {
        LocalFileOffsetStore s = store();
        s.updateOffset(Q0, 1, false);
        s.persistAll(Set.of());
        s.persistAll(null);
        s.persist(Q0);
        assertFalse(Files.exists(file()));
    }

    @Test
    void readFromStoreReadsTheFile() throws Exception {
        LocalFileOffsetStore writer = store();
        writer.updateOffset(Q0, 42, false);
        writer.persistAll(Set.of(Q0));

        LocalFileOffsetStore s = store();
        assertEquals(-1, s.readOffset(Q0, ReadOffsetType.READ_FROM_MEMORY), "not loaded");
        assertEquals(42, s.readOffset(Q0, ReadOffsetType.READ_FROM_STORE));
        assertEquals(42, s.readOffset(Q0, ReadOffsetType.READ_FROM_MEMORY), "what the file said is now in memory");
        assertEquals(-1, s.readOffset(Q1, ReadOffsetType.READ_FROM_STORE));

        s.updateOffset(Q0, 50, false);
        assertEquals(50, s.readOffset(Q0, ReadOffsetType.MEMORY_FIRST_THEN_STORE));
        assertEquals(42, s.readOffset(Q0, ReadOffsetType.READ_FROM_STORE), "the file wins when asked for");
    }

    @Test
    void memoryFirstFallsBackToTheFile() {
        LocalFileOffsetStore writer = store();
        writer.updateOffset(Q1, 7, false);
        writer.persistAll(Set.of(Q1));

        LocalFileOffsetStore s = store();
        assertEquals(7, s.readOffset(Q1, ReadOffsetType.MEMORY_FIRST_THEN_STORE));
        assertEquals(7, s.readOffset(Q1, ReadOffsetType.READ_FROM_MEMORY));
        assertEquals(-1, s.readOffset(Q0, ReadOffsetType.MEMORY_FIRST_THEN_STORE));
    }

    @Test
    void missingFileLoadsNothing() throws Exception {
        LocalFileOffsetStore s = store();
        s.load();
        assertTrue(s.cloneOffsetTable(null).isEmpty());
        assertEquals(-1, s.readOffset(Q0, ReadOffsetType.READ_FROM_STORE));
    }

    @Test
    void backupIsUsedWhenTheFileIsGoneEmptyOrBroken() throws Exception {
        LocalFileOffsetStore s = store();
        s.updateOffset(Q0, 1, false);
        s.persistAll(Set.of(Q0));
        s.updateOffset(Q0, 2, false);
        s.persistAll(Set.of(Q0));

        for (String content : new String[] {null, "", "{\"offsetTable\":{{\"brokerName\":"}) {
            if (content == null) {
                Files.delete(file());
            } else {
                Files.writeString(file(), content);
            }
            LocalFileOffsetStore loaded = store();
            loaded.load();
            assertEquals(Map.of(Q0, 1L), loaded.cloneOffsetTable(null), "file content " + content);
            assertEquals(1, store().readOffset(Q0, ReadOffsetType.READ_FROM_STORE), "file content " + content);
        }
    }

    @Test
    void brokenFileAndBrokenBackupFailTheLoad() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "not json");
        Files.writeString(backup(), "not json either");
        assertThrows(MQClientException.class, () -> store().load());
        assertEquals(-1, store().readOffset(Q0, ReadOffsetType.READ_FROM_STORE));
    }

    @Test
    void officialWrapperReadsPetrelsFile() throws Exception {
        LocalFileOffsetStore s = store();
        s.updateOffset(Q0, 10, false);
        s.updateOffset(Q2, Long.MAX_VALUE, false);
        s.persistAll(Set.of(Q0, Q2));
        OffsetSerializeWrapper official = OffsetSerializeWrapper.fromJson(
            Files.readString(file(), StandardCharsets.UTF_8), OffsetSerializeWrapper.class);
        Map<MessageQueue, Long> read = new HashMap<>();
        official.getOffsetTable().forEach((mq, offset) ->
            read.put(new MessageQueue(mq.getTopic(), mq.getBrokerName(), mq.getQueueId()), offset.get()));
        assertEquals(Map.of(Q0, 10L, Q2, Long.MAX_VALUE), read);
    }

    @Test
    void petrelReadsTheOfficialFile() throws Exception {
        OffsetSerializeWrapper official = new OffsetSerializeWrapper();
        official.getOffsetTable().put(new org.apache.rocketmq.common.message.MessageQueue("T", "broker-a", 0),
            new AtomicLong(10));
        official.getOffsetTable().put(new org.apache.rocketmq.common.message.MessageQueue("U", "broker-b", 0),
            new AtomicLong(0));
        for (boolean pretty : new boolean[] {true, false}) {
            Files.createDirectories(file().getParent());
            Files.writeString(file(), official.toJson(pretty), StandardCharsets.UTF_8);
            LocalFileOffsetStore s = store();
            s.load();
            assertEquals(Map.of(Q0, 10L, Q2, 0L), s.cloneOffsetTable(null), "pretty " + pretty);
        }
    }
}
