package io.petrel.tools.monitor;

import io.petrel.common.body.ConsumeStatus;
import io.petrel.common.body.ConsumerRunningInfo;
import io.petrel.common.body.ProcessQueueInfo;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.message.MessageQueue;
import io.petrel.tools.command.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;

/**
 * What {@code mqadmin consumerStatus} and the monitor make of the running info the clients of a consumer group
 * report: the checks of their subscriptions and process queues, and the text form of one client's info, with the
 * texts and layout of 4.9.7.
 */
public final class RunningInfoAnalysis {
    /** A push consumer younger than this may still be settling its subscriptions: they are not compared yet. */
    private static final long SETTLING_MILLIS = 2 * 60 * 1000;
    /** A queue with messages waiting and nothing consumed for longer than this looks blocked. */
    private static final long BLOCKED_MILLIS = 60 * 1000;
    private static final DateTimeFormatter COMPACT_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private RunningInfoAnalysis() {
    }

    /**
     * Whether the clients (by client id) agree on what they subscribe to. Only push consumers that have run for two
     * minutes, judged by the first client, are held to it: then each client's subscriptions must equal those of the
     * client before it, and the last client must subscribe to something.
     */
    public static boolean sameSubscriptions(SortedMap<String, ConsumerRunningInfo> byClient, long now) {
        if (byClient.isEmpty()) {
            return true;
        }
        ConsumerRunningInfo first = byClient.get(byClient.firstKey());
        if (!isPush(first) || !runningLongerThan(first, SETTLING_MILLIS, now)) {
            return true;
        }
        ConsumerRunningInfo previous = first;
        for (ConsumerRunningInfo info : byClient.values()) {
            if (!info.subscriptionSet().equals(previous.subscriptionSet())) {
                return false;
            }
            previous = info;
        }
        return !previous.subscriptionSet().isEmpty();
    }

    /**
     * Whether the clients' queues look rebalanced. 4.9.7 finds nothing to check here and answers yes; so does
     * Petrel, which has no more to go on than the clients' own reports.
     */
    public static boolean rebalanced(SortedMap<String, ConsumerRunningInfo> byClient) {
        return true;
    }

