package io.petrel.client.consumer;

import io.petrel.client.ClientConfig;
import io.petrel.client.QueryResult;
import io.petrel.client.consumer.listener.MessageListener;
import io.petrel.client.consumer.listener.MessageListenerConcurrently;
import io.petrel.client.consumer.listener.MessageListenerOrderly;
import io.petrel.client.consumer.rebalance.AllocateMessageQueueAveragely;
import io.petrel.client.consumer.store.OffsetStore;
import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.exception.MQClientException;
import io.petrel.client.impl.consumer.DefaultMQPushConsumerImpl;
import io.petrel.common.heartbeat.ConsumeFromWhere;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageQueue;
import io.petrel.remoting.RPCHook;
import io.petrel.remoting.exception.RemotingException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A consumer that is fed: it pulls with long polling, caches per queue, and calls a concurrent or orderly listener;
 * queues are shared among the group's clients by client-side rebalance. Same API and defaults as RocketMQ's
 * {@code DefaultMQPushConsumer}.
 */
public class DefaultMQPushConsumer extends ClientConfig {
    public static final String DEFAULT_CONSUMER_GROUP = "DEFAULT_CONSUMER";

    protected final transient DefaultMQPushConsumerImpl defaultMQPushConsumerImpl;
    private String consumerGroup;
    private MessageModel messageModel = MessageModel.CLUSTERING;
    private ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
    private String consumeTimestamp = LocalDateTime.now().minusMinutes(30)
        .format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    private AllocateMessageQueueStrategy allocateMessageQueueStrategy;
    private Map<String, String> subscription = new HashMap<>();
    private MessageListener messageListener;
    private OffsetStore offsetStore;
    private int consumeThreadMin = 20;
    private int consumeThreadMax = 20;
    private int consumeConcurrentlyMaxSpan = 2000;
    private int pullThresholdForQueue = 1000;
    private int pullThresholdSizeForQueue = 100;
    private long pullInterval;
    private int consumeMessageBatchMaxSize = 1;
    private int pullBatchSize = 32;
    private boolean postSubscriptionWhenPull;
    private int maxReconsumeTimes = -1;
    private long suspendCurrentQueueTimeMillis = 1000;
    private long consumeTimeout = 15;
    private long awaitTerminationMillisWhenShutdown;

    public DefaultMQPushConsumer() {
        this(null, DEFAULT_CONSUMER_GROUP, null, new AllocateMessageQueueAveragely());
    }

    public DefaultMQPushConsumer(String consumerGroup) {
        this(null, consumerGroup, null, new AllocateMessageQueueAveragely());
    }

    public DefaultMQPushConsumer(RPCHook rpcHook) {
        this(null, DEFAULT_CONSUMER_GROUP, rpcHook, new AllocateMessageQueueAveragely());
    }

    public DefaultMQPushConsumer(String consumerGroup, RPCHook rpcHook) {
        this(null, consumerGroup, rpcHook, new AllocateMessageQueueAveragely());
    }

    public DefaultMQPushConsumer(String namespace, String consumerGroup) {
        this(namespace, consumerGroup, null, new AllocateMessageQueueAveragely());
    }

    public DefaultMQPushConsumer(String consumerGroup, RPCHook rpcHook,
                                 AllocateMessageQueueStrategy allocateMessageQueueStrategy) {
        this(null, consumerGroup, rpcHook, allocateMessageQueueStrategy);
    }

    public DefaultMQPushConsumer(String namespace, String consumerGroup, RPCHook rpcHook,
                                 AllocateMessageQueueStrategy allocateMessageQueueStrategy) {
        this.namespace = namespace;
        this.consumerGroup = consumerGroup;
        this.allocateMessageQueueStrategy = allocateMessageQueueStrategy;
        this.defaultMQPushConsumerImpl = new DefaultMQPushConsumerImpl(this, rpcHook);
    }

    public void start() throws MQClientException {
        setConsumerGroup(withNamespace(consumerGroup));
        defaultMQPushConsumerImpl.start();
    }

    public void shutdown() {
        defaultMQPushConsumerImpl.shutdown(awaitTerminationMillisWhenShutdown);
    }

