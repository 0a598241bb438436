package io.petrel.common.route.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonSyntaxTest {
    @Test
    void acceptsJsonAndTheKeyFormsOf497Peers() {
        String[] good = {"{}", "[]", " {\"a\" : [1, -2.5, 3e10, 4E-2, true, false, null, \"x\\\"\\\\\\u00e9\\n\"]} ",
            "{0:\"a\",-1:\"b\",12345678901:\"c\"}", "{{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"T\"}:{\"x\":1}}",
            "{\n\t\"offsetTable\":{\n\t\t\"T@G\":{0:3,1:0\n\t\t}\n\t}\n}", "{{}:1,{\"a\":{\"b\":[]}}:[{}]}", "\"s\"",
            "0", "-0.0"};
        for (String s : good) {
            assertDoesNotThrow(() -> JsonSyntax.check(s), s);
        }
    }

    @Test
    void rejectsWhatFastjson2WouldLetThrough() {
        String[] bad = {"", "{", "{\"a\":}", "{\"a\":1,}", "[1,]", "{,}", "{\"a\":1 \"b\":2}", "{'a':1}", "{a:1}",
            "{true:1}", "{[1]:2}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01x}", "{\"a\":1.}", "{\"a\":1e}",
            "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"open}", "{\"a\":tru}", "{} {}", "{\"a\":-}", "{\"a\"}"};
        for (String s : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonSyntax.check(s), s);
            assertTrue(e.getMessage().contains("offset"), e.getMessage());
        }
    }

    @Test
    void deepNestingFailsCleanly() {
        String deep = "[".repeat(100_000);
        assertThrows(IllegalArgumentException.class, () -> JsonSyntax.check(deep));
        String keys = "{".repeat(50_000);
        assertThrows(IllegalArgumentException.class, () -> JsonSyntax.check(keys));
    }
}
