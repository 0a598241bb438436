package io.petrel.client.impl.admin;

import io.petrel.client.admin.RollbackStats;
import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.exception.MQClientException;
import io.petrel.common.body.OffsetWrapper;
import io.petrel.common.body.TopicOffset;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.BrokerData;
import io.petrel.common.route.QueueData;
import io.petrel.common.route.TopicRouteData;
import io.petrel.remoting.exception.RemotingException;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.UpdateConsumerOffsetRequestHeader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Moving a consumer group's offsets of a topic to a point in time. With consumers online the brokers do it
 * (INVOKE_BROKER_TO_RESET_OFFSET: they search the offsets, store them and tell the consumers); with the group
 * offline the old way remains: search each queue's offset and commit it with UPDATE_CONSUMER_OFFSET. Thread-safe.
 */
public final class OffsetReset {
    /** The timestamp meaning "the end of each queue" in {@link #resetOffsetByTimestampOld}. */
    public static final long LATEST = -1;

    private final AdminRemoting remoting;
    private final long timeoutMillis;
    private final RandomGenerator random;

    public OffsetReset(AdminRemoting remoting, long timeoutMillis, RandomGenerator random) {
        this.remoting = remoting;
        this.timeoutMillis = timeoutMillis;
        this.random = random;
    }

    /**
     * Has every broker of the topic's route reset the group's offsets.
     *
     * @param cpp send as a C++ client does (the broker then does not notify the consumers itself)
     * @return the new offset of every queue
     */
    public Map<MessageQueue, Long> resetOffsetByTimestamp(String topic, String group, long timestamp,
                                                          boolean isForce, boolean cpp)
        throws RemotingException, InterruptedException, MQClientException {
        Map<MessageQueue, Long> all = new LinkedHashMap<>();
        for (BrokerData broker : remoting.getTopicRouteInfo(topic, timeoutMillis).brokerDatas()) {
            String addr = BrokerAddrs.select(broker, random);
            if (addr != null) {
                all.putAll(remoting.invokeBrokerToResetOffset(addr, topic, group, timestamp, isForce, cpp,
                    timeoutMillis));
            }
        }
        return all;
    }

    /** The brokers' reset, or the offline one when the group has no consumer online. */
    public void resetOffsetNew(String consumerGroup, String topic, long timestamp)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        try {
            resetOffsetByTimestamp(topic, consumerGroup, timestamp, true, false);
        } catch (MQClientException e) {
            if (e.getResponseCode() != ResponseCode.CONSUMER_NOT_ONLINE) {
                throw e;
            }
            resetOffsetByTimestampOld(consumerGroup, topic, timestamp, true);
        }
    }

    /**
     * Searches and commits each queue's offset for {@code timestamp} ({@link #LATEST} for the queue's end). Queues
     * the group has offsets for on a broker are reset; on a broker where it has none, every readable queue is.
     * Without {@code force} a queue only moves back, never forward.
     */
    public List<RollbackStats> resetOffsetByTimestampOld(String consumerGroup, String topic, long timestamp,
                                                         boolean force)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        TopicRouteData route = remoting.getTopicRouteInfo(topic, timeoutMillis);
        List<RollbackStats> stats = new ArrayList<>();
        for (BrokerData broker : route.brokerDatas()) {
            String addr = BrokerAddrs.select(broker, random);
            if (addr != null) {
                Map<MessageQueue, OffsetWrapper> offsets = queuesToReset(addr, broker.brokerName(),
                    readQueueNums(route, broker.brokerName()), consumerGroup, topic);
                for (Map.Entry<MessageQueue, OffsetWrapper> e : offsets.entrySet()) {
                    stats.add(resetQueue(addr, consumerGroup, e.getKey(), e.getValue(), timestamp, force));
                }
            }
        }
        return stats;
    }

    /** The group's queues of {@code topic} on that broker, else every readable queue with its min offset. */
    private Map<MessageQueue, OffsetWrapper> queuesToReset(String addr, String brokerName, int readQueueNums,
                                                           String group, String topic)
        throws RemotingException, MQBrokerException, InterruptedException {
        Map<MessageQueue, OffsetWrapper> consumed = new LinkedHashMap<>();
        remoting.getConsumeStats(addr, group, null, timeoutMillis).offsetTable().forEach((mq, w) -> {
            if (topic.equals(mq.topic())) {
                consumed.put(mq, w);
            }
        });
        if (!consumed.isEmpty()) {
            return consumed;
        }
        Map<MessageQueue, TopicOffset> topicStats = remoting.getTopicStatsInfo(addr, topic, timeoutMillis)
            .offsetTable();
        Map<MessageQueue, OffsetWrapper> all = new LinkedHashMap<>();
        for (int i = 0; i < readQueueNums; i++) {
            MessageQueue mq = new MessageQueue(topic, brokerName, i);
            TopicOffset t = topicStats.get(mq);
            all.put(mq, t == null ? new OffsetWrapper(0, 0, 0) : new OffsetWrapper(t.maxOffset(), t.minOffset(), 0));
        }
        return all;
    }

    private RollbackStats resetQueue(String addr, String group, MessageQueue mq, OffsetWrapper current,
                                     long timestamp, boolean force)
        throws RemotingException, InterruptedException, MQBrokerException {
        long target = timestamp == LATEST ? remoting.getMaxOffset(addr, mq, timeoutMillis)
            : remoting.searchOffset(addr, mq, timestamp, timeoutMillis);
        long rollback = current.consumerOffset();
        if (force || target <= current.consumerOffset()) {
            rollback = target;
            remoting.updateConsumerOffset(addr, new UpdateConsumerOffsetRequestHeader(group, mq.topic(),
                mq.queueId(), target, mq.brokerName()), timeoutMillis);
        }
        return new RollbackStats(mq.brokerName(), mq.queueId(), current.brokerOffset(), current.consumerOffset(),
            target, rollback);
    }

    /** Commits {@code offset} as the group's offset of {@code mq} on that broker. */
    public void updateConsumeOffset(String brokerAddr, String consumeGroup, MessageQueue mq, long offset)
        throws RemotingException, InterruptedException, MQBrokerException {
        remoting.updateConsumerOffset(brokerAddr, new UpdateConsumerOffsetRequestHeader(consumeGroup, mq.topic(),
            mq.queueId(), offset, mq.brokerName()), timeoutMillis);
    }

    private static int readQueueNums(TopicRouteData route, String brokerName) {
        for (QueueData q : route.queueDatas()) {
            if (q.brokerName().equals(brokerName)) {
                return q.readQueueNums();
            }
        }
        return 0;
    }
}
