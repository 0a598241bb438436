package io.petrel.namesrv.route;

import io.netty.channel.Channel;
import io.petrel.common.route.BrokerData;
import io.petrel.common.route.ClusterInfo;
import io.petrel.common.route.DataVersion;
import io.petrel.common.route.QueueData;
import io.petrel.common.route.TopicConfigSerializeWrapper;
import io.petrel.common.route.TopicList;
import io.petrel.common.route.TopicRouteData;
import io.petrel.common.topic.PermName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe access to the NameServer's {@link RouteTables}. Queries share a read lock and run concurrently;
 * changes take the write lock for as long as applying them takes (bodies are decoded before, by the caller).
 * Time comes from the injected clock. {@link #generation()} is readable without the lock: it moves after every
 * change visible in routes or cluster info, so callers may cache encoded answers against it.
 */
public final class RouteInfoManager {
    private static final Logger LOG = LoggerFactory.getLogger(RouteInfoManager.class);

    private final RouteTables tables = new RouteTables();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Lock read = lock.readLock();
    private final Lock write = lock.writeLock();
    private final LongSupplier clock;
    private volatile long generation;

    public RouteInfoManager(LongSupplier clockMillis) {
        this.clock = clockMillis;
    }

    public long generation() {
        return generation;
    }

    private void publish() {
        generation = tables.generation();
    }

    public RegisterResult registerBroker(BrokerRegistration reg, TopicConfigSerializeWrapper topics,
                                         List<String> filterServers, Channel channel) {
        write.lock();
        try {
            RegisterResult result = tables.register(reg, topics, filterServers, channel, clock.getAsLong());
            publish();
            return result;
        } finally {
            write.unlock();
        }
    }

    public void unregisterBroker(String clusterName, String brokerAddr, String brokerName, long brokerId) {
        write.lock();
        try {
            tables.unregister(brokerAddr, brokerName, brokerId);
            publish();
        } finally {
            write.unlock();
        }
        LOG.info("unregistered broker {} id {} at {} of cluster {}", brokerName, brokerId, brokerAddr, clusterName);
    }

    /**
     * Drops brokers not refreshed within {@code timeoutMillis} and closes their channels.
     *
     * @return how many addresses were dropped
     */
    public int scanNotActiveBrokers(long timeoutMillis) {
        Map<String, Channel> expired;
        write.lock();
        try {
            expired = tables.expire(clock.getAsLong(), timeoutMillis);
            publish();
        } finally {
            write.unlock();
        }
        expired.forEach((addr, channel) -> {
            LOG.warn("broker {} sent nothing for {} ms, removed", addr, timeoutMillis);
            if (channel != null) {
                channel.close();
            }
        });
        return expired.size();
    }

    /** A connection closed (or failed, or idled out): the broker registered on it is dropped at once. */
    public void onChannelDestroy(Channel channel) {
        write.lock();
        try {
            String addr = tables.addressOf(channel);
            if (addr != null) {
                tables.removeAddress(addr);
                publish();
                LOG.info("broker {} removed: its channel closed", addr);
            }
        } finally {
            write.unlock();
        }
    }

    /** @return the route, or null when no live broker name carries the topic */
    public TopicRouteData pickupTopicRouteData(String topic) {
        read.lock();
        try {
            return tables.route(topic);
        } finally {
            read.unlock();
        }
    }

    public ClusterInfo clusterInfo() {
        read.lock();
        try {
            return new ClusterInfo(new HashMap<>(tables.brokers()), new HashMap<>(tables.clusters()));
        } finally {
            read.unlock();
        }
    }

    public TopicList allTopics() {
        read.lock();
        try {
            return TopicList.of(new ArrayList<>(tables.topics().keySet()));
        } finally {
            read.unlock();
        }
    }

    /** Topics with queues on any broker of {@code cluster}; empty for an unknown cluster. */
    public TopicList topicsByCluster(String cluster) {
        read.lock();
        try {
            Set<String> names = tables.clusters().getOrDefault(cluster, new TreeSet<>());
            List<String> topics = new ArrayList<>();
            tables.topics().forEach((topic, byBroker) -> {
                if (byBroker.keySet().stream().anyMatch(names::contains)) {
                    topics.add(topic);
                }
            });
            return TopicList.of(topics);
        } finally {
            read.unlock();
        }
    }

    /** Cluster names and broker names (the topics every broker creates), with some broker address. */
    public TopicList systemTopics() {
        read.lock();
        try {
            Set<String> names = new LinkedHashSet<>();
            String someAddr = null;
            for (Map.Entry<String, TreeSet<String>> e : tables.clusters().entrySet()) {
                names.add(e.getKey());
                names.addAll(e.getValue());
            }
            for (BrokerData data : tables.brokers().values()) {
                if (someAddr == null && !data.brokerAddrs().isEmpty()) {
                    someAddr = data.brokerAddrs().firstEntry().getValue();
                }
            }
            return new TopicList(new ArrayList<>(names), someAddr);
        } finally {
            read.unlock();
        }
    }

    /** Topics whose first queue data has a topic-sys-flag matching {@code flagTest}. */
    public TopicList topicsBySysFlag(IntPredicate flagTest) {
        read.lock();
        try {
            List<String> topics = new ArrayList<>();
            tables.topics().forEach((topic, byBroker) -> {
                if (!byBroker.isEmpty() && flagTest.test(byBroker.firstEntry().getValue().topicSysFlag())) {
                    topics.add(topic);
                }
            });
            return TopicList.of(topics);
        } finally {
            read.unlock();
        }
    }

    /** Removes the topic, or with a cluster name only its queues on that cluster's brokers. */
    public void deleteTopic(String topic, String clusterName) {
        write.lock();
        try {
            Set<String> names = null;
            if (clusterName != null && !clusterName.isEmpty()) {
                names = new TreeSet<>(tables.clusters().getOrDefault(clusterName, new TreeSet<>()));
            }
            tables.deleteTopic(topic, names);
            publish();
        } finally {
            write.unlock();
        }
    }

    /** Clears the write bit on every queue of {@code brokerName}; returns the number of topics touched. */
    public int wipeWritePermOfBroker(String brokerName) {
        return rewritePerm(brokerName, perm -> perm & ~PermName.PERM_WRITE);
    }

    /** Sets read + write on every queue of {@code brokerName}; returns the number of topics touched. */
    public int addWritePermOfBroker(String brokerName) {
        return rewritePerm(brokerName, perm -> PermName.PERM_READ | PermName.PERM_WRITE);
    }

    private int rewritePerm(String brokerName, java.util.function.IntUnaryOperator op) {
        write.lock();
        try {
            int n = tables.rewritePerm(brokerName, op);
            publish();
            return n;
        } finally {
            write.unlock();
        }
    }

    /** QUERY_DATA_VERSION: an unchanged version also counts as a heartbeat. */
    public DataVersionCheck queryDataVersion(String brokerAddr, DataVersion brokerVersion) {
        write.lock();
        try {
            return tables.checkDataVersion(brokerAddr, brokerVersion, clock.getAsLong());
        } finally {
            write.unlock();
        }
    }

    /** A copy of the live-broker table (address → info), for tests and diagnostics. */
    public Map<String, BrokerLiveInfo> liveBrokers() {
        read.lock();
        try {
            return new TreeMap<>(tables.live());
        } finally {
            read.unlock();
        }
    }

    /** A copy of the queue table of {@code topic} (broker name → queue data), empty when unknown. */
    public Map<String, QueueData> queuesOf(String topic) {
        read.lock();
        try {
            TreeMap<String, QueueData> byBroker = tables.topics().get(topic);
            return byBroker == null ? Map.of() : new TreeMap<>(byBroker);
        } finally {
            read.unlock();
        }
    }
}
