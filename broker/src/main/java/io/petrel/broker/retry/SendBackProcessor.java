package io.petrel.broker.retry;

import io.netty.channel.Channel;
import io.petrel.broker.config.BrokerConfig;
import io.petrel.broker.inner.InnerMessage;
import io.petrel.broker.stats.BrokerStats;
import io.petrel.broker.subscription.SubscriptionGroupManager;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.common.topic.PermName;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.topic.TopicValidator;
import io.petrel.remoting.RemotingResponder;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RemotingVersion;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.ConsumerSendMsgBackRequestHeader;
import io.petrel.store.MessageStore;
import io.petrel.store.PutMessageResult;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * CONSUMER_SEND_MSG_BACK (36): a consumer could not process a message, so the broker stores a copy for a later
 * attempt. The copy goes to {@code %RETRY%group} through the delay mechanism (the store parks it in
 * {@code SCHEDULE_TOPIC_XXXX} first), or to {@code %DLQ%group} once the retry budget is spent. Thread-safe.
 */
public final class SendBackProcessor implements RequestProcessor {
    private static final String FAQ = " http://rocketmq.apache.org/docs/faq/";
    private static final int RW = PermName.PERM_READ | PermName.PERM_WRITE;
    /** Topic sysflag bit "has unit subscription", set on retry and DLQ topics created for unit-mode consumers. */
    private static final int UNIT_SUB_SYS_FLAG = 0x2;

    private final Supplier<BrokerConfig> config;
    private final TopicConfigManager topics;
    private final SubscriptionGroupManager groups;
    private final MessageStore store;
    private final InetSocketAddress storeHost;
    private final BrokerStats stats;

    public SendBackProcessor(Supplier<BrokerConfig> config, TopicConfigManager topics, SubscriptionGroupManager groups,
                             MessageStore store, InetSocketAddress storeHost, BrokerStats stats) {
        this.config = config;
        this.topics = topics;
        this.groups = groups;
        this.store = store;
        this.storeHost = storeHost;
        this.stats = stats;
    }

    /** Where a copy goes: topic, queue and delay level (0 = stored directly). */
    record Target(String topic, int queueId, int delayLevel) {
    }

    @Override
    public RemotingCommand processRequest(Channel channel, RemotingCommand request) throws Exception {
        ConsumerSendMsgBackRequestHeader h = request.decodeHeader(ConsumerSendMsgBackRequestHeader::decode);
        SubscriptionGroupConfig group = groups.find(h.group());
        if (group == null) {
            return response(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, "subscription group not exist, " + h.group()
                + FAQ);
        }
        if (!PermName.isWriteable(config.get().getBrokerPermission())) {
            return response(ResponseCode.NO_PERMISSION, "the broker[" + config.get().getBrokerIP1()
                + "] sending message is forbidden");
        }
        if (group.retryQueueNums() <= 0) {
            return response(ResponseCode.SUCCESS, null);
        }
        String retryTopic = TopicValidator.RETRY_GROUP_TOPIC_PREFIX + h.group();
        TopicConfig retry = topics.createIfAbsent(retryTopic, group.retryQueueNums(), RW, topicSysFlag(h));
        if (retry == null) {
            return response(ResponseCode.SYSTEM_ERROR, "topic[" + retryTopic + "] not exist");
        }
        if (!PermName.isWriteable(retry.perm())) {
            return response(ResponseCode.NO_PERMISSION, String.format("the topic[%s] sending message is forbidden",
                retryTopic));
        }
        MessageExt original = store.lookMessageByOffset(h.offset());
        if (original == null) {
            return response(ResponseCode.SYSTEM_ERROR, "look message by offset failed, " + h.offset());
        }
        int max = request.version() >= RemotingVersion.V3_4_9 && h.maxReconsumeTimes() != null
            ? h.maxReconsumeTimes() : group.retryMaxTimes();
        Target target = target(h, group, original.getReconsumeTimes(), max);
        if (target == null) {
            return response(ResponseCode.SYSTEM_ERROR, "topic[" + TopicValidator.DLQ_GROUP_TOPIC_PREFIX + h.group()
                + "] not exist");
        }
        InnerMessage copy = retryCopy(original, target);
        store.asyncPutMessage(copy.toPut()).whenComplete((result, error) -> {
            if (error == null && result.isOk()) {
                // where the store put it: the schedule topic when it waits for a delayed retry
                stats.onSendBack(h.group(), originalTopic(original), copy.getTopic(), copy.getQueueId(),
                    result.wroteBytes());
            }
            RemotingResponder.respond(channel, request, toResponse(result, error));
        });
        return null;
    }

    /** The DLQ when the budget is spent or the consumer asked for it (level < 0), else the retry topic. */
    private Target target(ConsumerSendMsgBackRequestHeader h, SubscriptionGroupConfig group, int reconsumeTimes,
                          int maxReconsumeTimes) {
        if (reconsumeTimes >= maxReconsumeTimes || h.delayLevel() < 0) {
            String dlq = TopicValidator.DLQ_GROUP_TOPIC_PREFIX + h.group();
            return topics.createIfAbsent(dlq, 1, RW, topicSysFlag(h)) == null ? null : new Target(dlq, 0, 0);
        }
        int level = h.delayLevel() == 0 ? 3 + reconsumeTimes : h.delayLevel();
        int queueId = ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE) % group.retryQueueNums();
        return new Target(TopicValidator.RETRY_GROUP_TOPIC_PREFIX + h.group(), queueId, level);
    }

    /** The topic the message was first sent to: a retried message remembers it in a property. */
    private static String originalTopic(MessageExt original) {
        String first = original.getProperty(MessageProperties.RETRY_TOPIC);
        return first != null ? first : original.getTopic();
    }

    private static int topicSysFlag(ConsumerSendMsgBackRequestHeader h) {
        return Boolean.TRUE.equals(h.unitMode()) ? UNIT_SUB_SYS_FLAG : 0;
    }

    /** The copy: same payload and born fields, one more reconsume, the original topic and id remembered. */
    InnerMessage retryCopy(MessageExt original, Target target) {
        InnerMessage copy = InnerMessage.copyOf(original, true);
        copy.setTopic(target.topic());
        copy.setQueueId(target.queueId());
        copy.setStoreHost(storeHost);
        copy.setReconsumeTimes(original.getReconsumeTimes() + 1);
        copy.putProperty(MessageProperties.RETRY_TOPIC, originalTopic(original));
        String originId = original.getProperty(MessageProperties.ORIGIN_MESSAGE_ID);
        copy.putProperty(MessageProperties.ORIGIN_MESSAGE_ID,
            originId == null || originId.isBlank() ? original.getMsgId() : originId);
        copy.putProperty(MessageProperties.WAIT, "false");
        copy.setDelayTimeLevel(target.delayLevel());
        return copy;
    }

    private static RemotingCommand toResponse(PutMessageResult result, Throwable error) {
        if (error != null) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "store failed: " + error);
        }
        return result.isOk() ? RemotingCommand.createResponse(ResponseCode.SUCCESS, null)
            : RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, result.status().name());
    }

    private static RemotingCommand response(int code, String remark) {
        return RemotingCommand.createResponse(code, remark);
    }
}
