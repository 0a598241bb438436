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
import io.petrel.common.body.ProducerInfo;
import io.petrel.common.body.ProducerTableInfo;
import io.petrel.common.body.ResetOffsetBody;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.topic.TopicValidator;
import io.petrel.common.util.NetAddresses;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.LanguageCode;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RemotingVersion;
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
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer-group administration: groups, connections, consume progress, queue locks and offset resets; and the
 * table of producer groups.
 */
public final class GroupAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(GroupAdmin.class);
    private final Supplier<BrokerConfig> config;
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

    public GroupAdmin(Supplier<BrokerConfig> config, SubscriptionGroupManager groups, ConsumerManager consumers,
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
            .register(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST, (ch, req) -> updateGroupList(req))
            .register(RequestCode.GET_SUBSCRIPTIONGROUP_CONFIG, (ch, req) -> oneGroup(req))
            .register(RequestCode.DELETE_SUBSCRIPTIONGROUP, (ch, req) -> deleteGroup(req))
            .register(RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, (ch, req) -> ok(groups.wrapper().encode()))
            .register(RequestCode.GET_ALL_CONSUMER_OFFSET, (ch, req) -> ok(offsets.encode()))
            .register(RequestCode.GET_CONSUMER_CONNECTION_LIST, (ch, req) -> consumerConnections(req))
            .register(RequestCode.GET_PRODUCER_CONNECTION_LIST, (ch, req) -> producerConnections(req))
            .register(RequestCode.LOCK_BATCH_MQ, (ch, req) -> lock(req))
            .register(RequestCode.UNLOCK_BATCH_MQ, (ch, req) -> unlock(req))
            .register(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, (ch, req) -> resetOffset(req))
            .register(RequestCode.GET_ALL_PRODUCER_INFO, (ch, req) -> producerTable());
    }

    private static RemotingCommand ok(byte[] body) {
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null, CommandHeader.EMPTY).body(body);
    }

    private RemotingCommand updateGroup(RemotingCommand req) {
        return updateGroups(req, body -> List.of(SubscriptionGroupConfig.decode(body)));
    }

    /**
     * UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST (5.x {@code updateSubGroupList}): all groups at once, one write of
     * the table; a list naming an invalid group is refused whole (5.3 takes any name).
     */
    private RemotingCommand updateGroupList(RemotingCommand req) {
        return updateGroups(req, SubscriptionGroupConfig::decodeList);
    }

    private RemotingCommand updateGroups(RemotingCommand req,
                                         java.util.function.Function<byte[], List<SubscriptionGroupConfig>> decode) {
        List<SubscriptionGroupConfig> list;
        try {
            list = decode.apply(req.body());
        } catch (IllegalArgumentException e) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        for (SubscriptionGroupConfig c : list) {
            String invalid = TopicValidator.validateGroup(c.groupName());
            if (invalid != null) {
                return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, invalid);
            }
        }
        groups.updateAll(list);
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
    }

    /** GET_SUBSCRIPTIONGROUP_CONFIG (5.x {@code getConsumerConfig}): one group's config, never created by asking. */
    private RemotingCommand oneGroup(RemotingCommand req) throws Exception {
        String group = req.decodeHeader(f -> f.requiredString("group"));
        SubscriptionGroupConfig c = groups.get(group);
        if (c == null) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "No group in this broker");
        }
        return ok(c.encode());
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
     * Works out where a group's clients should move their offsets on a topic, per writable queue: to the first
     * message stored at or after a time (or the queue end for a time of -1; 0 if none), but only backwards
     * unless {@code isForce}. The broker's own offsets do not change: it pushes RESET_CONSUMER_CLIENT_OFFSET to
     * each online client, and the clients commit their new offsets. Like 4.9.7, the answer is an error when the
     * topic is unknown, when the group has no offset on one of the queues, and when no client of the group is
     * online (CONSUMER_NOT_ONLINE, which tells mqadmin to set the offsets on the broker itself instead).
     */
    private RemotingCommand resetOffset(RemotingCommand req) throws Exception {
        ResetOffsetRequestHeader h = req.decodeHeader(ResetOffsetRequestHeader::decode);
        TopicConfig c = topics.select(h.topic());
        if (c == null) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR,
                "[reset-offset] reset offset failed, no topic in this broker. topic=" + h.topic());
        }
        // 5.x resetOffsetByQueueId names one queue and its new offset (after committing it with
        // UPDATE_CONSUMER_OFFSET); only that queue moves, whether or not a consumer is online.
        int queueId = req.decodeHeader(f -> f.intOr("queueId", -1));
        Long offset = req.decodeHeader(f -> f.optionalLong("offset"));
        if (queueId >= 0 && offset != null && offset != -1) {
            return resetOneQueue(h, c, queueId, offset, req.language() == LanguageCode.CPP);
        }
        Map<MessageQueue, Long> target = new LinkedHashMap<>();
        for (int q = 0; q < c.writeQueueNums(); q++) {
            long current = offsets.query(h.group(), h.topic(), q);
            if (current < 0) {
                return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR,
                    String.format("THe consumer group <%s> not exist", h.group()));
            }
            long atTime = Math.max(0, h.timestamp() == -1 ? store.getMaxOffsetInQueue(h.topic(), q)
                : store.getOffsetInQueueByTime(h.topic(), q, h.timestamp()));
            target.put(new MessageQueue(h.topic(), config.get().getBrokerName(), q),
                h.isForce() || atTime < current ? atTime : current);
        }
        ConsumerGroupInfo info = consumers.group(h.group());
        List<ClientChannelInfo> members = info == null ? List.of() : info.members();
        if (members.isEmpty()) {
            return RemotingCommand.createResponse(ResponseCode.CONSUMER_NOT_ONLINE, String.format(
                "Consumer not online, so can not reset offset, Group: %s Topic: %s Timestamp: %d", h.group(),
                h.topic(), h.timestamp()));
        }
        return pushReset(h, members, target, req.language() == LanguageCode.CPP);
    }

    private RemotingCommand resetOneQueue(ResetOffsetRequestHeader h, TopicConfig c, int queueId, long offset,
                                          boolean forCpp) throws Exception {
        if (queueId >= c.readQueueNums()) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR,
                "[reset-offset] queue " + queueId + " does not exist in topic " + h.topic());
        }
        long min = Math.max(0, store.getMinOffsetInQueue(h.topic(), queueId));
        long max = Math.max(0, store.getMaxOffsetInQueue(h.topic(), queueId));
        if (offset < min || offset > max) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, String.format(
                "[reset-offset] offset %d of queue %d is out of range [%d, %d]", offset, queueId, min, max));
        }
        offsets.commit("reset-offset", h.group(), h.topic(), queueId, offset);
        ConsumerGroupInfo info = consumers.group(h.group());
        List<ClientChannelInfo> members = info == null ? List.of() : info.members();
        return pushReset(h, members, Map.of(new MessageQueue(h.topic(), config.get().getBrokerName(), queueId),
            offset), forCpp);
    }

    private RemotingCommand pushReset(ResetOffsetRequestHeader h, List<ClientChannelInfo> members,
                                      Map<MessageQueue, Long> target, boolean forCpp) throws Exception {
        for (ClientChannelInfo member : members) {
            if (member.version() < RemotingVersion.V3_0_7_SNAPSHOT) {
                return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR,
                    "the client does not support this feature. version=" + member.version());
            }
        }
        ResetOffsetBody body = new ResetOffsetBody(target);
        byte[] pushed = forCpp ? body.encodeForCpp() : body.encode();
        for (ClientChannelInfo member : members) {
            // 4.9.7 tells clients isForce=false whatever was asked: the offsets already say where to go.
            RemotingCommand push = RemotingCommand.createRequest(RequestCode.RESET_CONSUMER_CLIENT_OFFSET,
                new ResetOffsetRequestHeader(h.topic(), h.group(), h.timestamp(), false)).body(pushed);
            try {
                pusher.pushOneway(member.channel(), push);
            } catch (Exception e) {
                LOG.warn("telling {} of group {} to reset its offsets on {} failed", member, h.group(), h.topic(), e);
            }
        }
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, RemotingCommand.DEFAULT_REMARK).body(body.encode());
    }

    private RemotingCommand producerTable() {
        Map<String, List<ProducerInfo>> table = new LinkedHashMap<>();
        producers.snapshot().forEach((group, members) -> table.put(group, members.stream()
            .map(m -> new ProducerInfo(m.clientId(), String.valueOf(m.channel().remoteAddress()), m.language().name(),
                m.version(), m.lastUpdateMillis()))
            .toList()));
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(new ProducerTableInfo(table).encode());
    }
}
