package io.petrel.client.impl;

import io.petrel.client.ClientConfig;
import io.petrel.client.exception.MQClientException;
import io.petrel.client.impl.producer.TopicPublishInfo;
import io.petrel.common.heartbeat.ConsumerData;
import io.petrel.common.heartbeat.HeartbeatData;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.BrokerData;
import io.petrel.common.route.QueueData;
import io.petrel.common.route.TopicRouteData;
import io.petrel.common.topic.TopicValidator;
import io.petrel.common.util.NamedThreadFactory;
import io.petrel.remoting.RPCHook;
import io.petrel.remoting.netty.NettyClientConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-process client for one client id: one remoting client, the route cache shared by its producers and
 * consumers, heartbeats to every broker, route refresh, offset persistence, rebalance and the pull thread.
 * Started by the first producer or consumer that uses it, stopped when the last one leaves. Thread-safe.
 */
public class MQClientInstance {
    private static final Logger LOG = LoggerFactory.getLogger(MQClientInstance.class);
    private static final long LOCK_TIMEOUT_MILLIS = 3_000;

    private final ClientConfig clientConfig;
    private final int instanceIndex;
    private final String clientId;
    private final long bootTimestamp = System.currentTimeMillis();
    private final MQClientAPI api;
    private final ConcurrentMap<String, MQProducerInner> producerTable = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, MQConsumerInner> consumerTable = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, MQAdminExtInner> adminExtTable = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, TopicRouteData> topicRouteTable = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Map<Long, String>> brokerAddrTable = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Map<String, Integer>> brokerVersionTable = new ConcurrentHashMap<>();
    private final ReentrantLock namesrvLock = new ReentrantLock();
    private final ReentrantLock heartbeatLock = new ReentrantLock();
    private final RebalanceService rebalanceService;
    private final PullMessageService pullMessageService;
    private final ClientRemotingProcessor remotingProcessor;
    private final MQAdminImpl adminImpl = new MQAdminImpl(this);
    private final ConcurrentMap<String, io.petrel.client.impl.producer.RequestResponseFuture> requestFutures =
        new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private io.petrel.client.producer.DefaultMQProducer innerProducer;
    private volatile ServiceState state = ServiceState.CREATE_JUST;

    /** Lifecycle of producers, consumers and client instances, as RocketMQ names it. */
    public enum ServiceState {
        CREATE_JUST, RUNNING, SHUTDOWN_ALREADY, START_FAILED
    }

    public MQClientInstance(ClientConfig clientConfig, int instanceIndex, String clientId, RPCHook rpcHook) {
        this.clientConfig = clientConfig;
        this.instanceIndex = instanceIndex;
        this.clientId = clientId;
        NettyClientConfig netty = new NettyClientConfig();
        netty.setClientCallbackExecutorThreads(clientConfig.getClientCallbackExecutorThreads());
        netty.setUseTLS(clientConfig.isUseTLS());
        this.api = new MQClientAPI(netty, clientConfig, rpcHook);
        this.rebalanceService = new RebalanceService(this::doRebalance);
        this.pullMessageService = new PullMessageService(clientId);
        this.remotingProcessor = new ClientRemotingProcessor(this);
        if (clientConfig.getNamesrvAddr() != null) {
            api.updateNameServerAddressList(clientConfig.getNamesrvAddr());
        }
        LOG.info("created client instance {} #{}", clientId, instanceIndex);
    }

    public synchronized void start() throws MQClientException {
        switch (state) {
            case CREATE_JUST -> {
                if (clientConfig.getNamesrvAddr() == null || clientConfig.getNamesrvAddr().isBlank()) {
                    LOG.warn("no NameServer address set (namesrvAddr, -D{} or {})",
                        ClientConfig.NAMESRV_ADDR_PROPERTY, ClientConfig.NAMESRV_ADDR_ENV);
                }
                try {
                    api.start();
                } catch (IllegalStateException e) {
                    state = ServiceState.START_FAILED;
                    throw new MQClientException(e.getMessage(), e);
                }
                remotingProcessor.register(api);
                startScheduledTasks();
                startInnerProducer();
                rebalanceService.start(clientId);
                state = ServiceState.RUNNING;
                LOG.info("client instance {} started", clientId);
            }
            case START_FAILED -> throw new MQClientException("the client instance " + clientId
                + " failed to start before; create a new one", null);
            default -> {
            }
        }
    }

