package io.petrel.client.consumer;

import io.petrel.client.ClientConfig;
import io.petrel.client.consumer.rebalance.AllocateMessageQueueAveragely;
import io.petrel.client.consumer.store.OffsetStore;
import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.exception.MQClientException;
import io.petrel.client.impl.consumer.DefaultMQPullConsumerImpl;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.message.MessageQueue;
import io.petrel.remoting.RPCHook;
import io.petrel.remoting.exception.RemotingException;
import java.util.HashSet;
import java.util.Set;

/**
 * A consumer that pulls the queue and offset the application names, one call at a time, and keeps offsets only
 * when told to. Same API and defaults as RocketMQ 4.x's {@code DefaultMQPullConsumer}: queues of the registered
 * topics are shared out in the group and reported to their {@link MessageQueueListener}, and every pulled topic is
 * announced in the heartbeat.
 */
public class DefaultMQPullConsumer extends ClientConfig {
    private final DefaultMQPullConsumerImpl defaultMQPullConsumerImpl;
    private String consumerGroup;
    private long brokerSuspendMaxTimeMillis = 20_000;
    private long consumerTimeoutMillisWhenSuspend = 30_000;
    private long consumerPullTimeoutMillis = 10_000;
    private MessageModel messageModel = MessageModel.CLUSTERING;
    private MessageQueueListener messageQueueListener;
    private OffsetStore offsetStore;
    private Set<String> registerTopics = new HashSet<>();
    private AllocateMessageQueueStrategy allocateMessageQueueStrategy = new AllocateMessageQueueAveragely();
    private int maxReconsumeTimes = 16;

    public DefaultMQPullConsumer() {
        this(null, DefaultLitePullConsumer.DEFAULT_CONSUMER_GROUP, null);
    }

    public DefaultMQPullConsumer(String consumerGroup) {
        this(null, consumerGroup, null);
    }

    public DefaultMQPullConsumer(RPCHook rpcHook) {
        this(null, DefaultLitePullConsumer.DEFAULT_CONSUMER_GROUP, rpcHook);
    }

    public DefaultMQPullConsumer(String consumerGroup, RPCHook rpcHook) {
        this(null, consumerGroup, rpcHook);
    }

    public DefaultMQPullConsumer(String namespace, String consumerGroup, RPCHook rpcHook) {
        this.namespace = namespace;
        this.consumerGroup = consumerGroup;
        this.defaultMQPullConsumerImpl = new DefaultMQPullConsumerImpl(this, rpcHook);
    }

    public void start() throws MQClientException {
        setConsumerGroup(withNamespace(consumerGroup));
        defaultMQPullConsumerImpl.start();
    }

    public void shutdown() {
        defaultMQPullConsumerImpl.shutdown();
    }

    /** Registers {@code topic} for rebalance, its share of queues reported to {@code listener}. */
    public void registerMessageQueueListener(String topic, MessageQueueListener listener) {
        synchronized (registerTopics) {
            registerTopics.add(withNamespace(topic));
            if (listener != null) {
                messageQueueListener = listener;
            }
        }
    }

    /** Every readable queue of {@code topic}, read from the NameServer. */
    public Set<MessageQueue> fetchSubscribeMessageQueues(String topic) throws MQClientException {
        return queuesWithoutNamespace(defaultMQPullConsumerImpl.fetchSubscribeMessageQueues(withNamespace(topic)));
    }

    /** The queues of a registered topic this consumer was given by the last rebalance. */
    public Set<MessageQueue> fetchMessageQueuesInBalance(String topic) throws MQClientException {
        return queuesWithoutNamespace(defaultMQPullConsumerImpl.fetchMessageQueuesInBalance(withNamespace(topic)));
    }

