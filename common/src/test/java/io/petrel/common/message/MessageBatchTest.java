package io.petrel.common.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageBatchTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The two M4 messages of the vector README, built with the same calls and pinned ids. */
    private static List<Message> vectorMessages() {
        List<Message> list = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Message m = new Message("GV_TOPIC", "TagA", "bk" + i, utf8("batch-" + i));
            m.putProperty(MessageProperties.UNIQ_KEY, "C0A8010A12341B6D35863B9ACA00000" + (char) ('B' + i));
            list.add(m);
        }
        return list;
    }

    @Test
    void encodesTheGoldenBatchBody() {
        List<Message> messages = vectorMessages();
        for (Message m : messages) {
            // The vector's properties are in the order a 4.9.7 HashMap iterates them; order carries no meaning.
            Map<String, String> ordered = new LinkedHashMap<>();
            for (String name : List.of("KEYS", "UNIQ_KEY", "WAIT", "TAGS")) {
                ordered.put(name, m.getProperty(name));
            }
            m.setProperties(ordered);
        }
        byte[] body = MessageBatch.generateFromList(messages).encode();
        assertArrayEquals(Vectors.hex("batch_wire_body.hex"), body);
    }

    @Test
    void itemsCarryEachMessagesOwnFlagBodyAndProperties() {
        List<Message> messages = vectorMessages();
        messages.get(1).setFlag(9);
        MessageBatch batch = MessageBatch.generateFromList(messages);
        List<MessageBatchCodec.Item> items = MessageBatchCodec.decode(ByteBuffer.wrap(batch.encode()));
        List<MessageBatchCodec.Item> golden = MessageBatchCodec.decode(ByteBuffer.wrap(Vectors.hex("batch_wire_body.hex")));
        assertEquals(2, items.size());
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(golden.get(i).body(), items.get(i).body());
            assertEquals(PropertiesCodec.decode(golden.get(i).properties()), PropertiesCodec.decode(items.get(i).properties()));
        }
        assertEquals(0, items.get(0).flag());
        assertEquals(9, items.get(1).flag());
    }

    @Test
    void batchTakesTopicAndWaitFromItsMessages() {
        List<Message> messages = vectorMessages();
        for (Message m : messages) {
            m.setWaitStoreMsgOK(false);
        }
        MessageBatch batch = MessageBatch.generateFromList(messages);
        assertEquals("GV_TOPIC", batch.getTopic());
        assertEquals(Map.of("WAIT", "false"), batch.getProperties());
        assertFalse(batch.isWaitStoreMsgOK());
        assertEquals(messages, batch.getMessages());
        List<Message> iterated = new ArrayList<>();
        batch.forEach(iterated::add);
        assertEquals(messages, iterated);
        assertThrows(UnsupportedOperationException.class, () -> batch.getMessages().add(new Message()));
    }

    @Test
    void encodedItemSizesAddUpToTheBody() {
        MessageBatch batch = MessageBatch.generateFromList(vectorMessages());
        int sum = 0;
        for (Message m : batch) {
            sum += MessageBatch.encodedItemSize(m);
        }
        assertEquals(99 * 2, sum);
        assertEquals(sum, batch.encode().length);
    }

    @Test
    void refusesWhat4_9_7Refuses() {
        Message delayed = new Message("T", "a", utf8("x"));
        delayed.setDelayTimeLevel(3);
        assertRefused("TimeDelayLevel is not supported for batching", new Message("T", "a", utf8("x")), delayed);
        assertRefused("Retry Group is not supported for batching", new Message("%RETRY%g", "a", utf8("x")));
        assertRefused("The topic of the messages in one batch should be the same",
            new Message("T", "a", utf8("x")), new Message("U", "a", utf8("x")));
        Message noWait = new Message("T", "a", utf8("x"));
        noWait.setWaitStoreMsgOK(false);
        assertRefused("The waitStoreMsgOK of the messages in one batch should the same",
            new Message("T", "a", utf8("x")), noWait);
        assertThrows(IllegalArgumentException.class, () -> MessageBatch.generateFromList(List.of()));
    }

    @Test
    void refusesPropertiesThatDoNotFitTheLengthField() {
        Message big = new Message("T", "a", utf8("x"));
        big.putUserProperty("big", "v".repeat(Short.MAX_VALUE));
        MessageBatch batch = MessageBatch.generateFromList(List.of(big));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, batch::encode);
        assertTrue(e.getMessage().contains("batch message 0"), e.getMessage());
    }

    private static void assertRefused(String message, Message... messages) {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
            () -> MessageBatch.generateFromList(List.of(messages)));
        assertEquals(message, e.getMessage());
    }
}
