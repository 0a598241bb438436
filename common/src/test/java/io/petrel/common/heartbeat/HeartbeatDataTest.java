package io.petrel.common.heartbeat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Heartbeat bodies written by RocketMQ 4.9.7 decode, and re-encode to the same bytes. */
class HeartbeatDataTest {

    private static byte[] vector(String name) throws IOException {
        try (InputStream in = HeartbeatDataTest.class.getResourceAsStream("/vectors/json/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void producerAndConsumerRoundTrip() throws Exception {
        byte[] golden = vector("heartbeat_producer_consumer.json");
        HeartbeatData hb = HeartbeatData.decode(golden);
        assertEquals("127.0.0.1@GV_INSTANCE", hb.clientID());
        assertEquals(List.of("GV_PG"), hb.producerGroups());
        ConsumerData c = hb.consumerDataSet().get(0);
        assertEquals("GV_CG", c.groupName());
        assertEquals(ConsumeType.CONSUME_PASSIVELY, c.consumeType());
        assertEquals(MessageModel.CLUSTERING, c.messageModel());
        assertEquals(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, c.consumeFromWhere());
        SubscriptionData s = c.subscriptionDataSet().get(0);
        assertEquals(Set.of("TagA", "TagB"), s.tagsSet());
        assertEquals(Set.of("TagA".hashCode(), "TagB".hashCode()), s.codeSet());
        assertTrue(c.subscriptionDataSet().get(1).matchesAll());
        assertArrayEquals(golden, hb.encode());
    }

    @Test
    void producerOnlyAndLiveConsumerRoundTrip() throws Exception {
        for (String name : new String[] {"heartbeat_producer_only.json", "live_heartbeat_consumer.json"}) {
            byte[] golden = vector(name);
            assertArrayEquals(golden, HeartbeatData.decode(golden).encode(), name);
        }
    }

    /** A heartbeat of version 2 as the 5.3.1 client writes it (fastjson, {@code HeartbeatData.encode()}). */
    @Test
    void aVersion2HeartbeatOf531RoundTrips() {
        byte[] written = ("{\"clientID\":\"c1\",\"consumerDataSet\":[{\"consumeFromWhere\":\"CONSUME_FROM_LAST_OFFSET\","
            + "\"consumeType\":\"CONSUME_PASSIVELY\",\"groupName\":\"G\",\"messageModel\":\"CLUSTERING\","
            + "\"subscriptionDataSet\":[],\"unitMode\":false}],\"heartbeatFingerprint\":-1618046863,"
            + "\"producerDataSet\":[{\"groupName\":\"P\"}],\"withoutSub\":true}").getBytes(StandardCharsets.UTF_8);
        HeartbeatData hb = HeartbeatData.decode(written);
        assertEquals(-1618046863, hb.heartbeatFingerprint());
        assertTrue(hb.withoutSub());
        assertEquals(List.of("P"), hb.producerGroups());
        assertArrayEquals(written, hb.encode());
        HeartbeatData v1 = new HeartbeatData("c1", List.of("P"), List.of());
        assertEquals(0, HeartbeatData.decode(v1.encode()).heartbeatFingerprint());
        assertTrue(!new String(v1.encode(), StandardCharsets.UTF_8).contains("withoutSub"), "4.x bytes unchanged");
    }

    @Test
    void tagExpressionParsing() {
        SubscriptionData s = SubscriptionData.ofTags("T", " TagA || TagC ", 1L);
        assertEquals(List.of("TagA", "TagC"), List.copyOf(s.tagsSet()));
        assertTrue(s.matchesTagsCode((long) "TagC".hashCode()));
        assertTrue(!s.matchesTagsCode((long) "TagB".hashCode()));
        assertTrue(SubscriptionData.ofTags("T", "*", 1L).matchesTagsCode(42L));
        assertThrows(IllegalArgumentException.class, () -> SubscriptionData.ofTags("T", "||", 1L));
    }

    @Test
    void malformedBodiesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> HeartbeatData.decode(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> HeartbeatData.decode("{\"x\":1}".getBytes()));
        assertThrows(IllegalArgumentException.class, () -> HeartbeatData.decode(
            "{\"clientID\":\"c\",\"consumerDataSet\":[{\"groupName\":\"g\",\"messageModel\":\"NOPE\"}]}".getBytes()));
    }
}
