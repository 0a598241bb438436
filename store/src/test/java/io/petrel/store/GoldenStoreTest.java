package io.petrel.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.message.MessageBatchCodec;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.StoredMessageCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the inputs of the official 4.9.7 vector run (fixed store clock, 2048-byte CommitLog
 * files, 1280-byte ConsumeQueue files, default index geometry) and compares the files Petrel
 * writes with the files the official store wrote.
 */
class GoldenStoreTest {
    @TempDir
    Path root;

    private static MessageExt fromVector(String name) {
        MessageExt stored = StoredMessageCodec.decode(ByteBuffer.wrap(TestMessages.hex("message/" + name)), true, true);
        MessageExt m = TestMessages.message(stored.getTopic(), stored.getQueueId(), stored.getBody());
        m.setSysFlag(stored.getSysFlag());
        m.setBornHost(TestMessages.BORN);
        m.setStoreHost(TestMessages.STORE);
        m.setProperties(stored.getProperties());
        return m;
    }

    private DefaultMessageStore writeVectorMessages(MutableClock clock) throws IOException {
        MessageStoreConfig config = MessageStoreConfig.builder().storePathRootDir(root)
            .mappedFileSizeCommitLog(2048).mappedFileSizeConsumeQueue(1280).build();
        DefaultMessageStore store = new DefaultMessageStore(config, clock);
        store.load();
        store.start();
        long ts = 1700000001000L;
        for (String name : List.of("record_plain.hex", "record_untagged.hex", "record_compressed.hex")) {
            clock.set(ts);
            ts += 1000;
            assertTrue(store.putMessage(fromVector(name)).isOk(), name);
        }
        MessageExt delayed = fromVector("record_delayed.hex");
        delayed.setTopic(delayed.getProperty(MessageProperties.REAL_TOPIC));
        delayed.setQueueId(Integer.parseInt(delayed.getProperty(MessageProperties.REAL_QID)));
        delayed.removeProperty(MessageProperties.REAL_TOPIC);
        delayed.removeProperty(MessageProperties.REAL_QID);
        clock.set(ts);
        ts += 1000;
        PutMessageResult d = store.putMessage(delayed);
        assertEquals(606, d.wroteOffset());
        List<MessageBatchCodec.Item> items = MessageBatchCodec.decode(ByteBuffer.wrap(TestMessages.hex("message/batch_wire_body.hex")));
        clock.set(ts);
        ts += 1000;
        PutMessageResult batch = store.putMessages(new BatchPutRequest("GV_TOPIC", 2, 0, 1700000000000L, TestMessages.BORN,
            TestMessages.STORE, 0, "CLUSTER\u0001DefaultCluster\u0002WAIT\u0001true", items));
        assertEquals(846, batch.wroteOffset());
        assertEquals(418, batch.wroteBytes());
        clock.set(ts);
        PutMessageResult m5 = store.putMessage(fromVector("record_next_file.hex"));
        assertEquals(2048, m5.wroteOffset());
        assertEquals(1197, m5.wroteBytes());
        return store;
    }

    @Test
    void commitLogConsumeQueueIndexAndCheckpointMatchTheOfficialFiles() throws Exception {
        MutableClock clock = new MutableClock(1700000000000L);
        DefaultMessageStore store = writeVectorMessages(clock);
        try {
            org.awaitility.Awaitility.await().until(() -> store.dispatchBehindBytes() == 0);
        } finally {
            store.shutdown();
        }
        byte[] cl0 = Files.readAllBytes(root.resolve("commitlog/00000000000000000000"));
        byte[] golden0 = TestMessages.hex("store/commitlog_00000000000000000000.hex");
        assertArrayEquals(Arrays.copyOfRange(golden0, 0, 723), Arrays.copyOfRange(cl0, 0, 723));
        assertArrayEquals(Arrays.copyOfRange(golden0, 846, 2048), Arrays.copyOfRange(cl0, 846, 2048));
        MessageExt ours = StoredMessageCodec.decode(ByteBuffer.wrap(cl0, 606, 240), true, true);
        MessageExt theirs = StoredMessageCodec.decode(ByteBuffer.wrap(golden0, 606, 240), true, true);
        assertEquals(theirs.getProperties(), ours.getProperties());
        assertArrayEquals(TestMessages.hex("store/commitlog_00000000000000002048.hex"),
            Files.readAllBytes(root.resolve("commitlog/00000000000000002048")));

        assertConsumeQueue("GV_TOPIC/0", "consumequeue_GV_TOPIC_0.hex");
        assertConsumeQueue("GV_TOPIC/1", "consumequeue_GV_TOPIC_1.hex");
        assertConsumeQueue("GV_TOPIC/2", "consumequeue_GV_TOPIC_2.hex");
        assertConsumeQueue("GV_TOPIC/3", "consumequeue_GV_TOPIC_3.hex");
        assertConsumeQueue("SCHEDULE_TOPIC_XXXX/1", "consumequeue_SCHEDULE_TOPIC_XXXX_1.hex");

        Path indexFile;
        try (Stream<Path> s = Files.list(root.resolve("index"))) {
            indexFile = s.findFirst().orElseThrow();
        }
        assertEquals(420_000_040L, Files.size(indexFile));
        try (var ch = java.nio.channels.FileChannel.open(indexFile)) {
            assertArrayEquals(TestMessages.hex("store/index_header.hex"), read(ch, 0, 40));
            assertArrayEquals(TestMessages.hex("store/index_entries_0_to_12.hex"), read(ch, 20_000_040, 260));
            for (String line : Files.readAllLines(Path.of(getClass().getResource("/vectors/store/index_slots.txt").toURI()))) {
                if (line.startsWith("key=")) {
                    long at = Long.parseLong(field(line, "slotFileOffset"));
                    assertEquals(field(line, "slotValue"), java.util.HexFormat.of().formatHex(read(ch, at, 4)), line);
                }
            }
        }
        assertArrayEquals(TestMessages.hex("store/checkpoint.hex"), Files.readAllBytes(root.resolve("checkpoint")));
    }

