package io.petrel.common.route;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.petrel.common.topic.TopicConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;

class RegisterBrokerBodyTest {
    @Test
    void plainBodyRoundTripsByteForByteWithItsChecksum() {
        byte[] golden = Vectors.bytes("json/register_broker_body.json");
        RegisterBrokerBody body = RegisterBrokerBody.decode(golden, false);
        TopicConfigSerializeWrapper w = body.topicConfigSerializeWrapper();
        assertEquals(new DataVersion(1700000000000L, 5), w.dataVersion());
        assertEquals(List.of("GV_TOPIC", "%RETRY%GV_CG", "TBW102"), List.copyOf(w.topicConfigTable().keySet()));
        assertEquals(TopicConfig.of("TBW102", 8, 8, 7), w.topicConfigTable().get("TBW102"));
        assertEquals(Vectors.text(golden), Vectors.text(body.encode(false)));
        assertEquals(1908661050, BodyChecksum.crc32(golden));
    }

    @Test
    void wrapperAloneMatchesItsVector() {
        byte[] golden = Vectors.bytes("json/topic_config_wrapper.json");
        assertEquals(Vectors.text(golden), Vectors.text(TopicConfigSerializeWrapper.decode(golden).encode()));
    }

    @Test
    void liveRegistrationsRoundTrip() {
        for (String f : new String[] {"live/register_broker_body_boot.json", "live/register_broker_body_topic_update.json"}) {
            byte[] golden = Vectors.bytes(f);
            assertEquals(Vectors.text(golden), Vectors.text(RegisterBrokerBody.decode(golden, false).encode(false)), f);
        }
    }

    @Test
    void bareTopicTableOfOldBrokersIsAccepted() {
        RegisterBrokerBody body = RegisterBrokerBody.decode(Vectors.bytes("json/topic_config_wrapper.json"), false);
        assertEquals(3, body.topicConfigSerializeWrapper().topicConfigTable().size());
        assertEquals(new DataVersion(1700000000000L, 5), body.topicConfigSerializeWrapper().dataVersion());
    }

    @Test
    void compressedBodyDecodesAndReencodesIdentically() throws IOException {
        byte[] golden = Vectors.hex("json/register_broker_body_compressed.hex");
        assertEquals(1276870009, BodyChecksum.crc32(golden));
        RegisterBrokerBody body = RegisterBrokerBody.decode(golden, true);
        assertEquals(List.of("GV_TOPIC", "TBW102", "%RETRY%GV_CG"),
            List.copyOf(body.topicConfigSerializeWrapper().topicConfigTable().keySet()));
        assertEquals(new DataVersion(1700000000000L, 5), body.topicConfigSerializeWrapper().dataVersion());
        byte[] again = body.encode(true);
        assertArrayEquals(Vectors.hex("json/register_broker_body_compressed.inflated.hex"), inflate(again));
        assertArrayEquals(golden, again);
    }

    @Test
    void compactTextDropsSysFlagAndOrder() {
        TopicConfig c = TopicConfig.of("T", 2, 3, 6).withTopicSysFlag(1).withOrder(true);
        assertEquals("T 2 3 6 SINGLE_TAG", RegisterBrokerBody.compactText(c));
        assertEquals(TopicConfig.of("T", 2, 3, 6), RegisterBrokerBody.parseCompactText("T 2 3 6 SINGLE_TAG"));
    }

    @Test
    void refusesGarbageInBothForms() {
        assertThrows(IllegalArgumentException.class, () -> RegisterBrokerBody.decode("not json".getBytes(), false));
        assertThrows(IllegalArgumentException.class,
            () -> RegisterBrokerBody.decode("{\"topicConfigSerializeWrapper\":{\"topicConfigTable\":{\"T\":5}}}".getBytes(), false));
        assertThrows(IllegalArgumentException.class, () -> RegisterBrokerBody.decode("not zlib".getBytes(), true));
        byte[] truncated = java.util.Arrays.copyOf(Vectors.hex("json/register_broker_body_compressed.hex"), 40);
        assertThrows(IllegalArgumentException.class, () -> RegisterBrokerBody.decode(truncated, true));
    }

    @Test
    void emptyTableEncodesBothWays() {
        RegisterBrokerBody body = new RegisterBrokerBody(new TopicConfigSerializeWrapper(Map.of(), DataVersion.ZERO),
            List.of());
        assertEquals("{\"filterServerList\":[],\"topicConfigSerializeWrapper\":{\"dataVersion\":{\"counter\":0,"
            + "\"timestamp\":0},\"topicConfigTable\":{}}}", Vectors.text(body.encode(false)));
        assertEquals(body, RegisterBrokerBody.decode(body.encode(true), true));
    }

    private static byte[] inflate(byte[] z) throws IOException {
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(z))) {
            return in.readAllBytes();
        }
    }
}
