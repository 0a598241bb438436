package io.petrel.test.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.alibaba.fastjson.JSON;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The structure comparison the side-by-side tests rely on. */
class SideBySideKitTest {
    @Test
    void shapeIgnoresValuesButNotFieldNamesOrKinds() {
        String a = SideBySide.shape(JSON.parse("{\"a\":1,\"b\":[{\"c\":\"x\"}],\"d\":{\"t1\":{\"n\":1}}}"), "$",
            Set.of("$.d"));
        String b = SideBySide.shape(JSON.parse("{\"b\":[{\"c\":\"y\"},{\"c\":\"z\"}],\"a\":7,\"d\":{\"t2\":{\"n\":3}}}"),
            "$", Set.of("$.d"));
        assertEquals(a, b);
        assertNotEquals(a, SideBySide.shape(JSON.parse("{\"a\":\"1\",\"b\":[],\"d\":{}}"), "$", Set.of("$.d")));
        assertNotEquals(SideBySide.shape(JSON.parse("{\"a\":1}"), "$", Set.of()),
            SideBySide.shape(JSON.parse("{\"a\":1,\"e\":2}"), "$", Set.of()));
    }

    @Test
    void objectKeysAsOfficialMapsWriteThem() {
        Object v = JSON.parse("{\"offsetTable\":{{\"brokerName\":\"a\",\"queueId\":0,\"topic\":\"t\"}:{\"n\":1}}}");
        assertEquals("{offsetTable={*:{n=number}}}", SideBySide.shape(v, "$", Set.of("$.offsetTable")));
    }
}
