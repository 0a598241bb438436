package io.petrel.test.surface;

import static io.petrel.test.surface.BrokerRequestSurfaceTest.GROUP;
import static io.petrel.test.surface.BrokerRequestSurfaceTest.TOPIC;

import io.petrel.test.official.OfficialBroker;
import java.util.List;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.header.GetConsumeStatsInBrokerHeader;
import org.apache.rocketmq.common.protocol.header.GetConsumeStatsRequestHeader;
import org.apache.rocketmq.common.protocol.header.ViewBrokerStatsDataRequestHeader;
import org.apache.rocketmq.common.stats.Stats;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/** The statistics requests: VIEW_BROKER_STATS_DATA, GET_CONSUME_STATS, GET_BROKER_CONSUME_STATS and runtime info. */
final class StatsSurfaceCases {
    /** The cluster both sides' brokers belong to, the key of the broker-wide statistics. */
    private static final String CLUSTER = OfficialBroker.CLUSTER;
    /** Paths of GET_BROKER_CONSUME_STATS objects keyed by data: groups, then queues. */
    private static final String[] BROKER_CONSUME_STATS_KEYED = {"$.consumeStatsList[]",
        "$.consumeStatsList[]{}[].offsetTable"};

    private StatsSurfaceCases() {
    }

    static List<SurfaceCase> cases() {
        return List.of(
            view(Stats.TOPIC_PUT_NUMS, TOPIC),
            view(Stats.TOPIC_PUT_SIZE, TOPIC),
            view(Stats.GROUP_GET_NUMS, TOPIC + "@" + GROUP),
            view(Stats.GROUP_GET_SIZE, TOPIC + "@" + GROUP),
            view(Stats.GROUP_GET_LATENCY, "0@" + TOPIC + "@" + GROUP),
            view(Stats.QUEUE_PUT_NUMS, TOPIC + "@0"),
            view(Stats.QUEUE_GET_NUMS, TOPIC + "@2@" + GROUP),
            view(Stats.BROKER_PUT_NUMS, CLUSTER),
            view(Stats.BROKER_GET_NUMS, CLUSTER),
            view("NO_SUCH_STATS", TOPIC),
            view(Stats.TOPIC_PUT_NUMS, "NO_SUCH_TOPIC"),
            view(Stats.SNDBCK_PUT_NUMS, TOPIC + "@" + GROUP),
            new SurfaceCase("GET_CONSUME_STATS of a group on one topic", () -> consumeStats(GROUP, TOPIC), "$.offsetTable"),
            new SurfaceCase("GET_CONSUME_STATS of a group on all its topics", () -> consumeStats(GROUP, null),
                "$.offsetTable"),
            new SurfaceCase("GET_BROKER_CONSUME_STATS", () -> brokerConsumeStats(false), BROKER_CONSUME_STATS_KEYED),
            new SurfaceCase("GET_BROKER_CONSUME_STATS of ordered topics", () -> brokerConsumeStats(true),
                BROKER_CONSUME_STATS_KEYED),
            new SurfaceCase("GET_BROKER_RUNTIME_INFO", () ->
                RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_RUNTIME_INFO, null), "$.table"));
    }

    static RemotingCommand viewRequest(String statsName, String statsKey) {
        ViewBrokerStatsDataRequestHeader h = new ViewBrokerStatsDataRequestHeader();
        h.setStatsName(statsName);
        h.setStatsKey(statsKey);
        return RemotingCommand.createRequestCommand(RequestCode.VIEW_BROKER_STATS_DATA, h);
    }

    private static SurfaceCase view(String statsName, String statsKey) {
        return new SurfaceCase("VIEW_BROKER_STATS_DATA " + statsName + " " + statsKey,
            () -> viewRequest(statsName, statsKey));
    }

    static RemotingCommand consumeStats(String group, String topic) {
        GetConsumeStatsRequestHeader h = new GetConsumeStatsRequestHeader();
        h.setConsumerGroup(group);
        h.setTopic(topic);
        return RemotingCommand.createRequestCommand(RequestCode.GET_CONSUME_STATS, h);
    }

    static RemotingCommand brokerConsumeStats(boolean orderOnly) {
        GetConsumeStatsInBrokerHeader h = new GetConsumeStatsInBrokerHeader();
        h.setIsOrder(orderOnly);
        return RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_CONSUME_STATS, h);
    }
}