    /** The producer consumers use to send retry copies when a broker refuses a send-back. */
    private void startInnerProducer() throws MQClientException {
        innerProducer = new io.petrel.client.producer.DefaultMQProducer(
            io.petrel.client.producer.DefaultMQProducer.CLIENT_INNER_PRODUCER_GROUP);
        innerProducer.resetClientConfig(clientConfig);
        innerProducer.getDefaultMQProducerImpl().start(false);
    }

    public io.petrel.client.producer.DefaultMQProducer innerProducer() {
        return innerProducer;
    }

    private void startScheduledTasks() {
        scheduler = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("MQClientScheduled-" + clientId));
        scheduler.scheduleAtFixedRate(guard(this::updateTopicRouteInfoFromNameServer, "route refresh"),
            10, clientConfig.getPollNameServerInterval(), TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(guard(() -> {
            cleanOfflineBroker();
            sendHeartbeatToAllBrokerWithLock();
        }, "heartbeat"), 1000, clientConfig.getHeartbeatBrokerInterval(), TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(guard(this::failExpiredRequests, "request expiry"), 3000, 1000,
            TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(guard(this::persistAllConsumerOffset, "offset persist"),
            10_000, clientConfig.getPersistConsumerOffsetInterval(), TimeUnit.MILLISECONDS);
    }

    private static Runnable guard(Runnable task, String what) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("scheduled {} failed", what, e);
            }
        };
    }

    public synchronized void shutdown() {
        boolean onlyInner = producerTable.size() == 1
            && producerTable.containsKey(io.petrel.client.producer.DefaultMQProducer.CLIENT_INNER_PRODUCER_GROUP);
        if (!consumerTable.isEmpty() || (!producerTable.isEmpty() && !onlyInner) || !adminExtTable.isEmpty()
            || state != ServiceState.RUNNING) {
            return;
        }
        state = ServiceState.SHUTDOWN_ALREADY;
        innerProducer.getDefaultMQProducerImpl().shutdown(false);
        rebalanceService.shutdown();
        pullMessageService.shutdown();
        scheduler.shutdownNow();
        api.shutdown();
        remotingProcessor.shutdown();
        MQClientManager.getInstance().removeClientFactory(clientId);
        LOG.info("client instance {} stopped", clientId);
    }

    // ---- members ---------------------------------------------------------------------------------------

    public boolean registerProducer(String group, MQProducerInner producer) {
        return producerTable.putIfAbsent(group, producer) == null;
    }

    public void unregisterProducer(String group) {
        producerTable.remove(group);
        unregisterClientWithLock(group, null);
    }

    public boolean registerConsumer(String group, MQConsumerInner consumer) {
        return consumerTable.putIfAbsent(group, consumer) == null;
    }

    public void unregisterConsumer(String group) {
        consumerTable.remove(group);
        unregisterClientWithLock(null, group);
    }

    public boolean registerAdminExt(String group, MQAdminExtInner admin) {
        return adminExtTable.putIfAbsent(group, admin) == null;
    }

    public void unregisterAdminExt(String group) {
        adminExtTable.remove(group);
    }

    public MQProducerInner selectProducer(String group) {
        return producerTable.get(group);
    }

    public MQConsumerInner selectConsumer(String group) {
        return consumerTable.get(group);
    }

    public Map<String, MQConsumerInner> consumers() {
        return consumerTable;
    }

    private void unregisterClientWithLock(String producerGroup, String consumerGroup) {
        if (!lock(heartbeatLock)) {
            LOG.warn("unregister of {} / {} skipped: heartbeat lock busy", producerGroup, consumerGroup);
            return;
        }
        try {
            for (Map.Entry<String, Map<Long, String>> e : brokerAddrTable.entrySet()) {
                for (String addr : e.getValue().values()) {
                    try {
                        api.unregisterClient(addr, clientId, producerGroup, consumerGroup,
                            clientConfig.getMqClientApiTimeout());
                    } catch (Exception ex) {
                        LOG.warn("unregister client {} from {} failed: {}", clientId, addr, ex.toString());
                    } 
                }
            }
        } finally {
            heartbeatLock.unlock();
        }
    }

    // ---- routes ----------------------------------------------------------------------------------------

    public void updateTopicRouteInfoFromNameServer() {
        Set<String> topics = new HashSet<>();
        for (MQConsumerInner c : consumerTable.values()) {
            c.subscriptions().forEach(s -> topics.add(s.topic()));
        }
        for (MQProducerInner p : producerTable.values()) {
            topics.addAll(p.getPublishTopicList());
        }
        for (String topic : topics) {
            updateTopicRouteInfoFromNameServer(topic);
        }
    }

    public boolean updateTopicRouteInfoFromNameServer(String topic) {
        return updateTopicRouteInfoFromNameServer(topic, false, 0);
    }

    /**
     * Fetches {@code topic}'s route and hands it to every producer and consumer. With {@code useDefaultTopic} the
     * auto-create template's route (TBW102) stands in, its queue counts capped at {@code defaultQueueNums}.
     *
     * @return whether the route changed
     */
    public boolean updateTopicRouteInfoFromNameServer(String topic, boolean useDefaultTopic, int defaultQueueNums) {
        if (!lock(namesrvLock)) {
            LOG.warn("route update of {} skipped: lock busy", topic);
            return false;
        }
        try {
            TopicRouteData route = fetchRoute(topic, useDefaultTopic, defaultQueueNums);
            if (route == null) {
                return false;
            }
            TopicRouteData old = topicRouteTable.get(topic);
            boolean changed = !route.equals(old) || isRouteNeeded(topic);
            if (changed) {
                applyRoute(topic, route);
            }
            return changed;
        } catch (MQClientException e) {
            if (!topic.startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX)
                && !TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC.equals(topic)) {
                LOG.warn("route of {} unavailable: {}", topic, e.getErrorMessage());
            }
            return false;
        } catch (Exception e) {
            LOG.warn("route of {} could not be fetched: {}", topic, e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        } finally {
            namesrvLock.unlock();
        }
    }

    private TopicRouteData fetchRoute(String topic, boolean useDefaultTopic, int defaultQueueNums)
        throws Exception {
        long timeout = clientConfig.getMqClientApiTimeout();
        if (!useDefaultTopic) {
            return api.getTopicRouteInfoFromNameServer(topic, timeout, true);
        }
        TopicRouteData template = api.getTopicRouteInfoFromNameServer(
            TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC, timeout, true);
        if (template == null) {
            return null;
        }
        List<QueueData> capped = new ArrayList<>();
        for (QueueData q : template.queueDatas()) {
            int n = Math.min(defaultQueueNums, q.readQueueNums());
            capped.add(new QueueData(q.brokerName(), n, n, q.perm(), q.topicSysFlag()));
        }
        return new TopicRouteData(template.orderTopicConf(), capped, template.brokerDatas(),
            template.filterServerTable());
    }

    void applyRoute(String topic, TopicRouteData route) {
        for (BrokerData bd : route.brokerDatas()) {
            brokerAddrTable.put(bd.brokerName(), new HashMap<>(bd.brokerAddrs()));
        }
        TopicPublishInfo publishInfo = RouteConversions.toPublishInfo(topic, route);
        for (MQProducerInner p : producerTable.values()) {
            p.updateTopicPublishInfo(topic, publishInfo);
        }
        Set<MessageQueue> subscribeInfo = RouteConversions.toSubscribeQueues(topic, route);
        boolean subscribed = false;
        for (MQConsumerInner c : consumerTable.values()) {
            c.updateTopicSubscribeInfo(topic, subscribeInfo);
            subscribed |= c.subscriptions().stream().anyMatch(sd -> sd.topic().equals(topic));
        }
        TopicRouteData old = topicRouteTable.put(topic, route);
        LOG.info("route of {} updated: {}", topic, route);
        if (subscribed && (old == null || !old.queueDatas().equals(route.queueDatas()))) {
            // A subscribed topic appeared (a retry topic after the first send-back, say) or its queues changed:
            // rebalance now rather than at the next periodic rebalance, up to 20 s later.
            rebalanceImmediately();
        }
    }

    private boolean isRouteNeeded(String topic) {
        for (MQProducerInner p : producerTable.values()) {
            if (p.isPublishTopicNeedUpdate(topic)) {
                return true;
            }
        }
        for (MQConsumerInner c : consumerTable.values()) {
            if (c.isSubscribeTopicNeedUpdate(topic)) {
                return true;
            }
        }
        return false;
    }

    public TopicRouteData topicRoute(String topic) {
        return topicRouteTable.get(topic);
    }

    /** Drops brokers that no cached route mentions any more. */
    void cleanOfflineBroker() {
        if (!lock(namesrvLock)) {
            return;
        }
        try {
            for (String brokerName : brokerAddrTable.keySet()) {
                Map<Long, String> live = new HashMap<>(brokerAddrTable.get(brokerName));
                live.values().removeIf(addr -> !isBrokerAddrInRoutes(addr));
                if (live.isEmpty()) {
                    brokerAddrTable.remove(brokerName);
                    LOG.info("broker {} is offline, removed", brokerName);
                } else {
                    brokerAddrTable.put(brokerName, live);
                }
            }
        } finally {
            namesrvLock.unlock();
        }
    }

    private boolean isBrokerAddrInRoutes(String addr) {
        for (TopicRouteData route : topicRouteTable.values()) {
            for (BrokerData bd : route.brokerDatas()) {
                if (bd.brokerAddrs().containsValue(addr)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- broker lookup ---------------------------------------------------------------------------------

    public String findBrokerAddressInPublish(String brokerName) {
        Map<Long, String> addrs = brokerAddrTable.get(brokerName);
        return addrs == null ? null : addrs.get(BrokerData.MASTER_ID);
    }

    /**
     * @param onlyThisBroker when false and {@code brokerId} is not registered, any address of the broker name
     * @return null when the broker name is unknown
     */
    public FindBrokerResult findBrokerAddressInSubscribe(String brokerName, long brokerId, boolean onlyThisBroker) {
        Map<Long, String> addrs = brokerAddrTable.get(brokerName);
        if (addrs == null || addrs.isEmpty()) {
            return null;
        }
        String addr = addrs.get(brokerId);
        boolean slave = brokerId != BrokerData.MASTER_ID;
        if (addr == null && !onlyThisBroker) {
            Map.Entry<Long, String> any = addrs.entrySet().iterator().next();
            addr = any.getValue();
            slave = any.getKey() != BrokerData.MASTER_ID;
        }
        return addr == null ? null : new FindBrokerResult(addr, slave, findBrokerVersion(brokerName, addr));
    }

    public FindBrokerResult findBrokerAddressInAdmin(String brokerName) {
        return findBrokerAddressInSubscribe(brokerName, BrokerData.MASTER_ID, false);
    }

    /** Any broker that serves {@code topic}, the master preferred (for group-wide queries). */
    public String findBrokerAddrByTopic(String topic) {
        TopicRouteData route = topicRouteTable.get(topic);
        if (route == null || route.brokerDatas().isEmpty()) {
            return null;
        }
        List<BrokerData> brokers = route.brokerDatas();
        BrokerData bd = brokers.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(brokers.size()));
        String master = bd.masterAddr();
        return master != null ? master : bd.brokerAddrs().firstEntry().getValue();
    }

    public List<String> findConsumerIdList(String topic, String group) {
        String addr = findBrokerAddrByTopic(topic);
        if (addr == null) {
            updateTopicRouteInfoFromNameServer(topic);
            addr = findBrokerAddrByTopic(topic);
        }
        if (addr == null) {
            return null;
        }
        try {
            return api.getConsumerIdListByGroup(addr, group, clientConfig.getMqClientApiTimeout());
        } catch (Exception e) {
            LOG.warn("consumer list of {} from {} failed: {}", group, addr, e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }

    public int findBrokerVersion(String brokerName, String addr) {
        Map<String, Integer> versions = brokerVersionTable.get(brokerName);
        Integer v = versions == null ? null : versions.get(addr);
        return v == null ? 0 : v;
    }

    // ---- heartbeats ------------------------------------------------------------------------------------

    public void sendHeartbeatToAllBrokerWithLock() {
        if (!lock(heartbeatLock)) {
            LOG.warn("heartbeat skipped: lock busy");
            return;
        }
        try {
            sendHeartbeatToAllBroker();
        } finally {
            heartbeatLock.unlock();
        }
    }

    private void sendHeartbeatToAllBroker() {
        HeartbeatData heartbeat = heartbeatData();
        if (heartbeat.producerGroups().isEmpty() && heartbeat.consumerDataSet().isEmpty()) {
            return;
        }
        for (Map.Entry<String, Map<Long, String>> e : brokerAddrTable.entrySet()) {
            for (Map.Entry<Long, String> b : e.getValue().entrySet()) {
                if (b.getKey() != BrokerData.MASTER_ID && heartbeat.consumerDataSet().isEmpty()) {
                    continue;
                }
                sendHeartbeat(e.getKey(), b.getValue(), heartbeat);
            }
        }
    }

    private void sendHeartbeat(String brokerName, String addr, HeartbeatData heartbeat) {
        try {
            int version = api.sendHeartbeat(addr, heartbeat, clientConfig.getMqClientApiTimeout());
            brokerVersionTable.computeIfAbsent(brokerName, k -> new ConcurrentHashMap<>()).put(addr, version);
        } catch (Exception e) {
            LOG.warn("heartbeat to {} ({}) failed: {}", brokerName, addr, e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    HeartbeatData heartbeatData() {
        List<String> producers = new ArrayList<>(producerTable.keySet());
        List<ConsumerData> consumers = new ArrayList<>();
        for (MQConsumerInner c : consumerTable.values()) {
            consumers.add(new ConsumerData(c.groupName(), c.consumeType(), c.messageModel(), c.consumeFromWhere(),
                new ArrayList<>(c.subscriptions()), c.isUnitMode()));
        }
        return new HeartbeatData(clientId, producers, consumers);
    }

    // ---- consumers -------------------------------------------------------------------------------------

    public void persistAllConsumerOffset() {
        for (MQConsumerInner c : consumerTable.values()) {
            try {
                c.persistConsumerOffset();
            } catch (RuntimeException e) {
                LOG.warn("persisting offsets of {} failed", c.groupName(), e);
            }
        }
    }

    public void doRebalance() {
        for (MQConsumerInner c : consumerTable.values()) {
            try {
                c.doRebalance();
            } catch (RuntimeException e) {
                LOG.warn("rebalance of {} failed", c.groupName(), e);
            }
        }
    }

    public void rebalanceImmediately() {
        rebalanceService.wakeup();
    }

    // ---- request/reply ---------------------------------------------------------------------------------

    /** Requests sent by this client's producers that wait for a reply, by correlation id. */
    public ConcurrentMap<String, io.petrel.client.impl.producer.RequestResponseFuture> requestFutures() {
        return requestFutures;
    }

    private void failExpiredRequests() {
        long now = System.currentTimeMillis();
        for (io.petrel.client.impl.producer.RequestResponseFuture f : requestFutures.values()) {
            if (f.isTimeout(now) && requestFutures.remove(f.getCorrelationId(), f)) {
                f.fail(true, new io.petrel.client.exception.RequestTimeoutException(
                    io.petrel.client.ClientErrorCode.REQUEST_TIMEOUT_EXCEPTION,
                    "request timeout, no reply message in " + f.getTimeoutMillis() + " ms"));
            }
        }
    }

    // ---- accessors -------------------------------------------------------------------------------------

    public MQClientAPI getMQClientAPIImpl() {
        return api;
    }

    public MQAdminImpl getMQAdminImpl() {
        return adminImpl;
    }

    public PullMessageService getPullMessageService() {
        return pullMessageService;
    }

    public ClientRemotingProcessor getRemotingProcessor() {
        return remotingProcessor;
    }

    public ClientConfig getClientConfig() {
        return clientConfig;
    }

    public String getClientId() {
        return clientId;
    }

    public long getBootTimestamp() {
        return bootTimestamp;
    }

    public ServiceState getServiceState() {
        return state;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    private static boolean lock(ReentrantLock lock) {
        try {
            return lock.tryLock(LOCK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
