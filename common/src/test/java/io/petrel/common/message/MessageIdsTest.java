package io.petrel.common.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MessageIdsTest {
    @Test
    void ipv4Ids() {
        check("offset_msgid_ipv4", new InetSocketAddress("127.0.0.1", 10911), 1073742039L);
        check("offset_msgid_ipv4_offset0", new InetSocketAddress("192.168.1.100", 10911), 0L);
    }

    @Test
    void ipv6Id() throws Exception {
        check("offset_msgid_ipv6", new InetSocketAddress(InetAddress.getByName("fd00::2"), 10911), 215L);
    }

    private static void check(String vector, InetSocketAddress host, long offset) {
        String text = Vectors.text(vector + ".txt");
        String id = MessageIds.offsetMessageId(host, offset);
        assertEquals(text, id);
        assertArrayEquals(Vectors.hex(vector + ".hex"), HexFormat.of().parseHex(id));
        MessageIds.OffsetMessageId back = MessageIds.decodeOffsetMessageId(text);
        assertEquals(host, back.storeHost());
        assertEquals(offset, back.commitLogOffset());
    }
}
