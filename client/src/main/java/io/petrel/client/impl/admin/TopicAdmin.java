package io.petrel.client.impl.admin;

import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.exception.MQClientException;
import io.petrel.common.body.GroupList;
import io.petrel.common.body.QueueTimeSpan;
import io.petrel.common.body.TopicOffset;
import io.petrel.common.body.TopicStatsTable;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.BrokerData;
import io.petrel.common.route.ClusterInfo;
import io.petrel.common.route.TopicConfigSerializeWrapper;
import io.petrel.common.route.TopicList;
import io.petrel.common.route.TopicRouteData;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.topic.TopicValidator;
import io.petrel.remoting.exception.RemotingException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Topic-wide admin operations that ask several servers and merge their answers, with 4.9.7's choice of servers:
 * per-broker questions go to each broker of the topic's route (master preferred), NameServer writes to every
 * NameServer. Thread-safe.
 */
public final class TopicAdmin {
    /** The KV namespace of order-topic queue layouts, {@code topic → brokerName:queueNums[;…]}. */
    public static final String ORDER_TOPIC_CONFIG = "ORDER_TOPIC_CONFIG";

    private final AdminRemoting remoting;
    private final long timeoutMillis;
    private final RandomGenerator random;

    public TopicAdmin(AdminRemoting remoting, long timeoutMillis, RandomGenerator random) {
        this.remoting = remoting;
        this.timeoutMillis = timeoutMillis;
        this.random = random;
    }

    public TopicRouteData examineTopicRouteInfo(String topic)
        throws RemotingException, MQClientException, InterruptedException {
        return remoting.getTopicRouteInfo(topic, timeoutMillis);
    }

