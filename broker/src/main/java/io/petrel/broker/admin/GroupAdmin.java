package io.petrel.broker.admin;

import io.petrel.broker.client.ClientChannelInfo;
import io.petrel.broker.client.ConsumerGroupInfo;
import io.petrel.broker.client.ConsumerIdsChangeNotifier;
import io.petrel.broker.client.ConsumerManager;
import io.petrel.broker.client.ProducerManager;
import io.petrel.broker.client.RebalanceLockManager;
import io.petrel.broker.config.BrokerConfig;
import io.petrel.broker.offset.ConsumerOffsetManager;
import io.petrel.broker.stats.BrokerStats;
import io.petrel.broker.subscription.SubscriptionGroupManager;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.body.Connection;
import io.petrel.common.body.ConsumerConnection;
import io.petrel.common.body.LockBatchBody;
import io.petrel.common.body.ProducerConnection;
import io.petrel.common.body.ResetOffsetBody;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.topic.TopicValidator;
import io.petrel.common.util.NetAddresses;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.ConsumerGroupRequestHeader;
import io.petrel.remoting.protocol.header.DeleteSubscriptionGroupRequestHeader;
import io.petrel.remoting.protocol.header.GetProducerConnectionListRequestHeader;
import io.petrel.remoting.protocol.header.ResetOffsetRequestHeader;
import io.petrel.store.MessageStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Consumer-group administration: groups, connections, consume progress, queue locks and offset resets. */
public final class GroupAdmin {
    private final BrokerConfig config;
    private final SubscriptionGroupManager groups;
    private final ConsumerManager consumers;
    private final ProducerManager producers;
    private final ConsumerOffsetManager offsets;
    private final RebalanceLockManager locks;
    private final TopicConfigManager topics;
    private final MessageStore store;
    private final ConsumerIdsChangeNotifier.Pusher pusher;
    private final Clock clock;
    private final BrokerStats stats;

    public GroupAdmin(BrokerConfig config, SubscriptionGroupManager groups, ConsumerManager consumers,
                      ProducerManager producers, ConsumerOffsetManager offsets, RebalanceLockManager locks,
                      TopicConfigManager topics, MessageStore store, ConsumerIdsChangeNotifier.Pusher pusher,
                      Clock clock, BrokerStats stats) {
        this.config = config;
        this.groups = groups;
        this.consumers = consumers;
        this.producers = producers;
        this.offsets = offsets;
        this.locks = locks;
        this.topics = topics;
        this.store = store;
        this.pusher = pusher;
        this.clock = clock;
        this.stats = stats;
    }

    public void registerInto(AdminBrokerProcessor processor) {
        processor.register(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, (ch, req) -> updateGroup(req))
            .register(RequestCode.DELETE_SUBSCRIPTIONGROUP, (ch, req) -> deleteGroup(req))
            .register(RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, (ch, req) -> ok(groups.wrapper().encode()))
            .register(RequestCode.GET_ALL_CONSUMER_OFFSET, (ch, req) -> ok(offsets.encode()))
            .register(RequestCode.GET_CONSUMER_CONNECTION_LIST, (ch, req) -> consumerConnections(req))
            .register(RequestCode.GET_PRODUCER_CONNECTION_LIST, (ch, req) -> producerConnections(req))
            .register(RequestCode.LOCK_BATCH_MQ, (ch, req) -> lock(req))
            .register(RequestCode.UNLOCK_BATCH_MQ, (ch, req) -> unlock(req))
            .register(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, (ch, req) -> resetOffset(req));
    }

