package io.petrel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What dispatch extracts from official records, and how damaged or partial records are classified. */
class RecordReaderTest {
    private final RecordReader reader = new RecordReader(DelayLevels.parse("1s 5s 10s"));

    private DispatchRequest check(String vector) {
        return reader.check(ByteBuffer.wrap(TestMessages.hex("message/" + vector)), 0, true);
    }

    @Test
    void extractsTagsKeysUniqKeyAndDeliverTime() {
        DispatchRequest plain = check("record_plain.hex");
        assertTrue(plain.isMessage());
        assertEquals("GV_TOPIC", plain.topic());
        assertEquals(0x27A807L, plain.tagsCode());
        assertEquals("key1 key2", plain.keys());
        assertEquals("C0A8010A12341B6D35863B9ACA000007", plain.uniqKey());
        assertEquals(213, plain.size());
        DispatchRequest untagged = check("record_untagged.hex");
        assertEquals(0, untagged.tagsCode());
        assertNull(untagged.keys());
        DispatchRequest delayed = check("record_delayed.hex");
        assertEquals("SCHEDULE_TOPIC_XXXX", delayed.topic());
        assertEquals(1700000009000L, delayed.tagsCode());
        DispatchRequest batchItem = check("record_batch_item1.hex");
        assertEquals("bk1", batchItem.keys());
        assertEquals(1, batchItem.consumeQueueOffset());
        assertTrue(check("record_blank_eof.hex").isBlank());
    }

    @Test
    void classifiesDamagedAndPartialRecords() {
        byte[] record = TestMessages.hex("message/record_plain.hex");
        assertTrue(reader.check(ByteBuffer.wrap(record, 0, 100).slice(), 0, false).isIncomplete());
        byte[] badCrc = record.clone();
        badCrc[90] ^= 1;
        assertFalse(reader.check(ByteBuffer.wrap(badCrc), 0, true).success());
        assertTrue(reader.check(ByteBuffer.wrap(badCrc), 0, false).isMessage(), "dispatch does not check CRCs");
        byte[] badLength = record.clone();
        badLength[3] = (byte) 0xd6;
        DispatchRequest skip = reader.check(ByteBuffer.wrap(java.util.Arrays.copyOf(badLength, 300)), 0, false);
        assertFalse(skip.success());
        assertEquals(214, skip.size(), "skip by TOTALSIZE");
        assertFalse(reader.check(ByteBuffer.wrap(new byte[200]), 0, false).success());
    }

    @Test
    void propertyScanTakesTheLastDuplicateAndIgnoresEmptyValues() {
        byte[] props = "TAGS\u0001a\u0002KEYS\u0001\u0002TAGS\u0001b\u0002XTAGS\u0001c".getBytes(StandardCharsets.UTF_8);
        String[] values = new String[4];
        RecordReader.scanProperties(ByteBuffer.wrap(props), 0, props.length, values);
        assertEquals("b", values[0]);
        assertNull(values[1]);
    }
}