    private static String field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new IllegalArgumentException(name + " not in " + line);
    }

    private static byte[] read(java.nio.channels.FileChannel ch, long at, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        ch.read(b, at);
        return b.array();
    }

    private void assertConsumeQueue(String dir, String vector) throws IOException {
        byte[] golden = TestMessages.hex("store/" + vector);
        byte[] file = Files.readAllBytes(root.resolve("consumequeue/" + dir + "/00000000000000000000"));
        assertEquals(1280, file.length);
        assertArrayEquals(golden, Arrays.copyOf(file, golden.length), dir);
        assertTrue(Arrays.equals(new byte[1280 - golden.length], Arrays.copyOfRange(file, golden.length, 1280)), dir);
    }

    @Test
    void officialVectorStoreOpensAndServesRecordsByteForByte() throws Exception {
        Path cl = Files.createDirectories(root.resolve("commitlog"));
        Files.write(cl.resolve("00000000000000000000"), TestMessages.hex("store/commitlog_00000000000000000000.hex"));
        Files.write(cl.resolve("00000000000000002048"), TestMessages.hex("store/commitlog_00000000000000002048.hex"));
        writeQueue("GV_TOPIC/0", "consumequeue_GV_TOPIC_0.hex");
        writeQueue("GV_TOPIC/1", "consumequeue_GV_TOPIC_1.hex");
        writeQueue("GV_TOPIC/2", "consumequeue_GV_TOPIC_2.hex");
        writeQueue("GV_TOPIC/3", "consumequeue_GV_TOPIC_3.hex");
        writeQueue("SCHEDULE_TOPIC_XXXX/1", "consumequeue_SCHEDULE_TOPIC_XXXX_1.hex");
        Files.write(root.resolve("checkpoint"), TestMessages.hex("store/checkpoint.hex"));
        MessageStoreConfig config = MessageStoreConfig.builder().storePathRootDir(root)
            .mappedFileSizeCommitLog(2048).mappedFileSizeConsumeQueue(1280).maxHashSlotNum(100).maxIndexNum(100).build();
        DefaultMessageStore store = new DefaultMessageStore(config, new MutableClock(1700000010000L));
        try {
            assertTrue(store.load());
            store.start();
            assertEquals(3245, store.getMaxPhyOffset());
            GetMessageResult r = store.getMessage("GV_CG", "GV_TOPIC", 0, 0, 32, null);
            try {
                assertEquals(GetMessageStatus.FOUND, r.status());
                assertEquals(2, r.nextBeginOffset());
                assertEquals(2, r.maxOffset());
                assertArrayEquals(TestMessages.hex("message/pull_response_body_q0.hex"), r.copyToHeap().array());
            } finally {
                r.release();
            }
            assertEquals(2, store.getMaxOffsetInQueue("GV_TOPIC", 2));
            assertEquals(1055, store.getCommitLogOffsetInQueue("GV_TOPIC", 2, 1));
            MessageExt m5 = store.lookMessageByOffset(2048);
            assertEquals("key1", m5.getKeys());
            assertEquals(1, store.getMaxOffsetInQueue("GV_TOPIC", 3));
            PutMessageResult next = store.putMessage(TestMessages.message("GV_TOPIC", 0, "after"));
            assertEquals(3245, next.wroteOffset());
            assertEquals(2, next.logicsOffset());
        } finally {
            store.shutdown();
        }
    }

    private void writeQueue(String dir, String vector) throws IOException {
        Path d = Files.createDirectories(root.resolve("consumequeue/" + dir));
        Files.write(d.resolve("00000000000000000000"), Arrays.copyOf(TestMessages.hex("store/" + vector), 1280));
    }
}
