package io.petrel.client.impl.producer;

import io.petrel.client.ClientErrorCode;
import io.petrel.client.Validators;
import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.exception.MQClientException;
import io.petrel.client.exception.RequestTimeoutException;
import io.petrel.client.producer.RequestCallback;
import io.petrel.client.impl.CommunicationMode;
import io.petrel.client.impl.MQClientInstance;
import io.petrel.client.impl.MQClientInstance.ServiceState;
import io.petrel.client.impl.MQClientManager;
import io.petrel.client.impl.MQProducerInner;
import io.petrel.client.latency.MQFaultStrategy;
import io.petrel.client.producer.DefaultMQProducer;
import io.petrel.client.producer.MessageQueueSelector;
import io.petrel.client.producer.SendCallback;
import io.petrel.client.producer.SendResult;
import io.petrel.client.producer.SendStatus;
import io.petrel.common.message.Message;
import io.petrel.common.message.MessageBatch;
import io.petrel.common.message.MessageClientIds;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.message.MessageSysFlag;
import io.petrel.common.message.PropertiesCodec;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.topic.TopicValidator;
import io.petrel.common.util.BoundedExecutors;
import io.petrel.common.util.Compression;
import io.petrel.common.util.NetAddresses;
import io.petrel.remoting.RPCHook;
import io.petrel.remoting.exception.RemotingConnectException;
import io.petrel.remoting.exception.RemotingException;
import io.petrel.remoting.exception.RemotingTimeoutException;
import io.petrel.remoting.exception.RemotingTooMuchRequestException;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.header.CheckTransactionStateRequestHeader;
import io.petrel.remoting.protocol.header.SendMessageRequestHeader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's engine: route lookup (with auto-create through the default topic), queue choice with latency fault
 * tolerance, retries on another broker, compression, and the send in each communication mode.
 */
