package io.petrel.client.impl;

import io.petrel.client.ClientConfig;
import io.petrel.client.NamespaceUtil;
import io.petrel.client.consumer.PullCallback;
import io.petrel.client.consumer.PullStatus;
import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.exception.MQClientException;
import io.petrel.client.impl.consumer.PullResultExt;
import io.petrel.client.producer.SendCallback;
import io.petrel.client.producer.SendResult;
import io.petrel.client.producer.SendStatus;
import io.petrel.common.body.LockBatchBody;
import io.petrel.common.body.StringListBody;
import io.petrel.common.heartbeat.HeartbeatData;
import io.petrel.common.message.Message;
import io.petrel.common.message.MessageBatch;
import io.petrel.common.message.MessageClientIds;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.TopicRouteData;
import io.petrel.common.topic.TopicConfig;
import io.petrel.remoting.RPCHook;
import io.petrel.remoting.RemotingResponder;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.exception.RemotingException;
import io.petrel.remoting.netty.NettyClientConfig;
import io.petrel.remoting.netty.NettyRemotingClient;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.ConsumerGroupRequestHeader;
import io.petrel.remoting.protocol.header.ConsumerSendMsgBackRequestHeader;
import io.petrel.remoting.protocol.header.CreateTopicRequestHeader;
import io.petrel.remoting.protocol.header.EndTransactionRequestHeader;
import io.petrel.remoting.protocol.header.OffsetResponseHeader;
import io.petrel.remoting.protocol.header.PullMessageRequestHeader;
import io.petrel.remoting.protocol.header.PullMessageResponseHeader;
import io.petrel.remoting.protocol.header.QueryConsumerOffsetRequestHeader;
import io.petrel.remoting.protocol.header.QueueRequestHeader;
import io.petrel.remoting.protocol.header.SearchOffsetRequestHeader;
import io.petrel.remoting.protocol.header.SendMessageRequestHeader;
import io.petrel.remoting.protocol.header.SendMessageRequestHeaderV2;
import io.petrel.remoting.protocol.header.SendMessageResponseHeader;
import io.petrel.remoting.protocol.header.UnregisterClientRequestHeader;
import io.petrel.remoting.protocol.header.UpdateConsumerOffsetRequestHeader;
import io.petrel.remoting.protocol.header.ViewMessageRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/**
 * Every request a producer or consumer makes, typed: builds the command, sends it over the one remoting client,
 * and turns the answer into a result or an exception ({@link MQBrokerException} for a broker's error code,
 * {@link MQClientException} for a NameServer's). Thread-safe.
 */
public class MQClientAPI {
    private final NettyRemotingClient remoting;
    private final ClientConfig clientConfig;

    public MQClientAPI(NettyClientConfig nettyConfig, ClientConfig clientConfig, RPCHook rpcHook) {
        this.remoting = new NettyRemotingClient(nettyConfig);
        this.clientConfig = clientConfig;
        remoting.registerRPCHook(rpcHook);
    }

    public void start() {
        remoting.start();
    }

    public void shutdown() {
        remoting.shutdown();
    }

    public NettyRemotingClient remoting() {
        return remoting;
    }

    public void registerProcessor(int code, RequestProcessor processor, ExecutorService executor) {
        remoting.registerProcessor(code, processor, executor);
    }

    public void updateNameServerAddressList(String addrs) {
        remoting.updateNameServerAddressList(List.of(addrs.trim().split("\\s*;\\s*")));
    }

    public List<String> getNameServerAddressList() {
        return remoting.getNameServerAddressList();
    }

    // ---- NameServer -----------------------------------------------------------------------------------

