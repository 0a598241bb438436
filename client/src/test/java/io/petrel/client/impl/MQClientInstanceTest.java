package io.petrel.client.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.client.impl.producer.TopicPublishInfo;
import io.petrel.common.heartbeat.ConsumeFromWhere;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.heartbeat.ConsumerData;
import io.petrel.common.heartbeat.HeartbeatData;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.BrokerData;
import io.petrel.common.route.QueueData;
import io.petrel.common.route.TopicRouteData;
import io.petrel.remoting.protocol.header.CheckTransactionStateRequestHeader;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class MQClientInstanceTest {
    private static final String A0 = "10.0.0.1:10911";
    private static final String A1 = "10.0.0.2:10911";
    private static final String B0 = "10.0.0.3:10911";

    /** A producer that only remembers the routes it is given. */
    static final class StubProducer implements MQProducerInner {
        final Map<String, TopicPublishInfo> routes = new ConcurrentHashMap<>();

        @Override
        public Set<String> getPublishTopicList() {
            return routes.keySet();
        }

        @Override
        public boolean isPublishTopicNeedUpdate(String topic) {
            return !routes.containsKey(topic);
        }

        @Override
        public void checkTransactionState(String addr, MessageExt msg, CheckTransactionStateRequestHeader header) {
        }

        @Override
        public void updateTopicPublishInfo(String topic, TopicPublishInfo info) {
            routes.put(topic, info);
        }

        @Override
        public boolean isUnitMode() {
            return false;
        }
    }

    record StubConsumer(String groupName, MessageModel messageModel, ConsumeType consumeType,
                        ConsumeFromWhere consumeFromWhere, Set<SubscriptionData> subscriptions, boolean isUnitMode,
                        Map<String, Set<MessageQueue>> routes) implements MQConsumerInner {
        StubConsumer(String group, MessageModel model, ConsumeType type, ConsumeFromWhere where,
                     Set<SubscriptionData> subs, boolean unit) {
            this(group, model, type, where, subs, unit, new ConcurrentHashMap<>());
        }

        @Override
        public void doRebalance() {
        }

        @Override
        public void persistConsumerOffset() {
        }

        @Override
        public void updateTopicSubscribeInfo(String topic, Set<MessageQueue> info) {
            routes.put(topic, info);
        }

        @Override
        public boolean isSubscribeTopicNeedUpdate(String topic) {
            return !routes.containsKey(topic);
        }
    }

    private static TopicRouteData route(Map<String, Map<Long, String>> brokers) {
        List<QueueData> qds = new java.util.ArrayList<>();
        List<BrokerData> bds = new java.util.ArrayList<>();
        brokers.forEach((name, addrs) -> {
            qds.add(new QueueData(name, 2, 2, 6, 0));
            bds.add(new BrokerData("DefaultCluster", name, new TreeMap<>(addrs)));
        });
        return new TopicRouteData(null, qds, bds, Map.of());
    }

    @Test
    void heartbeatOfANewInstanceIsEmpty() {
        HeartbeatData hb = new FakeClientInstance("10.0.0.9@1").heartbeatData();
        assertEquals("10.0.0.9@1", hb.clientID());
        assertTrue(hb.producerGroups().isEmpty());
        assertTrue(hb.consumerDataSet().isEmpty());
    }

    @Test
    void heartbeatNamesEveryProducerAndConsumer() {
        MQClientInstance instance = new FakeClientInstance("10.0.0.9@1");
        assertTrue(instance.registerProducer("PG1", new StubProducer()));
        assertTrue(instance.registerProducer("CLIENT_INNER_PRODUCER", new StubProducer()));
        assertFalse(instance.registerProducer("PG1", new StubProducer()), "one producer per group");

        Set<SubscriptionData> subs = new LinkedHashSet<>(List.of(SubscriptionData.ofTags("T", "a || b", 7),
            SubscriptionData.ofTags("%RETRY%CG1", "*", 8)));
        assertTrue(instance.registerConsumer("CG1", new StubConsumer("CG1", MessageModel.CLUSTERING,
            ConsumeType.CONSUME_PASSIVELY, ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, subs, false)));
        assertTrue(instance.registerConsumer("CG2", new StubConsumer("CG2", MessageModel.BROADCASTING,
            ConsumeType.CONSUME_ACTIVELY, ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, Set.of(), true)));
        assertFalse(instance.registerConsumer("CG1", new StubConsumer("CG1", MessageModel.CLUSTERING,
            ConsumeType.CONSUME_PASSIVELY, ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, Set.of(), false)));

        HeartbeatData hb = instance.heartbeatData();
        assertEquals("10.0.0.9@1", hb.clientID());
        assertEquals(Set.of("PG1", "CLIENT_INNER_PRODUCER"), Set.copyOf(hb.producerGroups()));
        assertEquals(2, hb.consumerDataSet().size());
        Map<String, ConsumerData> byGroup = new HashMap<>();
        hb.consumerDataSet().forEach(c -> byGroup.put(c.groupName(), c));
        ConsumerData cg1 = byGroup.get("CG1");
        assertEquals(MessageModel.CLUSTERING, cg1.messageModel());
        assertEquals(ConsumeType.CONSUME_PASSIVELY, cg1.consumeType());
        assertEquals(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, cg1.consumeFromWhere());
        assertFalse(cg1.unitMode());
        assertEquals(List.copyOf(subs), cg1.subscriptionDataSet());
        ConsumerData cg2 = byGroup.get("CG2");
        assertEquals(MessageModel.BROADCASTING, cg2.messageModel());
        assertEquals(ConsumeType.CONSUME_ACTIVELY, cg2.consumeType());
        assertEquals(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, cg2.consumeFromWhere());
        assertTrue(cg2.unitMode());
        assertTrue(cg2.subscriptionDataSet().isEmpty());

        // what the heartbeat says decodes to the same thing on the broker's side
        assertEquals(hb, HeartbeatData.decode(hb.encode()));

        instance.unregisterProducer("PG1");
        instance.unregisterConsumer("CG2");
        HeartbeatData after = instance.heartbeatData();
        assertEquals(List.of("CLIENT_INNER_PRODUCER"), after.producerGroups());
        assertEquals(List.of("CG1"), after.consumerDataSet().stream().map(ConsumerData::groupName).toList());
    }

    @Test
    void routeReachesProducersConsumersAndTheBrokerTable() {
        MQClientInstance instance = new FakeClientInstance("c");
        StubProducer producer = new StubProducer();
        StubConsumer consumer = new StubConsumer("CG", MessageModel.CLUSTERING, ConsumeType.CONSUME_PASSIVELY,
            ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, Set.of(), false);
        instance.registerProducer("PG", producer);
        instance.registerConsumer("CG", consumer);
        instance.applyRoute("T", route(Map.of("broker-a", Map.of(0L, A0, 1L, A1))));

        assertEquals(2, producer.routes.get("T").getMessageQueueList().size());
        assertEquals(Set.of(new MessageQueue("T", "broker-a", 0), new MessageQueue("T", "broker-a", 1)),
            consumer.routes().get("T"));
        assertEquals(A0, instance.findBrokerAddressInPublish("broker-a"));
        FindBrokerResult slave = instance.findBrokerAddressInSubscribe("broker-a", 1, true);
        assertEquals(A1, slave.brokerAddr());
        assertTrue(slave.slave());
        assertNull(instance.findBrokerAddressInSubscribe("broker-a", 2, true));
        assertEquals(A0, instance.findBrokerAddressInSubscribe("broker-a", 2, false).brokerAddr(),
            "any address of the broker when that id is not there");
        assertNull(instance.findBrokerAddressInSubscribe("broker-z", 0, false));
        assertEquals(A0, instance.findBrokerAddrByTopic("T"));
    }

    @Test
    void cleanOfflineBrokerDropsWhatNoRouteMentions() {
        MQClientInstance instance = new FakeClientInstance("c");
        instance.applyRoute("T1", route(Map.of("broker-a", Map.of(0L, A0))));
        instance.applyRoute("T2", route(Map.of("broker-a", Map.of(0L, A0, 1L, A1), "broker-b", Map.of(0L, B0))));
        instance.cleanOfflineBroker();
        assertEquals(A1, instance.findBrokerAddressInSubscribe("broker-a", 1, true).brokerAddr(), "still routed");
        assertEquals(B0, instance.findBrokerAddressInPublish("broker-b"));

        // T2 moves away from both brokers: broker-b is mentioned by no route, broker-a's slave neither
        instance.applyRoute("T2", route(Map.of("broker-c", Map.of(0L, "10.0.0.4:10911"))));
        assertEquals(B0, instance.findBrokerAddressInPublish("broker-b"), "not before the cleanup");
        instance.cleanOfflineBroker();
        assertNull(instance.findBrokerAddressInPublish("broker-b"));
        assertNull(instance.findBrokerAddressInSubscribe("broker-b", 0, false));
        assertNull(instance.findBrokerAddressInSubscribe("broker-a", 1, true), "the slave address is gone");
        assertEquals(A0, instance.findBrokerAddressInPublish("broker-a"), "the master is still in T1's route");
        assertEquals("10.0.0.4:10911", instance.findBrokerAddressInPublish("broker-c"));
    }
}