    public void subscribe(String topic, String subExpression) throws MQClientException {
        String t = withNamespace(topic);
        subscription.put(t, subExpression);
        if (defaultMQPushConsumerImpl.getServiceState() != null
            && defaultMQPushConsumerImpl.getMQClientFactory() != null) {
            defaultMQPushConsumerImpl.subscribe(t, subExpression);
        }
    }

    /** Tag selectors only: SQL92 filtering is not supported by this client. */
    public void subscribe(String topic, MessageSelector selector) throws MQClientException {
        subscribe(topic, MessageSelector.tagExpression(selector));
    }

    public void unsubscribe(String topic) {
        subscription.remove(withNamespace(topic));
        defaultMQPushConsumerImpl.unsubscribe(withNamespace(topic));
    }

    public void registerMessageListener(MessageListenerConcurrently messageListener) {
        this.messageListener = messageListener;
    }

    public void registerMessageListener(MessageListenerOrderly messageListener) {
        this.messageListener = messageListener;
    }

    public void suspend() {
        defaultMQPushConsumerImpl.suspend();
    }

    public void resume() {
        defaultMQPushConsumerImpl.resume();
    }

    /** Sends a message back for a later retry at {@code delayLevel}. */
    public void sendMessageBack(MessageExt msg, int delayLevel)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        sendMessageBack(msg, delayLevel, null);
    }

    public void sendMessageBack(MessageExt msg, int delayLevel, String brokerName)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        if (!defaultMQPushConsumerImpl.sendMessageBack(msg, delayLevel, brokerName)) {
            throw new MQClientException("send message back failed: " + msg.getMsgId(), null);
        }
    }

    public Set<MessageQueue> fetchSubscribeMessageQueues(String topic) throws MQClientException {
        String t = withNamespace(topic);
        Set<MessageQueue> queues = defaultMQPushConsumerImpl.rebalance().getTopicSubscribeInfoTable().get(t);
        if (queues == null) {
            defaultMQPushConsumerImpl.getMQClientFactory().updateTopicRouteInfoFromNameServer(t);
            queues = defaultMQPushConsumerImpl.rebalance().getTopicSubscribeInfoTable().get(t);
        }
        if (queues == null) {
            throw new MQClientException("The topic[" + topic + "] not exist", null);
        }
        return queues;
    }

    public long searchOffset(MessageQueue mq, long timestamp) throws MQClientException {
        return defaultMQPushConsumerImpl.getMQClientFactory().getMQAdminImpl().searchOffset(queueWithNamespace(mq),
            timestamp);
    }

    public long maxOffset(MessageQueue mq) throws MQClientException {
        return defaultMQPushConsumerImpl.getMQClientFactory().getMQAdminImpl().maxOffset(queueWithNamespace(mq));
    }

    public long minOffset(MessageQueue mq) throws MQClientException {
        return defaultMQPushConsumerImpl.getMQClientFactory().getMQAdminImpl().minOffset(queueWithNamespace(mq));
    }

    public MessageExt viewMessage(String offsetMsgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        return defaultMQPushConsumerImpl.getMQClientFactory().getMQAdminImpl().viewMessage(offsetMsgId);
    }

    public QueryResult queryMessage(String topic, String key, int maxNum, long begin, long end)
        throws MQClientException, InterruptedException {
        return defaultMQPushConsumerImpl.getMQClientFactory().getMQAdminImpl().queryMessage(withNamespace(topic),
            key, maxNum, begin, end);
    }

    public DefaultMQPushConsumerImpl getDefaultMQPushConsumerImpl() {
        return defaultMQPushConsumerImpl;
    }

    // ---- settings ---------------------------------------------------------------------------------------

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public MessageModel getMessageModel() {
        return messageModel;
    }

    public void setMessageModel(MessageModel messageModel) {
        this.messageModel = messageModel;
    }

    public ConsumeFromWhere getConsumeFromWhere() {
        return consumeFromWhere;
    }

    public void setConsumeFromWhere(ConsumeFromWhere consumeFromWhere) {
        this.consumeFromWhere = consumeFromWhere;
    }

    public String getConsumeTimestamp() {
        return consumeTimestamp;
    }

    public void setConsumeTimestamp(String consumeTimestamp) {
        this.consumeTimestamp = consumeTimestamp;
    }

    public AllocateMessageQueueStrategy getAllocateMessageQueueStrategy() {
        return allocateMessageQueueStrategy;
    }

    public void setAllocateMessageQueueStrategy(AllocateMessageQueueStrategy allocateMessageQueueStrategy) {
        this.allocateMessageQueueStrategy = allocateMessageQueueStrategy;
    }

    public Map<String, String> getSubscription() {
        return subscription;
    }

    public void setSubscription(Map<String, String> subscription) {
        Map<String, String> withNs = new HashMap<>();
        subscription.forEach((t, e) -> withNs.put(withNamespace(t), e));
        this.subscription = withNs;
    }

    public MessageListener getMessageListener() {
        return messageListener;
    }

    public void setMessageListener(MessageListener messageListener) {
        this.messageListener = messageListener;
    }

    public OffsetStore getOffsetStore() {
        return offsetStore;
    }

    public void setOffsetStore(OffsetStore offsetStore) {
        this.offsetStore = offsetStore;
    }

    public int getConsumeThreadMin() {
        return consumeThreadMin;
    }

    public void setConsumeThreadMin(int consumeThreadMin) {
        this.consumeThreadMin = consumeThreadMin;
    }

    public int getConsumeThreadMax() {
        return consumeThreadMax;
    }

    public void setConsumeThreadMax(int consumeThreadMax) {
        this.consumeThreadMax = consumeThreadMax;
    }

    public int getConsumeConcurrentlyMaxSpan() {
        return consumeConcurrentlyMaxSpan;
    }

    public void setConsumeConcurrentlyMaxSpan(int consumeConcurrentlyMaxSpan) {
        this.consumeConcurrentlyMaxSpan = consumeConcurrentlyMaxSpan;
    }

    public int getPullThresholdForQueue() {
        return pullThresholdForQueue;
    }

    public void setPullThresholdForQueue(int pullThresholdForQueue) {
        this.pullThresholdForQueue = pullThresholdForQueue;
    }

    public int getPullThresholdSizeForQueue() {
        return pullThresholdSizeForQueue;
    }

    public void setPullThresholdSizeForQueue(int pullThresholdSizeForQueue) {
        this.pullThresholdSizeForQueue = pullThresholdSizeForQueue;
    }

    public long getPullInterval() {
        return pullInterval;
    }

    public void setPullInterval(long pullInterval) {
        this.pullInterval = pullInterval;
    }

    public int getConsumeMessageBatchMaxSize() {
        return consumeMessageBatchMaxSize;
    }

    public void setConsumeMessageBatchMaxSize(int consumeMessageBatchMaxSize) {
        this.consumeMessageBatchMaxSize = consumeMessageBatchMaxSize;
    }

    public int getPullBatchSize() {
        return pullBatchSize;
    }

    public void setPullBatchSize(int pullBatchSize) {
        this.pullBatchSize = pullBatchSize;
    }

    public boolean isPostSubscriptionWhenPull() {
        return postSubscriptionWhenPull;
    }

    public void setPostSubscriptionWhenPull(boolean postSubscriptionWhenPull) {
        this.postSubscriptionWhenPull = postSubscriptionWhenPull;
    }

    public int getMaxReconsumeTimes() {
        return maxReconsumeTimes;
    }

    public void setMaxReconsumeTimes(int maxReconsumeTimes) {
        this.maxReconsumeTimes = maxReconsumeTimes;
    }

    public long getSuspendCurrentQueueTimeMillis() {
        return suspendCurrentQueueTimeMillis;
    }

    public void setSuspendCurrentQueueTimeMillis(long suspendCurrentQueueTimeMillis) {
        this.suspendCurrentQueueTimeMillis = suspendCurrentQueueTimeMillis;
    }

    public long getConsumeTimeout() {
        return consumeTimeout;
    }

    public void setConsumeTimeout(long consumeTimeout) {
        this.consumeTimeout = consumeTimeout;
    }

    public long getAwaitTerminationMillisWhenShutdown() {
        return awaitTerminationMillisWhenShutdown;
    }

    public void setAwaitTerminationMillisWhenShutdown(long awaitTerminationMillisWhenShutdown) {
        this.awaitTerminationMillisWhenShutdown = awaitTerminationMillisWhenShutdown;
    }
}
