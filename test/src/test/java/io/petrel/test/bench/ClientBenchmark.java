package io.petrel.test.bench;

import io.petrel.test.official.OfficialNamesrv;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Petrel's client against the official 4.9.7 client, both driving one Petrel broker (child JVM, official NameServer):
 * sync send with 1, 4 and 16 threads (msgs/s, p50, p99), async send (1,000 in flight), the consume rate of a backlog
 * with a push consumer, and the client's CPU time per 100,000 messages (this JVM's CPU during the phase; only one
 * client runs at a time). After one short warm-up round of each (not counted), the clients are alternated, each
 * case run the given number of rounds; the median and spread are printed. See docs/benchmarks.md.
 *
 * <p>Arguments: [backlogMessages sendSeconds rounds] (defaults 1000000 15 3).
 */
public final class ClientBenchmark {
    private static final int BODY = SendLoops.BODY;
    private static final int[] THREADS = {1, 4, 16};

    /** The few calls the benchmark makes, for either client. */
    interface Client extends AutoCloseable {
        void syncSend(String topic, byte[] body) throws Exception;

        void asyncSend(String topic, byte[] body, Runnable ok, Runnable failed) throws Exception;

        /** Consumes {@code topic} from its first offset, reporting each batch's size. */
        AutoCloseable consume(String topic, String group, LongConsumer onMessages) throws Exception;

        @Override
        void close();
    }

    public static void main(String[] args) throws Exception {
        int backlog = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("client-bench");
        Map<String, Map<String, List<Double>>> figures = new LinkedHashMap<>();
        try (OfficialNamesrv ns = OfficialNamesrv.start(dir.resolve("namesrv"), List.of("-Xmx512m"));
             BrokerBenchmark.BrokerProcess broker = BrokerBenchmark.start("petrel", dir.resolve("broker"),
                 ns.address())) {
            System.out.println("broker at " + broker.address());
            for (String which : List.of("petrel", "official")) {
                runRound(which, ns.address(), -1, Math.min(backlog, 100_000), 5, new LinkedHashMap<>());
            }
            for (int round = 0; round < rounds; round++) {
                for (String which : List.of("petrel", "official")) {
                    Map<String, List<Double>> f = figures.computeIfAbsent(which, k -> new LinkedHashMap<>());
                    runRound(which, ns.address(), round, backlog, seconds, f);
                }
            }
        }
        print(figures);
    }

    static Client client(String which, String namesrv, String group) throws Exception {
        return which.equals("petrel") ? new PetrelBenchClient(namesrv, group) : new OfficialBenchClient(namesrv, group);
    }

    private static void runRound(String which, String namesrv, int round, int backlog, int seconds,
                                 Map<String, List<Double>> f) throws Exception {
        String topic = ("CB_" + which + "_" + round).toUpperCase(Locale.ROOT);
        try (Client c = client(which, namesrv, "CB_PG_" + which + "_" + round)) {
            awaitTopic(c, topic);
            syncSend(c, topic, 4, 3);
            for (int threads : THREADS) {
                long cpu0 = cpuNanos();
                long[] r = syncSend(c, topic, threads, seconds);
                add(f, "sync " + threads + " thr msgs/s", r[0] / (double) seconds);
                add(f, "sync " + threads + " thr p50 us", r[1]);
                add(f, "sync " + threads + " thr p99 us", r[2]);
                add(f, "sync " + threads + " thr cpu ms/100k", (cpuNanos() - cpu0) / 1e6 / r[0] * 100_000);
                System.out.printf("%s round %d sync %d thr: %.0f msgs/s%n", which, round, threads,
                    r[0] / (double) seconds);
            }
            long cpu0 = cpuNanos();
            double[] a = asyncSend(c, topic, seconds, 1000);
            add(f, "async msgs/s", a[0]);
            add(f, "async cpu ms/100k", (cpuNanos() - cpu0) / 1e6 / a[1] * 100_000);
            System.out.printf("%s round %d async: %.0f msgs/s%n", which, round, a[0]);
        }
        String backlogTopic = ("CB_BACKLOG_" + which + "_" + round).toUpperCase(Locale.ROOT);
        try (Client filler = client("petrel", namesrv, "CB_FILL_" + which + "_" + round)) {
            awaitTopic(filler, backlogTopic);
            asyncFill(filler, backlogTopic, backlog - 1);
        }
        try (Client c = client(which, namesrv, "CB_PG2_" + which + "_" + round)) {
            long cpu0 = cpuNanos();
            double tps = consume(c, backlogTopic, "CB_CG_" + which + "_" + round, backlog);
            add(f, "consume backlog msgs/s", tps);
            add(f, "consume cpu ms/100k", (cpuNanos() - cpu0) / 1e6 / backlog * 100_000);
            System.out.printf("%s round %d consume: %.0f msgs/s%n", which, round, tps);
        }
    }

    private static void add(Map<String, List<Double>> f, String key, double value) {
        f.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }

