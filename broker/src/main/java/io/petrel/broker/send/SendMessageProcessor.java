package io.petrel.broker.send;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.petrel.broker.config.BrokerConfig;
import io.petrel.broker.stats.BrokerStats;
import io.petrel.broker.subscription.SubscriptionGroupManager;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.message.MessageBatchCodec;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.MessageSysFlag;
import io.petrel.common.message.PropertiesCodec;
import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.common.topic.PermName;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.topic.TopicFilterType;
import io.petrel.common.topic.TopicValidator;
import io.petrel.remoting.RemotingResponder;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RemotingVersion;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.SendMessageRequestHeader;
import io.petrel.remoting.protocol.header.SendMessageRequestHeaderV2;
import io.petrel.remoting.protocol.header.SendMessageResponseHeader;
import io.petrel.store.BatchPutRequest;
import io.petrel.store.MessageStore;
import io.petrel.store.PutRequest;
import io.petrel.store.PutMessageResult;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * SEND_MESSAGE, SEND_MESSAGE_V2, SEND_BATCH_MESSAGE and the reply sends SEND_REPLY_MESSAGE(_V2): validates in the order 4.9.7 brokers do, creates topics
 * on demand, redirects exhausted retries to the DLQ, turns transactional messages into half records, stores and answers with the ids and offsets the client expects. Single sends are
 * stored asynchronously: the send thread does not wait for a flush.
 */
public final class SendMessageProcessor implements RequestProcessor {
    private final Supplier<BrokerConfig> config;
    private final TopicConfigManager topics;
    private final SubscriptionGroupManager groups;
    private final MessageStore store;
    private final int maxMessageSize;
    private final InetSocketAddress storeHost;
    private final BrokerStats stats;
    private final Clock clock;
    private final ReplyPusher replies;

    private final TimerParking timers;

    public SendMessageProcessor(Supplier<BrokerConfig> config, TopicConfigManager topics, SubscriptionGroupManager groups,
                                MessageStore store, int maxMessageSize,
                                InetSocketAddress storeHost, BrokerStats stats, Clock clock, ReplyPusher replies,
                                TimerParking timers) {
        this.config = config;
        this.topics = topics;
        this.groups = groups;
        this.store = store;
        this.maxMessageSize = maxMessageSize;
        this.storeHost = storeHost;
        this.stats = stats;
        this.clock = clock;
        this.replies = replies;
        this.timers = timers;
    }