public class DefaultMQProducerImpl implements MQProducerInner {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultMQProducerImpl.class);
    private static final int COMPRESS_LEVEL = Integer.getInteger("rocketmq.message.compressLevel", 5);

    private final DefaultMQProducer producer;
    private final RPCHook rpcHook;
    private final ConcurrentMap<String, TopicPublishInfo> topicPublishInfoTable = new ConcurrentHashMap<>();
    private final MQFaultStrategy faultStrategy = new MQFaultStrategy();
    private volatile ServiceState serviceState = ServiceState.CREATE_JUST;
    private MQClientInstance instance;
    private ExecutorService defaultAsyncSenderExecutor;
    private volatile ExecutorService asyncSenderExecutor;
    private TransactionSupport transactions;

    public DefaultMQProducerImpl(DefaultMQProducer producer, RPCHook rpcHook) {
        this.producer = producer;
        this.rpcHook = rpcHook;
    }

    // ---- lifecycle -------------------------------------------------------------------------------------

    public void start() throws MQClientException {
        start(true);
    }

    public void start(boolean startFactory) throws MQClientException {
        if (serviceState != ServiceState.CREATE_JUST) {
            throw new MQClientException("The producer service state not OK, maybe started once, " + serviceState,
                null);
        }
        serviceState = ServiceState.START_FAILED;
        checkConfig();
        if (!DefaultMQProducer.CLIENT_INNER_PRODUCER_GROUP.equals(producer.getProducerGroup())) {
            producer.changeInstanceNameToPID();
        }
        instance = MQClientManager.getInstance().getOrCreateMQClientInstance(producer, rpcHook);
        if (!instance.registerProducer(producer.getProducerGroup(), this)) {
            serviceState = ServiceState.CREATE_JUST;
            throw new MQClientException("The producer group[" + producer.getProducerGroup()
                + "] has been created before, specify another name please.", null);
        }
        defaultAsyncSenderExecutor = BoundedExecutors.fixed("AsyncSenderExecutor_" + producer.getProducerGroup(),
            Runtime.getRuntime().availableProcessors(), 50_000);
        if (startFactory) {
            instance.start();
        }
        serviceState = ServiceState.RUNNING;
        LOG.info("producer {} started", producer.getProducerGroup());
        instance.sendHeartbeatToAllBrokerWithLock();
    }

    private void checkConfig() throws MQClientException {
        Validators.checkGroup(producer.getProducerGroup());
        if (DefaultMQProducer.DEFAULT_PRODUCER_GROUP.equals(producer.getProducerGroup())) {
            throw new MQClientException("producerGroup can not equal " + DefaultMQProducer.DEFAULT_PRODUCER_GROUP
                + ", please specify another one.", null);
        }
    }

    public void shutdown() {
        shutdown(true);
    }

    public void shutdown(boolean shutdownFactory) {
        if (serviceState != ServiceState.RUNNING) {
            return;
        }
        instance.unregisterProducer(producer.getProducerGroup());
        BoundedExecutors.shutdown(defaultAsyncSenderExecutor, 3000);
        if (transactions != null) {
            transactions.shutdown();
        }
        if (shutdownFactory) {
            instance.shutdown();
        }
        serviceState = ServiceState.SHUTDOWN_ALREADY;
        LOG.info("producer {} stopped", producer.getProducerGroup());
    }

    void makeSureStateOK() throws MQClientException {
        if (serviceState != ServiceState.RUNNING) {
            throw new MQClientException("The producer service state not OK, " + serviceState, null);
        }
    }

    // ---- MQProducerInner ------------------------------------------------------------------------------

    @Override
    public Set<String> getPublishTopicList() {
        return topicPublishInfoTable.keySet();
    }

    @Override
    public boolean isPublishTopicNeedUpdate(String topic) {
        TopicPublishInfo info = topicPublishInfoTable.get(topic);
        return info == null || !info.ok();
    }

    @Override
    public void updateTopicPublishInfo(String topic, TopicPublishInfo info) {
        if (topic != null && info != null) {
            topicPublishInfoTable.put(topic, info);
        }
    }

    @Override
    public void checkTransactionState(String addr, MessageExt msg, CheckTransactionStateRequestHeader header) {
        if (transactions == null) {
            LOG.warn("transaction check for {} but producer {} has no transaction listener", msg.getMsgId(),
                producer.getProducerGroup());
            return;
        }
        transactions.check(addr, msg, header);
    }

    @Override
    public boolean isUnitMode() {
        return producer.isUnitMode();
    }

    // ---- sending ---------------------------------------------------------------------------------------

    public SendResult send(Message msg, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return sendDefaultImpl(msg, CommunicationMode.SYNC, null, timeout);
    }

    public void sendOneway(Message msg) throws MQClientException, RemotingException, InterruptedException {
        try {
            sendDefaultImpl(msg, CommunicationMode.ONEWAY, null, producer.getSendMsgTimeout());
        } catch (MQBrokerException e) {
            throw new MQClientException("unknown exception", e);
        }
    }

    /** Sends asynchronously; every failure, including a route lookup failure, reaches {@code callback}. */
    public void send(Message msg, SendCallback callback, long timeout) throws MQClientException {
        makeSureStateOK();
        Validators.checkMessage(msg, producer.getMaxMessageSize());
        TopicPublishInfo cached = topicPublishInfoTable.get(msg.getTopic());
        if (cached != null && cached.ok()) {
            runAsync(msg, callback, timeout, System.currentTimeMillis());
            return;
        }
        long begin = System.currentTimeMillis();
        submitAsync(callback, () -> runAsync(msg, callback, timeout, begin));
    }

    private void runAsync(Message msg, SendCallback callback, long timeout, long begin) {
        long left = timeout - (System.currentTimeMillis() - begin);
        if (left <= 0) {
            callback.onException(new RemotingTooMuchRequestException("DEFAULT ASYNC send call timeout"));
            return;
        }
        try {
            sendChecked(msg, CommunicationMode.ASYNC, callback, left);
        } catch (Exception e) {
            callback.onException(e);
        }
    }

    private void submitAsync(SendCallback callback, Runnable task) throws MQClientException {
        try {
            getAsyncSenderExecutor().submit(task);
        } catch (RejectedExecutionException e) {
            throw new MQClientException("executor rejected ", e);
        }
    }

    SendResult sendDefaultImpl(Message msg, CommunicationMode mode, SendCallback callback, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        makeSureStateOK();
        Validators.checkMessage(msg, producer.getMaxMessageSize());
        return sendChecked(msg, mode, callback, timeout);
    }

    /** The send itself, for a running producer and a message already validated. */
    private SendResult sendChecked(Message msg, CommunicationMode mode, SendCallback callback, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        long beginFirst = System.currentTimeMillis();
        TopicPublishInfo info = tryToFindTopicPublishInfo(msg.getTopic());
        if (info == null || !info.ok()) {
            throw new MQClientException("No route info of this topic: " + msg.getTopic(), null)
                .setResponseCode(ClientErrorCode.NOT_FOUND_TOPIC_EXCEPTION);
        }
        if (mode == CommunicationMode.ASYNC) {
            new AsyncSend(msg, callback, info, beginFirst, timeout).attempt(null);
            return null;
        }
        int timesTotal = mode == CommunicationMode.SYNC ? 1 + producer.getRetryTimesWhenSendFailed() : 1;
        String[] brokersSent = new String[timesTotal];
        MessageQueue mq = null;
        Exception failure = null;
        SendResult result = null;
        int times = 0;
        for (; times < timesTotal; times++) {
            MessageQueue selected = faultStrategy.selectOneMessageQueue(info, mq == null ? null : mq.brokerName());
            if (selected == null) {
                break;
            }
            mq = selected;
            brokersSent[times] = mq.brokerName();
            long begin = System.currentTimeMillis();
            if (times > 0) {
                msg.setTopic(producer.withNamespace(msg.getTopic()));
            }
            if (timeout < begin - beginFirst) {
                throw new RemotingTooMuchRequestException("sendDefaultImpl call timeout");
            }
            try {
                result = sendKernelImpl(msg, mq, mode, null, info, timeout - (begin - beginFirst));
                faultStrategy.updateFaultItem(mq.brokerName(), System.currentTimeMillis() - begin, false);
                if (mode == CommunicationMode.ONEWAY) {
                    return null;
                }
                if (result.getSendStatus() != SendStatus.SEND_OK && producer.isRetryAnotherBrokerWhenNotStoreOK()) {
                    continue;
                }
                return result;
            } catch (RemotingException | MQClientException e) {
                faultStrategy.updateFaultItem(mq.brokerName(), System.currentTimeMillis() - begin, true);
                LOG.warn("send to {} failed, resending at once: {}", mq, e.toString());
                failure = e;
            } catch (MQBrokerException e) {
                faultStrategy.updateFaultItem(mq.brokerName(), System.currentTimeMillis() - begin, true);
                LOG.warn("send to {} refused: {}", mq, e.toString());
                failure = e;
                if (!producer.getRetryResponseCodes().contains(e.getResponseCode())) {
                    if (result != null) {
                        return result;
                    }
                    throw e;
                }
            } catch (InterruptedException e) {
                faultStrategy.updateFaultItem(mq.brokerName(), System.currentTimeMillis() - begin, false);
                throw e;
            }
        }
        if (result != null) {
            return result;
        }
        throw sendFailed(msg, times, beginFirst, brokersSent, failure);
    }

    private static MQClientException sendFailed(Message msg, int times, long beginFirst, String[] brokersSent,
                                                Exception failure) {
        String info = String.format("Send [%d] times, still failed, cost [%d]ms, Topic: %s, BrokersSent: %s",
            times, System.currentTimeMillis() - beginFirst, msg.getTopic(), Arrays.toString(brokersSent));
        MQClientException e = new MQClientException(info, failure);
        if (failure instanceof MQBrokerException be) {
            e.setResponseCode(be.getResponseCode());
        } else if (failure instanceof RemotingConnectException) {
            e.setResponseCode(ClientErrorCode.CONNECT_BROKER_EXCEPTION);
        } else if (failure instanceof RemotingTimeoutException) {
            e.setResponseCode(ClientErrorCode.ACCESS_BROKER_TIMEOUT);
        } else if (failure instanceof MQClientException) {
            e.setResponseCode(ClientErrorCode.BROKER_NOT_EXIST_EXCEPTION);
        }
        return e;
    }

    /** One asynchronous send with its retries on other brokers, each started from the previous one's failure. */
    private final class AsyncSend {
        private final Message msg;
        private final SendCallback callback;
        private final TopicPublishInfo info;
        private final long beginFirst;
        private final long timeout;
        private int retriesLeft = producer.getRetryTimesWhenSendAsyncFailed();

        AsyncSend(Message msg, SendCallback callback, TopicPublishInfo info, long beginFirst, long timeout) {
            this.msg = msg;
            this.callback = callback;
            this.info = info;
            this.beginFirst = beginFirst;
            this.timeout = timeout;
        }

        void attempt(String lastBrokerName) {
            MessageQueue mq = faultStrategy.selectOneMessageQueue(info, lastBrokerName);
            long begin = System.currentTimeMillis();
            long left = timeout - (begin - beginFirst);
            if (mq == null || left <= 0) {
                callback.onException(mq == null
                    ? new MQClientException("No route info of this topic: " + msg.getTopic(), null)
                    : new RemotingTooMuchRequestException("sendKernelImpl call timeout"));
                return;
            }
            SendCallback step = new SendCallback() {
                @Override
                public void onSuccess(SendResult sendResult) {
                    faultStrategy.updateFaultItem(mq.brokerName(), System.currentTimeMillis() - begin, false);
                    callback.onSuccess(sendResult);
                }

                @Override
                public void onException(Throwable e) {
                    faultStrategy.updateFaultItem(mq.brokerName(), System.currentTimeMillis() - begin, true);
                    retryOrFail(mq, e);
                }
            };
            try {
                sendKernelImpl(msg, mq, CommunicationMode.ASYNC, step, info, left);
            } catch (Exception e) {
                step.onException(e);
            }
        }

        private void retryOrFail(MessageQueue mq, Throwable e) {
            boolean retriable = !(e instanceof MQBrokerException be)
                || producer.getRetryResponseCodes().contains(be.getResponseCode());
            if (retriable && retriesLeft-- > 0 && !(e instanceof InterruptedException)) {
                LOG.info("async send to {} failed ({}), retrying on another broker", mq, e.toString());
                attempt(mq.brokerName());
                return;
            }
            callback.onException(e);
        }
    }

    TopicPublishInfo tryToFindTopicPublishInfo(String topic) {
        TopicPublishInfo info = topicPublishInfoTable.get(topic);
        if (info == null || !info.ok()) {
            instance.updateTopicRouteInfoFromNameServer(topic);
            info = topicPublishInfoTable.get(topic);
        }
        if (info != null && (info.isHaveTopicRouterInfo() || info.ok())) {
            return info;
        }
        instance.updateTopicRouteInfoFromNameServer(topic, true, producer.getDefaultTopicQueueNums());
        return topicPublishInfoTable.get(topic);
    }

    private SendResult sendKernelImpl(Message msg, MessageQueue mq, CommunicationMode mode, SendCallback callback,
                                      TopicPublishInfo info, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        long begin = System.currentTimeMillis();
        String addr = brokerAddrFor(mq);
        if (!(msg instanceof MessageBatch)) {
            MessageClientIds.setUniqId(msg);
        }
        if (producer.getNamespace() != null) {
            msg.setInstanceId(producer.getNamespace());
        }
        byte[] plainBody = msg.getBody();
        int sysFlag = compressAndFlag(msg);
        try {
            SendMessageRequestHeader header = requestHeader(msg, mq, sysFlag);
            Message wire = msg;
            if (mode == CommunicationMode.ASYNC && (wire.getBody() != plainBody || producer.getNamespace() != null)) {
                wire = copyOf(msg);
                msg.setBody(plainBody);
                msg.setTopic(producer.withoutNamespace(msg.getTopic()));
            }
            if (timeout < System.currentTimeMillis() - begin) {
                throw new RemotingTooMuchRequestException("sendKernelImpl call timeout");
            }
            long left = timeout - (System.currentTimeMillis() - begin);
            boolean reply = MessageProperties.MSG_TYPE_REPLY.equals(msg.getProperty(MessageProperties.MSG_TYPE));
            RemotingCommand request = instance.getMQClientAPIImpl().sendRequest(wire, header, reply);
            return switch (mode) {
                case SYNC -> instance.getMQClientAPIImpl().sendSync(addr, mq.brokerName(), wire, request, left);
                case ASYNC -> {
                    instance.getMQClientAPIImpl().sendAsync(addr, mq.brokerName(), wire, request, left, callback);
                    yield null;
                }
                case ONEWAY -> {
                    instance.getMQClientAPIImpl().sendOneway(addr, request, left);
                    yield null;
                }
            };
        } finally {
            if (mode != CommunicationMode.ASYNC) {
                msg.setBody(plainBody);
                msg.setTopic(producer.withoutNamespace(msg.getTopic()));
            }
        }
    }

    private String brokerAddrFor(MessageQueue mq) throws MQClientException {
        String addr = instance.findBrokerAddressInPublish(mq.brokerName());
        if (addr == null) {
            tryToFindTopicPublishInfo(mq.topic());
            addr = instance.findBrokerAddressInPublish(mq.brokerName());
        }
        if (addr == null) {
            throw new MQClientException("The broker[" + mq.brokerName() + "] not exist", null);
        }
        return producer.isSendMessageWithVIPChannel() ? vipChannel(addr) : addr;
    }

    /** The broker's VIP port: its listen port minus 2. */
    static String vipChannel(String addr) {
        return NetAddresses.vipAddress(addr);
    }

    /** Compresses a large enough body (never a batch's) in place; @return the request's sysFlag. */
    int compressAndFlag(Message msg) {
        int sysFlag = 0;
        if (tryToCompressMessage(msg)) {
            sysFlag |= MessageSysFlag.COMPRESSED | MessageSysFlag.COMPRESSION_ZLIB;
        }
        if (Boolean.parseBoolean(msg.getProperty(MessageProperties.TRAN_MSG))) {
            sysFlag |= MessageSysFlag.TRANSACTION_PREPARED_TYPE;
        }
        return sysFlag;
    }

    /**
     * The SEND header. For a retry topic the reconsume counts move from the message's properties into the header;
     * the properties string is taken before that, as RocketMQ producers send it (so it still names them).
     */
    SendMessageRequestHeader requestHeader(Message msg, MessageQueue mq, int sysFlag) {
        String properties = PropertiesCodec.encode(msg.getProperties());
        Integer reconsumeTimes = 0;
        Integer maxReconsumeTimes = null;
        if (msg.getTopic().startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX)) {
            String r = msg.getProperty(MessageProperties.RECONSUME_TIME);
            if (r != null) {
                reconsumeTimes = Integer.valueOf(r);
                msg.clearProperty(MessageProperties.RECONSUME_TIME);
            }
            String m = msg.getProperty(MessageProperties.MAX_RECONSUME_TIMES);
            if (m != null) {
                maxReconsumeTimes = Integer.valueOf(m);
                msg.clearProperty(MessageProperties.MAX_RECONSUME_TIMES);
            }
        }
        return new SendMessageRequestHeader(producer.getProducerGroup(), msg.getTopic(),
            producer.getCreateTopicKey(), producer.getDefaultTopicQueueNums(), mq.queueId(), sysFlag,
            System.currentTimeMillis(), msg.getFlag(), properties, reconsumeTimes,
            producer.isUnitMode(), msg instanceof MessageBatch, maxReconsumeTimes, mq.brokerName());
    }

    private boolean tryToCompressMessage(Message msg) {
        if (msg instanceof MessageBatch) {
            return false;
        }
        byte[] body = msg.getBody();
        if (body != null && body.length >= producer.getCompressMsgBodyOverHowmuch()) {
            byte[] compressed = Compression.compress(body, COMPRESS_LEVEL);
            if (compressed != null) {
                msg.setBody(compressed);
                return true;
            }
        }
        return false;
    }

    private static Message copyOf(Message msg) {
        Message copy = new Message(msg.getTopic(), msg.getBody());
        copy.setFlag(msg.getFlag());
        copy.setProperties(msg.getProperties());
        copy.setTransactionId(msg.getTransactionId());
        return copy;
    }

    // ---- to a queue, with a selector -------------------------------------------------------------------

    public SendResult send(Message msg, MessageQueue mq, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        long begin = System.currentTimeMillis();
        checkQueue(msg, mq);
        TopicPublishInfo info = tryToFindTopicPublishInfo(mq.topic());
        if (timeout < System.currentTimeMillis() - begin) {
            throw new RemotingTooMuchRequestException("call timeout");
        }
        return sendKernelImpl(msg, mq, CommunicationMode.SYNC, null, info,
            timeout - (System.currentTimeMillis() - begin));
    }

    public void send(Message msg, MessageQueue mq, SendCallback callback, long timeout) throws MQClientException {
        long begin = System.currentTimeMillis();
        checkQueue(msg, mq);
        submitAsync(callback, () -> {
            try {
                TopicPublishInfo info = tryToFindTopicPublishInfo(mq.topic());
                long left = timeout - (System.currentTimeMillis() - begin);
                if (left <= 0) {
                    throw new RemotingTooMuchRequestException("call timeout");
                }
                sendKernelImpl(msg, mq, CommunicationMode.ASYNC, callback, info, left);
            } catch (Exception e) {
                callback.onException(e);
            }
        });
    }

    public void sendOneway(Message msg, MessageQueue mq)
        throws MQClientException, RemotingException, InterruptedException {
        checkQueue(msg, mq);
        try {
            sendKernelImpl(msg, mq, CommunicationMode.ONEWAY, null, tryToFindTopicPublishInfo(mq.topic()),
                producer.getSendMsgTimeout());
        } catch (MQBrokerException e) {
            throw new MQClientException("unknown exception", e);
        }
    }

    private void checkQueue(Message msg, MessageQueue mq) throws MQClientException {
        makeSureStateOK();
        Validators.checkMessage(msg, producer.getMaxMessageSize());
        if (!msg.getTopic().equals(mq.topic())) {
            throw new MQClientException("message's topic not equal mq's topic", null);
        }
    }

    public SendResult send(Message msg, MessageQueueSelector selector, Object arg, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        long begin = System.currentTimeMillis();
        MessageQueue mq = selectQueue(msg, selector, arg);
        if (timeout < System.currentTimeMillis() - begin) {
            throw new RemotingTooMuchRequestException("sendSelectImpl call timeout");
        }
        return send(msg, mq, timeout - (System.currentTimeMillis() - begin));
    }

    public void send(Message msg, MessageQueueSelector selector, Object arg, SendCallback callback, long timeout)
        throws MQClientException {
        long begin = System.currentTimeMillis();
        makeSureStateOK();
        Validators.checkMessage(msg, producer.getMaxMessageSize());
        submitAsync(callback, () -> {
            try {
                MessageQueue mq = selectQueue(msg, selector, arg);
                long left = timeout - (System.currentTimeMillis() - begin);
                if (left <= 0) {
                    throw new RemotingTooMuchRequestException("sendSelectImpl call timeout");
                }
                sendKernelImpl(msg, mq, CommunicationMode.ASYNC, callback, tryToFindTopicPublishInfo(mq.topic()),
                    left);
            } catch (Exception e) {
                callback.onException(e);
            }
        });
    }

    public void sendOneway(Message msg, MessageQueueSelector selector, Object arg)
        throws MQClientException, RemotingException, InterruptedException {
        sendOneway(msg, selectQueue(msg, selector, arg));
    }

    private MessageQueue selectQueue(Message msg, MessageQueueSelector selector, Object arg)
        throws MQClientException {
        makeSureStateOK();
        Validators.checkMessage(msg, producer.getMaxMessageSize());
        TopicPublishInfo info = tryToFindTopicPublishInfo(msg.getTopic());
        if (info == null || !info.ok()) {
            throw new MQClientException("No route info for this topic, " + msg.getTopic(), null);
        }
        List<MessageQueue> queues = new ArrayList<>();
        for (MessageQueue q : info.getMessageQueueList()) {
            queues.add(producer.queueWithoutNamespace(q));
        }
        Message view = copyOf(msg);
        view.setTopic(producer.withoutNamespace(msg.getTopic()));
        MessageQueue chosen;
        try {
            chosen = selector.select(queues, view, arg);
        } catch (Throwable e) {
            throw new MQClientException("select message queue threw exception.", e);
        }
        if (chosen == null) {
            throw new MQClientException("select message queue return null.", null);
        }
        return producer.queueWithNamespace(chosen);
    }

    // ---- request/reply ---------------------------------------------------------------------------------

    /** How a request is sent: asynchronously, reporting to the given callback. */
    @FunctionalInterface
    public interface RequestSender {
        void send(SendCallback callback) throws MQClientException;
    }

    /** Sends {@code msg} as a request and waits for its reply. */
    public Message request(Message msg, long timeout, java.util.function.Function<Long, RequestSender> sender)
        throws RequestTimeoutException, MQClientException, InterruptedException {
        long begin = System.currentTimeMillis();
        RequestResponseFuture future = startRequest(msg, timeout, null, begin, sender);
        try {
            Message reply = future.waitResponseMessage(timeout - (System.currentTimeMillis() - begin));
            if (reply != null) {
                return reply;
            }
            if (future.isSendRequestOk()) {
                throw new RequestTimeoutException(ClientErrorCode.REQUEST_TIMEOUT_EXCEPTION, "send request message to <"
                    + msg.getTopic() + "> OK, but wait reply message timeout, " + timeout + " ms.");
            }
            throw new MQClientException("send request message to <" + msg.getTopic() + "> fail", future.getCause());
        } finally {
            instance.requestFutures().remove(future.getCorrelationId());
        }
    }

    /** Sends {@code msg} as a request; {@code callback} hears of the reply, the send's failure or the timeout. */
    public void request(Message msg, RequestCallback callback, long timeout,
                        java.util.function.Function<Long, RequestSender> sender) throws MQClientException {
        startRequest(msg, timeout, callback, System.currentTimeMillis(), sender);
    }

    private RequestResponseFuture startRequest(Message msg, long timeout, RequestCallback callback, long begin,
                                               java.util.function.Function<Long, RequestSender> sender)
        throws MQClientException {
        makeSureStateOK();
        String correlationId = java.util.UUID.randomUUID().toString();
        msg.putProperty(MessageProperties.CORRELATION_ID, correlationId);
        msg.putProperty(MessageProperties.MESSAGE_REPLY_TO_CLIENT, instance.getClientId());
        msg.putProperty(MessageProperties.MESSAGE_TTL, Long.toString(timeout));
        if (instance.topicRoute(msg.getTopic()) == null) {
            tryToFindTopicPublishInfo(msg.getTopic());
            instance.sendHeartbeatToAllBrokerWithLock();
        }
        RequestResponseFuture future = new RequestResponseFuture(correlationId, timeout, callback);
        instance.requestFutures().put(correlationId, future);
        long left = timeout - (System.currentTimeMillis() - begin);
        try {
            sender.apply(left).send(new SendCallback() {
                @Override
                public void onSuccess(SendResult sendResult) {
                }

                @Override
                public void onException(Throwable e) {
                    instance.requestFutures().remove(correlationId);
                    future.fail(false, e);
                }
            });
        } catch (MQClientException | RuntimeException e) {
            instance.requestFutures().remove(correlationId);
            throw e;
        }
        return future;
    }

    // ---- topics and transactions ------------------------------------------------------------------------

    public List<MessageQueue> fetchPublishMessageQueues(String topic) throws MQClientException {
        makeSureStateOK();
        TopicPublishInfo info = tryToFindTopicPublishInfo(topic);
        if (info == null || !info.ok()) {
            throw new MQClientException("Can not find Message Queue for this topic, " + topic, null);
        }
        List<MessageQueue> out = new ArrayList<>();
        for (MessageQueue q : info.getMessageQueueList()) {
            out.add(producer.queueWithoutNamespace(q));
        }
        return out;
    }

    /** Creates {@code newTopic} on every master that serves the template topic {@code key}. */
    public void createTopic(String key, String newTopic, int queueNum, int topicSysFlag) throws MQClientException {
        makeSureStateOK();
        Validators.checkTopic(newTopic);
        if (TopicValidator.isSystemTopic(newTopic)) {
            throw new MQClientException("The topic[" + newTopic + "] is conflict with system topic.", null);
        }
        instance.getMQAdminImpl().createTopic(key, newTopic, queueNum, topicSysFlag);
    }

    public synchronized void initTransactionEnv(io.petrel.client.producer.TransactionListener listener,
                                                ExecutorService checkExecutor, boolean ownExecutor) {
        transactions = new TransactionSupport(this, listener, checkExecutor, ownExecutor);
    }

    public TransactionSupport transactions() {
        return transactions;
    }

    // ---- accessors -------------------------------------------------------------------------------------

    public DefaultMQProducer producer() {
        return producer;
    }

    public MQClientInstance getMqClientFactory() {
        return instance;
    }

    public MQFaultStrategy faultStrategy() {
        return faultStrategy;
    }

    public ServiceState getServiceState() {
        return serviceState;
    }

    public ExecutorService getAsyncSenderExecutor() {
        ExecutorService custom = asyncSenderExecutor;
        return custom != null ? custom : defaultAsyncSenderExecutor;
    }

    public void setAsyncSenderExecutor(ExecutorService executor) {
        this.asyncSenderExecutor = executor;
    }

    public ConcurrentMap<String, TopicPublishInfo> getTopicPublishInfoTable() {
        return topicPublishInfoTable;
    }
}
