package io.petrel.test.surface;

import java.util.List;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.header.QueryConsumeQueueRequestHeader;
import org.apache.rocketmq.common.protocol.header.QueryConsumeTimeSpanRequestHeader;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/**
 * Store-facing admin requests of the broker surface: the ConsumeQueue view, consumption time spans and the manual
 * clean-ups, after {@link BrokerRequestSurfaceTest}'s script.
 */
final class StoreSurfaceCases {
    /** A topic no case of the surface touches otherwise: reads on the official broker create queues as a side effect. */
    private static final String NO_QUEUE_TOPIC = "NO_SUCH_CQ_TOPIC";

    private StoreSurfaceCases() {
    }

    static List<SurfaceCase> cases() {
        return List.of(
            queryCq("QUERY_CONSUME_QUEUE with the online group's subscription", BrokerRequestSurfaceTest.TOPIC, 0, 0, 10,
                BrokerRequestSurfaceTest.GROUP),
            queryCq("QUERY_CONSUME_QUEUE without a group", BrokerRequestSurfaceTest.TOPIC, 1, 2, 3, null),
            queryCq("QUERY_CONSUME_QUEUE for a group that is not online", BrokerRequestSurfaceTest.TOPIC, 2, 0, 1,
                "CG_NOT_ONLINE"),
            queryCq("QUERY_CONSUME_QUEUE from an index past the end", BrokerRequestSurfaceTest.TOPIC, 0, 1000, 5, null),
            queryCq("QUERY_CONSUME_QUEUE of a queue id the topic does not have", BrokerRequestSurfaceTest.TOPIC, 7, 0, 5,
                null),
            queryCq("QUERY_CONSUME_QUEUE of an unknown topic", NO_QUEUE_TOPIC, 0, 0, 5, null),
            timeSpan("QUERY_CONSUME_TIME_SPAN", BrokerRequestSurfaceTest.TOPIC, BrokerRequestSurfaceTest.GROUP),
            timeSpan("QUERY_CONSUME_TIME_SPAN for a group without offsets", BrokerRequestSurfaceTest.TOPIC, "CG_NONE"),
            timeSpan("QUERY_CONSUME_TIME_SPAN of an unknown topic", "NO_SUCH_SPAN_TOPIC", BrokerRequestSurfaceTest.GROUP),
            noHeader("CLEAN_EXPIRED_CONSUMEQUEUE", RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE),
            noHeader("DELETE_EXPIRED_COMMITLOG", RequestCode.DELETE_EXPIRED_COMMITLOG),
            noHeader("CLEAN_UNUSED_TOPIC", RequestCode.CLEAN_UNUSED_TOPIC));
    }

    private static SurfaceCase queryCq(String name, String topic, int queueId, long index, int count, String group) {
        return new SurfaceCase(name, () -> {
            QueryConsumeQueueRequestHeader h = new QueryConsumeQueueRequestHeader();
            h.setTopic(topic);
            h.setQueueId(queueId);
            h.setIndex(index);
            h.setCount(count);
            h.setConsumerGroup(group);
            return RemotingCommand.createRequestCommand(RequestCode.QUERY_CONSUME_QUEUE, h);
        });
    }

    private static SurfaceCase timeSpan(String name, String topic, String group) {
        return new SurfaceCase(name, () -> {
            QueryConsumeTimeSpanRequestHeader h = new QueryConsumeTimeSpanRequestHeader();
            h.setTopic(topic);
            h.setGroup(group);
            return RemotingCommand.createRequestCommand(RequestCode.QUERY_CONSUME_TIME_SPAN, h);
        });
    }

    private static SurfaceCase noHeader(String name, int code) {
        return new SurfaceCase(name, () -> RemotingCommand.createRequestCommand(code, null));
    }
}
