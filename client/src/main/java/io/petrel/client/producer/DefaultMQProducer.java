package io.petrel.client.producer;

import io.petrel.client.ClientConfig;
import io.petrel.client.QueryResult;
import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.exception.MQClientException;
import io.petrel.client.exception.RequestTimeoutException;
import io.petrel.client.impl.producer.DefaultMQProducerImpl;
import io.petrel.common.message.Message;
import io.petrel.common.message.MessageBatch;
import io.petrel.common.message.MessageClientIds;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.topic.TopicValidator;
import io.petrel.remoting.RPCHook;
import io.petrel.remoting.exception.RemotingException;
import io.petrel.remoting.protocol.ResponseCode;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;

/**
 * A message producer: sends synchronously, asynchronously or oneway, to a chosen queue or through a selector, one
 * message or a batch, retrying on another broker. Same API and defaults as RocketMQ's {@code DefaultMQProducer}.
 * Thread-safe once started.
 */
public class DefaultMQProducer extends ClientConfig {
    public static final String DEFAULT_PRODUCER_GROUP = "DEFAULT_PRODUCER";
    public static final String CLIENT_INNER_PRODUCER_GROUP = "CLIENT_INNER_PRODUCER";

    protected final DefaultMQProducerImpl defaultMQProducerImpl;
    private final Set<Integer> retryResponseCodes = new CopyOnWriteArraySet<>(List.of(ResponseCode.TOPIC_NOT_EXIST,
        ResponseCode.SERVICE_NOT_AVAILABLE, ResponseCode.SYSTEM_ERROR, ResponseCode.NO_PERMISSION,
        ResponseCode.NO_BUYER_ID, ResponseCode.NOT_IN_CURRENT_UNIT));
    private String producerGroup;
    private String createTopicKey = TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC;
    private volatile int defaultTopicQueueNums = 4;
    private int sendMsgTimeout = 3000;
    private int compressMsgBodyOverHowmuch = 1024 * 4;
    private int retryTimesWhenSendFailed = 2;
    private int retryTimesWhenSendAsyncFailed = 2;
    private boolean retryAnotherBrokerWhenNotStoreOK;
    private int maxMessageSize = 1024 * 1024 * 4;

    public DefaultMQProducer() {
        this(null, DEFAULT_PRODUCER_GROUP, null);
    }

    public DefaultMQProducer(RPCHook rpcHook) {
        this(null, DEFAULT_PRODUCER_GROUP, rpcHook);
    }

    public DefaultMQProducer(String producerGroup) {
        this(null, producerGroup, null);
    }

    public DefaultMQProducer(String producerGroup, RPCHook rpcHook) {
        this(null, producerGroup, rpcHook);
    }

    public DefaultMQProducer(String namespace, String producerGroup) {
        this(namespace, producerGroup, null);
    }

    public DefaultMQProducer(String namespace, String producerGroup, RPCHook rpcHook) {
        this.namespace = namespace;
        this.producerGroup = producerGroup;
        this.defaultMQProducerImpl = new DefaultMQProducerImpl(this, rpcHook);
    }

    public void start() throws MQClientException {
        setProducerGroup(withNamespace(producerGroup));
        defaultMQProducerImpl.start();
    }

    public void shutdown() {
        defaultMQProducerImpl.shutdown();
    }

    public List<MessageQueue> fetchPublishMessageQueues(String topic) throws MQClientException {
        return defaultMQProducerImpl.fetchPublishMessageQueues(withNamespace(topic));
    }

    // ---- send ------------------------------------------------------------------------------------------

