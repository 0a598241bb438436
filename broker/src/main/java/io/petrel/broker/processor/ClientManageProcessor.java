package io.petrel.broker.processor;

import io.netty.channel.Channel;
import io.petrel.broker.client.ClientChannelInfo;
import io.petrel.broker.client.ConsumerManager;
import io.petrel.broker.client.ProducerManager;
import io.petrel.broker.config.BrokerConfig;
import io.petrel.broker.subscription.SubscriptionGroupManager;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.heartbeat.ConsumerData;
import io.petrel.common.heartbeat.HeartbeatData;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.common.topic.PermName;
import io.petrel.common.topic.TopicValidator;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.RemotingVersion;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.UnregisterClientRequestHeader;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * HEART_BEAT, UNREGISTER_CLIENT and CHECK_CLIENT_CONFIG: who the clients are and what they subscribe to. Heartbeats
 * of version 2 (5.x clients with {@code useHeartbeatV2}) are served: a client whose subscriptions this broker
 * already holds under the heartbeat's fingerprint may leave them out.
 */
public final class ClientManageProcessor implements RequestProcessor {
    /** Response keys of a heartbeat answer to a 5.x client. */
    static final String SUPPORT_HEARTBEAT_V2 = "IS_SUPPORT_HEART_BEAT_V2";
    static final String SUB_CHANGE = "IS_SUB_CHANGE";
    static final String SQL92_UNSUPPORTED = "The broker does not support consumer to filter message by SQL92";

    private final Supplier<BrokerConfig> config;
    private final ProducerManager producers;
    private final ConsumerManager consumers;
    private final SubscriptionGroupManager groups;
    private final TopicConfigManager topics;
    private final Clock clock;

    public ClientManageProcessor(Supplier<BrokerConfig> config, ProducerManager producers, ConsumerManager consumers,
                                 SubscriptionGroupManager groups, TopicConfigManager topics, Clock clock) {
        this.config = config;
        this.producers = producers;
        this.consumers = consumers;
        this.groups = groups;
        this.topics = topics;
        this.clock = clock;
    }

    @Override
    public RemotingCommand processRequest(Channel channel, RemotingCommand request) throws Exception {
        return switch (request.code()) {
            case RequestCode.HEART_BEAT -> heartbeat(channel, request);
            case RequestCode.UNREGISTER_CLIENT -> unregister(channel, request);
            case RequestCode.CHECK_CLIENT_CONFIG -> checkClientConfig(request);
            default -> RemotingCommand.unsupported(request);
        };
    }

    private RemotingCommand heartbeat(Channel channel, RemotingCommand request) {
        HeartbeatData hb;
        try {
            hb = HeartbeatData.decode(request.body());
        } catch (IllegalArgumentException e) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "bad heartbeat body: " + e.getMessage());
        }
        long now = clock.millis();
        ClientChannelInfo info = new ClientChannelInfo(channel, hb.clientID(), request.language(), request.version(),
            now);
        boolean subChange = false;
        for (ConsumerData data : hb.consumerDataSet()) {
            SubscriptionGroupConfig group = groups.find(data.groupName());
            if (group != null && group.retryQueueNums() > 0) {
                topics.createIfAbsent(TopicValidator.RETRY_GROUP_TOPIC_PREFIX + data.groupName(),
                    group.retryQueueNums(), PermName.PERM_READ | PermName.PERM_WRITE, 0);
            }
            subChange |= consumers.register(data, info, now, hb.heartbeatFingerprint(), hb.withoutSub());
        }
        for (String group : hb.producerGroups()) {
            producers.register(group, info, now);
        }
        RemotingCommand response = RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
        if (hb.heartbeatFingerprint() != 0 || request.version() >= RemotingVersion.V5_0_0) {
            // 5.x heartbeat v2: the client sends its subscriptions again only when told they changed; a heartbeat
            // of version 1 (fingerprint 0) is always answered "changed", as a 5.3 broker answers it
            response.addExtField(SUPPORT_HEARTBEAT_V2, "true");
            response.addExtField(SUB_CHANGE, Boolean.toString(hb.heartbeatFingerprint() == 0 || subChange));
        }
        return response;
    }

    private RemotingCommand unregister(Channel channel, RemotingCommand request) throws Exception {
        UnregisterClientRequestHeader h = request.decodeHeader(UnregisterClientRequestHeader::decode);
        if (h.producerGroup() != null) {
            producers.unregister(h.producerGroup(), channel);
        }
        if (h.consumerGroup() != null) {
            consumers.unregister(h.consumerGroup(), channel);
        }
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null, CommandHeader.EMPTY);
    }

    private RemotingCommand checkClientConfig(RemotingCommand request) {
        com.alibaba.fastjson2.JSONObject body;
        try {
            body = JsonBodies.parseObject(request.body(), "CheckClientRequestBody");
        } catch (IllegalArgumentException e) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        com.alibaba.fastjson2.JSONObject sub = JsonBodies.object(body, "subscriptionData", "CheckClientRequestBody");
        String type = sub == null ? null : JsonBodies.string(sub, "expressionType");
        if (type == null || SubscriptionData.TAG.equals(type)) {
            return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
        }
        // SQL92 filtering is not offered by this broker whatever enablePropertyFilter says; say so plainly.
        String remark = config.get().isEnablePropertyFilter() ? SQL92_UNSUPPORTED + " (not implemented by this broker)"
            : SQL92_UNSUPPORTED;
        return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, remark);
    }
}
