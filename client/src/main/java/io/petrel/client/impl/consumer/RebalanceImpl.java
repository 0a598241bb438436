package io.petrel.client.impl.consumer;

import io.petrel.client.consumer.AllocateMessageQueueStrategy;
import io.petrel.client.exception.MQClientException;
import io.petrel.common.heartbeat.ConsumeFromWhere;
import io.petrel.common.topic.TopicValidator;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import io.petrel.client.impl.FindBrokerResult;
import io.petrel.client.impl.MQClientInstance;
import io.petrel.common.body.LockBatchBody;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.BrokerData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client-side rebalance of one consumer group: every client sorts the topic's queues and the group's client ids the
 * same way and takes the share the allocation strategy gives it; queues it loses are dropped (offset persisted
 * first), queues it gains start being pulled. Orderly consumers also hold broker locks on their queues.
 */
public abstract class RebalanceImpl {
    private static final Logger LOG = LoggerFactory.getLogger(RebalanceImpl.class);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    protected final ConcurrentMap<MessageQueue, ProcessQueue> processQueueTable = new ConcurrentHashMap<>(64);
    protected final ConcurrentMap<String, Set<MessageQueue>> topicSubscribeInfoTable = new ConcurrentHashMap<>();
    protected final ConcurrentMap<String, SubscriptionData> subscriptionInner = new ConcurrentHashMap<>();
    protected String consumerGroup;
    protected MessageModel messageModel;
    protected AllocateMessageQueueStrategy allocateMessageQueueStrategy;
    protected MQClientInstance instance;

    protected RebalanceImpl(String consumerGroup, MessageModel messageModel,
                            AllocateMessageQueueStrategy strategy, MQClientInstance instance) {
        this.consumerGroup = consumerGroup;
        this.messageModel = messageModel;
        this.allocateMessageQueueStrategy = strategy;
        this.instance = instance;
    }

    // ---- hooks for push and lite pull -------------------------------------------------------------------

    public abstract ConsumeType consumeType();

    public abstract void messageQueueChanged(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mqDivided);

    /** Releases a queue this client no longer owns; @return false to keep it for now. */
    public abstract boolean removeUnnecessaryMessageQueue(MessageQueue mq, ProcessQueue pq);

    public abstract void removeDirtyOffset(MessageQueue mq);

    /** @return the offset to start pulling a newly owned queue from, or a negative value when unknown */
    public abstract long computePullFromWhere(MessageQueue mq);

    public abstract void dispatchPullRequest(List<PullRequest> pullRequestList);