    static void awaitTopic(Client c, String topic) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            try {
                c.syncSend(topic, new byte[BODY]);
                return;
            } catch (Exception e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("broker not reachable", e);
                }
                Thread.sleep(500); // the topic's first route reaches the NameServer with the broker's registration
            }
        }
    }

    static long[] syncSend(Client c, String topic, int threads, int seconds) throws Exception {
        return SendLoops.sync(body -> c.syncSend(topic, body), threads, seconds);
    }

    static double[] asyncSend(Client c, String topic, int seconds, int window) throws Exception {
        return SendLoops.async((body, ok, failed) -> c.asyncSend(topic, body, ok, failed), seconds, window);
    }

    static void asyncFill(Client c, String topic, long count) throws Exception {
        Semaphore inFlight = new Semaphore(2000);
        byte[] body = new byte[BODY];
        for (long i = 0; i < count; i++) {
            inFlight.acquire();
            c.asyncSend(topic, body, inFlight::release, inFlight::release);
        }
        inFlight.acquire(2000);
    }

    static double consume(Client c, String topic, String group, long expected) throws Exception {
        AtomicLong got = new AtomicLong();
        long begin = System.nanoTime();
        try (AutoCloseable consumer = c.consume(topic, group, got::addAndGet)) {
            long deadline = System.currentTimeMillis() + 900_000;
            while (got.get() < expected && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            double elapsed = (System.nanoTime() - begin) / 1e9;
            System.out.printf("consumed %d of %d in %.1f s%n", got.get(), expected, elapsed);
            return got.get() / elapsed;
        }
    }

    static void print(Map<String, Map<String, List<Double>>> figures) {
        Map<String, List<Double>> p = figures.get("petrel");
        Map<String, List<Double>> o = figures.get("official");
        System.out.println();
        System.out.printf("%-26s %10s %8s %10s %8s %7s%n", "", "petrel", "spread", "official", "spread",
            "ratio");
        for (String key : p.keySet()) {
            double pm = median(p.get(key));
            double om = median(o.get(key));
            System.out.printf("%-26s %10.0f %7.0f%% %10.0f %7.0f%% %7.2f%n", key, pm, spread(p.get(key), pm), om,
                spread(o.get(key), om), pm / om);
        }
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    /** (max - min) / median, in per cent. */
    static double spread(List<Double> v, double median) {
        double min = v.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = v.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return median == 0 ? 0 : (max - min) / median * 100;
    }

    /** Petrel's client. */
    static final class PetrelBenchClient implements Client {
        private final String namesrv;
        private final io.petrel.client.producer.DefaultMQProducer producer;

        PetrelBenchClient(String namesrv, String group) throws Exception {
            this.namesrv = namesrv;
            producer = new io.petrel.client.producer.DefaultMQProducer(group);
            producer.setNamesrvAddr(namesrv);
            producer.setInstanceName(group);
            producer.setSendMsgTimeout(10_000);
            producer.start();
        }

        @Override
        public void syncSend(String topic, byte[] body) throws Exception {
            producer.send(new io.petrel.common.message.Message(topic, body));
        }

        @Override
        public void asyncSend(String topic, byte[] body, Runnable ok, Runnable failed) throws Exception {
            producer.send(new io.petrel.common.message.Message(topic, body),
                new io.petrel.client.producer.SendCallback() {
                    @Override
                    public void onSuccess(io.petrel.client.producer.SendResult sendResult) {
                        ok.run();
                    }

                    @Override
                    public void onException(Throwable e) {
                        failed.run();
                    }
                }, 30_000);
        }

        @Override
        public AutoCloseable consume(String topic, String group, LongConsumer onMessages) throws Exception {
            io.petrel.client.consumer.DefaultMQPushConsumer c = new io.petrel.client.consumer.DefaultMQPushConsumer(
                group);
            c.setNamesrvAddr(namesrv);
            c.setInstanceName(group);
            c.setConsumeFromWhere(io.petrel.common.heartbeat.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            c.setPullBatchSize(32);
            c.setConsumeMessageBatchMaxSize(32);
            c.subscribe(topic, "*");
            c.registerMessageListener((io.petrel.client.consumer.listener.MessageListenerConcurrently) (msgs, ctx) -> {
                onMessages.accept(msgs.size());
                return io.petrel.client.consumer.listener.ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            c.start();
            return c::shutdown;
        }

        @Override
        public void close() {
            producer.shutdown();
        }
    }

    /** The official 4.9.7 client. */
    static final class OfficialBenchClient implements Client {
        private final String namesrv;
        private final org.apache.rocketmq.client.producer.DefaultMQProducer producer;

        OfficialBenchClient(String namesrv, String group) throws Exception {
            this.namesrv = namesrv;
            producer = new org.apache.rocketmq.client.producer.DefaultMQProducer(group);
            producer.setNamesrvAddr(namesrv);
            producer.setInstanceName(group);
            producer.setSendMsgTimeout(10_000);
            producer.start();
        }

        @Override
        public void syncSend(String topic, byte[] body) throws Exception {
            producer.send(new org.apache.rocketmq.common.message.Message(topic, body));
        }

        @Override
        public void asyncSend(String topic, byte[] body, Runnable ok, Runnable failed) throws Exception {
            producer.send(new org.apache.rocketmq.common.message.Message(topic, body),
                new org.apache.rocketmq.client.producer.SendCallback() {
                    @Override
                    public void onSuccess(org.apache.rocketmq.client.producer.SendResult sendResult) {
                        ok.run();
                    }

                    @Override
                    public void onException(Throwable e) {
                        failed.run();
                    }
                }, 30_000);
        }

        @Override
        public AutoCloseable consume(String topic, String group, LongConsumer onMessages) throws Exception {
            org.apache.rocketmq.client.consumer.DefaultMQPushConsumer c =
                new org.apache.rocketmq.client.consumer.DefaultMQPushConsumer(group);
            c.setNamesrvAddr(namesrv);
            c.setInstanceName(group);
            c.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            c.setPullBatchSize(32);
            c.setConsumeMessageBatchMaxSize(32);
            c.subscribe(topic, "*");
            c.registerMessageListener(
                (org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently) (msgs, ctx) -> {
                    onMessages.accept(msgs.size());
                    return org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                });
            c.start();
            return c::shutdown;
        }

        @Override
        public void close() {
            producer.shutdown();
        }
    }
}
