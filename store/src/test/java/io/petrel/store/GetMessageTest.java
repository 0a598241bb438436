package io.petrel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.message.MessageExt;
import io.petrel.common.message.StoredMessageCodec;
import io.petrel.common.message.TagHash;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pull-style reads: statuses, next offsets, tag filtering, batch limits, key queries, arrival notices. */
class GetMessageTest {
    @TempDir
    Path root;
    private DefaultMessageStore store;
    private final MutableClock clock = new MutableClock(1_700_000_000_000L);
    private final List<String> arrivals = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        MessageStoreConfig config = TestMessages.smallConfig(root).maxTransferCountOnMessageInMemory(8)
            .maxTransferBytesOnMessageInMemory(4096).build();
        store = new DefaultMessageStore(config, clock,
            (topic, q, offset, tags, ts) -> arrivals.add(topic + "/" + q + "@" + offset), DiskUsage.FILE_SYSTEM);
        store.load();
        store.start();
        for (int i = 0; i < 20; i++) {
            clock.advance(1000);
            MessageExt m = TestMessages.message("PULL", 0, "body-" + i);
            m.setTags(i % 2 == 0 ? "even" : "odd");
            m.setKeys("key-" + i + " shared");
            m.putProperty("UNIQ_KEY", "U" + i);
            assertTrue(store.putMessage(m).isOk());
        }
        Awaitility.await().until(() -> store.dispatchBehindBytes() == 0);
    }

    @AfterEach
    void close() {
        store.shutdown();
    }

    private static List<MessageExt> decode(GetMessageResult r) {
        List<MessageExt> out = new ArrayList<>();
        for (ByteBuffer b : r.messageBuffers()) {
            out.add(StoredMessageCodec.decode(b, true, true));
        }
        return out;
    }

    @Test
    void foundRespectsCountLimits() {
        GetMessageResult r = store.getMessage("G", "PULL", 0, 0, 32, null);
        try {
            assertEquals(GetMessageStatus.FOUND, r.status());
            assertEquals(8, r.messageCount(), "maxTransferCountOnMessageInMemory");
            assertEquals(8, r.nextBeginOffset());
            assertEquals(0, r.minOffset());
            assertEquals(20, r.maxOffset());
            assertFalse(r.suggestPullingFromSlave());
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), r.queueOffsets());
        } finally {
            r.release();
        }
        GetMessageResult three = store.getMessage("G", "PULL", 0, 5, 3, null);
        try {
            assertEquals(3, three.messageCount());
            assertEquals(8, three.nextBeginOffset());
        } finally {
            three.release();
        }
    }

    @Test
    void tagFilterSkipsEntriesAndReportsNoMatch() {
        long odd = TagHash.of("odd");
        GetMessageResult r = store.getMessage("G", "PULL", 0, 0, 4, code -> code == odd);
        try {
            assertEquals(GetMessageStatus.FOUND, r.status());
            List<MessageExt> msgs = decode(r);
            assertEquals(4, msgs.size());
            for (MessageExt m : msgs) {
                assertEquals("odd", m.getTags());
            }
            assertEquals(8, r.nextBeginOffset());
        } finally {
            r.release();
        }
        GetMessageResult none = store.getMessage("G", "PULL", 0, 0, 4, code -> false);
        try {
            assertEquals(GetMessageStatus.NO_MATCHED_MESSAGE, none.status());
            assertEquals(20, none.nextBeginOffset());
        } finally {
            none.release();
        }
    }

    @Test
    void offsetStatuses() {
        assertEquals(GetMessageStatus.NO_MESSAGE_IN_QUEUE, store.getMessage("G", "NOPE", 0, 0, 1, null).status());
        GetMessageResult one = store.getMessage("G", "PULL", 0, 20, 1, null);
        assertEquals(GetMessageStatus.OFFSET_OVERFLOW_ONE, one.status());
        assertEquals(20, one.nextBeginOffset());
        GetMessageResult bad = store.getMessage("G", "PULL", 0, 25, 1, null);
        assertEquals(GetMessageStatus.OFFSET_OVERFLOW_BADLY, bad.status());
        assertEquals(20, bad.nextBeginOffset(), "4.9.7 points past the end to the max offset");
        store.consumeQueues().findOrCreate("PULL", 5);
        assertEquals(GetMessageStatus.NO_MESSAGE_IN_QUEUE, store.getMessage("G", "PULL", 5, 0, 1, null).status());
    }

    @Test
    void queryByKeyWithTimeRangeAndMaxCount() {
        List<MessageExt> k3 = store.queryMessage("PULL", "key-3", 32, 0, Long.MAX_VALUE).messages();
        assertEquals(1, k3.size());
        assertEquals("key-3 shared", k3.get(0).getKeys());
        assertEquals("U7", store.queryMessage("PULL", "U7", 32, 0, Long.MAX_VALUE).messages().get(0).getProperty("UNIQ_KEY"));
        assertEquals(20, store.queryMessage("PULL", "shared", 32, 0, Long.MAX_VALUE).messages().size());
        assertEquals(5, store.queryMessage("PULL", "shared", 5, 0, Long.MAX_VALUE).messages().size());
        List<MessageExt> window = store.queryMessage("PULL", "shared", 32, 1_700_000_005_000L, 1_700_000_008_000L).messages();
        assertEquals(4, window.size());
        assertTrue(store.queryMessage("OTHER", "shared", 32, 0, Long.MAX_VALUE).messages().isEmpty());
        List<MessageExt> sorted = store.queryMessage("PULL", "shared", 32, 0, Long.MAX_VALUE).messages();
        for (int i = 1; i < sorted.size(); i++) {
            assertTrue(sorted.get(i - 1).getCommitLogOffset() < sorted.get(i).getCommitLogOffset());
        }
    }

    @Test
    void queueTotalsAndTopicDeletion() {
        assertEquals(20, store.getMessageTotalInQueue("PULL", 0));
        assertFalse(store.checkInDiskByConsumeOffset("PULL", 0, 0));
        assertEquals(1, store.deleteTopics(java.util.Set.of("PULL")));
        assertEquals(GetMessageStatus.NO_MESSAGE_IN_QUEUE, store.getMessage("G", "PULL", 0, 0, 1, null).status());
        assertEquals(0, store.putMessage(TestMessages.message("PULL", 0, "recreated")).logicsOffset());
        Awaitility.await().until(() -> store.getMaxOffsetInQueue("PULL", 0) == 1);
    }

    @Test
    void listenerHearsEveryDispatchedMessage() {
        assertEquals(20, arrivals.size());
        assertEquals("PULL/0@1", arrivals.get(0));
        assertEquals("PULL/0@20", arrivals.get(19));
    }

    @Test
    void shutDownStoreRefusesPutsAndReads() {
        store.shutdown();
        assertEquals(PutMessageStatus.SERVICE_NOT_AVAILABLE, store.putMessage(TestMessages.message("PULL", 0, "late")).status());
        assertNull(store.getMessage("G", "PULL", 0, 0, 1, null));
    }
}
