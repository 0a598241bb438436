package io.petrel.common.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallBodiesTest {
    @Test
    void topicListWithAndWithoutBrokerAddress() {
        assertEquals("{\"topicList\":[\"A\",\"B\"]}", Vectors.text(TopicList.of(List.of("A", "B")).encode()));
        TopicList sys = new TopicList(List.of("broker-a", "DefaultCluster"), "127.0.0.1:20911");
        assertEquals("{\"brokerAddr\":\"127.0.0.1:20911\",\"topicList\":[\"broker-a\",\"DefaultCluster\"]}",
            Vectors.text(sys.encode()));
        assertEquals(sys, TopicList.decode(sys.encode()));
    }

    @Test
    void kvTableKeepsOrderAndEscapes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("FS_DEL", "broker-a:2");
        m.put("q\"uote", "line\nbreak");
        KVTable t = new KVTable(m);
        assertEquals("{\"table\":{\"FS_DEL\":\"broker-a:2\",\"q\\\"uote\":\"line\\nbreak\"}}", Vectors.text(t.encode()));
        assertEquals(t, KVTable.decode(t.encode()));
        assertEquals("{\"table\":{}}", Vectors.text(new KVTable(Map.of()).encode()));
    }

    @Test
    void dataVersionJsonAndNext() {
        DataVersion v = new DataVersion(1700000000000L, 5);
        assertEquals("{\"counter\":5,\"timestamp\":1700000000000}", Vectors.text(v.encode()));
        assertEquals(v, DataVersion.decode(v.encode()));
        assertEquals(new DataVersion(1700000000001L, 6), v.next(1700000000001L));
    }
}
