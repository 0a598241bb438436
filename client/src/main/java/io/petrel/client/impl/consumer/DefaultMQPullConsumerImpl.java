package io.petrel.client.impl.consumer;

import io.petrel.client.consumer.DefaultMQPullConsumer;
import io.petrel.client.consumer.PullCallback;
import io.petrel.client.consumer.PullResult;
import io.petrel.client.consumer.store.OffsetStore;
import io.petrel.client.consumer.store.ReadOffsetType;
import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.exception.MQClientException;
import io.petrel.client.impl.CommunicationMode;
import io.petrel.client.impl.MQAdminImpl;
import io.petrel.client.impl.MQClientInstance;
import io.petrel.client.impl.MQClientInstance.ServiceState;
import io.petrel.client.impl.MQClientManager;
import io.petrel.client.impl.MQConsumerInner;
import io.petrel.client.impl.RouteConversions;
import io.petrel.common.heartbeat.ConsumeFromWhere;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.TopicRouteData;
import io.petrel.remoting.RPCHook;
import io.petrel.remoting.exception.RemotingException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pull consumer's engine: validates and sends each pull the application asks for, decodes and filters what
 * comes back, keeps the offsets the application records and commits them with the client's periodic persist.
 */
public class DefaultMQPullConsumerImpl implements MQConsumerInner {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultMQPullConsumerImpl.class);

    private final DefaultMQPullConsumer consumer;
    private final RPCHook rpcHook;
    private final RebalancePullImpl rebalance = new RebalancePullImpl(this);
    /** Queues the application recorded an offset for: committed even when rebalance did not assign them. */
    private final Set<MessageQueue> updatedQueues = ConcurrentHashMap.newKeySet();
    private volatile ServiceState serviceState = ServiceState.CREATE_JUST;
    private MQClientInstance instance;
    private PullAPIWrapper pullAPIWrapper;
    private OffsetStore offsetStore;

    public DefaultMQPullConsumerImpl(DefaultMQPullConsumer consumer, RPCHook rpcHook) {
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
        synchronized (consumer.getRegisterTopics()) {
            for (String topic : consumer.getRegisterTopics()) {
                rebalance.getSubscriptionInner().put(topic,
                    SubscriptionData.ofTags(topic, SubscriptionData.SUB_ALL, System.currentTimeMillis()));
            }
        }
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
        instance.start();
        serviceState = ServiceState.RUNNING;
        LOG.info("pull consumer {} started", consumer.getConsumerGroup());
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
        persistConsumerOffset();
        instance.unregisterConsumer(consumer.getConsumerGroup());
        instance.shutdown();
        rebalance.destroy();
        serviceState = ServiceState.SHUTDOWN_ALREADY;
        LOG.info("pull consumer {} stopped", consumer.getConsumerGroup());
    }

    private void makeSureStateOK() throws MQClientException {
        if (serviceState != ServiceState.RUNNING) {
            throw new MQClientException("The consumer service state not OK, " + serviceState, null);
        }
    }

    // ---- pulling ---------------------------------------------------------------------------------------

    public PullResult pull(MessageQueue mq, String subExpression, long offset, int maxNums, boolean block,
                           long timeoutMillis)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        SubscriptionData sub = prepare(mq, subExpression, offset, maxNums);
        PullResult raw = pullAPIWrapper.pullKernelImpl(mq, sub.subString(), sub.expressionType(), 0, offset, maxNums,
            PullAPIWrapper.buildSysFlag(false, block, true, false), 0, consumer.getBrokerSuspendMaxTimeMillis(),
            timeoutMillis, CommunicationMode.SYNC, null);
        return pullAPIWrapper.processPullResult(mq, raw, sub);
    }

    public void pullAsync(MessageQueue mq, String subExpression, long offset, int maxNums, boolean block,
                          long timeoutMillis, PullCallback callback)
        throws MQClientException, RemotingException, InterruptedException {
        if (callback == null) {
            throw new MQClientException("pullCallback is null", null);
        }
        SubscriptionData sub = prepare(mq, subExpression, offset, maxNums);
        try {
            pullAPIWrapper.pullKernelImpl(mq, sub.subString(), sub.expressionType(), 0, offset, maxNums,
                PullAPIWrapper.buildSysFlag(false, block, true, false), 0, consumer.getBrokerSuspendMaxTimeMillis(),
                timeoutMillis, CommunicationMode.ASYNC, new PullCallback() {
                    @Override
                    public void onSuccess(PullResult result) {
                        callback.onSuccess(pullAPIWrapper.processPullResult(mq, result, sub));
                    }

                    @Override
                    public void onException(Throwable e) {
                        callback.onException(e);
                    }
                });
        } catch (MQBrokerException e) {
            throw new MQClientException("pullAsync unknown exception", e);
        }
    }

    /** Checks a pull's arguments, announces its topic in the heartbeat, and returns its subscription. */
    private SubscriptionData prepare(MessageQueue mq, String subExpression, long offset, int maxNums)
        throws MQClientException {
        makeSureStateOK();
        if (mq == null) {
            throw new MQClientException("mq is null", null);
        }
        if (offset < 0) {
            throw new MQClientException("offset < 0", null);
        }
        if (maxNums <= 0) {
            throw new MQClientException("maxNums <= 0", null);
        }
        rebalance.getSubscriptionInner().computeIfAbsent(mq.topic(),
            t -> SubscriptionData.ofTags(t, SubscriptionData.SUB_ALL, System.currentTimeMillis()));
        try {
            return SubscriptionData.ofTags(mq.topic(), subExpression, 0);
        } catch (IllegalArgumentException e) {
            throw new MQClientException("parse subscription error", e);
        }
    }

    // ---- queues and offsets ----------------------------------------------------------------------------

    public Set<MessageQueue> fetchSubscribeMessageQueues(String topic) throws MQClientException {
        makeSureStateOK();
        instance.updateTopicRouteInfoFromNameServer(topic);
        TopicRouteData route = instance.topicRoute(topic);
        Set<MessageQueue> queues = route == null ? Set.of() : RouteConversions.toSubscribeQueues(topic, route);
        if (queues.isEmpty()) {
            throw new MQClientException("Can not find Message Queue for this topic, " + topic
                + " Namesrv return empty", null);
        }
        return queues;
    }

    public Set<MessageQueue> fetchMessageQueuesInBalance(String topic) throws MQClientException {
        makeSureStateOK();
        Set<MessageQueue> mine = new HashSet<>();
        for (MessageQueue mq : rebalance.getProcessQueueTable().keySet()) {
            if (mq.topic().equals(topic)) {
                mine.add(mq);
            }
        }
        return mine;
    }

    public void updateConsumeOffset(MessageQueue mq, long offset) throws MQClientException {
        makeSureStateOK();
        updatedQueues.add(mq);
        offsetStore.updateOffset(mq, offset, false);
    }

    public long fetchConsumeOffset(MessageQueue mq, boolean fromStore) throws MQClientException {
        makeSureStateOK();
        return offsetStore.readOffset(mq, fromStore ? ReadOffsetType.READ_FROM_STORE
            : ReadOffsetType.MEMORY_FIRST_THEN_STORE);
    }

    public MQAdminImpl admin() throws MQClientException {
        makeSureStateOK();
        return instance.getMQAdminImpl();
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
        return ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
    }

    @Override
    public Set<SubscriptionData> subscriptions() {
        return new HashSet<>(rebalance.getSubscriptionInner().values());
    }

    @Override
    public void doRebalance() {
        rebalance.doRebalance(false);
    }

    /** Commits the offsets of the queues rebalance gave this consumer and of those the application recorded. */
    @Override
    public void persistConsumerOffset() {
        if (serviceState != ServiceState.RUNNING) {
            return;
        }
        Set<MessageQueue> mqs = new HashSet<>(rebalance.getProcessQueueTable().keySet());
        mqs.addAll(updatedQueues);
        offsetStore.persistAll(mqs);
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

    public DefaultMQPullConsumer consumer() {
        return consumer;
    }

    public OffsetStore getOffsetStore() {
        return offsetStore;
    }
}
