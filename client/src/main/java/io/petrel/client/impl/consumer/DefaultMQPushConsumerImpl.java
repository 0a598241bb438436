package io.petrel.client.impl.consumer;

import io.petrel.client.consumer.DefaultMQPushConsumer;
import io.petrel.client.consumer.PullCallback;
import io.petrel.client.consumer.PullResult;
import io.petrel.client.consumer.listener.MessageListenerConcurrently;
import io.petrel.client.consumer.listener.MessageListenerOrderly;
import io.petrel.client.consumer.store.OffsetStore;
import io.petrel.client.consumer.store.ReadOffsetType;
import io.petrel.client.exception.MQClientException;
import io.petrel.client.impl.CommunicationMode;
import io.petrel.client.impl.MQClientInstance;
import io.petrel.client.impl.MQClientInstance.ServiceState;
import io.petrel.client.impl.MQClientManager;
import io.petrel.client.impl.MQConsumerInner;
import io.petrel.client.producer.DefaultMQProducer;
import io.petrel.common.heartbeat.ConsumeFromWhere;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.message.Message;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.topic.TopicValidator;
import io.petrel.remoting.RPCHook;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push consumer's engine: subscriptions, rebalance, the pull loop with flow control, consumption through the
 * listener's service, offsets, and sending failed messages back for retry.
 */
