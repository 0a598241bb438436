package io.petrel.client.producer.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.petrel.client.compat.Official;
import io.petrel.common.message.Message;
import io.petrel.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectorsTest {
    private static List<MessageQueue> queues(int n) {
        List<MessageQueue> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new MessageQueue("T", "b" + i % 2, i));
        }
        return out;
    }

    @Test
    void hashPicksTheSameQueueAsTheOfficialSelector() {
        var official = new org.apache.rocketmq.client.producer.selector.SelectMessageQueueByHash();
        SelectMessageQueueByHash petrel = new SelectMessageQueueByHash();
        Random random = new Random(3);
        for (int round = 0; round < 500; round++) {
            List<MessageQueue> mqs = queues(1 + random.nextInt(16));
            Object arg = switch (round % 3) {
                case 0 -> random.nextInt();
                case 1 -> "order-" + random.nextLong();
                default -> random.nextLong();
            };
            MessageQueue expected = Official.petrel(official.select(Official.queues(mqs), null, arg));
            assertEquals(expected, petrel.select(mqs, new Message("T", new byte[1]), arg), "arg " + arg);
        }
    }

    @Test
    void hashOfANegativeArgumentStaysInRange() {
        List<MessageQueue> mqs = queues(4);
        assertEquals(mqs.get(3), new SelectMessageQueueByHash().select(mqs, null, -7));
        assertEquals(mqs.get(0), new SelectMessageQueueByHash().select(mqs, null, Integer.MIN_VALUE));
    }

    @Test
    void randomReachesEveryQueue() {
        List<MessageQueue> mqs = queues(4);
        SelectMessageQueueByRandom selector = new SelectMessageQueueByRandom();
        Set<MessageQueue> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(selector.select(mqs, null, null));
        }
        assertEquals(new HashSet<>(mqs), seen);
    }
}
