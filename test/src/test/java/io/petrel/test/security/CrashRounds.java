package io.petrel.test.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.test.broker.PetrelBrokerProcess;
import io.petrel.test.namesrv.PetrelNamesrv;
import io.petrel.test.official.AckingSenders;
import io.petrel.test.official.Closeables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.admin.ConsumeStats;
import org.apache.rocketmq.common.admin.OffsetWrapper;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.awaitility.Awaitility;

/**
 * A Petrel broker in a child JVM killed with {@code kill -9} at a random moment of a steady send from four threads
 * of the official client, then restarted on the same store, round after round. After every restart: every message
 * the producer saw SEND_OK for is in its queue with an intact body, every queue's offsets run from 0 without a
 * gap, and the offsets a consumer group had committed (and the broker had persisted, at least a second before the
 * kill) are still there, so its consumers resume where they were.
 */
final class CrashRounds {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOPIC = "CRASH_T";
    private static final String GROUP = "CG_CRASH";
    private static final int QUEUES = 4;

    /** What a run checked. */
    record Figures(int rounds, int acknowledged, long messagesChecked) {
    }

    private CrashRounds() {
    }

    static Figures run(Path dir, String flushDiskType, int rounds, long seed) throws Exception {
        Closeables open = new Closeables();
        try {
            return run(dir, flushDiskType, rounds, new Random(seed), open);
        } finally {
            open.closeAll();
        }
    }

    private static Figures run(Path dir, String flushDiskType, int rounds, Random random, Closeables open)
        throws Exception {
        PetrelNamesrv ns = open.add(PetrelNamesrv.start(dir.resolve("namesrv")));
        PetrelBrokerProcess broker = open.add(PetrelBrokerProcess.start(dir.resolve("broker"), "crash-a",
            ns.address(), List.of("flushDiskType=" + flushDiskType, "flushConsumerOffsetInterval=500")));
        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(ns.address());
        admin.setInstanceName("crash-admin-" + System.nanoTime());
        admin.start();
        open.add(admin::shutdown);
        admin.createAndUpdateTopicConfig(broker.address(), new TopicConfig(TOPIC, QUEUES, QUEUES, 6));
        Awaitility.await().atMost(WAIT).until(() -> ns.hasRoute(TOPIC));

        DefaultMQProducer producer = new DefaultMQProducer("PG_CRASH");
        producer.setNamesrvAddr(ns.address());
        producer.setInstanceName("crash-p-" + System.nanoTime());
        producer.setPollNameServerInterval(1000);
        producer.setSendMsgTimeout(3000);
        producer.setRetryTimesWhenSendFailed(0);
        producer.start();
        open.add(producer::shutdown);

        DefaultMQPullConsumer reader = new DefaultMQPullConsumer("CG_CRASH_READER");
        reader.setNamesrvAddr(ns.address());
        reader.setInstanceName("crash-r-" + System.nanoTime());
        reader.start();
        open.add(reader::shutdown);

        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicInteger seq = new AtomicInteger();
        long checked = 0;
        Map<MessageQueue, Long> committed = Map.of();
        for (int round = 1; round <= rounds; round++) {
            if (round > 1) {
                broker.restart();
            }
            Map<MessageQueue, Long> ends = new HashMap<>();
            checked += checkStore(reader, acked, ends, round);
            if (!committed.isEmpty()) {
                // Nobody of the group runs: what the broker holds now is what it persisted before the kill.
                assertEquals(committed, brokerOffsets(admin), "round " + round + ": the group's committed offsets");
            }
            if (round < rounds) {
                committed = consumeSome(ns.address(), admin, committed, ends, round);
            }
            long committedAt = System.nanoTime();

            AckingSenders senders = AckingSenders.start(producer, 4, seq, acked,
                key -> new Message(TOPIC, "T", key, body(key)));
            // Acknowledged traffic, and the committed offsets persisted (every 500 ms), then the kill at a random
            // moment.
            Awaitility.await().atMost(WAIT).until(() -> senders.acknowledged() >= 20
                && System.nanoTime() - committedAt > TimeUnit.MILLISECONDS.toNanos(1500));
            Awaitility.await().pollDelay(Duration.ofMillis(random.nextInt(1000))).until(() -> true);
            broker.kill();
            assertTrue(senders.stop(Duration.ofSeconds(30)), "senders stop");
            System.out.printf("crash round %d (%s): %d acknowledged so far%n", round, flushDiskType, acked.size());
        }
        broker.restart();
        checked += checkStore(reader, acked, new HashMap<>(), rounds + 1);
        if (!committed.isEmpty()) {
            assertEquals(committed, brokerOffsets(admin), "after the last round: the group's committed offsets");
        }
        return new Figures(rounds, acked.size(), checked);
    }