    /** Every queue's offsets, from each broker of the route; no queue at all is an error. */
    public TopicStatsTable examineTopicStats(String topic)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        Map<MessageQueue, TopicOffset> merged = new LinkedHashMap<>();
        for (BrokerData broker : examineTopicRouteInfo(topic).brokerDatas()) {
            String addr = BrokerAddrs.select(broker, random);
            if (addr != null) {
                merged.putAll(remoting.getTopicStatsInfo(addr, topic, timeoutMillis).offsetTable());
            }
        }
        if (merged.isEmpty()) {
            throw new MQClientException("Not found the topic stats info", null);
        }
        return new TopicStatsTable(merged);
    }

    /** @return the broker's configuration of {@code topic}, null when it has none */
    public TopicConfig examineTopicConfig(String addr, String topic)
        throws RemotingException, InterruptedException, MQBrokerException {
        return remoting.getAllTopicConfig(addr, timeoutMillis).topicConfigTable().get(topic);
    }

    /**
     * The broker's topics without its system topics and, unless {@code specialTopic}, without retry and
     * dead-letter topics.
     */
    public TopicConfigSerializeWrapper getUserTopicConfig(String addr, boolean specialTopic, long timeoutMillis)
        throws InterruptedException, RemotingException, MQBrokerException, MQClientException {
        TopicConfigSerializeWrapper all = remoting.getAllTopicConfig(addr, timeoutMillis);
        Set<String> system = new HashSet<>(remoting.getSystemTopicListFromBroker(addr, timeoutMillis).topicList());
        Map<String, TopicConfig> user = new LinkedHashMap<>(all.topicConfigTable());
        user.keySet().removeIf(topic -> system.contains(topic) || !specialTopic
            && (topic.startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX)
            || topic.startsWith(TopicValidator.DLQ_GROUP_TOPIC_PREFIX)));
        return new TopicConfigSerializeWrapper(user, all.dataVersion());
    }

    /** The clusters that hold the first broker of the topic's route. */
    public Set<String> getTopicClusterList(String topic)
        throws InterruptedException, MQBrokerException, MQClientException, RemotingException {
        ClusterInfo clusters = remoting.getBrokerClusterInfo(timeoutMillis);
        List<BrokerData> brokers = examineTopicRouteInfo(topic).brokerDatas();
        Set<String> result = new LinkedHashSet<>();
        if (brokers.isEmpty()) {
            return result;
        }
        String brokerName = brokers.get(0).brokerName();
        clusters.clusterAddrTable().forEach((cluster, names) -> {
            if (names.contains(brokerName)) {
                result.add(cluster);
            }
        });
        return result;
    }

    /** The groups with offsets for the topic, as the first broker of its route knows them; null without one. */
    public GroupList queryTopicConsumeByWho(String topic)
        throws InterruptedException, MQBrokerException, RemotingException, MQClientException {
        List<BrokerData> brokers = examineTopicRouteInfo(topic).brokerDatas();
        String addr = brokers.isEmpty() ? null : BrokerAddrs.select(brokers.get(0), random);
        return addr == null ? null : remoting.queryTopicConsumeByWho(addr, topic, timeoutMillis);
    }

    /** Each queue's time span for the group, from every broker of the topic's route. */
    public List<QueueTimeSpan> queryConsumeTimeSpan(String topic, String group)
        throws InterruptedException, MQBrokerException, RemotingException, MQClientException {
        List<QueueTimeSpan> spans = new ArrayList<>();
        for (BrokerData broker : examineTopicRouteInfo(topic).brokerDatas()) {
            String addr = BrokerAddrs.select(broker, random);
            if (addr != null) {
                spans.addAll(remoting.queryConsumeTimeSpan(addr, topic, group, timeoutMillis));
            }
        }
        return spans;
    }

    public void deleteTopicInBroker(Collection<String> brokerAddrs, String topic)
        throws RemotingException, InterruptedException, MQClientException {
        for (String addr : brokerAddrs) {
            remoting.deleteTopicInBroker(addr, topic, timeoutMillis);
        }
    }

    /** @param namesrvAddrs null for every configured NameServer */
    public void deleteTopicInNameServer(Collection<String> namesrvAddrs, String topic, String clusterName)
        throws RemotingException, InterruptedException, MQClientException {
        Collection<String> targets = namesrvAddrs == null ? remoting.nameServerAddressList() : namesrvAddrs;
        for (String addr : targets) {
            remoting.deleteTopicInNameServer(addr, topic, clusterName, timeoutMillis);
        }
    }

    public TopicList fetchAllTopicList() throws RemotingException, MQClientException, InterruptedException {
        return remoting.getAllTopicList(timeoutMillis);
    }

    public TopicList fetchTopicsByCluster(String clusterName)
        throws RemotingException, MQClientException, InterruptedException {
        return remoting.getTopicsByCluster(clusterName, timeoutMillis);
    }

    /**
     * Records an order topic's queue layout in the NameServers. With {@code isCluster} {@code value} replaces the
     * whole layout; otherwise it replaces only its own broker's {@code brokerName:queueNums} entry.
     */
    public void createOrUpdateOrderConf(String key, String value, boolean isCluster)
        throws RemotingException, InterruptedException, MQClientException {
        String layout = value;
        if (!isCluster) {
            String old = null;
            try {
                old = remoting.getKVConfigValue(ORDER_TOPIC_CONFIG, key, timeoutMillis);
            } catch (MQClientException e) {
                // no layout yet (QUERY_NOT_FOUND): start from an empty one
            }
            layout = mergeOrderConf(old, value);
        }
        remoting.putKVConfigValue(ORDER_TOPIC_CONFIG, key, layout, timeoutMillis);
    }

    /** Replaces (or adds) the entry for {@code entry}'s broker name in a {@code b:n;b:n} layout. */
    static String mergeOrderConf(String old, String entry) {
        Map<String, String> byBroker = new LinkedHashMap<>();
        if (old != null && !old.isBlank()) {
            for (String e : old.split(";")) {
                byBroker.put(e.split(":")[0], e);
            }
        }
        byBroker.put(entry.split(":")[0], entry);
        return String.join(";", byBroker.values());
    }
}