    /** Up to {@code maxNums} messages of {@code mq} from {@code offset} that match the tag expression. */
    public PullResult pull(MessageQueue mq, String subExpression, long offset, int maxNums)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return pull(mq, subExpression, offset, maxNums, consumerPullTimeoutMillis);
    }

    public PullResult pull(MessageQueue mq, String subExpression, long offset, int maxNums, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQPullConsumerImpl.pull(queueWithNamespace(mq), subExpression, offset, maxNums, false,
            timeout);
    }

    public void pull(MessageQueue mq, String subExpression, long offset, int maxNums, PullCallback pullCallback)
        throws MQClientException, RemotingException, InterruptedException {
        pull(mq, subExpression, offset, maxNums, pullCallback, consumerPullTimeoutMillis);
    }

    public void pull(MessageQueue mq, String subExpression, long offset, int maxNums, PullCallback pullCallback,
                     long timeout) throws MQClientException, RemotingException, InterruptedException {
        defaultMQPullConsumerImpl.pullAsync(queueWithNamespace(mq), subExpression, offset, maxNums, false, timeout,
            pullCallback);
    }

    /** As {@link #pull(MessageQueue, String, long, int)}, but the broker holds the request until messages come. */
    public PullResult pullBlockIfNotFound(MessageQueue mq, String subExpression, long offset, int maxNums)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQPullConsumerImpl.pull(queueWithNamespace(mq), subExpression, offset, maxNums, true,
            consumerTimeoutMillisWhenSuspend);
    }

    public void pullBlockIfNotFound(MessageQueue mq, String subExpression, long offset, int maxNums,
                                    PullCallback pullCallback)
        throws MQClientException, RemotingException, InterruptedException {
        defaultMQPullConsumerImpl.pullAsync(queueWithNamespace(mq), subExpression, offset, maxNums, true,
            consumerTimeoutMillisWhenSuspend, pullCallback);
    }

    /** Records {@code offset} as consumed up to in {@code mq}; committed with the consumer's next offset persist. */
    public void updateConsumeOffset(MessageQueue mq, long offset) throws MQClientException {
        defaultMQPullConsumerImpl.updateConsumeOffset(queueWithNamespace(mq), offset);
    }

    /** The committed offset of {@code mq}: from memory first, or from the store (broker or file) when asked. */
    public long fetchConsumeOffset(MessageQueue mq, boolean fromStore) throws MQClientException {
        return defaultMQPullConsumerImpl.fetchConsumeOffset(queueWithNamespace(mq), fromStore);
    }

    public long searchOffset(MessageQueue mq, long timestamp) throws MQClientException {
        return defaultMQPullConsumerImpl.admin().searchOffset(queueWithNamespace(mq), timestamp);
    }

    public long maxOffset(MessageQueue mq) throws MQClientException {
        return defaultMQPullConsumerImpl.admin().maxOffset(queueWithNamespace(mq));
    }

    public long minOffset(MessageQueue mq) throws MQClientException {
        return defaultMQPullConsumerImpl.admin().minOffset(queueWithNamespace(mq));
    }

    public long earliestMsgStoreTime(MessageQueue mq) throws MQClientException {
        return defaultMQPullConsumerImpl.admin().earliestMsgStoreTime(queueWithNamespace(mq));
    }

    private Set<MessageQueue> queuesWithoutNamespace(Set<MessageQueue> queues) {
        if (namespace == null || namespace.isEmpty()) {
            return queues;
        }
        Set<MessageQueue> out = new HashSet<>();
        for (MessageQueue mq : queues) {
            out.add(queueWithoutNamespace(mq));
        }
        return out;
    }

    public DefaultMQPullConsumerImpl getDefaultMQPullConsumerImpl() {
        return defaultMQPullConsumerImpl;
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
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

    public Set<String> getRegisterTopics() {
        return registerTopics;
    }

    public void setRegisterTopics(Set<String> registerTopics) {
        this.registerTopics = withNamespace(registerTopics);
    }

    public AllocateMessageQueueStrategy getAllocateMessageQueueStrategy() {
        return allocateMessageQueueStrategy;
    }

    public void setAllocateMessageQueueStrategy(AllocateMessageQueueStrategy allocateMessageQueueStrategy) {
        this.allocateMessageQueueStrategy = allocateMessageQueueStrategy;
    }

    public int getMaxReconsumeTimes() {
        return maxReconsumeTimes;
    }

    public void setMaxReconsumeTimes(int maxReconsumeTimes) {
        this.maxReconsumeTimes = maxReconsumeTimes;
    }
}
