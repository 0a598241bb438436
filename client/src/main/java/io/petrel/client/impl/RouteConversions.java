package io.petrel.client.impl;

import io.petrel.client.impl.producer.TopicPublishInfo;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.BrokerData;
import io.petrel.common.route.QueueData;
import io.petrel.common.route.TopicRouteData;
import io.petrel.common.topic.PermName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns a topic route into the queues producers send to and consumers pull from, as 4.9.7 clients do. Stateless. */
public final class RouteConversions {
    private RouteConversions() {
    }

    /**
     * With an {@code orderTopicConf} ({@code "broker-a:4;broker-b:2"}): queues 0..n-1 of each listed broker, in the
     * listed order, and the result is an order topic. Otherwise: for each writable {@link QueueData}, sorted by
     * broker name, queues 0..writeQueueNums-1, provided the route lists a master (id 0) for that broker. The result
     * counts as having route information.
     *
     * @throws IllegalArgumentException when {@code orderTopicConf} is malformed
     */
    public static TopicPublishInfo toPublishInfo(String topic, TopicRouteData route) {
        String orderConf = route.orderTopicConf();
        if (orderConf != null && !orderConf.isEmpty()) {
            return new TopicPublishInfo(true, orderedQueues(topic, orderConf), route, true);
        }
        List<MessageQueue> queues = new ArrayList<>();
        List<QueueData> sorted = new ArrayList<>(route.queueDatas());
        sorted.sort(Comparator.comparing(QueueData::brokerName));
        for (QueueData qd : sorted) {
            if (PermName.isWriteable(qd.perm()) && hasMaster(route, qd.brokerName())) {
                for (int i = 0; i < qd.writeQueueNums(); i++) {
                    queues.add(new MessageQueue(topic, qd.brokerName(), i));
                }
            }
        }
        return new TopicPublishInfo(false, queues, route, true);
    }

    /** Queues 0..readQueueNums-1 of every readable {@link QueueData}, whether or not the broker has a master. */
    public static Set<MessageQueue> toSubscribeQueues(String topic, TopicRouteData route) {
        Set<MessageQueue> queues = new HashSet<>();
        for (QueueData qd : route.queueDatas()) {
            if (PermName.isReadable(qd.perm())) {
                for (int i = 0; i < qd.readQueueNums(); i++) {
                    queues.add(new MessageQueue(topic, qd.brokerName(), i));
                }
            }
        }
        return queues;
    }

    private static List<MessageQueue> orderedQueues(String topic, String orderConf) {
        List<MessageQueue> queues = new ArrayList<>();
        for (String entry : orderConf.split(";")) {
            String[] parts = entry.split(":");
            if (parts.length < 2) {
                throw new IllegalArgumentException("orderTopicConf entry must be brokerName:queueNums, got '" + entry
                    + "' in '" + orderConf + "'");
            }
            int nums;
            try {
                nums = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad queue count in orderTopicConf '" + orderConf + "'", e);
            }
            for (int i = 0; i < nums; i++) {
                queues.add(new MessageQueue(topic, parts[0], i));
            }
        }
        return queues;
    }

    /** The first {@link BrokerData} with that name decides, as in 4.9.7. */
    private static boolean hasMaster(TopicRouteData route, String brokerName) {
        for (BrokerData bd : route.brokerDatas()) {
            if (bd.brokerName().equals(brokerName)) {
                return bd.brokerAddrs().containsKey(BrokerData.MASTER_ID);
            }
        }
        return false;
    }
}
