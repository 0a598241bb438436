package io.petrel.tools.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.body.ConsumeStatus;
import io.petrel.common.body.ConsumerRunningInfo;
import io.petrel.common.body.ProcessQueueInfo;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.message.MessageQueue;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RunningInfoAnalysisTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final MessageQueue MQ = new MessageQueue("T", "broker-a", 1);

    private static ConsumerRunningInfo info(String type, long startedAgo, boolean orderly, Set<SubscriptionData> subs,
                                            Map<MessageQueue, ProcessQueueInfo> queues) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(ConsumerRunningInfo.PROP_CONSUME_TYPE, type);
        props.put(ConsumerRunningInfo.PROP_CONSUMER_START_TIMESTAMP, Long.toString(NOW - startedAgo));
        props.put(ConsumerRunningInfo.PROP_CONSUME_ORDERLY, Boolean.toString(orderly));
        return new ConsumerRunningInfo(props, subs, queues, Map.of(), null);
    }

    private static ConsumerRunningInfo push(long startedAgo, Set<SubscriptionData> subs) {
        return info("CONSUME_PASSIVELY", startedAgo, false, subs, Map.of());
    }

    private static ProcessQueueInfo queue(int cached, boolean locked, long tryUnlockTimes, boolean dropped,
                                          long lastLockAgo, long lastConsumeAgo) {
        return new ProcessQueueInfo(5, 0, 0, cached, 0, 0, 0, 0, locked, tryUnlockTimes, NOW - lastLockAgo, dropped,
            NOW, NOW - lastConsumeAgo);
    }

    private static final Set<SubscriptionData> SUB_A = Set.of(SubscriptionData.ofTags("T", "a", 1));
    private static final Set<SubscriptionData> SUB_B = Set.of(SubscriptionData.ofTags("T", "b", 1));

    @Test
    void clientsOfAGroupMustSubscribeAlikeOnceSettled() {
        TreeMap<String, ConsumerRunningInfo> m = new TreeMap<>();
        m.put("c1", push(180_000, SUB_A));
        m.put("c2", push(180_000, SUB_B));
        assertFalse(RunningInfoAnalysis.sameSubscriptions(m, NOW));
        m.put("c2", push(180_000, SUB_A));
        assertTrue(RunningInfoAnalysis.sameSubscriptions(m, NOW));
    }

    @Test
    void aGroupSubscribingToNothingFails() {
        TreeMap<String, ConsumerRunningInfo> m = new TreeMap<>();
        m.put("c1", push(180_000, Set.of()));
        assertFalse(RunningInfoAnalysis.sameSubscriptions(m, NOW));
    }

    @Test
    void youngOrPullConsumersAreNotCompared() {
        TreeMap<String, ConsumerRunningInfo> young = new TreeMap<>();
        young.put("c1", push(60_000, SUB_A));
        young.put("c2", push(180_000, SUB_B));
        assertTrue(RunningInfoAnalysis.sameSubscriptions(young, NOW));
        TreeMap<String, ConsumerRunningInfo> pull = new TreeMap<>();
        pull.put("c1", info("CONSUME_ACTIVELY", 180_000, false, SUB_A, Map.of()));
        pull.put("c2", info("CONSUME_ACTIVELY", 180_000, false, SUB_B, Map.of()));
        assertTrue(RunningInfoAnalysis.sameSubscriptions(pull, NOW));
        assertTrue(RunningInfoAnalysis.rebalanced(pull));
    }

    @Test
    void aConcurrentQueueWithMessagesAndNoConsumptionForAMinuteLooksBlocked() {
        ConsumerRunningInfo blocked = info("CONSUME_PASSIVELY", 0, false, SUB_A, Map.of(MQ, queue(3, false, 0,
            false, 0, 61_000)));
        assertEquals(String.format("c1 MessageQueue [topic=T, brokerName=broker-a, queueId=1] can't consume for a "
            + "while, maybe blocked, 61000ms%n"), RunningInfoAnalysis.processQueueProblems("c1", blocked, NOW));
        ConsumerRunningInfo empty = info("CONSUME_PASSIVELY", 0, false, SUB_A, Map.of(MQ, queue(0, false, 0, false,
            0, 61_000)));
        assertEquals("", RunningInfoAnalysis.processQueueProblems("c1", empty, NOW));
        ConsumerRunningInfo pull = info("CONSUME_ACTIVELY", 0, false, SUB_A, Map.of(MQ, queue(3, false, 0, false,
            0, 61_000)));
        assertEquals("", RunningInfoAnalysis.processQueueProblems("c1", pull, NOW));
    }

    @Test
    void anOrderlyQueueMustBeLockedAndUnlockWhenDropped() {
        ConsumerRunningInfo unlocked = info("CONSUME_PASSIVELY", 0, true, SUB_A, Map.of(MQ, queue(0, false, 0,
            false, 4_000, 0)));
        assertEquals(String.format("c1 MessageQueue [topic=T, brokerName=broker-a, queueId=1] can't lock for a "
            + "while, 4000ms%n"), RunningInfoAnalysis.processQueueProblems("c1", unlocked, NOW));
        ConsumerRunningInfo stuck = info("CONSUME_PASSIVELY", 0, true, SUB_A, Map.of(MQ, queue(0, true, 3, true, 0,
            0)));
        assertEquals(String.format("c1 MessageQueue [topic=T, brokerName=broker-a, queueId=1] unlock 3 times, still "
            + "failed%n"), RunningInfoAnalysis.processQueueProblems("c1", stuck, NOW));
        ConsumerRunningInfo fine = info("CONSUME_PASSIVELY", 0, true, SUB_A, Map.of(MQ, queue(9, true, 0, false, 0,
            600_000)));
        assertEquals("", RunningInfoAnalysis.processQueueProblems("c1", fine, NOW));
    }

    @Test
    void describesAClientInSections() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(ConsumerRunningInfo.PROP_CONSUME_TYPE, "CONSUME_PASSIVELY");
        long t = LocalDateTime.of(2024, 1, 31, 12, 0, 7, 8_000_000).atZone(ZoneId.systemDefault()).toInstant()
            .toEpochMilli();
        ProcessQueueInfo pq = new ProcessQueueInfo(5, 1, 2, 3, 4, 6, 7, 8, true, 9, t, false, t, t);
        ConsumerRunningInfo info = new ConsumerRunningInfo(props, SUB_A, Map.of(MQ, pq),
            Map.of("T", new ConsumeStatus(1.5, 2, 3, 4, 5, 6)), "dump");
        String text = RunningInfoAnalysis.describe(info);
        String pqText = "ProcessQueueInfo [commitOffset=5, cachedMsgMinOffset=1, cachedMsgMaxOffset=2, "
            + "cachedMsgCount=3, cachedMsgSizeInMiB=4, transactionMsgMinOffset=6, transactionMsgMaxOffset=7, "
            + "transactionMsgCount=8, locked=true, tryUnlockTimes=9, lastLockTimestamp=20240131120007008, "
            + "droped=false, lastPullTimestamp=20240131120007008, lastConsumeTimestamp=20240131120007008]";
        List<String> expected = List.of(
            "#Consumer Properties#",
            String.format("%-40s: %s", "PROP_CONSUME_TYPE", "CONSUME_PASSIVELY"),
            "", "",
            "#Consumer Subscription#",
            String.format("%03d Topic: %-40s ClassFilter: %-8s SubExpression: %s", 1, "T", false, "a"),
            "", "",
            "#Consumer Offset#",
            String.format("%-64s  %-32s  %-4s  %-20s", "#Topic", "#Broker Name", "#QID", "#Consumer Offset"),
            String.format("%-32s  %-32s  %-4d  %-20d", "T", "broker-a", 1, 5),
            "", "",
            "#Consumer MQ Detail#",
            String.format("%-64s  %-32s  %-4s  %-20s", "#Topic", "#Broker Name", "#QID", "#ProcessQueueInfo"),
            String.format("%-64s  %-32s  %-4d  %s", "T", "broker-a", 1, pqText),
            "", "",
            "#Consumer RT&TPS#",
            String.format("%-64s  %14s %14s %14s %14s %18s %25s", "#Topic", "#Pull RT", "#Pull TPS", "#Consume RT",
                "#ConsumeOK TPS", "#ConsumeFailed TPS", "#ConsumeFailedMsgsInHour"),
            String.format("%-32s  %14.2f %14.2f %14.2f %14.2f %18.2f %25d", "T", 1.5, 2.0, 3.0, 4.0, 5.0, 6L),
            "", "",
            "#Consumer jstack#",
            "dump");
        assertEquals(String.join(System.lineSeparator(), expected).replace(System.lineSeparator(), "\n"),
            text.replace(System.lineSeparator(), "\n"));
    }
}
