package io.petrel.broker.admin;

import io.petrel.broker.client.ConsumerGroupInfo;
import io.petrel.broker.client.ConsumerManager;
import io.petrel.broker.offset.ConsumerOffsetManager;
import io.petrel.broker.stats.BrokerStats;
import io.petrel.broker.stats.StatsItem;
import io.petrel.broker.stats.StatsSnapshot;
import io.petrel.broker.subscription.SubscriptionGroupManager;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.body.BrokerStatsData;
import io.petrel.common.body.BrokerStatsItem;
import io.petrel.common.body.ConsumeStats;
import io.petrel.common.body.ConsumeStatsList;
import io.petrel.common.body.OffsetWrapper;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.topic.TopicConfig;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.GetConsumeStatsInBrokerHeader;
import io.petrel.remoting.protocol.header.GetConsumeStatsRequestHeader;
import io.petrel.remoting.protocol.header.ViewBrokerStatsDataRequestHeader;
import io.petrel.store.MessageStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Statistics requests: VIEW_BROKER_STATS_DATA (one keyed statistic over the last minute, hour and day),
 * GET_CONSUME_STATS (one group's progress and consume TPS) and GET_BROKER_CONSUME_STATS (every group's).
 */
public final class StatsAdmin {
    /** What the stats requests read; {@code brokerName} and {@code brokerAddr} name this broker's queues. */
    public record Sources(String brokerName, String brokerAddr, BrokerStats stats, TopicConfigManager topics,
                          SubscriptionGroupManager groups, ConsumerOffsetManager offsets, ConsumerManager consumers,
                          MessageStore store) {
    }

    private final Sources s;

    public StatsAdmin(Sources sources) {
        this.s = sources;
    }

    public void registerInto(AdminBrokerProcessor processor) {
        processor.register(RequestCode.VIEW_BROKER_STATS_DATA, (ch, req) -> viewStats(req))
            .register(RequestCode.GET_CONSUME_STATS, (ch, req) -> groupConsumeStats(req))
            .register(RequestCode.GET_BROKER_CONSUME_STATS, (ch, req) -> brokerConsumeStats(req));
    }

    private RemotingCommand viewStats(RemotingCommand req) throws Exception {
        ViewBrokerStatsDataRequestHeader h = req.decodeHeader(ViewBrokerStatsDataRequestHeader::decode);
        StatsItem item = s.stats().find(h.statsName(), h.statsKey());
        if (item == null) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR,
                String.format("The stats <%s> <%s> not exist", h.statsName(), h.statsKey()));
        }
        BrokerStatsData data = new BrokerStatsData(item(item.inMinute()), item(item.inHour()), item(item.inDay()));
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(data.encode());
    }

    private static BrokerStatsItem item(StatsSnapshot snapshot) {
        return new BrokerStatsItem(snapshot.sum(), snapshot.tps(), snapshot.avgpt());
    }

    /** The group's progress on one topic, or on every topic it has offsets on; queues as many as it reads. */
    private RemotingCommand groupConsumeStats(RemotingCommand req) throws Exception {
        GetConsumeStatsRequestHeader h = req.decodeHeader(GetConsumeStatsRequestHeader::decode);
        Set<String> topicNames = h.topic() == null || h.topic().isBlank()
            ? new TreeSet<>(s.offsets().topicsOfGroup(h.consumerGroup())) : Set.of(h.topic());
        Map<MessageQueue, OffsetWrapper> table = new LinkedHashMap<>();
        double tps = 0;
        for (String topic : topicNames) {
            TopicConfig c = consumedTopic(h.consumerGroup(), topic);
            if (c != null) {
                table.putAll(progress(h.consumerGroup(), topic, c.readQueueNums()));
                tps += s.stats().groupGetTpsInMinute(h.consumerGroup(), topic);
            }
        }
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(new ConsumeStats(table, tps).encode());
    }

    /**
     * Every subscription group's progress, one {@link ConsumeStats} per topic it has offsets on (only ordered
     * topics when asked), over the topics' write queues as RocketMQ counts them here, and the total lag.
     */
    private RemotingCommand brokerConsumeStats(RemotingCommand req) throws Exception {
        boolean orderOnly = req.decodeHeader(GetConsumeStatsInBrokerHeader::decode).isOrder();
        List<Map<String, List<ConsumeStats>>> all = new ArrayList<>();
        long totalDiff = 0;
        for (String group : new TreeSet<>(s.groups().snapshot().keySet())) {
            List<ConsumeStats> perTopic = new ArrayList<>();
            for (String topic : new TreeSet<>(s.offsets().topicsOfGroup(group))) {
                TopicConfig c = consumedTopic(group, topic);
                if (c == null || (orderOnly && !c.order())) {
                    continue;
                }
                ConsumeStats stats = new ConsumeStats(progress(group, topic, c.writeQueueNums()),
                    s.stats().groupGetTpsInMinute(group, topic));
                totalDiff += stats.computeTotalDiff();
                perTopic.add(stats);
            }
            all.add(Map.of(group, perTopic));
        }
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null)
            .body(new ConsumeStatsList(all, s.brokerAddr(), totalDiff).encode());
    }

    /**
     * The topic's config when the group's progress on it is reported: the topic exists, and the group, if
     * online with subscriptions, subscribes to it.
     */
    private TopicConfig consumedTopic(String group, String topic) {
        TopicConfig c = s.topics().select(topic);
        if (c == null) {
            return null;
        }
        ConsumerGroupInfo online = s.consumers().group(group);
        boolean unsubscribed = online != null && online.subscription(topic) == null
            && !online.subscriptions().isEmpty();
        return unsubscribed ? null : c;
    }

    /** Per queue: the queue's max offset, the group's committed offset and the store time of its last message. */
    private Map<MessageQueue, OffsetWrapper> progress(String group, String topic, int queues) {
        Map<MessageQueue, OffsetWrapper> table = new LinkedHashMap<>();
        for (int q = 0; q < queues; q++) {
            long brokerOffset = Math.max(0, s.store().getMaxOffsetInQueue(topic, q));
            long consumerOffset = Math.max(0, s.offsets().query(group, topic, q));
            long last = consumerOffset > 0
                ? Math.max(0, s.store().getMessageStoreTimeStamp(topic, q, consumerOffset - 1)) : 0;
            table.put(new MessageQueue(topic, s.brokerName(), q),
                new OffsetWrapper(brokerOffset, consumerOffset, last));
        }
        return table;
    }
}
