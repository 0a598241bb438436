package io.petrel.test5x;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.petrel.test.bench.BrokerSuite;
import io.petrel.test.bench.ProcStats;
import io.petrel.test.broker.PetrelBrokerProcess;
import io.petrel.test.namesrv.PetrelNamesrv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageRequestMode;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pop consumption against classic push consumption on one Petrel broker (a child JVM with a 1 GiB heap), both with
 * the official 5.3.1 client: the drain rate of one backlog (each kind its own group on the same topic) and the
 * end-to-end latency (consumed minus born time) of a steady stream, with the broker's CPU per message from
 * {@code /proc}. The kinds alternate, {@code -Dbench.rounds} rounds (3); {@code -Dbench.backlog} messages (200,000)
 * of 1 KiB; the stream runs {@code -Dbench.rate} messages/s (2,000) for {@code -Dbench.seconds} (10). Only with
 * {@code -Pbench}; the table goes to {@code target/pop-bench.md}. {@code -Dbench.agent} adds a profiler agent to the
 * broker's JVM.
 */
@Tag("bench")
class PopBenchTest {
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int BACKLOG = Integer.getInteger("bench.backlog", 200_000);
    private static final int RATE = Integer.getInteger("bench.rate", 2_000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final byte[] BODY = new byte[1024];

    @TempDir
    Path dir;

    private final Map<String, List<Double>> figures = new LinkedHashMap<>();

    private void record(String kind, String figure, double value) {
        figures.computeIfAbsent(kind + "|" + figure, k -> new ArrayList<>()).add(value);
        System.out.printf(Locale.ROOT, "  %-7s %-34s %,.1f%n", kind, figure, value);
    }

    @Test
    void popAgainstClassicPush() throws Exception {
        try (PetrelNamesrv ns = PetrelNamesrv.start(dir.resolve("ns"));
             PetrelBrokerProcess broker = PetrelBrokerProcess.start(dir.resolve("broker"), "pop-bench",
                 ns.address(), List.of("mappedFileSizeCommitLog=1073741824"), brokerJvmFlags())) {
            DefaultMQProducer producer = new DefaultMQProducer("PG_POP_BENCH");
            producer.setNamesrvAddr(ns.address());
            producer.setInstanceName("pop-bench-" + System.nanoTime());
            producer.setDefaultTopicQueueNums(8);
            producer.start();
            DefaultMQAdminExt admin = new DefaultMQAdminExt();
            admin.setNamesrvAddr(ns.address());
            admin.setInstanceName("pop-bench-admin-" + System.nanoTime());
            admin.start();
            try {
                for (int round = 1; round <= ROUNDS; round++) {
                    String topic = "BENCH_POP_" + round;
                    fill(producer, topic, BACKLOG);
                    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> ns.hasRoute(topic));
                    String brokerAddr = broker.address();
                    List<String> order = round % 2 == 1 ? List.of("classic", "pop") : List.of("pop", "classic");
                    for (String kind : order) {
                        String group = "CG_" + kind + "_" + round;
                        if (kind.equals("pop")) {
                            admin.setMessageRequestMode(brokerAddr, topic, group, MessageRequestMode.POP, 0, 3000);
                        }
                        drain(kind, group, topic, ns.address(), broker.pid());
                    }
                    for (String kind : order) {
                        String streamTopic = "BENCH_STREAM_" + kind + "_" + round;
                        fill(producer, streamTopic, 1);
                        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> ns.hasRoute(streamTopic));
                        String group = "CG_stream_" + kind + "_" + round;
                        if (kind.equals("pop")) {
                            admin.setMessageRequestMode(brokerAddr, streamTopic, group, MessageRequestMode.POP, 0,
                                3000);
                        }
                        stream(kind, group, streamTopic, ns.address(), producer, broker.pid());
                    }
                }
            } finally {
                admin.shutdown();
                producer.shutdown();
            }
        }
        String table = report();
        System.out.println(table);
        Path out = Path.of("target", "pop-bench.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    /** A 1 GiB heap; {@code -Dbench.agent=-agentpath:...} adds a profiler agent. */
    private static List<String> brokerJvmFlags() {
        List<String> flags = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
        String agent = System.getProperty("bench.agent");
        if (agent != null && !agent.isBlank()) {
            flags.add(agent);
        }
        return flags;
    }

    private static void fill(DefaultMQProducer producer, String topic, int n) throws Exception {
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(new Message(topic, "B", BODY));
            if (batch.size() == 32 || i == n - 1) {
                assertEquals(SendStatus.SEND_OK, producer.send(batch).getSendStatus());
                batch = new ArrayList<>();
            }
        }
    }