    @Override
    public RemotingCommand processRequest(Channel channel, RemotingCommand request) throws Exception {
        boolean reply = request.code() == RequestCode.SEND_REPLY_MESSAGE
            || request.code() == RequestCode.SEND_REPLY_MESSAGE_V2;
        SendMessageRequestHeader header =
            request.code() == RequestCode.SEND_MESSAGE || request.code() == RequestCode.SEND_REPLY_MESSAGE
            ? request.decodeHeader(SendMessageRequestHeader::decode)
            : request.decodeHeader(SendMessageRequestHeaderV2::decode);
        InetSocketAddress bornHost = (InetSocketAddress) channel.remoteAddress();
        RemotingCommand refused = checkBroker(header);
        if (refused != null) {
            return withSendExtFields(refused);
        }
        TopicConfig topicConfig = topics.select(header.topic());
        if (topicConfig == null) {
            topicConfig = createTopic(header, bornHost);
            if (topicConfig == null) {
                return error(ResponseCode.TOPIC_NOT_EXIST, "topic[" + header.topic() + "] not exist, apply first "
                    + "please! http://rocketmq.apache.org/docs/faq/");
            }
        }
        int queueId = header.queueId();
        int maxQueues = Math.max(topicConfig.writeQueueNums(), topicConfig.readQueueNums());
        if (queueId >= maxQueues) {
            return error(ResponseCode.SYSTEM_ERROR, String.format("request queueId[%d] is illegal, %s Producer: %s",
                queueId, topicConfig, bornHost));
        }
        if (queueId < 0) {
            queueId = ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE) % topicConfig.writeQueueNums();
        }
        SendContext ctx = new SendContext(header, topicConfig, queueId, bornHost);
        if (request.code() == RequestCode.SEND_BATCH_MESSAGE) {
            return sendBatch(channel, ctx, request);
        }
        if (reply) {
            return sendReply(channel, request, ctx);
        }
        return sendOne(channel, request, ctx);
    }

    private RemotingCommand checkBroker(SendMessageRequestHeader header) {
        long now = clock.millis();
        if (config.get().getStartAcceptSendRequestTimeStamp() > now) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "broker unable to service, until "
                + java.time.Instant.ofEpochMilli(config.get().getStartAcceptSendRequestTimeStamp()));
        }
        if (!PermName.isWriteable(config.get().getBrokerPermission()) && topics.isOrderTopic(header.topic())) {
            return RemotingCommand.createResponse(ResponseCode.NO_PERMISSION, "the broker["
                + config.get().getBrokerIP1() + "] sending message is forbidden");
        }
        String invalid = TopicValidator.validateTopic(header.topic());
        if (invalid != null) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, invalid);
        }
        if (TopicValidator.isNotAllowedSendTopic(header.topic())) {
            return RemotingCommand.createResponse(ResponseCode.NO_PERMISSION,
                "Sending message to topic[" + header.topic() + "] is forbidden.");
        }
        return null;
    }

    private TopicConfig createTopic(SendMessageRequestHeader header, InetSocketAddress bornHost) {
        int sysFlag = header.unitMode() != null && header.unitMode() ? 1 : 0;
        TopicConfig created = topics.createFromDefaultTopic(header.topic(), header.defaultTopic(),
            String.valueOf(bornHost), header.defaultTopicQueueNums(), sysFlag);
        if (created == null && header.topic().startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX)) {
            created = topics.createIfAbsent(header.topic(), 1, PermName.PERM_READ | PermName.PERM_WRITE, sysFlag);
        }
        return created;
    }

    private RemotingCommand sendOne(Channel channel, RemotingCommand request, SendContext ctx) {
        SendMessageRequestHeader h = ctx.header();
        Map<String, String> props = PropertiesCodec.decode(h.properties());
        MessageExt msg = new MessageExt();
        msg.setTopic(h.topic());
        msg.setQueueId(ctx.queueId());
        msg.setBody(request.body() == null ? new byte[0] : request.body());
        msg.setFlag(h.flag());
        msg.setSysFlag(sysFlagFor(ctx));
        msg.setBornTimestamp(h.bornTimestamp());
        msg.setBornHost(ctx.bornHost());
        msg.setStoreHost(storeHost);
        msg.setReconsumeTimes(h.reconsumeTimes() == null ? 0 : h.reconsumeTimes());
        props.put(MessageProperties.CLUSTER, config.get().getBrokerClusterName());
        putTraceProperties(props, request.version());
        if ("true".equals(props.get(MessageProperties.WAIT)) && !MessageRewrites.isRewritten(props)) {
            props.remove(MessageProperties.WAIT); // absent means true: nine bytes saved per record
        }
        msg.setProperties(props);
        RemotingCommand refused = redirectRetry(msg, h, request.version());
        if (refused != null) {
            return refused;
        }
        if (!Boolean.parseBoolean(props.get(MessageProperties.TRAN_MSG))) {
            TimerParking.Refusal timerRefused = timers.park(msg);
            if (timerRefused != null) {
                return error(timerRefused.code(), timerRefused.remark());
            }
        }
        if (Boolean.parseBoolean(props.get(MessageProperties.TRAN_MSG))) {
            if (config.get().isRejectTransactionMessage()) {
                return error(ResponseCode.NO_PERMISSION, "the broker[" + config.get().getBrokerIP1()
                    + "] sending transaction message is forbidden");
            }
            MessageRewrites.toHalfMessage(msg);
            topics.createIfAbsent(TopicValidator.RMQ_SYS_TRANS_HALF_TOPIC, 1,
                PermName.PERM_READ | PermName.PERM_WRITE, 0);
        }
        int requestedQueue = ctx.queueId();
        // counted where it was stored: the store moves a delayed message to the schedule topic
        return answerWhenStored(channel, request, store.asyncPutMessage(PutRequest.of(msg), loopOf(channel)),
            result -> toResponse(result, requestedQueue, msg.getTopic(), msg.getQueueId()));
    }

    /** The event loop this send runs on, so that a SYNC_FLUSH flush may run there; null off the loop. */
    private static Executor loopOf(Channel channel) {
        EventLoop loop = channel.eventLoop();
        return loop != null && loop.inEventLoop() ? loop : null;
    }

    /** Answers once the store has: a failed future is SYSTEM_ERROR; every answer carries the send ext fields. */
    private RemotingCommand answerWhenStored(Channel channel, RemotingCommand request,
                                             CompletableFuture<PutMessageResult> stored,
                                             Function<PutMessageResult, RemotingCommand> answer) {
        stored.whenComplete((result, error) -> {
            RemotingCommand response = error != null
                ? RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "store failed: " + error)
                : answer.apply(result);
            RemotingResponder.respond(channel, request, withSendExtFields(response));
        });
        return null;
    }

    /**
     * SEND_REPLY_MESSAGE(_V2): pushes the reply to the requesting client first, then stores it in the reply topic
     * when {@code storeReplyMessageEnable}. The answer's code says whether the requester got it.
     */
    private RemotingCommand sendReply(Channel channel, RemotingCommand request, SendContext ctx) {
        SendMessageRequestHeader h = ctx.header();
        MessageExt msg = new MessageExt();
        msg.setTopic(h.topic());
        msg.setQueueId(ctx.queueId());
        msg.setBody(request.body() == null ? new byte[0] : request.body());
        msg.setFlag(h.flag());
        msg.setSysFlag(h.sysFlag());
        msg.setBornTimestamp(h.bornTimestamp());
        msg.setBornHost(ctx.bornHost());
        msg.setStoreHost(storeHost);
        msg.setReconsumeTimes(h.reconsumeTimes() == null ? 0 : h.reconsumeTimes());
        Map<String, String> props = PropertiesCodec.decode(h.properties());
        putTraceProperties(props, request.version());
        msg.setProperties(props);
        String pushError = replies.push(h, msg);
        RemotingCommand response = pushError != null
            ? RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, pushError)
            : RemotingCommand.createResponse(ResponseCode.SUCCESS, null,
                new SendMessageResponseHeader("0", ctx.queueId(), 0, null));
        if (!config.get().isStoreReplyMessageEnable()) {
            return withSendExtFields(response);
        }
        return answerWhenStored(channel, request, store.asyncPutMessage(PutRequest.of(msg), loopOf(channel)), stored -> {
            if (PutResultMapping.of(stored.status(), maxMessageSize).stored()) {
                stats.onPut(h.topic(), ctx.queueId(), stored.msgNum(), stored.wroteBytes());
                response.customHeader(new SendMessageResponseHeader(String.join(",", stored.msgIds()),
                    ctx.queueId(), stored.logicsOffset(), null));
            }
            return response;
        });
    }

    private int sysFlagFor(SendContext ctx) {
        int sysFlag = ctx.header().sysFlag();
        if (ctx.topicConfig().filterType() == TopicFilterType.MULTI_TAG) {
            sysFlag |= MessageSysFlag.MULTI_TAGS;
        }
        return sysFlag;
    }

    /** Sends to {@code %RETRY%group} past the group's retry limit go to {@code %DLQ%group} instead. */
    private RemotingCommand redirectRetry(MessageExt msg, SendMessageRequestHeader h, int clientVersion) {
        if (!h.topic().startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX)) {
            return null;
        }
        String group = h.topic().substring(TopicValidator.RETRY_GROUP_TOPIC_PREFIX.length());
        SubscriptionGroupConfig groupConfig = groups.find(group);
        if (groupConfig == null) {
            return error(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, "subscription group not exist, " + group
                + " http://rocketmq.apache.org/docs/faq/");
        }
        int maxReconsume = clientVersion >= RemotingVersion.V3_4_9 && h.maxReconsumeTimes() != null
            ? h.maxReconsumeTimes() : groupConfig.retryMaxTimes();
        if (msg.getReconsumeTimes() >= maxReconsume) {
            String dlq = TopicValidator.DLQ_GROUP_TOPIC_PREFIX + group;
            topics.createIfAbsent(dlq, 1, PermName.PERM_READ | PermName.PERM_WRITE, 0);
            msg.setTopic(dlq);
            msg.setQueueId(0);
            msg.removeProperty(MessageProperties.DELAY);
        }
        return null;
    }

    private RemotingCommand sendBatch(Channel channel, SendContext ctx, RemotingCommand request) {
        SendMessageRequestHeader h = ctx.header();
        if (h.topic().startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX)) {
            return error(ResponseCode.MESSAGE_ILLEGAL, "batch request does not support retry group " + h.topic());
        }
        Map<String, String> props = PropertiesCodec.decode(h.properties());
        if (props.containsKey(MessageProperties.DELAY) || Boolean.parseBoolean(props.get(MessageProperties.TRAN_MSG))) {
            return error(ResponseCode.MESSAGE_ILLEGAL, "batch message does not support delay or transaction");
        }
        byte[] body = request.body() == null ? new byte[0] : request.body();
        if (body.length > maxMessageSize) {
            return error(ResponseCode.MESSAGE_ILLEGAL, String.format(PutResultMapping.ILLEGAL_REMARK, maxMessageSize));
        }
        java.util.List<MessageBatchCodec.Item> items;
        try {
            items = MessageBatchCodec.decode(ByteBuffer.wrap(body));
        } catch (RuntimeException e) {
            return error(ResponseCode.MESSAGE_ILLEGAL, "malformed batch body: " + e.getMessage());
        }
        props.put(MessageProperties.CLUSTER, config.get().getBrokerClusterName());
        putTraceProperties(props, request.version());
        BatchPutRequest batch = new BatchPutRequest(h.topic(), ctx.queueId(), sysFlagFor(ctx), h.bornTimestamp(),
            ctx.bornHost(), storeHost, h.reconsumeTimes() == null ? 0 : h.reconsumeTimes(),
            PropertiesCodec.encode(props), items);
        return answerWhenStored(channel, request, store.asyncPutMessages(batch, loopOf(channel)),
            result -> toResponse(result, ctx.queueId(), h.topic(), ctx.queueId()));
    }

    /** The answer to a put; a stored put is counted under the topic and queue it was stored in. */
    private RemotingCommand toResponse(PutMessageResult result, int requestedQueue, String storedTopic,
                                       int storedQueue) {
        PutResultMapping.Outcome outcome = PutResultMapping.of(result.status(), maxMessageSize);
        if (!outcome.stored()) {
            String remark = result.remark() != null && outcome.code() == ResponseCode.SYSTEM_ERROR
                ? outcome.remark() + " " + result.remark() : outcome.remark();
            return RemotingCommand.createResponse(outcome.code(), remark);
        }
        stats.onPut(storedTopic, storedQueue, result.msgNum(), result.wroteBytes());
        String msgId = String.join(",", result.msgIds());
        return RemotingCommand.createResponse(outcome.code(), null,
            new SendMessageResponseHeader(msgId, requestedQueue, result.logicsOffset(), null));
    }

    private RemotingCommand error(int code, String remark) {
        return withSendExtFields(RemotingCommand.createResponse(code, remark));
    }

    /**
     * A 5.x sender's message is stored with the broker's region and trace switch, as a 5.3 broker stores every
     * message (its consumers' trace hooks read them; {@code TRACE_ON=false} turns their consume traces off). A 4.9.7
     * broker stores them only when a send hook is installed, so 4.x senders' messages stay as they were.
     */
    private void putTraceProperties(Map<String, String> props, int senderVersion) {
        if (senderVersion >= RemotingVersion.V5_0_0) {
            props.put(MessageProperties.MSG_REGION, config.get().getRegionId());
            props.put(MessageProperties.TRACE_SWITCH, Boolean.toString(config.get().isTraceOn()));
        }
    }

    /** Every send answer carries these two, which 4.9.7 clients read unconditionally. */
    private RemotingCommand withSendExtFields(RemotingCommand response) {
        return response.addExtField(MessageProperties.MSG_REGION, config.get().getRegionId())
            .addExtField(MessageProperties.TRACE_SWITCH, Boolean.toString(config.get().isTraceOn()));
    }
}