    private static RemotingCommand ok(byte[] body) {
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null, CommandHeader.EMPTY).body(body);
    }

    private RemotingCommand updateGroup(RemotingCommand req) {
        SubscriptionGroupConfig c;
        try {
            c = SubscriptionGroupConfig.decode(req.body());
        } catch (IllegalArgumentException e) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        String invalid = TopicValidator.validateGroup(c.groupName());
        if (invalid != null) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, invalid);
        }
        groups.update(c);
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand deleteGroup(RemotingCommand req) throws Exception {
        DeleteSubscriptionGroupRequestHeader h = req.decodeHeader(DeleteSubscriptionGroupRequestHeader::decode);
        groups.delete(h.groupName());
        stats.onGroupDeleted(h.groupName());
        if (Boolean.TRUE.equals(h.removeOffset())) {
            offsets.removeGroup(h.groupName());
        }
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
    }

    private static Set<Connection> connections(List<ClientChannelInfo> members) {
        Set<Connection> out = new LinkedHashSet<>();
        for (ClientChannelInfo m : members) {
            out.add(new Connection(m.clientId(), NetAddresses.format(m.channel().remoteAddress()),
                m.language().name(), m.version()));
        }
        return out;
    }

    private RemotingCommand consumerConnections(RemotingCommand req) throws Exception {
        String group = req.decodeHeader(ConsumerGroupRequestHeader::decode).consumerGroup();
        ConsumerGroupInfo info = consumers.group(group);
        if (info == null || info.members().isEmpty()) {
            return RemotingCommand.createResponse(ResponseCode.CONSUMER_NOT_ONLINE,
                "the consumer group[" + group + "] not online");
        }
        return ok(new ConsumerConnection(connections(info.members()), info.subscriptions(), info.consumeType(),
            info.messageModel(), info.consumeFromWhere()).encode());
    }

    private RemotingCommand producerConnections(RemotingCommand req) throws Exception {
        String group = req.decodeHeader(GetProducerConnectionListRequestHeader::decode).producerGroup();
        List<ClientChannelInfo> members = producers.members(group);
        if (members.isEmpty()) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR,
                "the producer group[" + group + "] not exist");
        }
        return ok(new ProducerConnection(connections(members)).encode());
    }

    private RemotingCommand lock(RemotingCommand req) {
        LockBatchBody body;
        try {
            body = LockBatchBody.decode(req.body());
        } catch (IllegalArgumentException e) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        Set<MessageQueue> held = locks.tryLock(body.consumerGroup(), body.mqSet(), body.clientId(), clock.millis());
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(LockBatchBody.encodeLocked(held));
    }

    private RemotingCommand unlock(RemotingCommand req) {
        LockBatchBody body;
        try {
            body = LockBatchBody.decode(req.body());
        } catch (IllegalArgumentException e) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        locks.unlock(body.consumerGroup(), body.mqSet(), body.clientId());
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
    }

    /**
     * Moves a group's offsets on a topic to the first message stored at or after a time (or to the max offset
     * for a time of -1), and tells the group's online clients (RESET_CONSUMER_CLIENT_OFFSET, oneway).
     */
    private RemotingCommand resetOffset(RemotingCommand req) throws Exception {
        ResetOffsetRequestHeader h = req.decodeHeader(ResetOffsetRequestHeader::decode);
        TopicConfig c = topics.select(h.topic());
        if (c == null) {
            return RemotingCommand.createResponse(ResponseCode.TOPIC_NOT_EXIST, "topic[" + h.topic() + "] not exist");
        }
        Map<MessageQueue, Long> target = new LinkedHashMap<>();
        Map<Integer, Long> byQueue = new LinkedHashMap<>();
        for (int q = 0; q < c.writeQueueNums(); q++) {
            long offset = h.timestamp() < 0 ? store.getMaxOffsetInQueue(h.topic(), q)
                : store.getOffsetInQueueByTime(h.topic(), q, h.timestamp());
            long current = offsets.query(h.group(), h.topic(), q);
            if (!h.isForce() && current >= 0 && current <= offset) {
                offset = current;
            }
            target.put(new MessageQueue(h.topic(), config.getBrokerName(), q), offset);
            byQueue.put(q, offset);
        }
        offsets.reset(h.group(), h.topic(), byQueue);
        byte[] body = new ResetOffsetBody(target).encode();
        ConsumerGroupInfo info = consumers.group(h.group());
        if (info != null) {
            for (ClientChannelInfo member : info.members()) {
                RemotingCommand push = RemotingCommand.createRequest(RequestCode.RESET_CONSUMER_CLIENT_OFFSET,
                    new ResetOffsetRequestHeader(h.topic(), h.group(), h.timestamp(), h.isForce())).body(body);
                pusher.pushOneway(member.channel(), push);
            }
        }
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(body);
    }
}
