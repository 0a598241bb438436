package io.petrel.tools.monitor;

import io.petrel.client.admin.DefaultMQAdminExt;
import io.petrel.client.consumer.DefaultMQPushConsumer;
import io.petrel.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.petrel.client.consumer.listener.MessageListenerConcurrently;
import io.petrel.client.exception.MQClientException;
import io.petrel.common.body.ConsumeStats;
import io.petrel.common.body.ConsumeStatus;
import io.petrel.common.body.Connection;
import io.petrel.common.body.ConsumerConnection;
import io.petrel.common.body.ConsumerRunningInfo;
import io.petrel.common.body.OffsetWrapper;
import io.petrel.common.body.TopicOffset;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.topic.TopicValidator;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the consumer groups of a cluster in rounds, as 4.9.7's monitor does, and tells a {@link MonitorListener}
 * what it finds. A round takes every group that has a retry topic and an online client: per topic, the messages it
 * has not consumed ({@link UndoneMsgs}) and those its clients failed to consume in the last hour
 * ({@link FailedMsgs}, when any); then its clients' running info. Between rounds, the service consumes
 * {@code OFFSET_MOVED_EVENT} as group {@value #MONITOR_CONSUMER_GROUP} and passes each event on as a
 * {@link DeleteMsgsEvent}.
 *
 * <p>{@link #start()} connects, {@link #doMonitorWork()} runs one round, {@link #runUntilInterrupted()} runs rounds
 * (the first after 20 s, then one per round interval) until its thread is interrupted, {@link #shutdown()} disconnects.
 */
public final class MonitorService {
    /** The group the monitor consumes the offset-moved events as. */
    public static final String MONITOR_CONSUMER_GROUP = "__MONITOR_CONSUMER";
    /** The wait before the first round. */
    public static final long FIRST_ROUND_DELAY_MILLIS = 20_000;
    /** 4.9.7's time from the start of one round to the start of the next. */
    public static final long DEFAULT_ROUND_INTERVAL_MILLIS = 60_000;
    /** The protocol version ordinal of 3.1.8-SNAPSHOT: older clients cannot report their running info. */
    private static final int RUNNING_INFO_VERSION = 62;
    private static final Logger LOG = LoggerFactory.getLogger(MonitorService.class);

    private final String namesrvAddr;
    private final long roundIntervalMillis;
    private final MonitorListener listener;
    private DefaultMQAdminExt admin;
    private DefaultMQPushConsumer eventConsumer;

    public MonitorService(String namesrvAddr, long roundIntervalMillis, MonitorListener listener) {
        if (roundIntervalMillis <= 0) {
            throw new IllegalArgumentException("round interval must be positive: " + roundIntervalMillis);
        }
        this.namesrvAddr = namesrvAddr;
        this.roundIntervalMillis = roundIntervalMillis;
        this.listener = listener;
    }

    /** Starts the admin client and the consumer of offset-moved events. */
    public void start() throws MQClientException {
        String instance = "MonitorService_" + Long.toHexString(System.nanoTime());
        DefaultMQAdminExt a = new DefaultMQAdminExt();
        a.setNamesrvAddr(namesrvAddr);
        a.setInstanceName(instance);
        a.start();
        admin = a;
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(MONITOR_CONSUMER_GROUP);
        c.setNamesrvAddr(namesrvAddr);
        c.setInstanceName(instance);
        c.setConsumeThreadMin(1);
        c.setConsumeThreadMax(1);
        c.subscribe(TopicValidator.RMQ_SYS_OFFSET_MOVED_EVENT, "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            for (MessageExt m : msgs) {
                reportOffsetMoved(m);
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        eventConsumer = c;
        c.start();
    }

    /** Stops what {@link #start()} started. */
    public void shutdown() {
        if (eventConsumer != null) {
            eventConsumer.shutdown();
            eventConsumer = null;
        }
        if (admin != null) {
            admin.shutdown();
            admin = null;
        }
    }

    /** Runs rounds until the calling thread is interrupted, which ends it with {@link InterruptedException}. */
    public void runUntilInterrupted() throws InterruptedException {
        long next = System.currentTimeMillis() + FIRST_ROUND_DELAY_MILLIS;
        while (true) {
            long wait = next - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            } else if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            next += roundIntervalMillis;
            try {
                doMonitorWork();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                LOG.error("doMonitorWork Exception", e);
            }
        }
    }

    /** One round over every consumer group with a retry topic. */
    public void doMonitorWork() throws Exception {
        if (admin == null) {
            throw new IllegalStateException("the monitor is not started");
        }
        long begin = System.currentTimeMillis();
        listener.beginRound();
        for (String topic : admin.fetchAllTopicList().topicList()) {
            if (topic.startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX)) {
                monitorGroup(topic.substring(TopicValidator.RETRY_GROUP_TOPIC_PREFIX.length()));
            }
        }
        listener.endRound();
        LOG.info("Execute one round monitor work, spent timemills: {}", System.currentTimeMillis() - begin);
    }

    private void monitorGroup(String group) throws InterruptedException {
        ConsumerConnection cc;
        try {
            cc = admin.examineConsumerConnectionInfo(group);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // No client online: nothing to report on this group.
            LOG.debug("monitor: no connections of group {}: {}", group, e.getMessage());
            return;
        }
        SortedMap<String, ConsumerRunningInfo> infos = runningInfos(group, cc);
        ConsumeStats stats = null;
        try {
            stats = admin.examineConsumeStats(group);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            LOG.debug("monitor: no consume stats of group {}: {}", group, e.getMessage());
        }
        if (stats != null) {
            reportTopics(group, stats, infos);
        }
        if (!infos.isEmpty()) {
            listener.reportConsumerRunningInfo(infos);
        }
    }

    /** The running info of each online client of the group that answers, by client id. */
    private SortedMap<String, ConsumerRunningInfo> runningInfos(String group, ConsumerConnection cc)
        throws InterruptedException {
        SortedMap<String, ConsumerRunningInfo> infos = new TreeMap<>();
        for (Connection c : cc.connectionSet()) {
            if (c.version() < RUNNING_INFO_VERSION) {
                continue;
            }
            try {
                ConsumerRunningInfo info = admin.getConsumerRunningInfo(group, c.clientId(), false);
                if (info != null) {
                    infos.put(c.clientId(), info);
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                LOG.debug("monitor: no running info from {} of group {}: {}", c.clientId(), group, e.getMessage());
            }
        }
        return infos;
    }

    /** Per topic the group consumes: its undone messages, and its failed ones when there are any. */
    private void reportTopics(String group, ConsumeStats stats, SortedMap<String, ConsumerRunningInfo> infos)
        throws InterruptedException {
        // 4.9.7 reports the topics in the order of a HashMap.
        Map<String, Map<MessageQueue, OffsetWrapper>> byTopic = new HashMap<>();
        stats.offsetTable().forEach((mq, ow) ->
            byTopic.computeIfAbsent(mq.topic(), t -> new LinkedHashMap<>()).put(mq, ow));
        for (Map.Entry<String, Map<MessageQueue, OffsetWrapper>> e : byTopic.entrySet()) {
            listener.reportUndoneMsgs(undone(group, e.getKey(), e.getValue()));
            FailedMsgs failed = failedMsgs(group, e.getKey(), infos.values());
            if (failed != null) {
                listener.reportFailedMsgs(failed);
            }
        }
    }

    /**
     * The messages of the topic the clients report they failed to consume within the last hour, all told; null when
     * none did. (4.9.7's monitor has the report but never makes it.)
     */
    static FailedMsgs failedMsgs(String group, String topic, Collection<ConsumerRunningInfo> infos) {
        long failed = 0;
        for (ConsumerRunningInfo info : infos) {
            ConsumeStatus status = info.statusTable().get(topic);
            failed += status == null ? 0 : status.consumeFailedMsgs();
        }
        return failed > 0 ? new FailedMsgs(group, topic, failed) : null;
    }

    private UndoneMsgs undone(String group, String topic, Map<MessageQueue, OffsetWrapper> queues)
        throws InterruptedException {
        long total = 0;
        long singleMax = 0;
        long delayMax = 0;
        Map<MessageQueue, TopicOffset> newest = null;
        for (Map.Entry<MessageQueue, OffsetWrapper> e : queues.entrySet()) {
            OffsetWrapper ow = e.getValue();
            long diff = ow.diff();
            singleMax = Math.max(singleMax, diff);
            total += Math.max(0, diff);
            if (ow.lastTimestamp() > 0) {
                if (newest == null) {
                    newest = newestMessages(topic);
                }
                TopicOffset last = newest.get(e.getKey());
                if (last != null && last.maxOffset() > 0 && last.lastUpdateTimestamp() > 0) {
                    delayMax = Math.max(delayMax, last.lastUpdateTimestamp() - ow.lastTimestamp());
                }
            }
        }
        return new UndoneMsgs(group, topic, total, singleMax, delayMax);
    }

    /** Per queue of the topic, its max offset and the store time of its newest message; none when not known. */
    private Map<MessageQueue, TopicOffset> newestMessages(String topic) throws InterruptedException {
        try {
            return admin.examineTopicStats(topic).offsetTable();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            LOG.debug("monitor: no stats of topic {}: {}", topic, e.getMessage());
            return Map.of();
        }
    }

    private void reportOffsetMoved(MessageExt m) {
        try {
            listener.reportDeleteMsgsEvent(new DeleteMsgsEvent(OffsetMovedEvent.decode(m.getBody()),
                m.getStoreTimestamp()));
        } catch (RuntimeException e) {
            LOG.warn("monitor: an offset-moved event {} does not read: {}", m.getMsgId(), e.getMessage());
        }
    }
}