    /**
     * Starts a consumer of the group, checks it begins every queue at the group's committed offset (the first
     * offset when none), lets it consume a while and shuts it down (which commits its offsets).
     *
     * @return the group's offsets on the broker afterwards
     */
    private static Map<MessageQueue, Long> consumeSome(String namesrv, DefaultMQAdminExt admin,
                                                      Map<MessageQueue, Long> committed,
                                                      Map<MessageQueue, Long> ends, int round) throws Exception {
        Map<Integer, Long> firstSeen = new ConcurrentHashMap<>();
        AtomicInteger consumed = new AtomicInteger();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(GROUP);
        consumer.setNamesrvAddr(namesrv);
        consumer.setInstanceName("crash-c-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setPersistConsumerOffsetInterval(200);
        consumer.setConsumeThreadMin(1);
        consumer.setConsumeThreadMax(1);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                firstSeen.merge(m.getQueueId(), m.getQueueOffset(), Math::min);
            }
            consumed.addAndGet(msgs.size());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            Awaitility.await().atMost(WAIT).until(() -> ends.entrySet().stream()
                .allMatch(e -> e.getValue() <= committed.getOrDefault(e.getKey(), 0L)
                    || firstSeen.containsKey(e.getKey().getQueueId())));
            for (Map.Entry<MessageQueue, Long> e : ends.entrySet()) {
                long from = committed.getOrDefault(e.getKey(), 0L);
                if (e.getValue() > from) {
                    assertEquals(from, firstSeen.get(e.getKey().getQueueId()), "round " + round + ": queue "
                        + e.getKey().getQueueId() + " resumed elsewhere than its committed offset");
                }
            }
            consumer.shutdown();
            // Shutting down commits the consumer's offsets; wait until the broker has them all.
            Map<MessageQueue, Long> after = new HashMap<>();
            Awaitility.await().atMost(WAIT).until(() -> {
                after.clear();
                after.putAll(brokerOffsets(admin));
                return ends.keySet().stream().allMatch(mq -> after.getOrDefault(mq, -1L)
                    >= committed.getOrDefault(mq, 0L));
            });
            return after;
        } finally {
            consumer.shutdown();
        }
    }

    /** The body of a message: its key and a checksum of it, padded to a length the key decides. */
    static byte[] body(String key) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        StringBuilder b = new StringBuilder(key).append(':').append(Long.toHexString(crc.getValue())).append(':');
        int pad = (int) (crc.getValue() % 200);
        for (int i = 0; i < pad; i++) {
            b.append((char) ('a' + (i + key.length()) % 26));
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<MessageQueue, Long> brokerOffsets(DefaultMQAdminExt admin) {
        Map<MessageQueue, Long> offsets = new HashMap<>();
        try {
            ConsumeStats stats = admin.examineConsumeStats(GROUP);
            for (Map.Entry<MessageQueue, OffsetWrapper> e : stats.getOffsetTable().entrySet()) {
                offsets.put(e.getKey(), e.getValue().getConsumerOffset());
            }
        } catch (Exception e) {
            System.out.println("no consume stats for " + GROUP + ": " + e);
        }
        return offsets;
    }

    /**
     * Reads every queue from offset 0 and checks it: contiguous offsets, intact bodies, every acknowledged key
     * present. Puts each queue's end offset into {@code ends}.
     *
     * @return messages read
     */
    private static long checkStore(DefaultMQPullConsumer reader, Set<String> acked, Map<MessageQueue, Long> ends,
                                   int round) throws Exception {
        Set<String> found = new HashSet<>();
        long read = 0;
        for (int q = 0; q < QUEUES; q++) {
            MessageQueue mq = new MessageQueue(TOPIC, "crash-a", q);
            long max = Awaitility.await().atMost(WAIT).ignoreExceptions()
                .until(() -> reader.maxOffset(mq), m -> m >= 0);
            long next = 0;
            while (next < max) {
                PullResult r = reader.pull(mq, "*", next, 256, 10_000);
                assertEquals(PullStatus.FOUND, r.getPullStatus(), "round " + round + " queue " + q + " at " + next
                    + " of " + max);
                for (MessageExt m : r.getMsgFoundList()) {
                    assertEquals(next, m.getQueueOffset(), "round " + round + ": queue " + q + " has a gap");
                    String key = m.getKeys();
                    assertEquals(new String(body(key), StandardCharsets.UTF_8),
                        new String(m.getBody(), StandardCharsets.UTF_8), "round " + round + ": body of " + key);
                    found.add(key);
                    next++;
                    read++;
                }
            }
            ends.put(mq, max);
        }
        Set<String> missing = new HashSet<>(acked);
        missing.removeAll(found);
        assertTrue(missing.isEmpty(), "round " + round + ": " + missing.size() + " acknowledged messages lost, e.g. "
            + missing.stream().limit(5).toList());
        return read;
    }
}
