package io.petrel.remoting.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.LanguageCode;
import io.petrel.remoting.protocol.RemotingCommand;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonHeaderCodecTest {

    private static RemotingCommand decode(String json) throws RemotingCommandException {
        return JsonHeaderCodec.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void minimalRequestWithAnyKeyOrder() throws Exception {
        RemotingCommand cmd = decode("{\"extFields\":{\"topic\":\"FS_T1\"},\"code\":105}");
        assertEquals(105, cmd.code());
        assertEquals("FS_T1", cmd.extFields().get("topic"));
        assertEquals(0, cmd.opaque());
        assertEquals(LanguageCode.JAVA, cmd.language());
    }

    @Test
    void repeatedShortStringsAreSharedAndEveryStringKeepsItsText() throws Exception {
        String json = "{\"code\":310,\"extFields\":{\"b\":\"TopicTest\",\"e\":\"3\",\"g\":\"1700000000123\","
            + "\"t\":\"%RETRY%cg\",\"u\":\"Grüße\",\"x\":\"tab\\tbed\",\"long\":\"" + "y".repeat(80) + "\"}}";
        Map<String, String> first = decode(json).extFields();
        Map<String, String> second = decode(json).extFields();
        assertEquals(Map.of("b", "TopicTest", "e", "3", "g", "1700000000123", "t", "%RETRY%cg", "u", "Grüße",
            "x", "tab\tbed", "long", "y".repeat(80)), second);
        assertSame(first.get("b"), second.get("b"), "a topic name is made once");
        assertSame(first.get("t"), second.get("t"), "a retry topic name is made once");
        assertSame(first.get("e"), second.get("e"), "a small number is made once");
        String key = first.keySet().stream().filter("b"::equals).findFirst().orElseThrow();
        assertSame(key, second.keySet().stream().filter("b"::equals).findFirst().orElseThrow(), "keys are shared");
    }

    @Test
    void scalarExtValuesBecomeTheirText() throws Exception {
        RemotingCommand cmd = decode("{\"code\":11,\"extFields\":{\"queueId\":3,\"flag\":true,\"n\":null,"
            + "\"big\":1700000000000,\"neg\":-1.5e3}}");
        assertEquals("3", cmd.extFields().get("queueId"));
        assertEquals("true", cmd.extFields().get("flag"));
        assertEquals("1700000000000", cmd.extFields().get("big"));
        assertEquals("-1.5e3", cmd.extFields().get("neg"));
        assertTrue(!cmd.extFields().containsKey("n"));
    }

    @Test
    void languageByNameOrCodeAndUnknownKeysSkipped() throws Exception {
        RemotingCommand byName = decode("{\"code\":1,\"language\":\"PYTHON\",\"x\":{\"a\":[1,2,{\"b\":null}]},"
            + "\"serializeTypeCurrentRPC\":\"JSON\"}");
        assertEquals(LanguageCode.PYTHON, byName.language());
        RemotingCommand byCode = decode("{ \"code\" : 1 , \"language\" : 9 }");
        assertEquals(LanguageCode.GO, byCode.language());
        assertEquals(LanguageCode.OTHER, decode("{\"code\":1,\"language\":\"COBOL\"}").language());
    }

    @Test
    void escapesDecode() throws Exception {
        RemotingCommand cmd = decode("{\"code\":0,\"remark\":\"a\\\"b\\\\c\\n\\u0001\\u00e9\\ud83d\\ude00\\/\"}");
        assertEquals("a\"b\\c\n\u0001\u00e9\ud83d\ude00/", cmd.remark());
    }

    @Test
    void nullRemarkAndNullExtFields() throws Exception {
        RemotingCommand cmd = decode("{\"code\":0,\"remark\":null,\"extFields\":null}");
        assertNull(cmd.remark());
        assertNull(cmd.extFields());
    }

    @Test
    void malformedHeadersAreRejected() {
        for (String bad : new String[] {"", "{", "not json", "{\"code\":}", "{\"code\":1,}", "{\"code\":\"x\"}",
            "{\"code\":99999999999}", "{\"remark\":\"unterminated}", "{\"code\":1} trailing", "[1,2]",
            "{\"remark\":\"\\q\"}", "{\"remark\":\"\\u12\"}"}) {
            assertThrows(RemotingCommandException.class, () -> decode(bad), bad);
        }
    }

    @Test
    void roundTripKeepsEveryField() throws Exception {
        RemotingCommand cmd = RemotingCommand.createResponse(17, "no \"route\"\n\u00a0\u0085").opaque(-5)
            .version(401).language(LanguageCode.GO);
        cmd.addExtField("k", "v\u0000");
        ByteBuf out = Unpooled.buffer();
        JsonHeaderCodec.encode(cmd, cmd.extFields(), out);
        RemotingCommand back = JsonHeaderCodec.decode(ByteBufUtil.getBytes(out));
        assertEquals(17, back.code());
        assertEquals(-5, back.opaque());
        assertEquals(401, back.version());
        assertEquals(LanguageCode.GO, back.language());
        assertEquals(cmd.remark(), back.remark());
        assertEquals("v\u0000", back.extFields().get("k"));
        assertTrue(back.isResponse());
    }

    @Test
    void escapedStringsBelowU0100AndTheOnesThatAreNot() throws Exception {
        // a message's properties as a 4.9.7 client escapes them, then strings that leave the Latin-1 path:
        // raw UTF-8 before the first escape, raw UTF-8 after it, an escape above U+00FF
        String json = "{\"code\":310,\"extFields\":{"
            + "\"i\":\"UNIQ_KEY\\u0001AC1F\\u0002WAIT\\u0001true\\u0002TAGS\\u0001\\u00e9\\\"q\\\"\\u0002\","
            + "\"a\":\"Grüße\\u0001x\",\"b\":\"x\\u0001Grüße\",\"c\":\"\\u4e2d\\u0001\\ud83d\\ude00\",\"d\":\"\\\"\"}}";
        Map<String, String> ext = decode(json).extFields();
        assertEquals("UNIQ_KEY\u0001AC1F\u0002WAIT\u0001true\u0002TAGS\u0001\u00e9\"q\"\u0002", ext.get("i"));
        assertEquals("Grüße\u0001x", ext.get("a"));
        assertEquals("x\u0001Grüße", ext.get("b"));
        assertEquals("\u4e2d\u0001\ud83d\ude00", ext.get("c"));
        assertEquals("\"", ext.get("d"));
        assertThrows(RemotingCommandException.class, () -> decode("{\"remark\":\"a\\u0001b}"));
        assertThrows(RemotingCommandException.class, () -> decode("{\"remark\":\"a\\u00\"}"));
    }

    @Test
    void encodedTextForEdgeValues() {
        RemotingCommand cmd = RemotingCommand.createRequest(-7).opaque(Integer.MIN_VALUE).version(Integer.MAX_VALUE)
            .remark("lone \ud800 high, lone \udc00 low, pair \ud83d\ude00, \u00e9\u4e2d\u2028\u007f");
        cmd.addExtField("k", "\u0001\"\\");
        ByteBuf out = Unpooled.buffer();
        JsonHeaderCodec.encode(cmd, cmd.extFields(), out);
        assertEquals("{\"code\":-7,\"extFields\":{\"k\":\"\\u0001\\\"\\\\\"},\"flag\":0,\"language\":\"JAVA\","
            + "\"opaque\":-2147483648,\"remark\":\"lone ? high, lone ? low, pair \ud83d\ude00, \u00e9\u4e2d"
            + "\\u2028\\u007F\",\"serializeTypeCurrentRPC\":\"JSON\",\"version\":2147483647}",
            out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aHeaderLargerThanTheKeptScratchAndASmallOneAfterIt() throws Exception {
        String big = "r".repeat(100_000) + "\u00e9";
        ByteBuf out = Unpooled.buffer();
        JsonHeaderCodec.encode(RemotingCommand.createResponse(1, big), null, out);
        assertEquals(big, JsonHeaderCodec.decode(ByteBufUtil.getBytes(out)).remark());
        ByteBuf small = Unpooled.buffer();
        JsonHeaderCodec.encode(RemotingCommand.createResponse(2, "s"), null, small);
        assertEquals("s", JsonHeaderCodec.decode(ByteBufUtil.getBytes(small)).remark());
    }
}