    /**
     * @return the topic's route, or null when the NameServer does not know the topic and {@code allowTopicNotExist}
     */
    public TopicRouteData getTopicRouteInfoFromNameServer(String topic, long timeoutMillis, boolean allowTopicNotExist)
        throws MQClientException, InterruptedException, RemotingException {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.GET_ROUTEINFO_BY_TOPIC,
            new GetRouteInfoRequestHeader(topic, null));
        RemotingCommand response = remoting.invokeSync(null, request, timeoutMillis);
        if (response.code() == ResponseCode.TOPIC_NOT_EXIST && allowTopicNotExist) {
            return null;
        }
        if (response.code() != ResponseCode.SUCCESS || response.body() == null) {
            throw new MQClientException(response.code(), response.remark());
        }
        return TopicRouteData.decode(response.body());
    }

    // ---- sending --------------------------------------------------------------------------------------

    public RemotingCommand sendRequest(Message msg, SendMessageRequestHeader header, boolean reply) {
        int code;
        if (reply) {
            code = RequestCode.SEND_REPLY_MESSAGE_V2;
        } else {
            code = msg instanceof MessageBatch ? RequestCode.SEND_BATCH_MESSAGE : RequestCode.SEND_MESSAGE_V2;
        }
        return RemotingCommand.createRequest(code, new SendMessageRequestHeaderV2(header)).body(msg.getBody());
    }

    public SendResult sendSync(String addr, String brokerName, Message msg, RemotingCommand request,
                               long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = remoting.invokeSync(addr, request, timeoutMillis);
        return processSendResponse(brokerName, msg, response, addr);
    }

    /** Sends and reports the outcome to {@code callback}; a remoting failure to send is thrown, not reported. */
    public void sendAsync(String addr, String brokerName, Message msg, RemotingCommand request, long timeoutMillis,
                          SendCallback callback) throws RemotingException, InterruptedException {
        remoting.invokeAsync(addr, request, timeoutMillis, (response, error) -> {
            if (error != null) {
                callback.onException(error);
                return;
            }
            SendResult result;
            try {
                result = processSendResponse(brokerName, msg, response, addr);
            } catch (Exception e) {
                callback.onException(e);
                return;
            }
            callback.onSuccess(result);
        });
    }

    public void sendOneway(String addr, RemotingCommand request, long timeoutMillis)
        throws RemotingException, InterruptedException {
        remoting.invokeOneway(addr, request, timeoutMillis);
    }

    SendResult processSendResponse(String brokerName, Message msg, RemotingCommand response, String addr)
        throws MQBrokerException {
        SendStatus status = switch (response.code()) {
            case ResponseCode.SUCCESS -> SendStatus.SEND_OK;
            case ResponseCode.FLUSH_DISK_TIMEOUT -> SendStatus.FLUSH_DISK_TIMEOUT;
            case ResponseCode.FLUSH_SLAVE_TIMEOUT -> SendStatus.FLUSH_SLAVE_TIMEOUT;
            case ResponseCode.SLAVE_NOT_AVAILABLE -> SendStatus.SLAVE_NOT_AVAILABLE;
            default -> throw new MQBrokerException(response.code(), response.remark(), addr);
        };
        SendMessageResponseHeader header;
        try {
            header = response.decodeHeader(SendMessageResponseHeader::decode);
        } catch (RemotingCommandException e) {
            throw new MQBrokerException(response.code(), "bad send response header: " + e.getMessage(), addr);
        }
        String topic = NamespaceUtil.withoutNamespace(msg.getTopic(), clientConfig.getNamespace());
        MessageQueue mq = new MessageQueue(topic, brokerName, header.queueId());
        SendResult result = new SendResult(status, uniqueIds(msg), header.msgId(), mq, header.queueOffset());
        result.setTransactionId(header.transactionId());
        String region = response.fields().string("MSG_REGION");
        result.setRegionId(region == null || region.isEmpty() ? "DefaultRegion" : region);
        result.setTraceOn(!"false".equals(response.fields().string("TRACE_ON")));
        return result;
    }

    private static String uniqueIds(Message msg) {
        if (msg instanceof MessageBatch batch) {
            return batch.getMessages().stream().map(MessageClientIds::getUniqId).collect(Collectors.joining(","));
        }
        return MessageClientIds.getUniqId(msg);
    }

    public void endTransactionOneway(String addr, EndTransactionRequestHeader header, String remark,
                                     long timeoutMillis) throws RemotingException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.END_TRANSACTION, header).remark(remark);
        remoting.invokeOneway(addr, request, timeoutMillis);
    }

    public void createTopic(String addr, String defaultTopic, TopicConfig config, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        CreateTopicRequestHeader header = new CreateTopicRequestHeader(config.topicName(), defaultTopic,
            config.readQueueNums(), config.writeQueueNums(), config.perm(), config.filterType().name(),
            config.topicSysFlag(), config.order());
        RemotingCommand response = remoting.invokeSync(addr,
            RemotingCommand.createRequest(RequestCode.UPDATE_AND_CREATE_TOPIC, header), timeoutMillis);
        if (response.code() != ResponseCode.SUCCESS) {
            throw new MQClientException(response.code(), response.remark());
        }
    }

    // ---- client registration --------------------------------------------------------------------------

    /** @return the broker's protocol version (the response's {@code version}) */
    public int sendHeartbeat(String addr, HeartbeatData heartbeat, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = remoting.invokeSync(addr, heartbeatRequest(heartbeat), timeoutMillis);
        expectSuccess(response, addr);
        return response.version();
    }

    static RemotingCommand heartbeatRequest(HeartbeatData heartbeat) {
        return RemotingCommand.createRequest(RequestCode.HEART_BEAT).body(heartbeat.encode());
    }

    public void unregisterClient(String addr, String clientId, String producerGroup, String consumerGroup,
                                 long timeoutMillis) throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.UNREGISTER_CLIENT,
            new UnregisterClientRequestHeader(clientId, producerGroup, consumerGroup));
        expectSuccess(remoting.invokeSync(addr, request, timeoutMillis), addr);
    }

    public List<String> getConsumerIdListByGroup(String addr, String group, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.GET_CONSUMER_LIST_BY_GROUP,
            new ConsumerGroupRequestHeader(group));
        RemotingCommand response = remoting.invokeSync(addr, request, timeoutMillis);
        expectSuccess(response, addr);
        return response.body() == null ? List.of()
            : StringListBody.decode(StringListBody.CONSUMER_ID_LIST, response.body());
    }

    // ---- pulling --------------------------------------------------------------------------------------

    public PullResultExt pullMessageSync(String addr, PullMessageRequestHeader header, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.PULL_MESSAGE, header);
        return processPullResponse(remoting.invokeSync(addr, request, timeoutMillis), addr);
    }

    public void pullMessageAsync(String addr, PullMessageRequestHeader header, long timeoutMillis,
                                 PullCallback callback) throws RemotingException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.PULL_MESSAGE, header);
        remoting.invokeAsync(addr, request, timeoutMillis, (response, error) -> {
            if (error != null) {
                callback.onException(error);
                return;
            }
            PullResultExt result;
            try {
                result = processPullResponse(response, addr);
            } catch (Exception e) {
                callback.onException(e);
                return;
            }
            callback.onSuccess(result);
        });
    }

    static PullResultExt processPullResponse(RemotingCommand response, String addr) throws MQBrokerException {
        PullStatus status = switch (response.code()) {
            case ResponseCode.SUCCESS -> PullStatus.FOUND;
            case ResponseCode.PULL_NOT_FOUND -> PullStatus.NO_NEW_MSG;
            case ResponseCode.PULL_RETRY_IMMEDIATELY -> PullStatus.NO_MATCHED_MSG;
            case ResponseCode.PULL_OFFSET_MOVED -> PullStatus.OFFSET_ILLEGAL;
            default -> throw new MQBrokerException(response.code(), response.remark(), addr);
        };
        PullMessageResponseHeader h;
        try {
            h = response.decodeHeader(PullMessageResponseHeader::decode);
        } catch (RemotingCommandException e) {
            throw new MQBrokerException(response.code(), "bad pull response header: " + e.getMessage(), addr);
        }
        return new PullResultExt(status, h.nextBeginOffset(), h.minOffset(), h.maxOffset(), null,
            h.suggestWhichBrokerId(), response.body());
    }

    // ---- offsets --------------------------------------------------------------------------------------

    /** @throws MQBrokerException with {@link ResponseCode#QUERY_NOT_FOUND} when the group has no stored offset */
    public long queryConsumerOffset(String addr, QueryConsumerOffsetRequestHeader header, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.QUERY_CONSUMER_OFFSET, header);
        return offsetOf(remoting.invokeSync(addr, request, timeoutMillis), addr);
    }

    public void updateConsumerOffset(String addr, UpdateConsumerOffsetRequestHeader header, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.UPDATE_CONSUMER_OFFSET, header);
        expectSuccess(remoting.invokeSync(addr, request, timeoutMillis), addr);
    }

    public void updateConsumerOffsetOneway(String addr, UpdateConsumerOffsetRequestHeader header, long timeoutMillis)
        throws RemotingException, InterruptedException {
        remoting.invokeOneway(addr, RemotingCommand.createRequest(RequestCode.UPDATE_CONSUMER_OFFSET, header),
            timeoutMillis);
    }

    public long getMaxOffset(String addr, MessageQueue mq, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        return queueOffsetCall(RequestCode.GET_MAX_OFFSET, addr, mq, timeoutMillis);
    }

    public long getMinOffset(String addr, MessageQueue mq, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        return queueOffsetCall(RequestCode.GET_MIN_OFFSET, addr, mq, timeoutMillis);
    }

    public long getEarliestMsgStoretime(String addr, MessageQueue mq, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.GET_EARLIEST_MSG_STORETIME,
            new QueueRequestHeader(mq.topic(), mq.queueId(), mq.brokerName()));
        RemotingCommand response = remoting.invokeSync(addr, request, timeoutMillis);
        expectSuccess(response, addr);
        try {
            return response.fields().requiredLong("timestamp");
        } catch (RemotingCommandException e) {
            throw new MQBrokerException(response.code(), e.getMessage(), addr);
        }
    }

    public long searchOffset(String addr, MessageQueue mq, long timestamp, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
            new SearchOffsetRequestHeader(mq.topic(), mq.queueId(), timestamp, mq.brokerName()));
        return offsetOf(remoting.invokeSync(addr, request, timeoutMillis), addr);
    }

    private long queueOffsetCall(int code, String addr, MessageQueue mq, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequest(code,
            new QueueRequestHeader(mq.topic(), mq.queueId(), mq.brokerName()));
        return offsetOf(remoting.invokeSync(addr, request, timeoutMillis), addr);
    }

    private static long offsetOf(RemotingCommand response, String addr) throws MQBrokerException {
        expectSuccess(response, addr);
        try {
            return response.decodeHeader(OffsetResponseHeader::decode).offset();
        } catch (RemotingCommandException e) {
            throw new MQBrokerException(response.code(), "bad offset response header: " + e.getMessage(), addr);
        }
    }

    // ---- orderly locks, retry, queries ----------------------------------------------------------------

    public Set<MessageQueue> lockBatchMQ(String addr, LockBatchBody body, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.LOCK_BATCH_MQ).body(body.encode());
        RemotingCommand response = remoting.invokeSync(addr, request, timeoutMillis);
        expectSuccess(response, addr);
        return LockBatchBody.decodeLocked(response.body());
    }

    public void unlockBatchMQ(String addr, LockBatchBody body, long timeoutMillis, boolean oneway)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.UNLOCK_BATCH_MQ).body(body.encode());
        if (oneway) {
            remoting.invokeOneway(addr, request, timeoutMillis);
        } else {
            expectSuccess(remoting.invokeSync(addr, request, timeoutMillis), addr);
        }
    }

    public void consumerSendMessageBack(String addr, String brokerName, MessageExt msg, String consumerGroup,
                                        int delayLevel, long timeoutMillis, int maxConsumeRetryTimes)
        throws RemotingException, MQBrokerException, InterruptedException {
        ConsumerSendMsgBackRequestHeader header = new ConsumerSendMsgBackRequestHeader(msg.getCommitLogOffset(),
            consumerGroup, delayLevel, msg.getMsgId(), msg.getTopic(), false, maxConsumeRetryTimes, brokerName);
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.CONSUMER_SEND_MSG_BACK, header);
        expectSuccess(remoting.invokeSync(addr, request, timeoutMillis), addr);
    }

    public MessageExt viewMessage(String addr, long phyOffset, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.VIEW_MESSAGE_BY_ID,
            new ViewMessageRequestHeader(phyOffset));
        RemotingCommand response = remoting.invokeSync(addr, request, timeoutMillis);
        expectSuccess(response, addr);
        List<MessageExt> found = ClientMessages.decode(response.body());
        if (found.isEmpty()) {
            throw new MQBrokerException(ResponseCode.SYSTEM_ERROR, "empty view answer", addr);
        }
        return found.get(0);
    }

    /** Answers a broker's request later on this client's channel (e.g. CHECK_TRANSACTION_STATE is oneway). */
    public static void respond(io.netty.channel.Channel channel, RemotingCommand request, RemotingCommand response) {
        RemotingResponder.respond(channel, request, response);
    }

    static void expectSuccess(RemotingCommand response, String addr) throws MQBrokerException {
        if (response.code() != ResponseCode.SUCCESS) {
            throw new MQBrokerException(response.code(), response.remark(), addr);
        }
    }
}
