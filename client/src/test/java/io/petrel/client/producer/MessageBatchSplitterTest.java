package io.petrel.client.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.message.Message;
import io.petrel.common.message.MessageBatch;
import io.petrel.common.message.MessageClientIds;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageBatchSplitterTest {
    private static Message sized(int bodyBytes) {
        Message m = new Message("T", "Tag", new byte[bodyBytes]);
        MessageClientIds.setUniqId(m);
        return m;
    }

    @Test
    void cutsWhereTheNextMessageWouldNotFit() {
        List<Message> messages = List.of(sized(100), sized(100), sized(100), sized(100), sized(100));
        int one = MessageBatch.encodedItemSize(messages.get(0));
        MessageBatchSplitter splitter = new MessageBatchSplitter(messages, 2 * one);
        List<List<Message>> parts = new ArrayList<>();
        while (splitter.hasNext()) {
            parts.add(splitter.next());
        }
        assertEquals(List.of(messages.subList(0, 2), messages.subList(2, 4), messages.subList(4, 5)), parts);
        assertThrows(NoSuchElementException.class, splitter::next);
    }

    @Test
    void limitIsInclusive() {
        List<Message> messages = List.of(sized(10), sized(20));
        int total = MessageBatch.encodedItemSize(messages.get(0)) + MessageBatch.encodedItemSize(messages.get(1));
        assertEquals(List.of(messages), collect(new MessageBatchSplitter(messages, total)));
        assertEquals(2, collect(new MessageBatchSplitter(messages, total - 1)).size());
    }

    @Test
    void aSingleOversizeMessageFailsUpFront() {
        List<Message> messages = List.of(sized(10), sized(5000), sized(10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new MessageBatchSplitter(messages, 4096));
        assertTrue(e.getMessage().contains("message 1"), e.getMessage());
    }

    @Test
    void reservesRoomForTheUniqueIdTheProducerAdds() {
        Message plain = new Message("T", "Tag", new byte[50]);
        int before = MessageBatchSplitter.sizeOnSend(plain);
        MessageClientIds.setUniqId(plain);
        assertEquals(MessageBatch.encodedItemSize(plain), before);
        Message bare = new Message();
        bare.setTopic("T");
        bare.setBody(new byte[3]);
        int bareBefore = MessageBatchSplitter.sizeOnSend(bare);
        MessageClientIds.setUniqId(bare);
        assertEquals(MessageBatch.encodedItemSize(bare), bareBefore);
    }

    @Test
    void everyPartEncodesWithinTheLimitAfterIdsAreSet() {
        Random random = new Random(17);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            messages.add(new Message("T", "Tag" + i, "key" + i, new byte[random.nextInt(3000)]));
        }
        int limit = 20_000;
        int count = 0;
        for (List<Message> part : new MessageBatchSplitter(messages, limit)) {
            part.forEach(MessageClientIds::setUniqId);
            int bytes = MessageBatch.generateFromList(part).encode().length;
            assertTrue(bytes <= limit, bytes + " bytes");
            count += part.size();
        }
        assertEquals(messages.size(), count);
    }

    @Test
    void forEachStartsAFreshPass() {
        List<Message> messages = List.of(sized(1), sized(1));
        MessageBatchSplitter splitter = MessageBatchSplitter.of(messages);
        assertEquals(List.of(messages), collect(splitter));
        assertEquals(List.of(messages), collect(splitter));
        assertTrue(splitter.hasNext());
        splitter.next();
        assertFalse(splitter.hasNext());
        assertFalse(MessageBatchSplitter.of(List.of()).hasNext());
    }

    private static List<List<Message>> collect(Iterable<List<Message>> splitter) {
        List<List<Message>> out = new ArrayList<>();
        splitter.forEach(out::add);
        return out;
    }
}
