package io.petrel.client.impl.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.client.common.ThreadLocalIndex;
import io.petrel.client.compat.Official;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.QueueData;
import io.petrel.common.route.TopicRouteData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopicPublishInfoTest {
    private static final List<MessageQueue> QUEUES = List.of(mq("a", 0), mq("a", 1), mq("b", 0), mq("b", 1), mq("c", 0));
    private static final TopicRouteData ROUTE = new TopicRouteData(null,
        List.of(new QueueData("a", 4, 2, 6, 0), new QueueData("b", 4, 2, 6, 0), new QueueData("c", 1, 1, 6, 0)),
        List.of(), Map.of());

    private static MessageQueue mq(String broker, int id) {
        return new MessageQueue("T", broker, id);
    }

    private static TopicPublishInfo info(int start) {
        return new TopicPublishInfo(false, QUEUES, ROUTE, true, new ThreadLocalIndex(() -> start));
    }

    @Test
    void roundRobinFromTheThreadsStartingPoint() {
        TopicPublishInfo info = info(2);
        List<MessageQueue> picked = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            picked.add(info.selectOneMessageQueue());
        }
        assertEquals(List.of(mq("b", 1), mq("c", 0), mq("a", 0), mq("a", 1), mq("b", 0), mq("b", 1)), picked);
    }

    @Test
    void avoidsTheLastBroker() {
        TopicPublishInfo info = info(0);
        assertEquals(mq("b", 0), info.selectOneMessageQueue("a"));
        assertEquals(mq("c", 0), info.selectOneMessageQueue("b"));
        assertEquals(mq("a", 0), info.selectOneMessageQueue(null));
        assertEquals(mq("a", 1), info.selectOneMessageQueue("zzz"));
    }

    @Test
    void fallsBackWhenEveryQueueIsOnTheLastBroker() {
        TopicPublishInfo info = new TopicPublishInfo(false, List.of(mq("a", 0), mq("a", 1)), ROUTE, true,
            new ThreadLocalIndex(() -> 0));
        assertEquals(mq("a", 1), info.selectOneMessageQueue("a"));
    }

    @Test
    void emptyPlaceholder() {
        TopicPublishInfo empty = TopicPublishInfo.empty();
        assertFalse(empty.ok());
        assertFalse(empty.isHaveTopicRouterInfo());
        assertFalse(empty.isOrderTopic());
        assertNull(empty.getTopicRouteData());
        assertNull(empty.selectOneMessageQueue());
        assertNull(empty.selectOneMessageQueue("a"));
        assertEquals(-1, empty.getQueueIdByBroker("a"));
    }

    @Test
    void writeQueueCountByBroker() {
        TopicPublishInfo info = info(0);
        assertTrue(info.ok());
        assertEquals(2, info.getQueueIdByBroker("a"));
        assertEquals(1, info.getQueueIdByBroker("c"));
        assertEquals(-1, info.getQueueIdByBroker("d"));
        assertEquals(-1, info.getQueueIdByBroker(null));
    }

    @Test
    void followsTheSameSequenceAsTheOfficialClass() {
        var official = new org.apache.rocketmq.client.impl.producer.TopicPublishInfo();
        official.setMessageQueueList(new ArrayList<>(Official.queues(QUEUES)));
        int first = QUEUES.indexOf(Official.petrel(official.selectOneMessageQueue()));
        TopicPublishInfo petrel = info(first - 1 + QUEUES.size());
        assertEquals(QUEUES.get(first), petrel.selectOneMessageQueue());
        Random random = new Random(11);
        String[] brokers = {null, "a", "b", "c", "x"};
        for (int i = 0; i < 200; i++) {
            String last = brokers[random.nextInt(brokers.length)];
            assertEquals(Official.petrel(official.selectOneMessageQueue(last)), petrel.selectOneMessageQueue(last),
                "call " + i + " last " + last);
        }
    }
}
