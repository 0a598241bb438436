package io.petrel.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ConsumeQueue entry, IndexFile header/entries and checkpoint decoded from and encoded to official bytes. */
class FormatGoldenTest {
    @TempDir
    Path root;

    @Test
    void consumeQueueEntriesRoundTrip() {
        byte[] golden = TestMessages.hex("store/consumequeue_GV_TOPIC_0.hex");
        ConsumeQueueEntry first = ConsumeQueueEntry.read(ByteBuffer.wrap(golden), 0);
        ConsumeQueueEntry second = ConsumeQueueEntry.read(ByteBuffer.wrap(golden), 20);
        assertEquals(new ConsumeQueueEntry(0, 213, 0x27A807), first);
        assertEquals(new ConsumeQueueEntry(213, 169, 0), second);
        ByteBuffer out = ByteBuffer.allocate(40);
        first.write(out);
        second.write(out);
        assertArrayEquals(golden, out.array());
        ConsumeQueueEntry delayed = ConsumeQueueEntry.read(ByteBuffer.wrap(TestMessages.hex("store/consumequeue_SCHEDULE_TOPIC_XXXX_1.hex")), 0);
        assertEquals(1700000009000L, delayed.tagsCode());
        assertTrue(ConsumeQueueEntry.FILLER.size() == Integer.MAX_VALUE && !new ConsumeQueueEntry(-1, 1, 0).isValid());
    }

    @Test
    void indexFileHeaderAndChainsDecodeFromOfficialBytes() throws Exception {
        Path file = root.resolve("20231114221321000");
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(TestMessages.hex("store/index_header.hex")), 0);
            ch.write(ByteBuffer.wrap(TestMessages.hex("store/index_entries_0_to_12.hex")), 20_000_040);
            for (String line : Files.readAllLines(Path.of(getClass().getResource("/vectors/store/index_slots.txt").toURI()))) {
                if (line.startsWith("key=")) {
                    long at = Long.parseLong(field(line, "slotFileOffset"));
                    ch.write(ByteBuffer.wrap(java.util.HexFormat.of().parseHex(field(line, "slotValue"))), at);
                }
            }
        }
        IndexFile index = IndexFile.open(file, 5_000_000, 20_000_000, 0, 0, false);
        try {
            assertEquals(1700000001000L, index.beginTimestamp());
            assertEquals(1700000006000L, index.endTimestamp());
            assertEquals(0, index.beginPhyOffset());
            assertEquals(2048, index.endPhyOffset());
            assertEquals(11, index.hashSlotCount());
            assertEquals(13, index.indexCount());
            List<Long> key1 = new ArrayList<>();
            index.select(key1, "GV_TOPIC#key1", 32, 0, Long.MAX_VALUE);
            assertEquals(List.of(2048L, 0L), key1);
            List<Long> bk1 = new ArrayList<>();
            index.select(bk1, "GV_TOPIC#bk1", 32, 0, Long.MAX_VALUE);
            assertEquals(List.of(1055L), bk1);
            List<Long> windowed = new ArrayList<>();
            index.select(windowed, "GV_TOPIC#key1", 32, 1700000005000L, Long.MAX_VALUE);
            assertEquals(List.of(2048L), windowed);
            assertEquals(426569226, IndexFile.keyHash("GV_TOPIC#key1"));
        } finally {
            index.shutdown();
        }
    }

    @Test
    void indexServiceRollsToANewFileWhenFull() throws Exception {
        StoreCheckpoint checkpoint = new StoreCheckpoint(root.resolve("checkpoint"));
        checkpoint.load();
        MutableClock clock = new MutableClock(1_700_000_000_000L);
        IndexService service = new IndexService(root.resolve("index"), 16, 5, clock, checkpoint);
        try {
            for (int i = 0; i < 10; i++) {
                clock.advance(1);
                service.buildIndex(new DispatchRequest("T", 0, i * 100L, 100, 0, 1_700_000_000_000L + i * 1000L, i,
                    "k" + i, null, 0, 0, true));
            }
            assertEquals(3, service.files().size(), "4 entries per file (indexCount starts at 1)");
            assertEquals(1_700_000_007_000L, checkpoint.indexMsgTimestamp(), "end time of the last full file");
            for (int i = 0; i < 10; i++) {
                assertEquals(List.of(i * 100L), service.query("T", "k" + i, 32, 0, Long.MAX_VALUE));
            }
            try (Stream<Path> s = Files.list(root.resolve("index"))) {
                assertEquals(3, s.count());
            }
        } finally {
            service.shutdown();
            checkpoint.shutdown();
        }
    }

    @Test
    void checkpointReadsOfficialFileAndWritesItBack() throws Exception {
        Path path = root.resolve("checkpoint");
        Files.write(path, TestMessages.hex("store/checkpoint.hex"));
        StoreCheckpoint cp = new StoreCheckpoint(path);
        cp.load();
        assertEquals(1700000006000L, cp.physicMsgTimestamp());
        assertEquals(1700000006000L, cp.logicsMsgTimestamp());
        assertEquals(0, cp.indexMsgTimestamp());
        assertEquals(1700000003000L, cp.minTimestamp(false));
        cp.shutdown();
        assertArrayEquals(TestMessages.hex("store/checkpoint.hex"), Files.readAllBytes(path));
    }

    private static String field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new IllegalArgumentException(name);
    }
}
