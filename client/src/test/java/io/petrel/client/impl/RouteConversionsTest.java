package io.petrel.client.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.client.compat.Official;
import io.petrel.client.impl.producer.TopicPublishInfo;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.BrokerData;
import io.petrel.common.route.QueueData;
import io.petrel.common.route.TopicRouteData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.junit.jupiter.api.Test;

class RouteConversionsTest {
    private static BrokerData broker(String name, long... ids) {
        TreeMap<Long, String> addrs = new TreeMap<>();
        for (long id : ids) {
            addrs.put(id, "10.0.0." + (id + 1) + ":10911");
        }
        return new BrokerData("c", name, addrs);
    }

    private static MessageQueue mq(String broker, int id) {
        return new MessageQueue("T", broker, id);
    }

    @Test
    void writableQueuesOfBrokersWithAMasterSortedByBroker() {
        TopicRouteData route = new TopicRouteData(null,
            List.of(new QueueData("b", 4, 2, 6, 0), new QueueData("a", 1, 1, 6, 0),
                new QueueData("noMaster", 2, 2, 6, 0), new QueueData("readOnly", 2, 2, 4, 0),
                new QueueData("unlisted", 2, 2, 6, 0)),
            List.of(broker("a", 0, 1), broker("b", 0), broker("noMaster", 1, 2), broker("readOnly", 0)), Map.of());
        TopicPublishInfo info = RouteConversions.toPublishInfo("T", route);
        assertEquals(List.of(mq("a", 0), mq("b", 0), mq("b", 1)), info.getMessageQueueList());
        assertFalse(info.isOrderTopic());
        assertTrue(info.isHaveTopicRouterInfo());
        assertEquals(route, info.getTopicRouteData());
        assertEquals("b", route.queueDatas().get(0).brokerName(), "the route itself is left unsorted");
    }

    @Test
    void orderTopicConfListsQueuesInItsOwnOrder() {
        TopicRouteData route = new TopicRouteData("b:2;a:1", List.of(new QueueData("a", 8, 8, 4, 0)), List.of(),
            Map.of());
        TopicPublishInfo info = RouteConversions.toPublishInfo("T", route);
        assertTrue(info.isOrderTopic());
        assertEquals(List.of(mq("b", 0), mq("b", 1), mq("a", 0)), info.getMessageQueueList());
        assertThrows(IllegalArgumentException.class,
            () -> RouteConversions.toPublishInfo("T", route.withOrderTopicConf("a")));
        assertThrows(IllegalArgumentException.class,
            () -> RouteConversions.toPublishInfo("T", route.withOrderTopicConf("a:x")));
    }

    @Test
    void nothingToSendToWithoutMastersOrWritePermission() {
        TopicRouteData route = new TopicRouteData(null,
            List.of(new QueueData("a", 4, 4, 4, 0), new QueueData("b", 4, 4, 6, 0)),
            List.of(broker("a", 0), broker("b", 1)), Map.of());
        assertFalse(RouteConversions.toPublishInfo("T", route).ok());
        assertEquals(Set.of(mq("a", 0), mq("a", 1), mq("a", 2), mq("a", 3), mq("b", 0), mq("b", 1), mq("b", 2),
            mq("b", 3)), RouteConversions.toSubscribeQueues("T", route));
    }

    @Test
    void subscribeQueuesAreTheReadableOnes() {
        TopicRouteData route = new TopicRouteData(null,
            List.of(new QueueData("a", 2, 8, 6, 0), new QueueData("w", 2, 2, 2, 0), new QueueData("none", 0, 2, 6, 0)),
            List.of(), Map.of());
        assertEquals(Set.of(mq("a", 0), mq("a", 1)), RouteConversions.toSubscribeQueues("T", route));
    }

    @Test
    void randomRoutesConvertAsTheOfficialClientConvertsThem() {
        long seed = 5150L;
        Random random = new Random(seed);
        for (int round = 0; round < 300; round++) {
            TopicRouteData route = randomRoute(random);
            var officialPublish = MQClientInstance.topicRouteData2TopicPublishInfo("T", Official.route(route));
            TopicPublishInfo petrel = RouteConversions.toPublishInfo("T", route);
            String what = "seed " + seed + " round " + round + " " + route;
            assertEquals(Official.petrel(officialPublish.getMessageQueueList()), petrel.getMessageQueueList(), what);
            assertEquals(officialPublish.isOrderTopic(), petrel.isOrderTopic(), what);
            var officialSubscribe = MQClientInstance.topicRouteData2TopicSubscribeInfo("T", Official.route(route));
            assertEquals(new HashSet<>(Official.petrel(officialSubscribe)), RouteConversions.toSubscribeQueues("T", route),
                what);
        }
    }

    private static TopicRouteData randomRoute(Random random) {
        List<String> names = List.of("b0", "b1", "b2", "b3", "b4");
        List<QueueData> queues = new ArrayList<>();
        for (int i = random.nextInt(7); i > 0; i--) {
            queues.add(new QueueData(names.get(random.nextInt(names.size())), random.nextInt(9), random.nextInt(9),
                random.nextInt(8), 0));
        }
        List<BrokerData> brokers = new ArrayList<>();
        for (int i = random.nextInt(7); i > 0; i--) {
            brokers.add(random.nextBoolean() ? broker(names.get(random.nextInt(names.size())), 0, 1)
                : broker(names.get(random.nextInt(names.size())), 1));
        }
        String order = null;
        if (random.nextInt(5) == 0) {
            order = names.get(random.nextInt(5)) + ":" + random.nextInt(5) + ";" + names.get(random.nextInt(5)) + ":"
                + random.nextInt(5);
        }
        return new TopicRouteData(order, queues, brokers, Map.of());
    }
}