public class DefaultMQPushConsumerImpl implements MQConsumerInner {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultMQPushConsumerImpl.class);
    private static final long PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION = 3000;
    private static final long PULL_TIME_DELAY_MILLS_WHEN_FLOW_CONTROL = 50;
    private static final long PULL_TIME_DELAY_MILLS_WHEN_SUSPEND = 1000;
    private static final long BROKER_SUSPEND_MAX_TIME_MILLIS = 15_000;
    private static final long CONSUMER_TIMEOUT_MILLIS_WHEN_SUSPEND = 30_000;

    private final DefaultMQPushConsumer consumer;
    private final RPCHook rpcHook;
    private final RebalancePushImpl rebalance;
    private final long consumerStartTimestamp = System.currentTimeMillis();
    private volatile ServiceState serviceState = ServiceState.CREATE_JUST;
    private volatile boolean pause;
    private boolean consumeOrderly;
    private MQClientInstance instance;
    private PullAPIWrapper pullAPIWrapper;
    private OffsetStore offsetStore;
    private ConsumeMessageService consumeMessageService;
    private DefaultMQProducer innerProducer;
    private final ConsumerStats stats = new ConsumerStats(System::currentTimeMillis);
    private java.util.concurrent.ScheduledFuture<?> statsSampling;

    public DefaultMQPushConsumerImpl(DefaultMQPushConsumer consumer, RPCHook rpcHook) {
        this.consumer = consumer;
        this.rpcHook = rpcHook;
        this.rebalance = new RebalancePushImpl(this);
    }

    // ---- lifecycle -------------------------------------------------------------------------------------

    public synchronized void start() throws MQClientException {
        if (serviceState != ServiceState.CREATE_JUST) {
            throw new MQClientException("The PushConsumer service state not OK, maybe started once, "
                + serviceState, null);
        }
        serviceState = ServiceState.START_FAILED;
        ConsumerChecks.checkConfig(consumer);
        copySubscription();
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
        startConsumeService();
        if (!instance.registerConsumer(consumer.getConsumerGroup(), this)) {
            serviceState = ServiceState.CREATE_JUST;
            consumeMessageService.shutdown(consumer.getAwaitTerminationMillisWhenShutdown());
            throw new MQClientException("The consumer group[" + consumer.getConsumerGroup()
                + "] has been created before, specify another name please.", null);
        }
        ConsumerRequests.register(instance);
        innerProducer = instance.innerProducer();
        instance.start();
        statsSampling = instance.scheduler().scheduleAtFixedRate(stats::sample, 0, 10,
            java.util.concurrent.TimeUnit.SECONDS);
        serviceState = ServiceState.RUNNING;
        LOG.info("push consumer {} started", consumer.getConsumerGroup());
        for (String topic : rebalance.getSubscriptionInner().keySet()) {
            instance.updateTopicRouteInfoFromNameServer(topic);
        }
        instance.sendHeartbeatToAllBrokerWithLock();
        instance.rebalanceImmediately();
    }

    private void startConsumeService() {
        if (consumer.getMessageListener() instanceof MessageListenerOrderly orderly) {
            consumeOrderly = true;
            consumeMessageService = new ConsumeMessageOrderlyService(this, orderly);
        } else {
            consumeOrderly = false;
            consumeMessageService = new ConsumeMessageConcurrentlyService(this,
                (MessageListenerConcurrently) consumer.getMessageListener());
        }
        consumeMessageService.start();
    }

    private void copySubscription() throws MQClientException {
        for (Map.Entry<String, String> e : consumer.getSubscription().entrySet()) {
            subscribe(e.getKey(), e.getValue());
        }
        if (consumer.getMessageModel() == MessageModel.CLUSTERING) {
            String retryTopic = TopicValidator.RETRY_GROUP_TOPIC_PREFIX + consumer.getConsumerGroup();
            rebalance.getSubscriptionInner().put(retryTopic,
                SubscriptionData.ofTags(retryTopic, SubscriptionData.SUB_ALL, System.currentTimeMillis()));
        }
    }

    public synchronized void shutdown(long awaitTerminateMillis) {
        if (serviceState != ServiceState.RUNNING) {
            return;
        }
        consumeMessageService.shutdown(awaitTerminateMillis);
        statsSampling.cancel(false);
        persistConsumerOffset();
        instance.unregisterConsumer(consumer.getConsumerGroup());
        instance.shutdown();
        rebalance.destroy();
        serviceState = ServiceState.SHUTDOWN_ALREADY;
        LOG.info("push consumer {} stopped", consumer.getConsumerGroup());
    }

    void makeSureStateOK() throws MQClientException {
        if (serviceState != ServiceState.RUNNING) {
            throw new MQClientException("The consumer service state not OK, " + serviceState, null);
        }
    }

    // ---- subscriptions ---------------------------------------------------------------------------------

    public void subscribe(String topic, String subExpression) throws MQClientException {
        SubscriptionData data;
        try {
            data = SubscriptionData.ofTags(topic, subExpression, System.currentTimeMillis());
        } catch (IllegalArgumentException e) {
            throw new MQClientException("subscription exception", e);
        }
        rebalance.getSubscriptionInner().put(topic, data);
        if (instance != null) {
            instance.sendHeartbeatToAllBrokerWithLock();
        }
    }

    public void unsubscribe(String topic) {
        rebalance.getSubscriptionInner().remove(topic);
    }

    // ---- pulling ---------------------------------------------------------------------------------------

    public void executePullRequestImmediately(PullRequest pr) {
        instance.getPullMessageService().executePullRequestImmediately(() -> pullMessage(pr));
    }

    public void executePullRequestLater(PullRequest pr, long delayMillis) {
        instance.getPullMessageService().executePullRequestLater(() -> pullMessage(pr), delayMillis);
    }

    void pullMessage(PullRequest pr) {
        ProcessQueue pq = pr.getProcessQueue();
        if (pq.isDropped()) {
            return;
        }
        pq.setLastPullTimestamp(System.currentTimeMillis());
        if (serviceState != ServiceState.RUNNING) {
            executePullRequestLater(pr, PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION);
            return;
        }
        if (pause) {
            executePullRequestLater(pr, PULL_TIME_DELAY_MILLS_WHEN_SUSPEND);
            return;
        }
        if (flowControlled(pq)) {
            executePullRequestLater(pr, PULL_TIME_DELAY_MILLS_WHEN_FLOW_CONTROL);
            return;
        }
        if (consumeOrderly && !orderlyReady(pr, pq)) {
            return;
        }
        SubscriptionData sub = rebalance.getSubscriptionInner().get(pr.getMessageQueue().topic());
        if (sub == null) {
            executePullRequestLater(pr, PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION);
            return;
        }
        startPull(pr, sub);
    }

    private boolean flowControlled(ProcessQueue pq) {
        long count = pq.getMsgCount().get();
        long sizeMiB = pq.getMsgSize().get() / (1024 * 1024);
        if (count > consumer.getPullThresholdForQueue() || sizeMiB > consumer.getPullThresholdSizeForQueue()) {
            return true;
        }
        return !consumeOrderly && pq.getMaxSpan() > consumer.getConsumeConcurrentlyMaxSpan();
    }

    /** Orderly pulls need the queue's lock; the first pull after locking re-reads the start offset. */
    private boolean orderlyReady(PullRequest pr, ProcessQueue pq) {
        if (consumer.getMessageModel() == MessageModel.CLUSTERING && !pq.isLocked()) {
            executePullRequestLater(pr, PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION);
            return false;
        }
        if (!pr.isLockedFirst()) {
            long offset = rebalance.computePullFromWhere(pr.getMessageQueue());
            if (offset < 0) {
                executePullRequestLater(pr, PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION);
                return false;
            }
            pr.setLockedFirst(true);
            pr.setNextOffset(offset);
        }
        return true;
    }

    private void startPull(PullRequest pr, SubscriptionData sub) {
        MessageQueue mq = pr.getMessageQueue();
        long commitOffset = 0;
        if (consumer.getMessageModel() == MessageModel.CLUSTERING) {
            commitOffset = offsetStore.readOffset(mq, ReadOffsetType.READ_FROM_MEMORY);
        }
        boolean post = consumer.isPostSubscriptionWhenPull() && !sub.classFilterMode();
        int sysFlag = PullAPIWrapper.buildSysFlag(commitOffset > 0, true, post, sub.classFilterMode());
        try {
            pullAPIWrapper.pullKernelImpl(mq, post ? sub.subString() : null, sub.expressionType(), sub.subVersion(),
                pr.getNextOffset(), consumer.getPullBatchSize(), sysFlag, commitOffset,
                BROKER_SUSPEND_MAX_TIME_MILLIS, CONSUMER_TIMEOUT_MILLIS_WHEN_SUSPEND, CommunicationMode.ASYNC,
                new PushPullCallback(pr, sub, System.currentTimeMillis()));
        } catch (Exception e) {
            LOG.warn("pull of {} failed: {}", mq, e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            executePullRequestLater(pr, PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION);
        }
    }

    /** Handles one pull's answer and queues the next pull of the same queue. */
    private final class PushPullCallback implements PullCallback {
        private final PullRequest pr;
        private final SubscriptionData sub;
        private final long begin;

        PushPullCallback(PullRequest pr, SubscriptionData sub, long begin) {
            this.pr = pr;
            this.sub = sub;
            this.begin = begin;
        }

        @Override
        public void onSuccess(PullResult raw) {
            stats.onPull(pr.getMessageQueue().topic(), System.currentTimeMillis() - begin);
            PullResult result = pullAPIWrapper.processPullResult(pr.getMessageQueue(), raw, sub);
            ProcessQueue pq = pr.getProcessQueue();
            switch (result.getPullStatus()) {
                case FOUND -> {
                    pr.setNextOffset(result.getNextBeginOffset());
                    List<MessageExt> msgs = result.getMsgFoundList();
                    if (!msgs.isEmpty()) {
                        boolean dispatch = pq.putMessage(msgs);
                        consumeMessageService.submitConsumeRequest(msgs, pq, pr.getMessageQueue(), dispatch);
                    }
                    if (consumer.getPullInterval() > 0) {
                        executePullRequestLater(pr, consumer.getPullInterval());
                    } else {
                        executePullRequestImmediately(pr);
                    }
                }
                case NO_NEW_MSG, NO_MATCHED_MSG -> {
                    pr.setNextOffset(result.getNextBeginOffset());
                    if (pq.getMsgCount().get() == 0) {
                        offsetStore.updateOffset(pr.getMessageQueue(), pr.getNextOffset(), true);
                    }
                    executePullRequestImmediately(pr);
                }
                case OFFSET_ILLEGAL -> offsetIllegal(result);
            }
        }

        private void offsetIllegal(PullResult result) {
            LOG.warn("pull offset of {} illegal, moving to {}", pr, result.getNextBeginOffset());
            pr.setNextOffset(result.getNextBeginOffset());
            pr.getProcessQueue().setDropped(true);
            instance.getPullMessageService().executeTaskLater(() -> {
                offsetStore.updateOffset(pr.getMessageQueue(), pr.getNextOffset(), false);
                offsetStore.persist(pr.getMessageQueue());
                rebalance.removeProcessQueue(pr.getMessageQueue());
            }, 10_000);
        }

        @Override
        public void onException(Throwable e) {
            if (!pr.getMessageQueue().topic().startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX)) {
                LOG.warn("pull of {} failed: {}", pr.getMessageQueue(), e.toString());
            }
            executePullRequestLater(pr, PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION);
        }
    }

    // ---- retry -----------------------------------------------------------------------------------------

    /**
     * Sends a failed message back to the broker for a later retry; falls back to sending a retry copy through
     * the client's own producer. @return false when both failed
     */
    public boolean sendMessageBack(MessageExt msg, int delayLevel, String brokerName) {
        String addr = brokerName != null ? instance.findBrokerAddressInPublish(brokerName) : null;
        if (addr == null && msg.getStoreHost() != null) {
            addr = io.petrel.common.util.NetAddresses.format(msg.getStoreHost());
        }
        try {
            instance.getMQClientAPIImpl().consumerSendMessageBack(addr, brokerName, msg,
                consumer.getConsumerGroup(), delayLevel, 5000, getMaxReconsumeTimes());
            return true;
        } catch (Exception e) {
            LOG.warn("send back of {} failed, sending a retry copy instead: {}", msg.getMsgId(), e.toString());
            return sendRetryCopy(msg);
        }
    }

    private boolean sendRetryCopy(MessageExt msg) {
        Message copy = new Message(TopicValidator.RETRY_GROUP_TOPIC_PREFIX + consumer.getConsumerGroup(),
            msg.getBody());
        copy.setProperties(msg.getProperties());
        String origin = msg.getProperty(MessageProperties.ORIGIN_MESSAGE_ID);
        copy.putProperty(MessageProperties.ORIGIN_MESSAGE_ID, origin == null || origin.isEmpty()
            ? msg.getMsgId() : origin);
        copy.setFlag(msg.getFlag());
        copy.putProperty(MessageProperties.RETRY_TOPIC, msg.getTopic());
        copy.putProperty(MessageProperties.RECONSUME_TIME, Integer.toString(msg.getReconsumeTimes() + 1));
        copy.putProperty(MessageProperties.MAX_RECONSUME_TIMES, Integer.toString(getMaxReconsumeTimes()));
        copy.clearProperty(MessageProperties.TRAN_MSG);
        copy.setDelayTimeLevel(3 + msg.getReconsumeTimes());
        try {
            innerProducer.send(copy);
            return true;
        } catch (Exception e) {
            LOG.warn("retry copy of {} could not be sent: {}", msg.getMsgId(), e.toString());
            return false;
        }
    }

    int getMaxReconsumeTimes() {
        return consumer.getMaxReconsumeTimes() == -1 ? 16 : consumer.getMaxReconsumeTimes();
    }

    /** Messages redelivered through the retry topic get their original topic back. */
    public void resetRetryAndNamespace(List<MessageExt> msgs) {
        String retryTopic = TopicValidator.RETRY_GROUP_TOPIC_PREFIX + consumer.getConsumerGroup();
        for (MessageExt m : msgs) {
            String original = m.getProperty(MessageProperties.RETRY_TOPIC);
            if (original != null && retryTopic.equals(m.getTopic())) {
                m.setTopic(original);
            }
            if (consumer.getNamespace() != null && !consumer.getNamespace().isEmpty()) {
                m.setTopic(consumer.withoutNamespace(m.getTopic()));
            }
        }
    }

    // ---- MQConsumerInner -------------------------------------------------------------------------------

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
        return ConsumeType.CONSUME_PASSIVELY;
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
        if (!pause) {
            rebalance.doRebalance(consumeOrderly);
        }
    }

    @Override
    public void persistConsumerOffset() {
        if (serviceState == ServiceState.RUNNING || serviceState == ServiceState.SHUTDOWN_ALREADY) {
            offsetStore.persistAll(new HashSet<>(rebalance.getProcessQueueTable().keySet()));
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

    // ---- accessors -------------------------------------------------------------------------------------

    public DefaultMQPushConsumer consumer() {
        return consumer;
    }

    public RebalanceImpl rebalance() {
        return rebalance;
    }

    public OffsetStore getOffsetStore() {
        return offsetStore;
    }

    public boolean isConsumeOrderly() {
        return consumeOrderly;
    }

    public ConsumerStats stats() {
        return stats;
    }

    public ConsumeMessageService consumeMessageService() {
        return consumeMessageService;
    }

    public MQClientInstance getMQClientFactory() {
        return instance;
    }

    public ServiceState getServiceState() {
        return serviceState;
    }

    public long getConsumerStartTimestamp() {
        return consumerStartTimestamp;
    }

    public boolean isPause() {
        return pause;
    }

    public void setPause(boolean pause) {
        this.pause = pause;
    }

    /** Drops the topic's queues, stores the new offsets and lets the next rebalance pull from them. */
    public void resetOffsets(String topic, Map<MessageQueue, Long> offsets) {
        boolean wasPaused = pause;
        pause = true;
        try {
            for (Map.Entry<MessageQueue, ProcessQueue> e : rebalance.getProcessQueueTable().entrySet()) {
                if (e.getKey().topic().equals(topic) && offsets.containsKey(e.getKey())) {
                    e.getValue().setDropped(true);
                    e.getValue().clear();
                }
            }
            for (Map.Entry<MessageQueue, Long> e : offsets.entrySet()) {
                offsetStore.updateOffset(e.getKey(), e.getValue(), false);
                commitNow(e.getKey(), e.getValue());
                rebalance.getProcessQueueTable().remove(e.getKey());
            }
            LOG.info("{} reset {} offsets of {}", consumer.getConsumerGroup(), offsets.size(), topic);
        } finally {
            pause = wasPaused;
        }
        instance.rebalanceImmediately();
    }

    private void commitNow(MessageQueue mq, long offset) {
        try {
            offsetStore.updateConsumeOffsetToBroker(mq, offset, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("committing reset offset {} of {} failed: {}", offset, mq, e.toString());
        }
    }

    public void suspend() {
        pause = true;
        LOG.info("push consumer {} suspended", consumer.getConsumerGroup());
    }

    public void resume() {
        pause = false;
        doRebalance();
        LOG.info("push consumer {} resumed", consumer.getConsumerGroup());
    }
}
