package io.petrel.client.impl.consumer;

import io.petrel.client.consumer.DefaultLitePullConsumer;
import io.petrel.client.consumer.PullResult;
import io.petrel.client.consumer.TopicMessageQueueChangeListener;
import io.petrel.client.consumer.store.OffsetStore;
import io.petrel.client.consumer.store.ReadOffsetType;
import io.petrel.client.exception.MQClientException;
import io.petrel.client.impl.CommunicationMode;
import io.petrel.client.impl.MQClientInstance;
import io.petrel.client.impl.MQClientInstance.ServiceState;
import io.petrel.client.impl.MQClientManager;
import io.petrel.client.impl.MQConsumerInner;
import io.petrel.common.heartbeat.ConsumeFromWhere;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.util.NamedThreadFactory;
import io.petrel.remoting.RPCHook;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lite-pull consumer's engine: one pull task per owned queue fills a shared cache that {@code poll} drains;
 * queues come from rebalance (subscribe) or from the application (assign); offsets are committed automatically
 * or on request.
 */
public class DefaultLitePullConsumerImpl implements MQConsumerInner {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultLitePullConsumerImpl.class);
    private static final long PULL_TIME_DELAY_MILLS_WHEN_PAUSE = 1000;
    private static final long PULL_TIME_DELAY_MILLS_WHEN_FLOW_CONTROL = 50;
    private static final long PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION = 1000;

    private enum SubscriptionType { NONE, SUBSCRIBE, ASSIGN }

    private final DefaultLitePullConsumer consumer;
    private final RPCHook rpcHook;
    private final RebalanceLitePullImpl rebalance = new RebalanceLitePullImpl(this);
    private final AssignedMessageQueue assigned = new AssignedMessageQueue();
    private final LinkedBlockingQueue<ConsumeRequest> consumeRequestCache = new LinkedBlockingQueue<>();
    private final ConcurrentMap<MessageQueue, ScheduledFuture<?>> taskTable = new ConcurrentHashMap<>();
    private final Map<String, TopicMessageQueueChangeListener> topicListeners = new ConcurrentHashMap<>();
    private final Map<String, Set<MessageQueue>> topicQueuesSeen = new ConcurrentHashMap<>();
    private final Object seekLock = new Object();
    private volatile ServiceState serviceState = ServiceState.CREATE_JUST;
    private volatile SubscriptionType subscriptionType = SubscriptionType.NONE;
    private volatile long nextAutoCommitDeadline = -1;
    private MQClientInstance instance;
    private PullAPIWrapper pullAPIWrapper;
    private OffsetStore offsetStore;
    private ScheduledExecutorService pullExecutor;
    private ScheduledExecutorService scheduler;

    private record ConsumeRequest(List<MessageExt> messages, MessageQueue messageQueue, ProcessQueue processQueue) {
    }

    public DefaultLitePullConsumerImpl(DefaultLitePullConsumer consumer, RPCHook rpcHook) {
        this.consumer = consumer;
        this.rpcHook = rpcHook;
    }

    // ---- lifecycle -------------------------------------------------------------------------------------

    public synchronized void start() throws MQClientException {
        if (serviceState != ServiceState.CREATE_JUST) {
            throw new MQClientException("The PullConsumer service state not OK, maybe started once, "
                + serviceState, null);
        }
        serviceState = ServiceState.START_FAILED;
        checkConfig();
        if (consumer.getMessageModel() == MessageModel.CLUSTERING) {
            consumer.changeInstanceNameToPID();
        }
        instance = MQClientManager.getInstance().getOrCreateMQClientInstance(consumer, rpcHook);
        rebalance.setConsumerGroup(consumer.getConsumerGroup());
        rebalance.setMessageModel(consumer.getMessageModel());
        rebalance.setAllocateMessageQueueStrategy(consumer.getAllocateMessageQueueStrategy());
        rebalance.setInstance(instance);
        pullAPIWrapper = new PullAPIWrapper(instance, consumer.getConsumerGroup());
        offsetStore = OffsetStores.open(consumer.getOffsetStore(), consumer.getMessageModel(), instance,
            consumer.getConsumerGroup());
        consumer.setOffsetStore(offsetStore);
        if (!instance.registerConsumer(consumer.getConsumerGroup(), this)) {
            serviceState = ServiceState.CREATE_JUST;
            throw new MQClientException("The consumer group[" + consumer.getConsumerGroup()
                + "] has been created before, specify another name please.", null);
        }
        String group = consumer.getConsumerGroup();
        pullExecutor = Executors.newScheduledThreadPool(consumer.getPullThreadNums(),
            new NamedThreadFactory("PullMsgThread-" + group));
        scheduler = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("MonitorMessageQueueChange-"
            + group));
        instance.start();
        scheduler.scheduleAtFixedRate(this::checkTopicQueues, 1000, consumer.getTopicMetadataCheckIntervalMillis(),
            TimeUnit.MILLISECONDS);
        serviceState = ServiceState.RUNNING;
        LOG.info("lite pull consumer {} started", group);
        if (subscriptionType == SubscriptionType.SUBSCRIBE) {
            for (String topic : rebalance.getSubscriptionInner().keySet()) {
                instance.updateTopicRouteInfoFromNameServer(topic);
            }
            instance.sendHeartbeatToAllBrokerWithLock();
            instance.rebalanceImmediately();
        } else if (subscriptionType == SubscriptionType.ASSIGN) {
            startPullTasks(assigned.messageQueues());
        }
    }

    private void checkConfig() throws MQClientException {
        ConsumerChecks.checkPullConsumer(consumer.getConsumerGroup(), consumer.getMessageModel(),
            consumer.getAllocateMessageQueueStrategy(), consumer.getConsumerTimeoutMillisWhenSuspend(),
            consumer.getBrokerSuspendMaxTimeMillis());
    }

    public synchronized void shutdown() {
        if (serviceState != ServiceState.RUNNING) {
            return;
        }
        scheduler.shutdownNow();
        pullExecutor.shutdownNow();
        persistConsumerOffset();
        instance.unregisterConsumer(consumer.getConsumerGroup());
        instance.shutdown();
        rebalance.destroy();
        serviceState = ServiceState.SHUTDOWN_ALREADY;
        LOG.info("lite pull consumer {} stopped", consumer.getConsumerGroup());
    }

    public boolean isRunning() {
        return serviceState == ServiceState.RUNNING;
    }

    private void makeSureStateOK() throws MQClientException {
        if (serviceState != ServiceState.RUNNING) {
            throw new MQClientException("The consumer service state not OK, " + serviceState, null);
        }
    }

    // ---- subscribe and assign ----------------------------------------------------------------------------

    public synchronized void subscribe(String topic, String subExpression) throws MQClientException {
        if (topic == null || topic.isEmpty()) {
            throw new IllegalArgumentException("Topic can not be null or empty.");
        }
        if (subscriptionType == SubscriptionType.ASSIGN) {
            throw new IllegalStateException("Subscribe and assign are mutually exclusive.");
        }
        subscriptionType = SubscriptionType.SUBSCRIBE;
        try {
            rebalance.getSubscriptionInner().put(topic,
                SubscriptionData.ofTags(topic, subExpression, System.currentTimeMillis()));
        } catch (IllegalArgumentException e) {
            throw new MQClientException("subscribe exception", e);
        }
        if (serviceState == ServiceState.RUNNING) {
            instance.sendHeartbeatToAllBrokerWithLock();
            instance.updateTopicRouteInfoFromNameServer(topic);
            instance.rebalanceImmediately();
        }
    }

    public synchronized void unsubscribe(String topic) {
        rebalance.getSubscriptionInner().remove(topic);
        removePullTasks(topic);
        assigned.removeAssignedMessageQueue(topic);
    }

    public synchronized void assign(Collection<MessageQueue> messageQueues) {
        if (messageQueues == null || messageQueues.isEmpty()) {
            throw new IllegalArgumentException("Message queues can not be null or empty.");
        }
        if (subscriptionType == SubscriptionType.SUBSCRIBE) {
            throw new IllegalStateException("Subscribe and assign are mutually exclusive.");
        }
        subscriptionType = SubscriptionType.ASSIGN;
        for (MessageQueue mq : messageQueues) {
            rebalance.getSubscriptionInner().computeIfAbsent(mq.topic(),
                t -> SubscriptionData.ofTags(t, SubscriptionData.SUB_ALL, System.currentTimeMillis()));
        }
        assigned.updateAssignedMessageQueue(null, messageQueues);
        taskTable.keySet().stream().filter(mq -> !messageQueues.contains(mq)).toList().forEach(this::cancelTask);
        if (serviceState == ServiceState.RUNNING) {
            startPullTasks(messageQueues);
        }
    }

    public void setSubExpressionForAssign(String topic, String subExpression) {
        rebalance.getSubscriptionInner().put(topic,
            SubscriptionData.ofTags(topic, subExpression, System.currentTimeMillis()));
    }

    /** Called by rebalance: {@code mqs} are now this client's queues of {@code topic}. */
    void updateAssignedQueues(String topic, Set<MessageQueue> mqs) {
        assigned.updateAssignedMessageQueue(topic, mqs);
        taskTable.keySet().stream().filter(mq -> mq.topic().equals(topic) && !mqs.contains(mq)).toList()
            .forEach(this::cancelTask);
        startPullTasks(mqs);
    }

    private void startPullTasks(Collection<MessageQueue> mqs) {
        for (MessageQueue mq : mqs) {
            taskTable.computeIfAbsent(mq, k -> schedule(new PullTask(k), 0));
        }
    }

    private void removePullTasks(String topic) {
        taskTable.keySet().stream().filter(mq -> mq.topic().equals(topic)).toList().forEach(this::cancelTask);
    }

    private void cancelTask(MessageQueue mq) {
        ScheduledFuture<?> f = taskTable.remove(mq);
        if (f != null) {
            f.cancel(false);
        }
    }

    private ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        try {
            return pullExecutor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    // ---- pulling -----------------------------------------------------------------------------------------

    /** Pulls one queue again and again until the queue is taken away or the consumer stops. */
    private final class PullTask implements Runnable {
        private final MessageQueue mq;

        PullTask(MessageQueue mq) {
            this.mq = mq;
        }

        @Override
        public void run() {
            ProcessQueue pq = assigned.processQueue(mq);
            if (pq == null || pq.isDropped() || serviceState != ServiceState.RUNNING) {
                taskTable.remove(mq);
                return;
            }
            long delay = pullOnce(pq);
            if (taskTable.containsKey(mq) && !pq.isDropped()) {
                ScheduledFuture<?> next = schedule(this, delay);
                if (next != null) {
                    taskTable.replace(mq, next);
                }
            }
        }

        /** @return how long to wait before the next pull of this queue */
        private long pullOnce(ProcessQueue pq) {
            if (assigned.isPaused(mq)) {
                return PULL_TIME_DELAY_MILLS_WHEN_PAUSE;
            }
            if (flowControlled(pq)) {
                return PULL_TIME_DELAY_MILLS_WHEN_FLOW_CONTROL;
            }
            long offset = nextPullOffset(mq);
            if (offset < 0) {
                return PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION;
            }
            SubscriptionData sub = rebalance.getSubscriptionInner().get(mq.topic());
            try {
                PullResult result = pull(mq, sub, offset);
                handle(pq, result);
                return consumer.getPullDelayMillis();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION;
            } catch (Exception e) {
                LOG.warn("pull of {} failed: {}", mq, e.toString());
                return PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION;
            }
        }

        private void handle(ProcessQueue pq, PullResult result) {
            synchronized (seekLock) {
                if (assigned.seekOffset(mq) != -1) {
                    return;
                }
                if (result.getPullStatus() == io.petrel.client.consumer.PullStatus.FOUND
                    && !result.getMsgFoundList().isEmpty()) {
                    pq.putMessage(result.getMsgFoundList());
                    consumeRequestCache.add(new ConsumeRequest(result.getMsgFoundList(), mq, pq));
                }
                assigned.updatePullOffset(mq, result.getNextBeginOffset(), pq);
            }
        }
    }

    private boolean flowControlled(ProcessQueue pq) {
        if ((long) consumeRequestCache.size() * consumer.getPullBatchSize() > consumer.getPullThresholdForAll()) {
            return true;
        }
        long sizeMiB = pq.getMsgSize().get() / (1024 * 1024);
        return pq.getMsgCount().get() > consumer.getPullThresholdForQueue()
            || sizeMiB > consumer.getPullThresholdSizeForQueue()
            || pq.getMaxSpan() > consumer.getConsumeMaxSpan();
    }

    private long nextPullOffset(MessageQueue mq) {
        synchronized (seekLock) {
            long seek = assigned.seekOffset(mq);
            if (seek != -1) {
                assigned.updatePullOffset(mq, seek, assigned.processQueue(mq));
                assigned.updateConsumeOffset(mq, seek);
                assigned.setSeekOffset(mq, -1);
                return seek;
            }
        }
        long offset = assigned.pullOffset(mq);
        if (offset == -1) {
            offset = rebalance.computePullFromWhere(mq);
            if (offset >= 0) {
                assigned.updatePullOffset(mq, offset, assigned.processQueue(mq));
                assigned.updateConsumeOffset(mq, offset);
            }
        }
        return offset;
    }

    private PullResult pull(MessageQueue mq, SubscriptionData sub, long offset) throws Exception {
        String expression = sub == null ? SubscriptionData.SUB_ALL : sub.subString();
        String type = sub == null ? SubscriptionData.TAG : sub.expressionType();
        int sysFlag = PullAPIWrapper.buildSysFlag(false, true, true, false) | PullAPIWrapper.FLAG_LITE_PULL_MESSAGE;
        PullResult raw = pullAPIWrapper.pullKernelImpl(mq, expression, type, 0, offset, consumer.getPullBatchSize(),
            sysFlag, 0, consumer.getBrokerSuspendMaxTimeMillis(), consumer.getConsumerTimeoutMillisWhenSuspend(),
            CommunicationMode.SYNC, null);
        return pullAPIWrapper.processPullResult(mq, raw, sub);
    }

    // ---- polling and offsets -----------------------------------------------------------------------------

    public List<MessageExt> poll(long timeoutMillis) {
        try {
            makeSureStateOK();
        } catch (MQClientException e) {
            throw new IllegalStateException(e.getErrorMessage(), e);
        }
        if (consumer.isAutoCommit()) {
            maybeAutoCommit();
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        try {
            while (true) {
                long left = deadline - System.currentTimeMillis();
                ConsumeRequest request = consumeRequestCache.poll(Math.max(left, 0), TimeUnit.MILLISECONDS);
                if (request == null) {
                    return new ArrayList<>();
                }
                if (request.processQueue().isDropped()) {
                    continue;
                }
                List<MessageExt> msgs = request.messages();
                long offset = request.processQueue().removeMessage(msgs);
                assigned.updateConsumeOffset(request.messageQueue(), offset);
                resetTopic(msgs);
                return msgs;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ArrayList<>();
        }
    }

    private void maybeAutoCommit() {
        long now = System.currentTimeMillis();
        if (nextAutoCommitDeadline < 0) {
            nextAutoCommitDeadline = now + consumer.getAutoCommitIntervalMillis();
        } else if (now >= nextAutoCommitDeadline) {
            commitAll();
            nextAutoCommitDeadline = now + consumer.getAutoCommitIntervalMillis();
        }
    }

    private void resetTopic(List<MessageExt> msgs) {
        String ns = consumer.getNamespace();
        if (ns != null && !ns.isEmpty()) {
            msgs.forEach(m -> m.setTopic(consumer.withoutNamespace(m.getTopic())));
        }
    }

    public synchronized void commitAll() {
        Set<MessageQueue> mqs = assigned.messageQueues();
        for (MessageQueue mq : mqs) {
            long offset = assigned.consumeOffset(mq);
            ProcessQueue pq = assigned.processQueue(mq);
            if (offset != -1 && pq != null && !pq.isDropped()) {
                offsetStore.updateOffset(mq, offset, false);
            }
        }
        if (consumer.getMessageModel() == MessageModel.BROADCASTING) {
            offsetStore.persistAll(mqs);
        } else {
            mqs.forEach(offsetStore::persist);
        }
    }

    public synchronized void commit(Map<MessageQueue, Long> offsets, boolean persist) {
        offsets.forEach((mq, offset) -> {
            if (offset != -1 && assigned.processQueue(mq) != null) {
                offsetStore.updateOffset(mq, offset, false);
                if (persist) {
                    offsetStore.persist(mq);
                }
            }
        });
    }

    public synchronized void commit(Set<MessageQueue> mqs, boolean persist) {
        Map<MessageQueue, Long> offsets = new HashMap<>();
        mqs.forEach(mq -> offsets.put(mq, assigned.consumeOffset(mq)));
        commit(offsets, persist);
    }

    public long committed(MessageQueue mq) throws MQClientException {
        makeSureStateOK();
        long offset = offsetStore.readOffset(mq, ReadOffsetType.MEMORY_FIRST_THEN_STORE);
        if (offset == -2) {
            throw new MQClientException("Fetch consume offset from broker exception", null);
        }
        return offset;
    }

    public void seek(MessageQueue mq, long offset) throws MQClientException {
        makeSureStateOK();
        if (assigned.state(mq) == null) {
            throw new MQClientException(subscriptionType == SubscriptionType.SUBSCRIBE
                ? "The message queue is not in assigned list, may be rebalancing, message queue: " + mq
                : "The message queue is not in assigned list, message queue: " + mq, null);
        }
        long min = instance.getMQAdminImpl().minOffset(mq);
        long max = instance.getMQAdminImpl().maxOffset(mq);
        if (offset < min || offset > max) {
            throw new MQClientException("Seek offset illegal, seek offset = " + offset + ", min offset = " + min
                + ", max offset = " + max, null);
        }
        synchronized (seekLock) {
            ProcessQueue pq = assigned.processQueue(mq);
            if (pq != null) {
                pq.clear();
            }
            consumeRequestCache.removeIf(r -> r.messageQueue().equals(mq));
            assigned.setSeekOffset(mq, offset);
        }
    }

    public void seekToBegin(MessageQueue mq) throws MQClientException {
        makeSureStateOK();
        seek(mq, instance.getMQAdminImpl().minOffset(mq));
    }

    public void seekToEnd(MessageQueue mq) throws MQClientException {
        makeSureStateOK();
        seek(mq, instance.getMQAdminImpl().maxOffset(mq));
    }

    public void pause(Collection<MessageQueue> mqs) {
        assigned.pause(mqs);
    }

    public void resume(Collection<MessageQueue> mqs) {
        assigned.resume(mqs);
    }

    public Long offsetForTimestamp(MessageQueue mq, long timestamp) throws MQClientException {
        makeSureStateOK();
        return instance.getMQAdminImpl().searchOffset(mq, timestamp);
    }

    public Set<MessageQueue> fetchMessageQueues(String topic) throws MQClientException {
        makeSureStateOK();
        instance.updateTopicRouteInfoFromNameServer(topic);
        io.petrel.common.route.TopicRouteData route = instance.topicRoute(topic);
        if (route == null) {
            throw new MQClientException("The topic[" + topic + "] not exist", null);
        }
        return io.petrel.client.impl.RouteConversions.toSubscribeQueues(topic, route);
    }

    public Set<MessageQueue> assignment() {
        return assigned.messageQueues();
    }

    public void registerTopicMessageQueueChangeListener(String topic, TopicMessageQueueChangeListener listener)
        throws MQClientException {
        if (topic == null || listener == null) {
            throw new MQClientException("Topic or listener is null", null);
        }
        if (topicListeners.containsKey(topic)) {
            LOG.warn("topic {} already has a queue change listener; replacing it", topic);
        }
        topicListeners.put(topic, listener);
        if (serviceState == ServiceState.RUNNING) {
            topicQueuesSeen.put(topic, fetchMessageQueues(topic));
        }
    }

    private void checkTopicQueues() {
        for (Map.Entry<String, TopicMessageQueueChangeListener> e : topicListeners.entrySet()) {
            try {
                Set<MessageQueue> now = fetchMessageQueues(e.getKey());
                Set<MessageQueue> before = topicQueuesSeen.put(e.getKey(), now);
                if (!now.equals(before)) {
                    e.getValue().onChanged(e.getKey(), now);
                }
            } catch (Exception ex) {
                LOG.warn("queue check of {} failed: {}", e.getKey(), ex.toString());
            }
        }
    }

    public void updateNameServerAddress(String addrs) {
        instance.getMQClientAPIImpl().updateNameServerAddressList(addrs);
    }

    // ---- MQConsumerInner -----------------------------------------------------------------------------------

    @Override
    public String groupName() {
        return consumer.getConsumerGroup();
    }

    @Override
    public MessageModel messageModel() {
        return consumer.getMessageModel();
    }

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_ACTIVELY;
    }

    @Override
    public ConsumeFromWhere consumeFromWhere() {
        return consumer.getConsumeFromWhere();
    }

    @Override
    public Set<SubscriptionData> subscriptions() {
        return new HashSet<>(rebalance.getSubscriptionInner().values());
    }

    @Override
    public void doRebalance() {
        if (subscriptionType == SubscriptionType.SUBSCRIBE) {
            rebalance.doRebalance(false);
        }
    }

    @Override
    public void persistConsumerOffset() {
        if (serviceState != ServiceState.RUNNING) {
            return;
        }
        Set<MessageQueue> mqs = assigned.messageQueues();
        if (consumer.isAutoCommit()) {
            commitAll();
        } else if (!mqs.isEmpty()) {
            if (consumer.getMessageModel() == MessageModel.BROADCASTING) {
                offsetStore.persistAll(mqs);
            } else {
                mqs.forEach(offsetStore::persist);
            }
        }
    }

    @Override
    public void updateTopicSubscribeInfo(String topic, Set<MessageQueue> info) {
        rebalance.updateTopicSubscribeInfo(topic, info);
    }

    @Override
    public boolean isSubscribeTopicNeedUpdate(String topic) {
        return rebalance.isSubscribeTopicNeedUpdate(topic);
    }

    @Override
    public boolean isUnitMode() {
        return consumer.isUnitMode();
    }

    public DefaultLitePullConsumer consumer() {
        return consumer;
    }

    public OffsetStore getOffsetStore() {
        return offsetStore;
    }

    public MQClientInstance getMQClientFactory() {
        return instance;
    }
}
