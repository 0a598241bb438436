package io.petrel.broker.admin;

import io.petrel.broker.client.ConsumerGroupInfo;
import io.petrel.broker.client.ConsumerManager;
import io.petrel.broker.offset.ConsumerOffsetManager;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.body.ConsumeQueueData;
import io.petrel.common.body.QueryConsumeQueueResponseBody;
import io.petrel.common.body.QueryConsumeTimeSpanBody;
import io.petrel.common.body.QueueTimeSpan;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.topic.TopicConfig;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.QueryConsumeQueueRequestHeader;
import io.petrel.remoting.protocol.header.QueryConsumeTimeSpanRequestHeader;
import io.petrel.store.ConsumeQueueEntries;
import io.petrel.store.ConsumeQueueEntry;
import io.petrel.store.MessageStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Store-facing admin requests: look into a ConsumeQueue, how far a group's consumption lags in time, and the
 * clean-ups an operator may start by hand (expired ConsumeQueues, expired CommitLog files, queues of topics no
 * longer configured).
 */
public final class StoreAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(StoreAdmin.class);
    /** The filter data of a TAG subscription as 4.9.7 prints it: the JSON of no filter. */
    private static final String NO_FILTER_DATA = "null";
    /**
     * 4.9.7 builds this answer from a default response whose remark it never clears, so a successful view carries
     * this remark on the wire.
     */

    private final Supplier<String> brokerName;
    private final TopicConfigManager topics;
    private final ConsumerOffsetManager offsets;
    private final ConsumerManager consumers;
    private final MessageStore store;
    private final Clock clock;

    public StoreAdmin(Supplier<String> brokerName, TopicConfigManager topics, ConsumerOffsetManager offsets,
                      ConsumerManager consumers, MessageStore store, Clock clock) {
        this.brokerName = brokerName;
        this.topics = topics;
        this.offsets = offsets;
        this.consumers = consumers;
        this.store = store;
        this.clock = clock;
    }

    public void registerInto(AdminBrokerProcessor processor) {
        processor.register(RequestCode.QUERY_CONSUME_QUEUE, (ch, req) -> queryConsumeQueue(req))
            .register(RequestCode.QUERY_CONSUME_TIME_SPAN, (ch, req) -> consumeTimeSpan(req))
            .register(RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE, (ch, req) -> cleanUp("expired ConsumeQueues",
                () -> store.cleanExpiredConsumeQueues()))
            .register(RequestCode.DELETE_EXPIRED_COMMITLOG, (ch, req) -> cleanUp("expired CommitLog files",
                () -> store.deleteExpiredFilesManually()))
            .register(RequestCode.CLEAN_UNUSED_TOPIC, (ch, req) -> cleanUp("ConsumeQueues of unused topics",
                () -> store.cleanUnusedTopics(topics.snapshot().keySet())));
    }

    private RemotingCommand queryConsumeQueue(RemotingCommand req) throws Exception {
        QueryConsumeQueueRequestHeader h = req.decodeHeader(QueryConsumeQueueRequestHeader::decode);
        ConsumeQueueEntries view = h.topic() == null ? null
            : store.queryConsumeQueue(h.topic(), h.queueId(), h.index(), h.count());
        if (view == null) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR,
                h.queueId() + "@" + h.topic() + " is not exist!");
        }
        if (view.entries() == null) {
            // 4.9.7 answers SUCCESS without a body when the index has no entry.
            return RemotingCommand.createResponse(ResponseCode.SUCCESS,
                "Index " + h.index() + " of " + h.queueId() + "@" + h.topic() + " is not exist!");
        }
        SubscriptionData subscription = null;
        String filterData = null;
        if (h.consumerGroup() != null) {
            ConsumerGroupInfo group = consumers.group(h.consumerGroup());
            subscription = group == null ? null : group.subscription(h.topic());
            filterData = subscription != null ? NO_FILTER_DATA
                : h.consumerGroup() + "@" + h.topic() + " is not online!";
        }
        List<ConsumeQueueData> data = new ArrayList<>(view.entries().size());
        for (ConsumeQueueEntry e : view.entries()) {
            // Petrel writes no ConsumeQueue extension, so an entry has no extension data, bit map or filter result.
            data.add(new ConsumeQueueData(e.commitLogOffset(), e.size(), e.tagsCode(), null, null, false, null));
        }
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, RemotingCommand.DEFAULT_REMARK).body(new QueryConsumeQueueResponseBody(
            subscription, filterData, data, view.maxOffset(), view.minOffset()).encode());
    }

    private RemotingCommand consumeTimeSpan(RemotingCommand req) throws Exception {
        QueryConsumeTimeSpanRequestHeader h = req.decodeHeader(QueryConsumeTimeSpanRequestHeader::decode);
        TopicConfig topic = topics.select(h.topic());
        if (topic == null) {
            return RemotingCommand.createResponse(ResponseCode.TOPIC_NOT_EXIST, "topic[" + h.topic() + "] not exist");
        }
        List<QueueTimeSpan> spans = new ArrayList<>(topic.writeQueueNums());
        for (int q = 0; q < topic.writeQueueNums(); q++) {
            spans.add(timeSpan(h.topic(), q, h.group()));
        }
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null)
            .body(new QueryConsumeTimeSpanBody(spans).encode());
    }

    /**
     * One queue's span: store times of its first and last message, of the last message the group consumed (the
     * first message's when it consumed none) and, while it lags, how long ago the next message to consume was
     * stored. Times of messages that are not there read as -1, as in 4.9.7.
     */
    private QueueTimeSpan timeSpan(String topic, int queueId, String group) {
        long minTime = store.getEarliestMessageTime(topic, queueId);
        long max = store.getMaxOffsetInQueue(topic, queueId);
        long maxTime = store.getMessageStoreTimeStamp(topic, queueId, max - 1);
        long consumed = offsets.query(group, topic, queueId);
        long consumeTime = consumed > 0 ? store.getMessageStoreTimeStamp(topic, queueId, consumed - 1) : minTime;
        long delay = consumed < max ? clock.millis() - store.getMessageStoreTimeStamp(topic, queueId, consumed) : 0;
        return new QueueTimeSpan(new MessageQueue(topic, brokerName.get(), queueId), minTime, maxTime, consumeTime,
            delay);
    }

    private static RemotingCommand cleanUp(String what, Supplier<Number> action) {
        long begin = System.nanoTime();
        Number n = action.get();
        LOG.warn("clean-up of {} asked by an admin: {} deleted in {} ms", what, n, (System.nanoTime() - begin) / 1_000_000);
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
    }
}
