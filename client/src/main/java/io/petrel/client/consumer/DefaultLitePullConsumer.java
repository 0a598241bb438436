package io.petrel.client.consumer;

import io.petrel.client.ClientConfig;
import io.petrel.client.consumer.rebalance.AllocateMessageQueueAveragely;
import io.petrel.client.consumer.store.OffsetStore;
import io.petrel.client.exception.MQClientException;
import io.petrel.client.impl.consumer.DefaultLitePullConsumerImpl;
import io.petrel.common.heartbeat.ConsumeFromWhere;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageQueue;
import io.petrel.remoting.RPCHook;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A consumer the application drives with {@link #poll()}: queues by subscription (rebalanced in the group) or by
 * assignment, with seek, pause/resume and automatic or explicit offset commits. Same API and defaults as RocketMQ's
 * {@code DefaultLitePullConsumer}.
 */
public class DefaultLitePullConsumer extends ClientConfig {
    public static final String DEFAULT_CONSUMER_GROUP = "DEFAULT_CONSUMER";
    private static final long MIN_AUTOCOMMIT_INTERVAL_MILLIS = 1000;

    private final DefaultLitePullConsumerImpl defaultLitePullConsumerImpl;
    private String consumerGroup;
    private long brokerSuspendMaxTimeMillis = 20_000;
    private long consumerTimeoutMillisWhenSuspend = 30_000;
    private long consumerPullTimeoutMillis = 10_000;
    private MessageModel messageModel = MessageModel.CLUSTERING;
    private MessageQueueListener messageQueueListener;
    private OffsetStore offsetStore;
    private AllocateMessageQueueStrategy allocateMessageQueueStrategy = new AllocateMessageQueueAveragely();
    private boolean autoCommit = true;
    private int pullThreadNums = 20;
    private long autoCommitIntervalMillis = 5_000;
    private int pullBatchSize = 10;
    private long pullThresholdForAll = 10_000;
    private int consumeMaxSpan = 2000;
    private int pullThresholdForQueue = 1000;
    private int pullThresholdSizeForQueue = 100;
    private long pollTimeoutMillis = 5_000;
    private long topicMetadataCheckIntervalMillis = 30_000;
    private long pullDelayMillis;
    private ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
    private String consumeTimestamp = LocalDateTime.now().minusMinutes(30)
        .format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));

    public DefaultLitePullConsumer() {
        this(null, DEFAULT_CONSUMER_GROUP, null);
    }

    public DefaultLitePullConsumer(String consumerGroup) {
        this(null, consumerGroup, null);
    }

    public DefaultLitePullConsumer(RPCHook rpcHook) {
        this(null, DEFAULT_CONSUMER_GROUP, rpcHook);
    }

    public DefaultLitePullConsumer(String consumerGroup, RPCHook rpcHook) {
        this(null, consumerGroup, rpcHook);
    }

    public DefaultLitePullConsumer(String namespace, String consumerGroup, RPCHook rpcHook) {
        this.namespace = namespace;
        this.consumerGroup = consumerGroup;
        this.defaultLitePullConsumerImpl = new DefaultLitePullConsumerImpl(this, rpcHook);
    }

    public void start() throws MQClientException {
        setConsumerGroup(withNamespace(consumerGroup));
        defaultLitePullConsumerImpl.start();
    }

    public void shutdown() {
        defaultLitePullConsumerImpl.shutdown();
    }

    public boolean isRunning() {
        return defaultLitePullConsumerImpl.isRunning();
    }

    public void subscribe(String topic, String subExpression) throws MQClientException {
        defaultLitePullConsumerImpl.subscribe(withNamespace(topic), subExpression);
    }

    /** Tag selectors only: SQL92 filtering is not supported by this client. */
    public void subscribe(String topic, MessageSelector selector) throws MQClientException {
        subscribe(topic, MessageSelector.tagExpression(selector));
    }

    public void subscribe(String topic, String subExpression, MessageQueueListener listener)
        throws MQClientException {
        this.messageQueueListener = listener;
        subscribe(topic, subExpression);
    }

    public void unsubscribe(String topic) {
        defaultLitePullConsumerImpl.unsubscribe(withNamespace(topic));
    }

    public void assign(Collection<MessageQueue> messageQueues) {
        Set<MessageQueue> withNs = new HashSet<>();
        messageQueues.forEach(mq -> withNs.add(queueWithNamespace(mq)));
        defaultLitePullConsumerImpl.assign(withNs);
    }

    public void setSubExpressionForAssign(String topic, String subExpression) {
        defaultLitePullConsumerImpl.setSubExpressionForAssign(withNamespace(topic), subExpression);
    }

    public List<MessageExt> poll() {
        return defaultLitePullConsumerImpl.poll(pollTimeoutMillis);
    }

    public List<MessageExt> poll(long timeout) {
        return defaultLitePullConsumerImpl.poll(timeout);
    }

    public void seek(MessageQueue messageQueue, long offset) throws MQClientException {
        defaultLitePullConsumerImpl.seek(queueWithNamespace(messageQueue), offset);
    }

    public void seekToBegin(MessageQueue messageQueue) throws MQClientException {
        defaultLitePullConsumerImpl.seekToBegin(queueWithNamespace(messageQueue));
    }

    public void seekToEnd(MessageQueue messageQueue) throws MQClientException {
        defaultLitePullConsumerImpl.seekToEnd(queueWithNamespace(messageQueue));
    }

    public void pause(Collection<MessageQueue> messageQueues) {
        Set<MessageQueue> withNs = new HashSet<>();
        messageQueues.forEach(mq -> withNs.add(queueWithNamespace(mq)));
        defaultLitePullConsumerImpl.pause(withNs);
    }

    public void resume(Collection<MessageQueue> messageQueues) {
        Set<MessageQueue> withNs = new HashSet<>();
        messageQueues.forEach(mq -> withNs.add(queueWithNamespace(mq)));
        defaultLitePullConsumerImpl.resume(withNs);
    }

    public Collection<MessageQueue> fetchMessageQueues(String topic) throws MQClientException {
        Set<MessageQueue> out = new HashSet<>();
        defaultLitePullConsumerImpl.fetchMessageQueues(withNamespace(topic))
            .forEach(mq -> out.add(queueWithoutNamespace(mq)));
        return out;
    }

    public Long offsetForTimestamp(MessageQueue messageQueue, Long timestamp) throws MQClientException {
        return defaultLitePullConsumerImpl.offsetForTimestamp(queueWithNamespace(messageQueue), timestamp);
    }

    public void registerTopicMessageQueueChangeListener(String topic, TopicMessageQueueChangeListener listener)
        throws MQClientException {
        defaultLitePullConsumerImpl.registerTopicMessageQueueChangeListener(withNamespace(topic), listener);
    }

    /** Commits how far {@link #poll()} has gone on every assigned queue. */
    public void commitSync() {
        defaultLitePullConsumerImpl.commitAll();
    }

    public void commitSync(Map<MessageQueue, Long> offsetMap, boolean persist) {
        Map<MessageQueue, Long> withNs = new HashMap<>();
        offsetMap.forEach((mq, offset) -> withNs.put(queueWithNamespace(mq), offset));
        defaultLitePullConsumerImpl.commit(withNs, persist);
    }

    public void commit(Set<MessageQueue> messageQueues, boolean persist) {
        Set<MessageQueue> withNs = new HashSet<>();
        messageQueues.forEach(mq -> withNs.add(queueWithNamespace(mq)));
        defaultLitePullConsumerImpl.commit(withNs, persist);
    }

    public Long committed(MessageQueue messageQueue) throws MQClientException {
        return defaultLitePullConsumerImpl.committed(queueWithNamespace(messageQueue));
    }

    public Set<MessageQueue> assignment() {
        Set<MessageQueue> out = new HashSet<>();
        defaultLitePullConsumerImpl.assignment().forEach(mq -> out.add(queueWithoutNamespace(mq)));
        return out;
    }

    public void updateNameServerAddress(String nameServerAddress) {
        defaultLitePullConsumerImpl.updateNameServerAddress(nameServerAddress);
    }

    public DefaultLitePullConsumerImpl getDefaultLitePullConsumerImpl() {
        return defaultLitePullConsumerImpl;
    }

    // ---- settings ---------------------------------------------------------------------------------------

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public boolean isAutoCommit() {
        return autoCommit;
    }

    public void setAutoCommit(boolean autoCommit) {
        this.autoCommit = autoCommit;
    }

    public long getAutoCommitIntervalMillis() {
        return autoCommitIntervalMillis;
    }

    public void setAutoCommitIntervalMillis(long autoCommitIntervalMillis) {
        if (autoCommitIntervalMillis >= MIN_AUTOCOMMIT_INTERVAL_MILLIS) {
            this.autoCommitIntervalMillis = autoCommitIntervalMillis;
        }
    }

    public int getPullThreadNums() {
        return pullThreadNums;
    }

    public void setPullThreadNums(int pullThreadNums) {
        this.pullThreadNums = pullThreadNums;
    }

    public int getPullBatchSize() {
        return pullBatchSize;
    }

    public void setPullBatchSize(int pullBatchSize) {
        this.pullBatchSize = pullBatchSize;
    }

    public long getPullThresholdForAll() {
        return pullThresholdForAll;
    }

    public void setPullThresholdForAll(long pullThresholdForAll) {
        this.pullThresholdForAll = pullThresholdForAll;
    }

    public int getConsumeMaxSpan() {
        return consumeMaxSpan;
    }

    public void setConsumeMaxSpan(int consumeMaxSpan) {
        this.consumeMaxSpan = consumeMaxSpan;
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

    public AllocateMessageQueueStrategy getAllocateMessageQueueStrategy() {
        return allocateMessageQueueStrategy;
    }

    public void setAllocateMessageQueueStrategy(AllocateMessageQueueStrategy allocateMessageQueueStrategy) {
        this.allocateMessageQueueStrategy = allocateMessageQueueStrategy;
    }

    public long getBrokerSuspendMaxTimeMillis() {
        return brokerSuspendMaxTimeMillis;
    }

    public void setBrokerSuspendMaxTimeMillis(long brokerSuspendMaxTimeMillis) {
        this.brokerSuspendMaxTimeMillis = brokerSuspendMaxTimeMillis;
    }

    public long getConsumerTimeoutMillisWhenSuspend() {
        return consumerTimeoutMillisWhenSuspend;
    }

    public void setConsumerTimeoutMillisWhenSuspend(long consumerTimeoutMillisWhenSuspend) {
        this.consumerTimeoutMillisWhenSuspend = consumerTimeoutMillisWhenSuspend;
    }

    /** Timeout of a non-blocking pull; the pull tasks block (long polling) and wait consumerTimeoutMillisWhenSuspend. */
    public long getConsumerPullTimeoutMillis() {
        return consumerPullTimeoutMillis;
    }

    public void setConsumerPullTimeoutMillis(long consumerPullTimeoutMillis) {
        this.consumerPullTimeoutMillis = consumerPullTimeoutMillis;
    }

    public MessageModel getMessageModel() {
        return messageModel;
    }

    public void setMessageModel(MessageModel messageModel) {
        this.messageModel = messageModel;
    }

    public MessageQueueListener getMessageQueueListener() {
        return messageQueueListener;
    }

    public void setMessageQueueListener(MessageQueueListener messageQueueListener) {
        this.messageQueueListener = messageQueueListener;
    }

    public OffsetStore getOffsetStore() {
        return offsetStore;
    }

    public void setOffsetStore(OffsetStore offsetStore) {
        this.offsetStore = offsetStore;
    }

    public long getPollTimeoutMillis() {
        return pollTimeoutMillis;
    }

    public void setPollTimeoutMillis(long pollTimeoutMillis) {
        this.pollTimeoutMillis = pollTimeoutMillis;
    }

    public long getTopicMetadataCheckIntervalMillis() {
        return topicMetadataCheckIntervalMillis;
    }

    public void setTopicMetadataCheckIntervalMillis(long topicMetadataCheckIntervalMillis) {
        this.topicMetadataCheckIntervalMillis = topicMetadataCheckIntervalMillis;
    }

    public long getPullDelayMillis() {
        return pullDelayMillis;
    }

    public void setPullDelayMillis(long pullDelayMillis) {
        this.pullDelayMillis = pullDelayMillis;
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
}
