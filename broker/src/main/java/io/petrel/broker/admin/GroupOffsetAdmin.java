package io.petrel.broker.admin;

import io.petrel.broker.client.ConsumerGroupInfo;
import io.petrel.broker.client.ConsumerManager;
import io.petrel.broker.offset.ConsumerOffsetManager;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.body.QueryCorrectionOffsetBody;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.CloneGroupOffsetRequestHeader;
import io.petrel.remoting.protocol.header.QueryCorrectionOffsetHeader;
import io.petrel.store.MessageStore;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests that read or copy committed offsets across groups: QUERY_CORRECTION_OFFSET and CLONE_GROUP_OFFSET; and
 * for 5.x admins, QUERY_TOPICS_BY_CONSUMER (the topics a group has committed offsets for) and
 * QUERY_SUBSCRIPTION_BY_CONSUMER (a group's live subscription to a topic).
 */
public final class GroupOffsetAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(GroupOffsetAdmin.class);

    private final ConsumerOffsetManager offsets;
    private final TopicConfigManager topics;
    private final ConsumerManager consumers;
    private final MessageStore store;
    private final String brokerAddr;

    public GroupOffsetAdmin(ConsumerOffsetManager offsets, TopicConfigManager topics, ConsumerManager consumers,
                            MessageStore store, String brokerAddr) {
        this.offsets = offsets;
        this.topics = topics;
        this.consumers = consumers;
        this.store = store;
        this.brokerAddr = brokerAddr;
    }

    public void registerInto(AdminBrokerProcessor processor) {
        processor.register(RequestCode.QUERY_CORRECTION_OFFSET, (ch, req) -> correctionOffsets(req))
            .register(RequestCode.CLONE_GROUP_OFFSET, (ch, req) -> cloneOffsets(req))
            .register(RequestCode.QUERY_TOPICS_BY_CONSUMER, (ch, req) -> topicsOf(req))
            .register(RequestCode.QUERY_SUBSCRIPTION_BY_CONSUMER, (ch, req) -> subscriptionOf(req));
    }

    private RemotingCommand topicsOf(RemotingCommand req) throws Exception {
        String group = req.decodeHeader(f -> f.requiredString("group"));
        java.util.List<String> names = java.util.List.copyOf(new java.util.TreeSet<>(offsets.topicsOfGroup(group)));
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(
            new io.petrel.common.route.TopicList(names, brokerAddr).encode());
    }

    /** 5.3's QuerySubscriptionResponseBody; without {@code subscriptionData} when the group has none for it. */
    private RemotingCommand subscriptionOf(RemotingCommand req) throws Exception {
        String[] gt = req.decodeHeader(f -> new String[] {f.requiredString("group"), f.requiredString("topic")});
        io.petrel.broker.client.ConsumerGroupInfo info = consumers.group(gt[0]);
        io.petrel.common.heartbeat.SubscriptionData sub = info == null ? null : info.subscription(gt[1]);
        io.petrel.common.route.json.JsonWriter out = new io.petrel.common.route.json.JsonWriter(256);
        out.beginObject().field("group", gt[0]);
        if (sub != null) {
            out.name("subscriptionData");
            sub.writeJson(out);
        }
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(out.field("topic", gt[1])
            .endObject().toBytes());
    }

    /**
     * Per queue, the lowest offset the topic's groups (less {@code filterGroups}) have committed, ignoring offsets
     * below the queue's minimum. A queue where that lowest offset is above the compare table's offset becomes
     * {@link Long#MAX_VALUE}.
     *
     * <p>4.9.7 fetches the compare table with topic and group swapped (the table of group {@code topic} on topic
     * {@code compareGroup}), so in practice it never applies; Petrel reads the same table to give the same
     * answers. Unlike 4.9.7, which drops the filtered groups' offsets from its table while it computes this,
     * Petrel only leaves them out of the answer.
     */
    private RemotingCommand correctionOffsets(RemotingCommand req) throws Exception {
        QueryCorrectionOffsetHeader h = req.decodeHeader(QueryCorrectionOffsetHeader::decode);
        Set<String> filtered = h.filterGroups() == null || h.filterGroups().isBlank() ? Set.of()
            : Arrays.stream(h.filterGroups().split(",")).collect(Collectors.toSet());
        Map<Integer, Long> lowest = offsets.lowestOffsets(h.topic(), filtered,
            q -> Math.max(0, store.getMinOffsetInQueue(h.topic(), q)));
        Map<Integer, Long> compare = offsets.queryAll(h.topic(), h.compareGroup());
        compare.forEach((queueId, compareOffset) -> lowest.computeIfPresent(queueId,
            (q, low) -> low > compareOffset ? Long.MAX_VALUE : low));
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null)
            .body(new QueryCorrectionOffsetBody(lowest).encode());
    }

    /**
     * Copies the source group's offsets to the destination group, on one topic or (no topic given) on every topic
     * the source group has offsets for. Topics this broker does not have are skipped, and so, unless
     * {@code offline}, are topics an online source group does not subscribe to.
     *
     * <p>4.9.7 copies nothing when no topic is given (it looks every topic up under the empty name); Petrel
     * copies every topic, as the request means.
     */
    private RemotingCommand cloneOffsets(RemotingCommand req) throws Exception {
        CloneGroupOffsetRequestHeader h = req.decodeHeader(CloneGroupOffsetRequestHeader::decode);
        Set<String> names = h.topic() == null || h.topic().isBlank()
            ? new TreeSet<>(offsets.topicsOfGroup(h.srcGroup())) : Set.of(h.topic());
        ConsumerGroupInfo source = consumers.group(h.srcGroup());
        for (String topic : names) {
            if (topics.select(topic) == null) {
                LOG.warn("clone offsets of {} to {}: no topic {} on this broker", h.srcGroup(), h.destGroup(), topic);
                continue;
            }
            if (!h.offline() && source != null && !source.subscriptions().isEmpty()
                && source.subscription(topic) == null) {
                LOG.warn("clone offsets of {} to {}: the online group does not subscribe to {}", h.srcGroup(),
                    h.destGroup(), topic);
                continue;
            }
            offsets.copyOffsets(h.srcGroup(), h.destGroup(), topic);
        }
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
    }
}