    /**
     * The problems one push consumer's process queues show, a line each, or an empty text: for an orderly consumer
     * the queues it has not locked and the dropped ones it failed to unlock; otherwise the queues holding messages
     * that have not been consumed from for over a minute.
     */
    public static String processQueueProblems(String clientId, ConsumerRunningInfo info, long now) {
        if (!isPush(info)) {
            return "";
        }
        boolean orderly = Boolean.parseBoolean(info.properties().get(ConsumerRunningInfo.PROP_CONSUME_ORDERLY));
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<MessageQueue, ProcessQueueInfo> e : info.mqTable().entrySet()) {
            String mq = e.getKey().toString();
            ProcessQueueInfo pq = e.getValue();
            if (orderly) {
                if (!pq.locked()) {
                    sb.append(String.format("%s %s can't lock for a while, %dms%n", clientId, mq,
                        now - pq.lastLockTimestamp()));
                } else if (pq.dropped() && pq.tryUnlockTimes() > 0) {
                    sb.append(String.format("%s %s unlock %d times, still failed%n", clientId, mq,
                        pq.tryUnlockTimes()));
                }
            } else {
                long idle = now - pq.lastConsumeTimestamp();
                if (idle > BLOCKED_MILLIS && pq.cachedMsgCount() > 0) {
                    sb.append(String.format("%s %s can't consume for a while, maybe blocked, %dms%n", clientId, mq,
                        idle));
                }
            }
        }
        return sb.toString();
    }

    /** One client's running info as 4.9.7 writes it: properties, subscriptions, offsets, queues, rates, jstack. */
    public static String describe(ConsumerRunningInfo info) {
        StringBuilder sb = new StringBuilder();
        sb.append("#Consumer Properties#\n");
        // 4.9.7 reads the properties into java.util.Properties and lists them in its order.
        Properties properties = new Properties();
        info.properties().forEach(properties::put);
        for (Map.Entry<Object, Object> e : properties.entrySet()) {
            sb.append(String.format("%-40s: %s%n", e.getKey(), e.getValue()));
        }

        sb.append("\n\n#Consumer Subscription#\n");
        int n = 0;
        for (SubscriptionData s : info.subscriptionSet()) {
            sb.append(String.format("%03d Topic: %-40s ClassFilter: %-8s SubExpression: %s%n", ++n, s.topic(),
                s.classFilterMode(), s.subString()));
        }

        sb.append("\n\n#Consumer Offset#\n");
        sb.append(String.format("%-64s  %-32s  %-4s  %-20s%n", "#Topic", "#Broker Name", "#QID", "#Consumer Offset"));
        info.mqTable().forEach((mq, pq) -> sb.append(String.format("%-32s  %-32s  %-4d  %-20d%n", mq.topic(),
            mq.brokerName(), mq.queueId(), pq.commitOffset())));

        sb.append("\n\n#Consumer MQ Detail#\n");
        sb.append(String.format("%-64s  %-32s  %-4s  %-20s%n", "#Topic", "#Broker Name", "#QID",
            "#ProcessQueueInfo"));
        info.mqTable().forEach((mq, pq) -> sb.append(String.format("%-64s  %-32s  %-4d  %s%n", mq.topic(),
            mq.brokerName(), mq.queueId(), processQueue(pq))));

        sb.append("\n\n#Consumer RT&TPS#\n");
        sb.append(String.format("%-64s  %14s %14s %14s %14s %18s %25s%n", "#Topic", "#Pull RT", "#Pull TPS",
            "#Consume RT", "#ConsumeOK TPS", "#ConsumeFailed TPS", "#ConsumeFailedMsgsInHour"));
        for (Map.Entry<String, ConsumeStatus> e : info.statusTable().entrySet()) {
            ConsumeStatus s = e.getValue();
            sb.append(String.format("%-32s  %14.2f %14.2f %14.2f %14.2f %18.2f %25d%n", e.getKey(), s.pullRT(),
                s.pullTPS(), s.consumeRT(), s.consumeOKTPS(), s.consumeFailedTPS(), s.consumeFailedMsgs()));
        }

        if (info.jstack() != null) {
            sb.append("\n\n#Consumer jstack#\n").append(info.jstack());
        }
        return sb.toString();
    }

    /** A process queue as 4.9.7 prints one, its times as {@code yyyyMMddHHmmssSSS} in this machine's zone. */
    static String processQueue(ProcessQueueInfo pq) {
        return "ProcessQueueInfo [commitOffset=" + pq.commitOffset() + ", cachedMsgMinOffset="
            + pq.cachedMsgMinOffset() + ", cachedMsgMaxOffset=" + pq.cachedMsgMaxOffset() + ", cachedMsgCount="
            + pq.cachedMsgCount() + ", cachedMsgSizeInMiB=" + pq.cachedMsgSizeInMiB() + ", transactionMsgMinOffset="
            + pq.transactionMsgMinOffset() + ", transactionMsgMaxOffset=" + pq.transactionMsgMaxOffset()
            + ", transactionMsgCount=" + pq.transactionMsgCount() + ", locked=" + pq.locked() + ", tryUnlockTimes="
            + pq.tryUnlockTimes() + ", lastLockTimestamp=" + compactTime(pq.lastLockTimestamp()) + ", droped="
            + pq.dropped() + ", lastPullTimestamp=" + compactTime(pq.lastPullTimestamp())
            + ", lastConsumeTimestamp=" + compactTime(pq.lastConsumeTimestamp()) + "]";
    }

    static String compactTime(long epochMillis) {
        return COMPACT_TIME.format(Instant.ofEpochMilli(epochMillis).atZone(ZoneId.systemDefault()));
    }

    /** Whether the client is a push consumer; a report without a consume type is taken for a pull consumer's. */
    private static boolean isPush(ConsumerRunningInfo info) {
        String type = info.properties().get(ConsumerRunningInfo.PROP_CONSUME_TYPE);
        return ConsumeType.CONSUME_PASSIVELY.name().equals(type);
    }

    /** Whether the client started more than {@code millis} ago; an unknown start time counts as recent. */
    private static boolean runningLongerThan(ConsumerRunningInfo info, long millis, long now) {
        String started = info.properties().get(ConsumerRunningInfo.PROP_CONSUMER_START_TIMESTAMP);
        try {
            return started != null && now - Long.parseLong(started.trim()) > millis;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
