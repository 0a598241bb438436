package io.petrel.common.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredMessageCodecTest {
    private static final InetSocketAddress BORN = new InetSocketAddress("10.0.0.2", 50000);
    private static final InetSocketAddress STORE = new InetSocketAddress("10.0.0.1", 10911);

    @Test
    void decodesPlainRecordFieldByField() {
        MessageExt m = StoredMessageCodec.decode(ByteBuffer.wrap(Vectors.hex("record_plain.hex")), true, true);
        assertEquals(213, m.getStoreSize());
        assertEquals(0x2018bd62, m.getBodyCRC());
        assertEquals("GV_TOPIC", m.getTopic());
        assertEquals(0, m.getQueueId());
        assertEquals(0, m.getQueueOffset());
        assertEquals(0, m.getCommitLogOffset());
        assertEquals(1700000000000L, m.getBornTimestamp());
        assertEquals(1700000001000L, m.getStoreTimestamp());
        assertEquals(BORN, m.getBornHost());
        assertEquals(STORE, m.getStoreHost());
        assertEquals("hello-golden", new String(m.getBody(), StandardCharsets.UTF_8));
        assertEquals("TagA", m.getTags());
        assertEquals("key1 key2", m.getKeys());
        assertEquals("myval", m.getProperty("myprop"));
        assertEquals("0A00000100002A9F0000000000000000", m.getMsgId());
        assertEquals(List.of("myprop", "KEYS", "UNIQ_KEY", "CLUSTER", "TAGS"), List.copyOf(m.getProperties().keySet()));
    }

    @Test
    void reencodesEveryVectorRecordByteForByte() {
        for (String name : List.of("record_plain.hex", "record_untagged.hex", "record_compressed.hex",
            "record_delayed.hex", "record_next_file.hex")) {
            byte[] golden = Vectors.hex(name);
            MessageExt m = StoredMessageCodec.decode(ByteBuffer.wrap(golden), true, true);
            assertArrayEquals(golden, StoredMessageCodec.encode(m), name);
        }
    }

    @Test
    void batchItemsKeepDuplicatePropertiesWhenEncodedFromRawString() {
        for (String name : List.of("record_batch_item0.hex", "record_batch_item1.hex")) {
            byte[] golden = Vectors.hex(name);
            ByteBuffer src = ByteBuffer.wrap(golden);
            MessageExt m = StoredMessageCodec.decode(src, true, true);
            int propsLength = golden.length - (StoredMessageCodec.recordLength(m.getSysFlag(), m.getBody().length, 8, 0));
            byte[] props = new byte[propsLength];
            System.arraycopy(golden, golden.length - propsLength, props, 0, propsLength);
            ByteBuffer out = ByteBuffer.allocate(golden.length);
            StoredMessageCodec.encode(out, m, m.getTopic().getBytes(StandardCharsets.UTF_8), props);
            assertArrayEquals(golden, out.array(), name);
        }
    }

    @Test
    void compressedRecordHasSysFlag0x301AndCrcOverCompressedBytes() {
        MessageExt m = StoredMessageCodec.decode(ByteBuffer.wrap(Vectors.hex("record_compressed.hex")), true, true);
        assertEquals(0x301, m.getSysFlag());
        assertEquals(51, m.getBody().length);
        assertEquals(StoredMessageCodec.bodyCrc(m.getBody(), 0, 51), m.getBodyCRC());
    }

    @Test
    void blankRecordBytes() {
        ByteBuffer buf = ByteBuffer.allocate(8);
        StoredMessageCodec.writeBlank(buf, 784);
        assertArrayEquals(Vectors.hex("record_blank_eof.hex"), buf.array());
    }

    @Test
    void pullBodyDecodesToTwoRecords() {
        List<MessageExt> all = StoredMessageCodec.decodeAll(ByteBuffer.wrap(Vectors.hex("pull_response_body_q0.hex")), true);
        assertEquals(2, all.size());
        assertEquals("0A00000100002A9F0000000000000000", all.get(0).getMsgId());
        assertEquals("0A00000100002A9F00000000000000D5", all.get(1).getMsgId());
        assertEquals(1, all.get(1).getQueueOffset());
    }

    @Test
    void ipv6HostsWidenTheRecordAndSetSysFlagBits() throws Exception {
        MessageExt m = new MessageExt();
        m.setTopic("T6");
        m.setBody("abc".getBytes(StandardCharsets.UTF_8));
        m.setBornHost(new InetSocketAddress(InetAddress.getByName("fd00::2"), 1234));
        m.setStoreHost(new InetSocketAddress(InetAddress.getByName("fd00::1"), 10911));
        m.setBodyCRC(StoredMessageCodec.bodyCrc(m.getBody(), 0, 3));
        m.setCommitLogOffset(215);
        m.putProperty("TAGS", "x");
        byte[] bytes = StoredMessageCodec.encode(m);
        assertEquals(91 + 3 + 2 + 6 + 24, bytes.length);
        MessageExt back = StoredMessageCodec.decode(ByteBuffer.wrap(bytes), true, true);
        assertEquals(MessageSysFlag.BORNHOST_V6 | MessageSysFlag.STOREHOSTADDRESS_V6, back.getSysFlag());
        assertEquals(m.getBornHost(), back.getBornHost());
        assertEquals(m.getStoreHost(), back.getStoreHost());
        assertEquals("FD00000000000000000000000000000100002A9F00000000000000D7", back.getMsgId());
        assertEquals(m.getProperties(), back.getProperties());
    }

    @Test
    void corruptBodyFailsCrcCheck() {
        byte[] golden = Vectors.hex("record_plain.hex");
        golden[90] ^= 1;
        assertThrows(IllegalArgumentException.class,
            () -> StoredMessageCodec.decode(ByteBuffer.wrap(golden), true, true));
    }

    @Test
    void bodyCrcIsMaskedCrc32() {
        assertEquals(0x587F7E0C, StoredMessageCodec.bodyCrc("test".getBytes(StandardCharsets.UTF_8), 0, 4));
        assertEquals(0, StoredMessageCodec.bodyCrc(new byte[0], 0, 0));
    }

    @Test
    void propertiesCodecMatchesVectors() {
        String client = new String(Vectors.hex("properties_plain_client.hex"), StandardCharsets.UTF_8);
        Map<String, String> map = PropertiesCodec.decode(client);
        assertEquals(List.of("myprop", "KEYS", "UNIQ_KEY", "WAIT", "TAGS"), List.copyOf(map.keySet()));
        assertEquals(client, PropertiesCodec.encode(map));
        map.remove("WAIT");
        Map<String, String> stored = new LinkedHashMap<>();
        stored.put("myprop", "myval");
        stored.put("KEYS", "key1 key2");
        stored.put("UNIQ_KEY", map.get("UNIQ_KEY"));
        stored.put("CLUSTER", "DefaultCluster");
        stored.put("TAGS", "TagA");
        assertArrayEquals(Vectors.hex("properties_plain_stored.hex"), PropertiesCodec.encodeToBytes(stored));
        assertEquals("TagA", PropertiesCodec.find(client, "TAGS"));
        assertEquals(null, PropertiesCodec.find(client, "AGS"));
    }

    @Test
    void propertiesDecoderDropsMalformedPieces() {
        Map<String, String> map = PropertiesCodec.decode("a\u0001b\u0002\u0002x\u0002=\u0001\u0002k\u0001\u0002\u0001v\u0002name\u0001value");
        assertEquals(Map.of("a", "b", "name", "value"), map);
    }

    @Test
    void tagHashIsSignExtendedStringHash() {
        assertEquals(0x27A807L, TagHash.of("TagA"));
        assertEquals(0xFFFFFFFFCFCF7B16L, TagHash.of("TagLongxxxxxxxx"));
        assertEquals(0, TagHash.of(null));
        assertEquals(0, TagHash.of(""));
    }

    @Test
    void batchWireBodyDecodesAndReencodes() {
        byte[] golden = Vectors.hex("batch_wire_body.hex");
        List<MessageBatchCodec.Item> items = MessageBatchCodec.decode(ByteBuffer.wrap(golden));
        assertEquals(2, items.size());
        assertEquals("batch-1", new String(items.get(1).body(), StandardCharsets.UTF_8));
        assertEquals("bk0", PropertiesCodec.decode(items.get(0).properties()).get("KEYS"));
        assertArrayEquals(golden, MessageBatchCodec.encode(items));
    }
}