    private static DefaultMQPushConsumer consumer(String kind, String group, String topic, String namesrv,
                                                  MessageListenerConcurrently listener) throws Exception {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
        c.setNamesrvAddr(namesrv);
        c.setInstanceName(group + "-" + System.nanoTime());
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setConsumeMessageBatchMaxSize(32);
        c.setPullBatchSize(32);
        if (kind.equals("pop")) {
            c.setClientRebalance(false);
            c.setPopBatchNums(32);
        }
        c.subscribe(topic, "*");
        c.registerMessageListener(listener);
        return c;
    }

    /** Consumes the whole backlog; the clock runs from the consumer's start to the last message. */
    private void drain(String kind, String group, String topic, String namesrv, long pid) throws Exception {
        CountDownLatch done = new CountDownLatch(BACKLOG);
        DefaultMQPushConsumer c = consumer(kind, group, topic, namesrv, (msgs, ctx) -> {
            msgs.forEach(m -> done.countDown());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        long ticks = ProcStats.cpuTicks(pid);
        long start = System.nanoTime();
        c.start();
        try {
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new AssertionError(kind + " drained only " + (BACKLOG - done.getCount()) + " of " + BACKLOG);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            record(kind, "backlog drain msgs/s", BACKLOG / seconds);
            record(kind, "backlog broker CPU us/msg",
                (ProcStats.cpuTicks(pid) - ticks) * ProcStats.MICROS_PER_TICK / BACKLOG);
        } finally {
            c.shutdown();
        }
    }

    /** A steady stream at RATE for SECONDS; the latency of each message is its consume time minus its born time. */
    private void stream(String kind, String group, String topic, String namesrv, DefaultMQProducer producer,
                        long pid) throws Exception {
        int total = RATE * SECONDS;
        long[] latencies = new long[total + 1];
        AtomicInteger seen = new AtomicInteger();
        AtomicInteger warm = new AtomicInteger();
        DefaultMQPushConsumer c = consumer(kind, group, topic, namesrv, (msgs, ctx) -> {
            long now = System.currentTimeMillis();
            for (MessageExt m : msgs) {
                if (m.getTags() != null && m.getTags().equals("S")) {
                    int i = seen.getAndIncrement();
                    if (i < latencies.length) {
                        latencies[i] = now - m.getBornTimestamp();
                    }
                } else {
                    warm.incrementAndGet();
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> warm.get() >= 1);
            long ticks = ProcStats.cpuTicks(pid);
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + (long) i * 1_000_000_000L / RATE;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                producer.sendOneway(new Message(topic, "S", "s".getBytes(StandardCharsets.UTF_8)));
            }
            Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> seen.get() >= total * 0.999);
            long[] got = Arrays.copyOf(latencies, Math.min(seen.get(), total));
            Arrays.sort(got);
            record(kind, "stream e2e latency p50 ms", got[got.length / 2]);
            record(kind, "stream e2e latency p99 ms", got[(int) (got.length * 0.99)]);
            record(kind, "stream broker CPU us/msg",
                (ProcStats.cpuTicks(pid) - ticks) * ProcStats.MICROS_PER_TICK / got.length);
        } finally {
            c.shutdown();
        }
    }

    private String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Pop vs classic push, %d rounds, backlog %,d × 1 KiB, stream %,d msgs/s "
            + "for %d s%n%n", ROUNDS, BACKLOG, RATE, SECONDS));
        out.append("| figure | pop median | spread | classic median | spread | pop ÷ classic |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        for (String figure : List.of("backlog drain msgs/s", "backlog broker CPU us/msg", "stream e2e latency p50 ms",
            "stream e2e latency p99 ms", "stream broker CPU us/msg")) {
            double[] pop = values("pop|" + figure);
            double[] classic = values("classic|" + figure);
            double pm = BrokerSuite.median(pop);
            double cm = BrokerSuite.median(classic);
            out.append("| ").append(figure).append(" | ").append(BrokerSuite.number(pm)).append(" | ")
                .append(BrokerSuite.spread(pop)).append(" | ").append(BrokerSuite.number(cm)).append(" | ")
                .append(BrokerSuite.spread(classic)).append(" | ")
                .append(cm == 0 ? "–" : String.format(Locale.ROOT, "%.2f", pm / cm)).append(" |\n");
        }
        return out.toString();
    }

    private double[] values(String key) {
        return figures.getOrDefault(key, List.of()).stream().mapToDouble(Double::doubleValue).toArray();
    }
}
