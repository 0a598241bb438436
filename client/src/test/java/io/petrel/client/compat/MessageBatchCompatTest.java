package io.petrel.client.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.petrel.common.message.Message;
import io.petrel.common.message.MessageBatch;
import io.petrel.common.message.MessageClientIds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Petrel's batch body equals the official MessageBatch.encode() for the same messages. */
class MessageBatchCompatTest {
    @Test
    void randomBatchesEncodeToTheOfficialBytes() {
        long seed = 4242L;
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            List<Message> petrel = new ArrayList<>();
            List<org.apache.rocketmq.common.message.Message> official = new ArrayList<>();
            int count = 1 + random.nextInt(8);
            for (int i = 0; i < count; i++) {
                Message m = randomMessage(random);
                petrel.add(m);
                official.add(Official.message(m));
            }
            byte[] expected = org.apache.rocketmq.common.message.MessageBatch.generateFromList(official).encode();
            assertArrayEquals(expected, MessageBatch.generateFromList(petrel).encode(), "seed " + seed + " round " + round);
        }
    }

    @Test
    void refusalsReadTheSame() {
        List<List<Message>> bad = new ArrayList<>();
        Message delayed = new Message("T", "a", new byte[1]);
        delayed.setDelayTimeLevel(1);
        bad.add(List.of(new Message("T", "a", new byte[1]), delayed));
        bad.add(List.of(new Message("%RETRY%G", "a", new byte[1])));
        bad.add(List.of(new Message("T", "a", new byte[1]), new Message("U", "a", new byte[1])));
        Message noWait = new Message("T", "a", new byte[1]);
        noWait.setWaitStoreMsgOK(false);
        bad.add(List.of(new Message("T", "a", new byte[1]), noWait));
        for (List<Message> list : bad) {
            List<org.apache.rocketmq.common.message.Message> official = new ArrayList<>();
            list.forEach(m -> official.add(Official.message(m)));
            UnsupportedOperationException expected = assertThrows(UnsupportedOperationException.class,
                () -> org.apache.rocketmq.common.message.MessageBatch.generateFromList(official));
            UnsupportedOperationException actual = assertThrows(UnsupportedOperationException.class,
                () -> MessageBatch.generateFromList(list));
            assertEquals(expected.getMessage(), actual.getMessage());
        }
    }

    @Test
    void batchPropertiesMatch() {
        List<Message> list = List.of(new Message("T", "a", "k", new byte[3]), new Message("T", null, new byte[2]));
        List<org.apache.rocketmq.common.message.Message> official = new ArrayList<>();
        list.forEach(m -> official.add(Official.message(m)));
        var expected = org.apache.rocketmq.common.message.MessageBatch.generateFromList(official);
        MessageBatch actual = MessageBatch.generateFromList(list);
        assertEquals(expected.getTopic(), actual.getTopic());
        assertEquals(expected.getProperties(), actual.getProperties());
    }

    private static Message randomMessage(Random random) {
        byte[] body = new byte[random.nextInt(300)];
        random.nextBytes(body);
        String tags = random.nextBoolean() ? "Tag" + random.nextInt(5) : null;
        String keys = random.nextBoolean() ? "k" + random.nextInt(100) + " k" + random.nextInt(100) : "";
        Message m = new Message("BATCH_T", tags, keys, random.nextInt(), body, true);
        for (int p = random.nextInt(4); p > 0; p--) {
            m.putUserProperty("p" + random.nextInt(1000), "välue-" + random.nextInt() + "\u4e2d");
        }
        if (random.nextBoolean()) {
            MessageClientIds.setUniqId(m);
        }
        return m;
    }

    @Test
    void utf8PropertiesAreCountedInBytes() {
        Message m = new Message("T", "标签", "键", "体".getBytes(StandardCharsets.UTF_8));
        byte[] expected = org.apache.rocketmq.common.message.MessageBatch.generateFromList(List.of(Official.message(m)))
            .encode();
        byte[] actual = MessageBatch.generateFromList(List.of(m)).encode();
        assertArrayEquals(expected, actual);
        assertEquals(expected.length, MessageBatch.encodedItemSize(m));
    }
}
