package io.petrel.namesrv.route;

import io.netty.channel.Channel;
import io.petrel.common.route.BrokerData;
import io.petrel.common.route.DataVersion;
import io.petrel.common.route.QueueData;
import io.petrel.common.route.TopicConfigSerializeWrapper;
import io.petrel.common.route.TopicRouteData;
import io.petrel.common.topic.TopicConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The NameServer's route state and the rules that change it, with no locks, threads, sockets or clock of its
 * own: callers pass the time in and {@link RouteInfoManager} serialises access. Not thread-safe.
 *
 * <ul>
 *   <li>topic → (broker name → {@link QueueData}), written only from masters' registrations;</li>
 *   <li>broker name → {@link BrokerData} (cluster, id → address);</li>
 *   <li>cluster → broker names;</li>
 *   <li>broker address → {@link BrokerLiveInfo};</li>
 *   <li>broker address → filter-server addresses (legacy, empty with 4.9.x brokers).</li>
 * </ul>
 * {@link #generation()} moves whenever something a route or cluster answer shows changes.
 */
final class RouteTables {
    private final Map<String, TreeMap<String, QueueData>> topicQueueTable = new HashMap<>(1024);
    private final Map<String, BrokerData> brokerAddrTable = new HashMap<>(128);
    private final Map<String, TreeSet<String>> clusterAddrTable = new HashMap<>(32);
    private final Map<String, BrokerLiveInfo> brokerLiveTable = new HashMap<>(256);
    private final Map<String, List<String>> filterServerTable = new HashMap<>(256);
    private long generation;

    long generation() {
        return generation;
    }

    private void changed() {
        generation++;
    }

    // ---- registration -----------------------------------------------------------------------------------

    RegisterResult register(BrokerRegistration reg, TopicConfigSerializeWrapper topics, List<String> filterServers,
                            Channel channel, long nowMillis) {
        if (clusterAddrTable.computeIfAbsent(reg.clusterName(), k -> new TreeSet<>()).add(reg.brokerName())) {
            changed();
        }
        boolean firstTime = putBrokerAddr(reg);
        DataVersion version = topics == null ? DataVersion.ZERO : topics.dataVersion();
        BrokerLiveInfo previous = brokerLiveTable.put(reg.brokerAddr(),
            new BrokerLiveInfo(nowMillis, version, channel, reg.haServerAddr()));
        boolean versionChanged = previous == null || !previous.dataVersion().equals(version);
        if (topics != null && reg.isMaster() && (firstTime || versionChanged)) {
            applyTopicTable(reg.brokerName(), topics.topicConfigTable().values());
        }
        updateFilterServers(reg.brokerAddr(), filterServers);
        return reg.isMaster() ? RegisterResult.EMPTY : masterOf(reg.brokerName());
    }

    /** Records id → address; an address seen under another id (slave promoted) loses its old id first. */
    private boolean putBrokerAddr(BrokerRegistration reg) {
        BrokerData old = brokerAddrTable.get(reg.brokerName());
        TreeMap<Long, String> addrs = old == null ? new TreeMap<>() : new TreeMap<>(old.brokerAddrs());
        addrs.entrySet().removeIf(e -> reg.brokerAddr().equals(e.getValue()) && e.getKey() != reg.brokerId());
        String previous = addrs.put(reg.brokerId(), reg.brokerAddr());
        boolean same = old != null && old.cluster().equals(reg.clusterName()) && addrs.equals(old.brokerAddrs());
        if (!same) {
            brokerAddrTable.put(reg.brokerName(), new BrokerData(reg.clusterName(), reg.brokerName(), addrs));
            changed();
        }
        return old == null || previous == null;
    }

    private void applyTopicTable(String brokerName, Iterable<TopicConfig> configs) {
        for (TopicConfig c : configs) {
            QueueData q = new QueueData(brokerName, c.readQueueNums(), c.writeQueueNums(), c.perm(), c.topicSysFlag());
            TreeMap<String, QueueData> byBroker = topicQueueTable.computeIfAbsent(c.topicName(), k -> new TreeMap<>());
            QueueData old = byBroker.put(brokerName, q);
            if (!q.equals(old)) {
                changed();
            }
        }
    }

    private void updateFilterServers(String brokerAddr, List<String> filterServers) {
        if (filterServers == null) {
            return;
        }
        List<String> old = filterServers.isEmpty() ? filterServerTable.remove(brokerAddr)
            : filterServerTable.put(brokerAddr, List.copyOf(filterServers));
        if (!filterServers.equals(old == null ? List.of() : old)) {
            changed();
        }
    }

    private RegisterResult masterOf(String brokerName) {
        BrokerData data = brokerAddrTable.get(brokerName);
        String masterAddr = data == null ? null : data.masterAddr();
        BrokerLiveInfo master = masterAddr == null ? null : brokerLiveTable.get(masterAddr);
        return master == null ? RegisterResult.EMPTY : new RegisterResult(master.haServerAddr(), masterAddr);
    }

    // ---- removal ----------------------------------------------------------------------------------------

    /** UNREGISTER_BROKER: drops that id of that broker name. */
    void unregister(String brokerAddr, String brokerName, long brokerId) {
        brokerLiveTable.remove(brokerAddr);
        dropFilterServers(brokerAddr);
        BrokerData data = brokerAddrTable.get(brokerName);
        if (data == null) {
            return;
        }
        TreeMap<Long, String> addrs = new TreeMap<>(data.brokerAddrs());
        if (addrs.remove(brokerId) != null) {
            replaceOrDropBroker(data, addrs);
        }
    }

    /** Expiry or a lost channel: drops the address wherever it is registered. */
    void removeAddress(String brokerAddr) {
        brokerLiveTable.remove(brokerAddr);
        dropFilterServers(brokerAddr);
        for (BrokerData data : new ArrayList<>(brokerAddrTable.values())) {
            TreeMap<Long, String> addrs = new TreeMap<>(data.brokerAddrs());
            if (addrs.values().removeIf(brokerAddr::equals)) {
                replaceOrDropBroker(data, addrs);
            }
        }
    }

    private void dropFilterServers(String brokerAddr) {
        if (filterServerTable.remove(brokerAddr) != null) {
            changed();
        }
    }

    private void replaceOrDropBroker(BrokerData data, TreeMap<Long, String> remaining) {
        changed();
        if (!remaining.isEmpty()) {
            brokerAddrTable.put(data.brokerName(), new BrokerData(data.cluster(), data.brokerName(), remaining));
            return;
        }
        brokerAddrTable.remove(data.brokerName());
        TreeSet<String> names = clusterAddrTable.get(data.cluster());
        if (names != null && names.remove(data.brokerName()) && names.isEmpty()) {
            clusterAddrTable.remove(data.cluster());
        }
        removeQueuesOf(data.brokerName());
    }

    private void removeQueuesOf(String brokerName) {
        Iterator<TreeMap<String, QueueData>> it = topicQueueTable.values().iterator();
        while (it.hasNext()) {
            TreeMap<String, QueueData> byBroker = it.next();
            byBroker.remove(brokerName);
            if (byBroker.isEmpty()) {
                it.remove();
            }
        }
    }

    /** @return addresses (with their channels) not refreshed within {@code timeoutMillis}, now removed */
    Map<String, Channel> expire(long nowMillis, long timeoutMillis) {
        Map<String, Channel> expired = new HashMap<>();
        for (Map.Entry<String, BrokerLiveInfo> e : brokerLiveTable.entrySet()) {
            if (nowMillis - e.getValue().lastUpdateMillis() > timeoutMillis) {
                expired.put(e.getKey(), e.getValue().channel());
            }
        }
        expired.keySet().forEach(this::removeAddress);
        return expired;
    }

    /** @return the address registered on {@code channel}, or null */
    String addressOf(Channel channel) {
        for (Map.Entry<String, BrokerLiveInfo> e : brokerLiveTable.entrySet()) {
            if (e.getValue().channel() == channel) {
                return e.getKey();
            }
        }
        return null;
    }

    // ---- queries ----------------------------------------------------------------------------------------

    TopicRouteData route(String topic) {
        TreeMap<String, QueueData> byBroker = topicQueueTable.get(topic);
        if (byBroker == null) {
            return null;
        }
        List<BrokerData> brokers = new ArrayList<>(byBroker.size());
        Map<String, List<String>> filters = new TreeMap<>();
        for (String name : byBroker.keySet()) {
            BrokerData data = brokerAddrTable.get(name);
            if (data != null) {
                brokers.add(data);
                addFilterServers(data, filters);
            }
        }
        if (brokers.isEmpty()) {
            return null;
        }
        return new TopicRouteData(null, new ArrayList<>(byBroker.values()), brokers, filters);
    }

    private void addFilterServers(BrokerData data, Map<String, List<String>> into) {
        if (filterServerTable.isEmpty()) {
            return;
        }
        for (String addr : data.brokerAddrs().values()) {
            List<String> fs = filterServerTable.get(addr);
            if (fs != null) {
                into.put(addr, fs);
            }
        }
    }

    Map<String, BrokerData> brokers() {
        return brokerAddrTable;
    }

    Map<String, TreeSet<String>> clusters() {
        return clusterAddrTable;
    }

    Map<String, TreeMap<String, QueueData>> topics() {
        return topicQueueTable;
    }

    Map<String, BrokerLiveInfo> live() {
        return brokerLiveTable;
    }

    // ---- admin changes ----------------------------------------------------------------------------------

    /** Removes the topic's queues on the given broker names (all when null); the topic goes when none remain. */
    void deleteTopic(String topic, Set<String> onlyBrokerNames) {
        TreeMap<String, QueueData> byBroker = topicQueueTable.get(topic);
        if (byBroker == null) {
            return;
        }
        if (onlyBrokerNames == null) {
            byBroker.clear();
        } else {
            byBroker.keySet().removeAll(onlyBrokerNames);
        }
        if (byBroker.isEmpty()) {
            topicQueueTable.remove(topic);
        }
        changed();
    }

    /** Applies {@code newPerm} to every queue of {@code brokerName}; returns how many topics it touched. */
    int rewritePerm(String brokerName, java.util.function.IntUnaryOperator newPerm) {
        int count = 0;
        for (TreeMap<String, QueueData> byBroker : topicQueueTable.values()) {
            QueueData q = byBroker.get(brokerName);
            if (q != null) {
                byBroker.put(brokerName, q.withPerm(newPerm.applyAsInt(q.perm())));
                count++;
            }
        }
        if (count > 0) {
            changed();
        }
        return count;
    }

    DataVersionCheck checkDataVersion(String brokerAddr, DataVersion brokerVersion, long nowMillis) {
        BrokerLiveInfo live = brokerLiveTable.get(brokerAddr);
        if (live == null) {
            return new DataVersionCheck(true, null);
        }
        boolean changed = !live.dataVersion().equals(brokerVersion);
        if (!changed) {
            brokerLiveTable.put(brokerAddr, live.refreshed(nowMillis));
        }
        return new DataVersionCheck(changed, live.dataVersion());
    }
}
