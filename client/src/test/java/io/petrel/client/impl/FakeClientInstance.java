package io.petrel.client.impl;

import io.petrel.client.ClientConfig;
import io.petrel.common.route.BrokerData;
import io.petrel.common.route.QueueData;
import io.petrel.common.route.TopicRouteData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client instance that is never started and reaches no NameServer or broker: routes are given by the test, every
 * broker request goes to a {@link RecordingClientAPI}, and the group's client ids are a settable list.
 */
public class FakeClientInstance extends MQClientInstance {
    private final RecordingClientAPI api = new RecordingClientAPI();
    private volatile List<String> consumerIds = List.of();
    private volatile int routeLookups;

    public FakeClientInstance(String clientId) {
        super(new ClientConfig(), 0, clientId, null);
    }

    /** Installs {@code topic}'s route as if the NameServer had returned it. */
    public FakeClientInstance withRoute(String topic, TopicRouteData route) {
        applyRoute(topic, route);
        return this;
    }

    public FakeClientInstance withConsumerIds(List<String> ids) {
        consumerIds = ids == null ? null : List.copyOf(ids);
        return this;
    }

    /** {@code queues} queues on each named broker, whose master is 127.0.0.1:(10911 + 100 * index). */
    public static TopicRouteData route(int queues, String... brokerNames) {
        List<QueueData> qds = new ArrayList<>();
        List<BrokerData> bds = new ArrayList<>();
        for (int i = 0; i < brokerNames.length; i++) {
            qds.add(new QueueData(brokerNames[i], queues, queues, 6, 0));
            bds.add(new BrokerData("DefaultCluster", brokerNames[i],
                new TreeMap<>(Map.of(0L, "127.0.0.1:" + (10911 + 100 * i)))));
        }
        return new TopicRouteData(null, qds, bds, Map.of());
    }

    public RecordingClientAPI api() {
        return api;
    }

    public int routeLookups() {
        return routeLookups;
    }

    @Override
    public MQClientAPI getMQClientAPIImpl() {
        return api;
    }

    @Override
    public List<String> findConsumerIdList(String topic, String group) {
        return consumerIds;
    }

    @Override
    public boolean updateTopicRouteInfoFromNameServer(String topic) {
        routeLookups++;
        return false;
    }

    @Override
    public boolean updateTopicRouteInfoFromNameServer(String topic, boolean useDefaultTopic, int defaultQueueNums) {
        routeLookups++;
        return false;
    }
}