    /**
     * Where a newly owned queue starts: the {@code stored} offset when there is one, else where {@code where}
     * says (retry topics from 0, or their end for timestamps); -1 when it cannot be told (store unreadable).
     */
    protected long startOffset(MessageQueue mq, long stored, ConsumeFromWhere where, String timestamp) {
        if (stored >= 0) {
            return stored;
        }
        if (stored != -1) {
            return -1;
        }
        boolean retryTopic = mq.topic().startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX);
        try {
            return switch (where) {
                case CONSUME_FROM_FIRST_OFFSET -> 0;
                case CONSUME_FROM_TIMESTAMP -> retryTopic ? instance.getMQAdminImpl().maxOffset(mq)
                    : instance.getMQAdminImpl().searchOffset(mq, parseTimestamp(timestamp));
                default -> retryTopic ? 0 : instance.getMQAdminImpl().maxOffset(mq);
            };
        } catch (MQClientException e) {
            LOG.warn("start offset of {} unknown: {}", mq, e.getErrorMessage());
            return -1;
        }
    }

    /** {@code yyyyMMddHHmmss} in the local time zone, as RocketMQ's consumeTimestamp. */
    public static long parseTimestamp(String yyyyMMddHHmmss) {
        return LocalDateTime.parse(yyyyMMddHHmmss, TIMESTAMP).atZone(ZoneId.systemDefault()).toInstant()
            .toEpochMilli();
    }

    /** Keeps the queues the client read from a route, for the topics this consumer subscribes to. */
    public void updateTopicSubscribeInfo(String topic, Set<MessageQueue> info) {
        if (subscriptionInner.containsKey(topic)) {
            topicSubscribeInfoTable.put(topic, info);
        }
    }

    /** True for a subscribed topic whose queues are not known yet. */
    public boolean isSubscribeTopicNeedUpdate(String topic) {
        return subscriptionInner.containsKey(topic) && !topicSubscribeInfoTable.containsKey(topic);
    }

    // ---- rebalance --------------------------------------------------------------------------------------

    public void doRebalance(boolean isOrder) {
        for (String topic : subscriptionInner.keySet()) {
            try {
                rebalanceByTopic(topic, isOrder);
            } catch (RuntimeException e) {
                LOG.warn("rebalance of {} for {} failed", topic, consumerGroup, e);
            }
        }
        truncateMessageQueueNotMyTopic();
    }

    private void rebalanceByTopic(String topic, boolean isOrder) {
        Set<MessageQueue> mqSet = topicSubscribeInfoTable.get(topic);
        if (mqSet == null) {
            LOG.debug("no route yet for {} of {}", topic, consumerGroup);
            return;
        }
        if (messageModel == MessageModel.BROADCASTING) {
            if (updateProcessQueueTableInRebalance(topic, mqSet, isOrder)) {
                messageQueueChanged(topic, mqSet, mqSet);
            }
            return;
        }
        List<String> cidAll = instance.findConsumerIdList(topic, consumerGroup);
        if (cidAll == null || cidAll.isEmpty()) {
            LOG.warn("no consumer of {} found for {}", consumerGroup, topic);
            return;
        }
        List<MessageQueue> mqAll = new ArrayList<>(mqSet);
        Collections.sort(mqAll);
        List<String> cids = new ArrayList<>(cidAll);
        Collections.sort(cids);
        List<MessageQueue> allocated;
        try {
            allocated = allocateMessageQueueStrategy.allocate(consumerGroup, instance.getClientId(), mqAll, cids);
        } catch (RuntimeException e) {
            LOG.error("allocation strategy {} failed", allocateMessageQueueStrategy.getName(), e);
            return;
        }
        Set<MessageQueue> mine = allocated == null ? Set.of() : new HashSet<>(allocated);
        if (updateProcessQueueTableInRebalance(topic, mine, isOrder)) {
            LOG.info("rebalance of {} for {}: {} of {} queues, {} consumers", topic, consumerGroup, mine.size(),
                mqAll.size(), cids.size());
            messageQueueChanged(topic, mqSet, mine);
        }
    }

    private void truncateMessageQueueNotMyTopic() {
        for (Map.Entry<MessageQueue, ProcessQueue> e : processQueueTable.entrySet()) {
            if (!subscriptionInner.containsKey(e.getKey().topic())) {
                e.getValue().setDropped(true);
                processQueueTable.remove(e.getKey());
            }
        }
    }

    private boolean updateProcessQueueTableInRebalance(String topic, Set<MessageQueue> mqSet, boolean isOrder) {
        boolean changed = false;
        Iterator<Map.Entry<MessageQueue, ProcessQueue>> it = processQueueTable.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<MessageQueue, ProcessQueue> e = it.next();
            MessageQueue mq = e.getKey();
            ProcessQueue pq = e.getValue();
            if (!mq.topic().equals(topic)) {
                continue;
            }
            boolean gone = !mqSet.contains(mq);
            boolean idle = !gone && consumeType() == ConsumeType.CONSUME_PASSIVELY && pq.isPullExpired();
            if (gone || idle) {
                pq.setDropped(true);
                if (removeUnnecessaryMessageQueue(mq, pq)) {
                    it.remove();
                    changed = true;
                    LOG.info("{} released {}", consumerGroup, mq);
                }
            }
        }
        List<PullRequest> pulls = new ArrayList<>();
        for (MessageQueue mq : mqSet) {
            if (processQueueTable.containsKey(mq)) {
                continue;
            }
            if (isOrder && !lock(mq)) {
                LOG.warn("{} could not lock {}, not taking it now", consumerGroup, mq);
                continue;
            }
            removeDirtyOffset(mq);
            ProcessQueue pq = new ProcessQueue();
            // An orderly consumer has just taken the broker lock, and its first pull waits for this flag. RocketMQ
            // sets it on every new queue, so running info shows concurrent consumers' queues locked as well.
            pq.setLocked(true);
            long nextOffset = computePullFromWhere(mq);
            if (nextOffset < 0) {
                LOG.warn("{} found no start offset for {}", consumerGroup, mq);
                continue;
            }
            if (processQueueTable.putIfAbsent(mq, pq) == null) {
                LOG.info("{} took {} from offset {}", consumerGroup, mq, nextOffset);
                pulls.add(new PullRequest(consumerGroup, mq, pq, nextOffset));
                changed = true;
            }
        }
        dispatchPullRequest(pulls);
        return changed;
    }

    public void removeProcessQueue(MessageQueue mq) {
        ProcessQueue pq = processQueueTable.remove(mq);
        if (pq != null) {
            pq.setDropped(true);
            removeUnnecessaryMessageQueue(mq, pq);
        }
    }

    // ---- broker queue locks -----------------------------------------------------------------------------

    public boolean lock(MessageQueue mq) {
        FindBrokerResult broker = instance.findBrokerAddressInSubscribe(mq.brokerName(), BrokerData.MASTER_ID, true);
        if (broker == null) {
            return false;
        }
        try {
            Set<MessageQueue> locked = instance.getMQClientAPIImpl().lockBatchMQ(broker.brokerAddr(),
                new LockBatchBody(instance.getClientId(), consumerGroup, Set.of(mq)), 1000);
            for (MessageQueue q : locked) {
                ProcessQueue pq = processQueueTable.get(q);
                if (pq != null) {
                    pq.setLocked(true);
                    pq.setLastLockTimestamp(System.currentTimeMillis());
                }
            }
            return locked.contains(mq);
        } catch (Exception e) {
            LOG.warn("locking {} failed: {}", mq, e.toString());
            return false;
        }
    }

    /** Renews the locks of every queue this client holds, broker by broker. */
    public void lockAll() {
        for (Map.Entry<String, Set<MessageQueue>> e : queuesByBroker().entrySet()) {
            FindBrokerResult broker = instance.findBrokerAddressInSubscribe(e.getKey(), BrokerData.MASTER_ID, true);
            if (broker == null) {
                continue;
            }
            try {
                Set<MessageQueue> locked = instance.getMQClientAPIImpl().lockBatchMQ(broker.brokerAddr(),
                    new LockBatchBody(instance.getClientId(), consumerGroup, e.getValue()), 1000);
                for (MessageQueue mq : e.getValue()) {
                    ProcessQueue pq = processQueueTable.get(mq);
                    if (pq != null) {
                        boolean ok = locked.contains(mq);
                        pq.setLocked(ok);
                        if (ok) {
                            pq.setLastLockTimestamp(System.currentTimeMillis());
                        }
                    }
                }
            } catch (Exception ex) {
                LOG.warn("renewing locks on {} failed: {}", e.getKey(), ex.toString());
            }
        }
    }

    public void unlock(MessageQueue mq, boolean oneway) {
        FindBrokerResult broker = instance.findBrokerAddressInSubscribe(mq.brokerName(), BrokerData.MASTER_ID, true);
        if (broker == null) {
            return;
        }
        try {
            instance.getMQClientAPIImpl().unlockBatchMQ(broker.brokerAddr(),
                new LockBatchBody(instance.getClientId(), consumerGroup, Set.of(mq)), 1000, oneway);
        } catch (Exception e) {
            LOG.warn("unlocking {} failed: {}", mq, e.toString());
        }
    }

    public void unlockAll(boolean oneway) {
        for (Map.Entry<String, Set<MessageQueue>> e : queuesByBroker().entrySet()) {
            FindBrokerResult broker = instance.findBrokerAddressInSubscribe(e.getKey(), BrokerData.MASTER_ID, true);
            if (broker == null) {
                continue;
            }
            try {
                instance.getMQClientAPIImpl().unlockBatchMQ(broker.brokerAddr(),
                    new LockBatchBody(instance.getClientId(), consumerGroup, e.getValue()), 1000, oneway);
                for (MessageQueue mq : e.getValue()) {
                    ProcessQueue pq = processQueueTable.get(mq);
                    if (pq != null) {
                        pq.setLocked(false);
                    }
                }
            } catch (Exception ex) {
                LOG.warn("unlocking queues on {} failed: {}", e.getKey(), ex.toString());
            }
        }
    }

    private Map<String, Set<MessageQueue>> queuesByBroker() {
        Map<String, Set<MessageQueue>> out = new HashMap<>();
        for (MessageQueue mq : processQueueTable.keySet()) {
            out.computeIfAbsent(mq.brokerName(), k -> new HashSet<>()).add(mq);
        }
        return out;
    }

    // ---- accessors --------------------------------------------------------------------------------------

    public ConcurrentMap<MessageQueue, ProcessQueue> getProcessQueueTable() {
        return processQueueTable;
    }

    public ConcurrentMap<String, Set<MessageQueue>> getTopicSubscribeInfoTable() {
        return topicSubscribeInfoTable;
    }

    public ConcurrentMap<String, SubscriptionData> getSubscriptionInner() {
        return subscriptionInner;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public void setMessageModel(MessageModel messageModel) {
        this.messageModel = messageModel;
    }

    public void setAllocateMessageQueueStrategy(AllocateMessageQueueStrategy strategy) {
        this.allocateMessageQueueStrategy = strategy;
    }

    public void setInstance(MQClientInstance instance) {
        this.instance = instance;
    }

    public void destroy() {
        for (ProcessQueue pq : processQueueTable.values()) {
            pq.setDropped(true);
        }
        processQueueTable.clear();
    }
}