    public SendResult send(Message msg)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return send(msg, sendMsgTimeout);
    }

    public SendResult send(Message msg, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        msg.setTopic(withNamespace(msg.getTopic()));
        return defaultMQProducerImpl.send(msg, timeout);
    }

    public void send(Message msg, SendCallback sendCallback)
        throws MQClientException, RemotingException, InterruptedException {
        send(msg, sendCallback, sendMsgTimeout);
    }

    public void send(Message msg, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException {
        msg.setTopic(withNamespace(msg.getTopic()));
        defaultMQProducerImpl.send(msg, sendCallback, timeout);
    }

    public void sendOneway(Message msg) throws MQClientException, RemotingException, InterruptedException {
        msg.setTopic(withNamespace(msg.getTopic()));
        defaultMQProducerImpl.sendOneway(msg);
    }

    public SendResult send(Message msg, MessageQueue mq)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return send(msg, mq, sendMsgTimeout);
    }

    public SendResult send(Message msg, MessageQueue mq, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        msg.setTopic(withNamespace(msg.getTopic()));
        return defaultMQProducerImpl.send(msg, queueWithNamespace(mq), timeout);
    }

    public void send(Message msg, MessageQueue mq, SendCallback sendCallback)
        throws MQClientException, RemotingException, InterruptedException {
        send(msg, mq, sendCallback, sendMsgTimeout);
    }

    public void send(Message msg, MessageQueue mq, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException {
        msg.setTopic(withNamespace(msg.getTopic()));
        defaultMQProducerImpl.send(msg, queueWithNamespace(mq), sendCallback, timeout);
    }

    public void sendOneway(Message msg, MessageQueue mq)
        throws MQClientException, RemotingException, InterruptedException {
        msg.setTopic(withNamespace(msg.getTopic()));
        defaultMQProducerImpl.sendOneway(msg, queueWithNamespace(mq));
    }

    public SendResult send(Message msg, MessageQueueSelector selector, Object arg)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return send(msg, selector, arg, sendMsgTimeout);
    }

    public SendResult send(Message msg, MessageQueueSelector selector, Object arg, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        msg.setTopic(withNamespace(msg.getTopic()));
        return defaultMQProducerImpl.send(msg, selector, arg, timeout);
    }

    public void send(Message msg, MessageQueueSelector selector, Object arg, SendCallback sendCallback)
        throws MQClientException, RemotingException, InterruptedException {
        send(msg, selector, arg, sendCallback, sendMsgTimeout);
    }

    public void send(Message msg, MessageQueueSelector selector, Object arg, SendCallback sendCallback,
                     long timeout) throws MQClientException, RemotingException, InterruptedException {
        msg.setTopic(withNamespace(msg.getTopic()));
        defaultMQProducerImpl.send(msg, selector, arg, sendCallback, timeout);
    }

    public void sendOneway(Message msg, MessageQueueSelector selector, Object arg)
        throws MQClientException, RemotingException, InterruptedException {
        msg.setTopic(withNamespace(msg.getTopic()));
        defaultMQProducerImpl.sendOneway(msg, selector, arg);
    }

    // ---- request/reply -----------------------------------------------------------------------------------

    /** Sends a request and waits up to {@code timeout} ms for the reply a consumer sends back. */
    public Message request(Message msg, long timeout)
        throws RequestTimeoutException, MQClientException, RemotingException, MQBrokerException, InterruptedException {
        msg.setTopic(withNamespace(msg.getTopic()));
        return defaultMQProducerImpl.request(msg, timeout, left -> cb -> defaultMQProducerImpl.send(msg, cb, left));
    }

    public void request(Message msg, RequestCallback requestCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException, MQBrokerException {
        msg.setTopic(withNamespace(msg.getTopic()));
        defaultMQProducerImpl.request(msg, requestCallback, timeout,
            left -> cb -> defaultMQProducerImpl.send(msg, cb, left));
    }

    public Message request(Message msg, MessageQueueSelector selector, Object arg, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException, RequestTimeoutException {
        msg.setTopic(withNamespace(msg.getTopic()));
        return defaultMQProducerImpl.request(msg, timeout,
            left -> cb -> defaultMQProducerImpl.send(msg, selector, arg, cb, left));
    }

    public void request(Message msg, MessageQueueSelector selector, Object arg, RequestCallback requestCallback,
                        long timeout) throws MQClientException, RemotingException, InterruptedException,
        MQBrokerException {
        msg.setTopic(withNamespace(msg.getTopic()));
        defaultMQProducerImpl.request(msg, requestCallback, timeout,
            left -> cb -> defaultMQProducerImpl.send(msg, selector, arg, cb, left));
    }

    public Message request(Message msg, MessageQueue mq, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException, RequestTimeoutException {
        msg.setTopic(withNamespace(msg.getTopic()));
        MessageQueue queue = queueWithNamespace(mq);
        return defaultMQProducerImpl.request(msg, timeout,
            left -> cb -> defaultMQProducerImpl.send(msg, queue, cb, left));
    }

    public void request(Message msg, MessageQueue mq, RequestCallback requestCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException, MQBrokerException {
        msg.setTopic(withNamespace(msg.getTopic()));
        MessageQueue queue = queueWithNamespace(mq);
        defaultMQProducerImpl.request(msg, requestCallback, timeout,
            left -> cb -> defaultMQProducerImpl.send(msg, queue, cb, left));
    }

    // ---- batches ---------------------------------------------------------------------------------------

    public SendResult send(Collection<Message> msgs)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQProducerImpl.send(batch(msgs), sendMsgTimeout);
    }

    public SendResult send(Collection<Message> msgs, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQProducerImpl.send(batch(msgs), timeout);
    }

    public SendResult send(Collection<Message> msgs, MessageQueue mq)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQProducerImpl.send(batch(msgs), queueWithNamespace(mq), sendMsgTimeout);
    }

    public SendResult send(Collection<Message> msgs, MessageQueue mq, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQProducerImpl.send(batch(msgs), queueWithNamespace(mq), timeout);
    }

    public void send(Collection<Message> msgs, SendCallback sendCallback)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        defaultMQProducerImpl.send(batch(msgs), sendCallback, sendMsgTimeout);
    }

    public void send(Collection<Message> msgs, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        defaultMQProducerImpl.send(batch(msgs), sendCallback, timeout);
    }

    public void send(Collection<Message> msgs, MessageQueue mq, SendCallback sendCallback)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        defaultMQProducerImpl.send(batch(msgs), queueWithNamespace(mq), sendCallback, sendMsgTimeout);
    }

    public void send(Collection<Message> msgs, MessageQueue mq, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        defaultMQProducerImpl.send(batch(msgs), queueWithNamespace(mq), sendCallback, timeout);
    }

    /** Builds the batch: every message gets its unique id now, and the batch body is encoded once. */
    private MessageBatch batch(Collection<Message> msgs) throws MQClientException {
        MessageBatch batch;
        try {
            batch = MessageBatch.generateFromList(msgs);
            for (Message m : batch) {
                io.petrel.client.Validators.checkMessage(m, maxMessageSize);
                MessageClientIds.setUniqId(m);
                m.setTopic(withNamespace(m.getTopic()));
            }
            batch.setBody(batch.encode());
        } catch (MQClientException e) {
            throw e;
        } catch (Exception e) {
            throw new MQClientException("Failed to initiate the MessageBatch", e);
        }
        batch.setTopic(withNamespace(batch.getTopic()));
        return batch;
    }

    // ---- transactions, topics, queries -------------------------------------------------------------------

    /** Only a {@link TransactionMQProducer} sends in a transaction. */
    public TransactionSendResult sendMessageInTransaction(Message msg, Object arg) throws MQClientException {
        throw new UnsupportedOperationException("sendMessageInTransaction not implement, please use TransactionMQProducer class");
    }

    public void createTopic(String key, String newTopic, int queueNum) throws MQClientException {
        createTopic(key, withNamespace(newTopic), queueNum, 0);
    }

    public void createTopic(String key, String newTopic, int queueNum, int topicSysFlag) throws MQClientException {
        defaultMQProducerImpl.createTopic(key, withNamespace(newTopic), queueNum, topicSysFlag);
    }

    public long searchOffset(MessageQueue mq, long timestamp) throws MQClientException {
        return defaultMQProducerImpl.getMqClientFactory().getMQAdminImpl().searchOffset(queueWithNamespace(mq),
            timestamp);
    }

    public long maxOffset(MessageQueue mq) throws MQClientException {
        return defaultMQProducerImpl.getMqClientFactory().getMQAdminImpl().maxOffset(queueWithNamespace(mq));
    }

    public long minOffset(MessageQueue mq) throws MQClientException {
        return defaultMQProducerImpl.getMqClientFactory().getMQAdminImpl().minOffset(queueWithNamespace(mq));
    }

    public long earliestMsgStoreTime(MessageQueue mq) throws MQClientException {
        return defaultMQProducerImpl.getMqClientFactory().getMQAdminImpl()
            .earliestMsgStoreTime(queueWithNamespace(mq));
    }

    public MessageExt viewMessage(String offsetMsgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        return defaultMQProducerImpl.getMqClientFactory().getMQAdminImpl().viewMessage(offsetMsgId);
    }

    public QueryResult queryMessage(String topic, String key, int maxNum, long begin, long end)
        throws MQClientException, InterruptedException {
        return defaultMQProducerImpl.getMqClientFactory().getMQAdminImpl().queryMessage(withNamespace(topic), key,
            maxNum, begin, end);
    }

    /** By offset id first, then by unique id within {@code topic}. */
    public MessageExt viewMessage(String topic, String msgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        try {
            return viewMessage(msgId);
        } catch (Exception ignored) {
            return defaultMQProducerImpl.getMqClientFactory().getMQAdminImpl()
                .queryMessageByUniqKey(withNamespace(topic), msgId);
        }
    }

    // ---- settings ---------------------------------------------------------------------------------------

    public void setAsyncSenderExecutor(ExecutorService asyncSenderExecutor) {
        defaultMQProducerImpl.setAsyncSenderExecutor(asyncSenderExecutor);
    }

    public void addRetryResponseCode(int responseCode) {
        retryResponseCodes.add(responseCode);
    }

    public Set<Integer> getRetryResponseCodes() {
        return retryResponseCodes;
    }

    public DefaultMQProducerImpl getDefaultMQProducerImpl() {
        return defaultMQProducerImpl;
    }

    public String getProducerGroup() {
        return producerGroup;
    }

    public void setProducerGroup(String producerGroup) {
        this.producerGroup = producerGroup;
    }

    public String getCreateTopicKey() {
        return createTopicKey;
    }

    public void setCreateTopicKey(String createTopicKey) {
        this.createTopicKey = createTopicKey;
    }

    public int getSendMsgTimeout() {
        return sendMsgTimeout;
    }

    public void setSendMsgTimeout(int sendMsgTimeout) {
        this.sendMsgTimeout = sendMsgTimeout;
    }

    public int getCompressMsgBodyOverHowmuch() {
        return compressMsgBodyOverHowmuch;
    }

    public void setCompressMsgBodyOverHowmuch(int compressMsgBodyOverHowmuch) {
        this.compressMsgBodyOverHowmuch = compressMsgBodyOverHowmuch;
    }

    public boolean isRetryAnotherBrokerWhenNotStoreOK() {
        return retryAnotherBrokerWhenNotStoreOK;
    }

    public void setRetryAnotherBrokerWhenNotStoreOK(boolean retryAnotherBrokerWhenNotStoreOK) {
        this.retryAnotherBrokerWhenNotStoreOK = retryAnotherBrokerWhenNotStoreOK;
    }

    public int getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public int getDefaultTopicQueueNums() {
        return defaultTopicQueueNums;
    }

    public void setDefaultTopicQueueNums(int defaultTopicQueueNums) {
        this.defaultTopicQueueNums = defaultTopicQueueNums;
    }

    public int getRetryTimesWhenSendFailed() {
        return retryTimesWhenSendFailed;
    }

    public void setRetryTimesWhenSendFailed(int retryTimesWhenSendFailed) {
        this.retryTimesWhenSendFailed = retryTimesWhenSendFailed;
    }

    public int getRetryTimesWhenSendAsyncFailed() {
        return retryTimesWhenSendAsyncFailed;
    }

    public void setRetryTimesWhenSendAsyncFailed(int retryTimesWhenSendAsyncFailed) {
        this.retryTimesWhenSendAsyncFailed = retryTimesWhenSendAsyncFailed;
    }

    public boolean isSendMessageWithVIPChannel() {
        return isVipChannelEnabled();
    }

    public void setSendMessageWithVIPChannel(boolean sendMessageWithVIPChannel) {
        setVipChannelEnabled(sendMessageWithVIPChannel);
    }

    public boolean isSendLatencyFaultEnable() {
        return defaultMQProducerImpl.faultStrategy().isSendLatencyFaultEnable();
    }

    public void setSendLatencyFaultEnable(boolean sendLatencyFaultEnable) {
        defaultMQProducerImpl.faultStrategy().setSendLatencyFaultEnable(sendLatencyFaultEnable);
    }

    public long[] getLatencyMax() {
        return defaultMQProducerImpl.faultStrategy().getLatencyMax();
    }

    public void setLatencyMax(long[] latencyMax) {
        defaultMQProducerImpl.faultStrategy().setLatencyMax(latencyMax);
    }

    public long[] getNotAvailableDuration() {
        return defaultMQProducerImpl.faultStrategy().getNotAvailableDuration();
    }

    public void setNotAvailableDuration(long[] notAvailableDuration) {
        defaultMQProducerImpl.faultStrategy().setNotAvailableDuration(notAvailableDuration);
    }
}
