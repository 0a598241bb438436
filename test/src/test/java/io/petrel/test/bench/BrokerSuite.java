package io.petrel.test.bench;

import io.petrel.test.distribution.JvmTuning;
import io.petrel.test.official.OfficialNamesrv;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * The broker benchmark suite: a Petrel broker and an official RocketMQ 4.9.7 broker, each in a child JVM with the
 * same heap, JVM flags and settings (Petrel's with the young generation ceiling its launcher ships), registered
 * with one official NameServer and driven by the official 4.9.7 client with 1 KiB bodies; the two kinds alternate,
 * each case runs once per round, and the report gives the median and spread of every figure over the rounds and the
 * Petrel ÷ official ratio of the medians.
 *
 * <p>Per round and kind: start-up on an empty store (process start to the boot line, and to the first registration
 * the NameServer holds), idle CPU, sync send from 1, 4, 16 and 64 threads, async send, the consume rate of a backlog
 * with a push consumer, resident memory by kind after the load, start-up after {@code kill -9} on a store of the
 * given size; on a second broker with an empty store, 16 threads spread over 64, 256 and 1,024 freshly created
 * topics of 8 queues; on a third, with SYNC_FLUSH, sync send from 1 and 64 threads. Every send and consume case also gives the broker's own CPU time
 * per message, read from {@code /proc/<pid>/stat}, with the client's (this JVM's) and how busy the machine was. The
 * disk's fdatasync p50, and with the sync cases the official client's round trip to a server doing no work
 * ({@link RoundTripFloor}), are measured once for reference.
 *
 * <p>Settings are system properties: {@code bench.rounds} (3), {@code bench.seconds} per send case (15),
 * {@code bench.backlog} messages (1,000,000), {@code bench.idleSeconds} (60), {@code bench.storeMiB} for the
 * recovery start-up (2048), {@code bench.heap} ({@code 1g}), {@code bench.cases} (a comma list of {@code startup,
 * idle, sync, async, backlog, topics, recovery, syncflush}; all by default), {@code bench.agent.petrel} and
 * {@code bench.agent.official} (a profiler agent flag for that kind's brokers).
 */
public final class BrokerSuite {
    static final List<String> KINDS = List.of("petrel", "official");
    private static final List<String> KINDS_REVERSED = List.of("official", "petrel");
    private static final int[] SYNC_THREADS = {1, 4, 16, 64};
    private static final int[] SYNC_FLUSH_THREADS = {1, 64};
    private static final int[] TOPIC_COUNTS = {64, 256, 1024};
    private static final int TOPIC_QUEUES = 8;
    private static final int TOPIC_THREADS = 16;
    private static final int ASYNC_WINDOW = 1000;
    private static final int WARM_UP_THREADS = 16;
    private static final int WARM_UP_SECONDS = 10;
    /**
     * Unmeasured seconds of each send case's own load before it is measured: a CPU profile of the async case after
     * the 16-thread warm-up alone had the C2 compiler at 12 % of the broker's CPU in the measured window,
     * recompiling the I/O thread's read path for the new load's shape.
     */
    private static final int CASE_WARM_UP_SECONDS = 3;
    /**
     * Messages drained, unmeasured, before the backlog case: 20,000 pulls of 32, past the invocation count at which
     * HotSpot compiles a method with C2 (15,000 with tiered compilation), so that code run once per pull is compiled
     * before the measured drain on either broker (with 200,000, 6,250 pulls, the pull path's C2 compiles fell inside
     * the measured drain and took half of the broker's CPU there).
     */
    private static final int DRAIN_WARM_UP = 640_000;

    /** What one run measures and how long. */
    record Settings(int rounds, int seconds, int backlog, int idleSeconds, long storeMiB, String heap,
                    Set<String> cases, boolean cds) {
        static Settings fromSystemProperties() {
            String cases = System.getProperty("bench.cases", "startup,idle,sync,async,backlog,topics,recovery,"
                + "syncflush");
            return new Settings(Integer.getInteger("bench.rounds", 3), Integer.getInteger("bench.seconds", 15),
                Integer.getInteger("bench.backlog", 1_000_000), Integer.getInteger("bench.idleSeconds", 60),
                Long.getLong("bench.storeMiB", 2048), System.getProperty("bench.heap", "1g"),
                Set.of(cases.split(",")), !"false".equals(System.getProperty("bench.cds")));
        }

        /**
         * The brokers' JVM flags; {@code -Dbench.agent.<kind>=-agentpath:...} adds a profiler agent to one kind's
         * brokers.
         */
        List<String> jvm(String kind) {
            List<String> flags = new ArrayList<>(jvmWithoutAgent(kind));
            String agent = System.getProperty("bench.agent." + kind);
            if (agent != null && !agent.isBlank()) {
                flags.addAll(List.of(agent.trim().split("\\s+")));
            }
            return flags;
        }

        /**
         * Petrel's brokers run with what its launcher ships (bin/jvm-tuning.sh: G1, the young generation ceiling,
         * the pause goal, counter sampling); the official ones with G1 and nothing else.
         */
        List<String> jvmWithoutAgent(String kind) {
            List<String> flags = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap));
            flags.addAll(kind.equals("petrel") ? JvmTuning.forHeap(heapMiB()) : List.of("-XX:+UseG1GC"));
            return flags;
        }

        /** {@code bench.heap} in MiB ({@code 1g}, {@code 1536m}). */
        long heapMiB() {
            String h = heap.trim().toLowerCase(Locale.ROOT);
            long n = Long.parseLong(h.replaceAll("[kmg]$", ""));
            return h.endsWith("g") ? n * 1024 : h.endsWith("k") ? n / 1024 : h.endsWith("m") ? n : n / (1024 * 1024);
        }

        boolean has(String name) {
            return cases.contains(name);
        }
    }

    /** One figure's values, by kind, in round order. */
    static final class Figure {
        final String name;
        final boolean higherIsBetter;
        final Map<String, List<Double>> values = new LinkedHashMap<>();

        Figure(String name, boolean higherIsBetter) {
            this.name = name;
            this.higherIsBetter = higherIsBetter;
        }
    }

    private final Settings settings;
    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private double fdatasyncP50Us;
    /** {calls/s, p50 us, p99 us} of {@link RoundTripFloor} per entry of {@link #SYNC_THREADS}, with the sync cases. */
    private double[][] floor;
    /** The class data sharing flags of Petrel's brokers, once the training start has written the archive. */
    private List<String> petrelCds = List.of();

    BrokerSuite(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        BrokerSuite suite = new BrokerSuite(Settings.fromSystemProperties());
        suite.run();
        System.out.println(suite.report());
    }

    List<String> problems() {
        return problems;
    }

    Map<String, Figure> figures() {
        return figures;
    }

    private void record(String figure, boolean higherIsBetter, String kind, double value) {
        figures.computeIfAbsent(figure, n -> new Figure(n, higherIsBetter)).values
            .computeIfAbsent(kind, k -> new ArrayList<>()).add(value);
        System.out.printf(Locale.ROOT, "  %-8s %-44s %,.1f%n", kind, figure, value);
    }

    void run() throws Exception {
        Path dir = Files.createTempDirectory("broker-suite");
        try (OfficialNamesrv ns = OfficialNamesrv.start(dir.resolve("namesrv"), List.of("-Xmx512m"))) {
            fdatasyncP50Us = fdatasyncP50(dir);
            System.out.printf(Locale.ROOT, "fdatasync p50 of this disk: %.0f us%n", fdatasyncP50Us);
            if (settings.has("sync")) {
                floor = RoundTripFloor.measure(SYNC_THREADS, CASE_WARM_UP_SECONDS, settings.seconds());
                for (int i = 0; i < SYNC_THREADS.length; i++) {
                    System.out.printf(Locale.ROOT, "round-trip floor, %d thr: %,.0f calls/s, p50 %.0f us%n",
                        SYNC_THREADS[i], floor[i][0], floor[i][1]);
                }
            }
            DefaultMQAdminExt admin = new DefaultMQAdminExt();
            admin.setNamesrvAddr(ns.address());
            admin.setInstanceName("suite-admin");
            admin.start();
            try {
                if (settings.cds()) {
                    trainCds(dir, ns.address());
                }
                for (int round = 0; round < settings.rounds(); round++) {
                    List<String> order = round % 2 == 0 ? KINDS : KINDS_REVERSED;
                    for (String kind : order) {
                        System.out.printf("round %d, %s%n", round + 1, kind);
                        Path home = dir.resolve(kind + "-" + round);
                        try {
                            asyncFlushRound(kind, round, home, ns.address(), admin);
                            deleteQuietly(home);
                            if (settings.has("topics")) {
                                topicsRound(kind, round, dir.resolve(kind + "-mt-" + round), ns.address(), admin);
                                deleteQuietly(dir.resolve(kind + "-mt-" + round));
                            }
                            if (settings.has("syncflush")) {
                                quietDisk();
                                syncFlushRound(kind, round, dir.resolve(kind + "-sf-" + round), ns.address());
                            }
                        } finally {
                            deleteQuietly(home);
                            deleteQuietly(dir.resolve(kind + "-mt-" + round));
                            deleteQuietly(dir.resolve(kind + "-sf-" + round));
                        }
                    }
                }
            } finally {
                admin.shutdown();
            }
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * What Petrel's distribution does on a server's first start (see {@code bin/runserver.sh}): a Petrel broker
     * started once with the suite's flags, sent to for a few seconds and stopped writes a class data sharing archive
     * of the classes it loaded; the measured Petrel brokers map it. Not measured.
     */
    private void trainCds(Path dir, String namesrv) throws Exception {
        Path archive = dir.resolve("petrel-broker.jsa");
        // without the profiler agent: the JVM writes no archive with a native agent loaded
        List<String> flags = new ArrayList<>(settings.jvmWithoutAgent("petrel"));
        flags.add("-XX:ArchiveClassesAtExit=" + archive);
        Path home = dir.resolve("cds-training");
        BrokerBenchmark.BrokerProcess broker = BrokerBenchmark.start("petrel", home, namesrv,
            List.of("brokerName=bench-cds-training"), flags);
        try {
            DefaultMQProducer producer = producer(namesrv, "SUITE_CDS_PG");
            try {
                String topic = "SUITE_CDS";
                BrokerBenchmark.awaitTopic(producer, topic);
                SendLoops.sync(body -> producer.send(new Message(topic, body)), 4, 3);
            } finally {
                producer.shutdown();
            }
        } finally {
            broker.close();
        }
        if (!waitFor(() -> Files.exists(archive), 60_000, 100)) {
            problems.add("no class data sharing archive from the training start: " + archive);
            return;
        }
        petrelCds = List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        deleteQuietly(home);
        System.out.println("class data sharing archive for Petrel's brokers: " + archive);
    }

    /**
     * Writes back what the earlier cases left dirty in the page cache (GiBs of CommitLog, thousands of ConsumeQueue
     * files, deleted stores) before the SYNC_FLUSH cases, so that their fsyncs do not queue behind that writeback.
     */
    private static void quietDisk() throws Exception {
        Process sync = new ProcessBuilder("sync").inheritIO().start();
        if (!sync.waitFor(5, TimeUnit.MINUTES)) {
            sync.destroyForcibly();
        }
    }

    /** The JVM flags of a kind's brokers: the suite's, and Petrel's class data sharing archive. */
    private List<String> jvm(String kind) {
        List<String> flags = new ArrayList<>(settings.jvm(kind));
        if (kind.equals("petrel")) {
            flags.addAll(petrelCds);
        }
        return flags;
    }

    // ---- the rounds -----------------------------------------------------------------------------------------

    private void asyncFlushRound(String kind, int round, Path home, String namesrv, DefaultMQAdminExt admin)
        throws Exception {
        String name = "bench-" + kind + "-" + round;
        Started broker = startTimed(kind, home, namesrv, name, List.of(), admin);
        try {
            if (settings.has("startup")) {
                record("start-up, empty store: to boot line ms", false, kind, broker.bootMs());
                record("start-up, empty store: to registration ms", false, kind, broker.registeredMs());
            }
            if (settings.has("idle")) {
                long before = ProcStats.cpuTicks(broker.pid());
                TimeUnit.SECONDS.sleep(settings.idleSeconds());
                long ticks = ProcStats.cpuTicks(broker.pid()) - before;
                record("idle CPU % over " + settings.idleSeconds() + " s", false, kind,
                    ticks * ProcStats.MICROS_PER_TICK / (settings.idleSeconds() * 1e6) * 100);
            }
            DefaultMQProducer producer = producer(namesrv, "SUITE_PG_" + kind + round);
            try {
                String topic = "SUITE_" + kind.toUpperCase(Locale.ROOT);
                BrokerBenchmark.awaitTopic(producer, topic);
                if (settings.has("sync") || settings.has("async")) {
                    warmUp(producer, topic);
                }
                if (settings.has("sync")) {
                    for (int threads : SYNC_THREADS) {
                        syncCase("sync " + threads + " thr", kind, broker.pid(), threads, true,
                            body -> producer.send(new Message(topic, body)));
                    }
                }
                if (settings.has("async")) {
                    asyncCase(kind, broker.pid(), producer, topic);
                }
                if (settings.has("backlog")) {
                    backlogCase(kind, round, broker.pid(), producer, namesrv);
                    record("RSS after load: anonymous MiB", false, kind,
                        ProcStats.statusMb(broker.pid(), "RssAnon"));
                    record("RSS after load: file-backed MiB", false, kind,
                        ProcStats.statusMb(broker.pid(), "RssFile"));
                }
                if (settings.has("recovery")) {
                    fillStore(producer, topic, settings.storeMiB() << 20);
                }
            } finally {
                producer.shutdown();
            }
            if (settings.has("recovery")) {
                broker.jvm().kill();
                Started again = startTimed(kind, home, namesrv, name + "-r", List.of(), admin);
                try {
                    record("start-up after kill -9, " + settings.storeMiB() + " MiB store: to boot line ms", false,
                        kind, again.bootMs());
                    record("start-up after kill -9, " + settings.storeMiB() + " MiB store: to registration ms",
                        false, kind, again.registeredMs());
                } finally {
                    again.jvm().stop();
                }
            }
        } finally {
            broker.jvm().stop();
        }
    }

    /**
     * Sync sends from 16 threads for up to 10 s before a broker's first case, so that the first case does not
     * measure a broker still compiling its hot paths.
     */
    private void warmUp(DefaultMQProducer producer, String topic) throws Exception {
        SendLoops.sync(body -> producer.send(new Message(topic, body)), WARM_UP_THREADS,
            Math.min(settings.seconds(), WARM_UP_SECONDS));
    }

    /** On a broker of its own with an empty store: sends over more and more topics created just before. */
    private void topicsRound(String kind, int round, Path home, String namesrv, DefaultMQAdminExt admin)
        throws Exception {
        Started broker = startTimed(kind, home, namesrv, "bench-" + kind + "-mt-" + round, List.of(), admin);
        try {
            DefaultMQProducer producer = producer(namesrv, "SUITE_MT_PG_" + kind + round);
            try {
                String topic = "SUITE_MT_" + kind.toUpperCase(Locale.ROOT);
                BrokerBenchmark.awaitTopic(producer, topic);
                warmUp(producer, topic);
                for (int count : TOPIC_COUNTS) {
                    topicsCase(kind, round, count, broker, producer, admin);
                }
            } finally {
                producer.shutdown();
            }
        } finally {
            broker.jvm().stop();
        }
    }

    private void syncFlushRound(String kind, int round, Path home, String namesrv) throws Exception {
        BrokerBenchmark.BrokerProcess broker = BrokerBenchmark.start(kind, home, namesrv,
            List.of("brokerName=bench-" + kind + "-sf-" + round, "flushDiskType=SYNC_FLUSH"), jvm(kind));
        try {
            DefaultMQProducer producer = producer(namesrv, "SUITE_SF_PG_" + kind + round);
            try {
                String topic = "SUITE_SF_" + kind.toUpperCase(Locale.ROOT);
                BrokerBenchmark.awaitTopic(producer, topic);
                warmUp(producer, topic);
                for (int threads : SYNC_FLUSH_THREADS) {
                    syncCase("SYNC_FLUSH sync " + threads + " thr", kind, broker.pid(), threads, true,
                        body -> producer.send(new Message(topic, body)));
                }
            } finally {
                producer.shutdown();
            }
        } finally {
            broker.close();
        }
    }

    // ---- the cases ------------------------------------------------------------------------------------------

    /**
     * @param warm run the same load unmeasured for {@link #CASE_WARM_UP_SECONDS} first, so that the JIT has
     *             compiled the broker for this load's shape (requests per read, answers per flush) before it is
     *             measured
     */
    private void syncCase(String label, String kind, long pid, int threads, boolean warm,
                          SendLoops.SyncSender sender) throws Exception {
        if (warm) {
            SendLoops.sync(sender, threads, CASE_WARM_UP_SECONDS);
        }
        CpuWindow cpu = CpuWindow.open(pid);
        long[] r = SendLoops.sync(sender, threads, settings.seconds());
        CpuWindow.Spent spent = cpu.close();
        if (r[5] > 0) {
            problems.add(kind + " " + label + ": " + r[5] + " failed sends");
        }
        record(label + ": msgs/s", true, kind, r[0] / (double) settings.seconds());
        record(label + ": p50 us", false, kind, r[1]);
        record(label + ": p99 us", false, kind, r[2]);
        record(label + ": p999 us", false, kind, r[3]);
        recordCpu(label, "client", kind, spent, r[0]);
    }

    private void asyncCase(String kind, long pid, DefaultMQProducer producer, String topic) throws Exception {
        BrokerBenchmark.asyncSendFigures(producer, topic, CASE_WARM_UP_SECONDS, ASYNC_WINDOW);
        CpuWindow cpu = CpuWindow.open(pid);
        double[] r = BrokerBenchmark.asyncSendFigures(producer, topic, settings.seconds(), ASYNC_WINDOW);
        CpuWindow.Spent spent = cpu.close();
        if (r[2] > 0) {
            problems.add(kind + " async: " + (long) r[2] + " failed sends");
        }
        record("async send (" + ASYNC_WINDOW + " in flight): msgs/s", true, kind, r[0]);
        recordCpu("async send", "client", kind, spent, (long) r[1]);
    }

    /**
     * The broker's CPU per message, the client's (this JVM: the official client, the only other process at work
     * being the idle NameServer) and how busy the machine's cores were: where the broker's own share is small and
     * the machine is busy, the client's cost is what bounds the rate.
     */
    private void recordCpu(String label, String client, String kind, CpuWindow.Spent spent, long messages) {
        record(label + ": broker CPU us/msg", false, kind, perMessage(spent.broker(), messages));
        record(label + ": " + client + " CPU us/msg", false, kind, perMessage(spent.client(), messages));
        record(label + ": machine CPU busy %", false, kind, spent.machineBusyPercent());
    }

    private void backlogCase(String kind, int round, long pid, DefaultMQProducer producer, String namesrv)
        throws Exception {
        // As the send cases are warmed up: a drain of its own first, so that the measured one does not pay for the
        // JIT compiling the pull path (on 2 cores it takes the CPU the consumer needs).
        drain(kind + " backlog warm-up", "SUITE_WARM_DRAIN_" + kind.toUpperCase(Locale.ROOT) + "_" + round,
            "SUITE_CG_W_" + kind + round, Math.min(DRAIN_WARM_UP, settings.backlog()), pid, producer, namesrv);
        Drained d = drain(kind + " backlog", "SUITE_BACKLOG_" + kind.toUpperCase(Locale.ROOT) + "_" + round,
            "SUITE_CG_" + kind + round, settings.backlog(), pid, producer, namesrv);
        record("consume " + d.stored() + " backlog: msgs/s", true, kind, d.consumed() / d.seconds());
        recordCpu("consume backlog", "consumer", kind, d.spent(), d.consumed());
    }

    /**
     * What one drain consumed, in how long, and the CPU ticks meanwhile of the broker and of this JVM (the consumer's,
     * which shares the machine's cores with the broker).
     */
    private record Drained(long stored, long consumed, double seconds, CpuWindow.Spent spent) {
    }

    /**
     * Fills a fresh topic with {@code count} messages, then consumes them from the first with a push consumer
     * (pull and consume batches of 32), timed from the consumer's start to the last message.
     */
    private Drained drain(String what, String topic, String group, int count, long pid, DefaultMQProducer producer,
                          String namesrv) throws Exception {
        BrokerBenchmark.awaitTopic(producer, topic);
        BrokerBenchmark.fill(producer, topic, count - 1);
        long stored = BrokerBenchmark.totalMessages(producer, topic);
        AtomicLong got = new AtomicLong();
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
        c.setNamesrvAddr(namesrv);
        c.setInstanceName("suite-c-" + group);
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setPullBatchSize(32);
        c.setConsumeMessageBatchMaxSize(32);
        c.subscribe(topic, "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            got.addAndGet(msgs.size());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        CpuWindow cpu = CpuWindow.open(pid);
        long begin = System.nanoTime();
        c.start();
        try {
            if (!waitFor(() -> got.get() >= stored, TimeUnit.MINUTES.toMillis(10), 20)) {
                problems.add(what + ": consumed " + got.get() + " of " + stored);
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            return new Drained(stored, got.get(), seconds, cpu.close());
        } finally {
            c.shutdown();
        }
    }

    /** 16 threads sending round-robin over {@code count} topics of 8 queues created just before. */
    private void topicsCase(String kind, int round, int count, Started broker, DefaultMQProducer producer,
                            DefaultMQAdminExt admin) throws Exception {
        List<String> topics = new ArrayList<>(count);
        long createBegin = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String topic = "SUITE_MT_" + kind.toUpperCase(Locale.ROOT) + "_" + round + "_" + count + "_" + i;
            TopicConfig config = new TopicConfig(topic, TOPIC_QUEUES, TOPIC_QUEUES, 6);
            admin.createAndUpdateTopicConfig(broker.address(), config);
            topics.add(topic);
        }
        double createMs = (System.nanoTime() - createBegin) / 1e6;
        String last = topics.get(count - 1);
        if (!waitFor(() -> routed(admin, last), 120_000, 100)) {
            problems.add(kind + " " + count + " topics: no route for " + last);
            return;
        }
        record(count + " fresh topics: creation ms (admin, one by one)", false, kind, createMs);
        AtomicLong next = new AtomicLong();
        // no warm-up of its own: the first writes to the fresh topics' queues are what this case measures
        syncCase(count + " fresh topics x " + TOPIC_QUEUES + " queues, " + TOPIC_THREADS + " thr", kind,
            broker.pid(), TOPIC_THREADS, false, body -> producer.send(new Message(topics.get(
                (int) (next.getAndIncrement() % count)), body)));
    }

    private static boolean routed(DefaultMQAdminExt admin, String topic) {
        try {
            return !admin.examineTopicRouteInfo(topic).getQueueDatas().isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Sends 4 KiB bodies until those stored add up to {@code bytes}, so the CommitLog holds at least that; a send the
     * broker refuses (busy) is made up for by another.
     */
    private static void fillStore(DefaultMQProducer producer, String topic, long bytes) throws Exception {
        byte[] body = new byte[4096];
        Semaphore inFlight = new Semaphore(1000);
        AtomicLong stored = new AtomicLong();
        long deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(30);
        while (stored.get() < bytes) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("store not filled in 30 minutes: " + stored.get() + " bytes");
            }
            inFlight.acquire();
            producer.send(new Message(topic, body), new SendCallback() {
                @Override
                public void onSuccess(SendResult sendResult) {
                    stored.addAndGet(body.length);
                    inFlight.release();
                }

                @Override
                public void onException(Throwable e) {
                    inFlight.release();
                }
            }, 30_000);
        }
        inFlight.acquire(1000);
    }

    // ---- start-up ---------------------------------------------------------------------------------------------

    /** A broker started and up, with how long it took to print its boot line and to be registered. */
    record Started(BrokerBenchmark.Launched launched, long bootMs, long registeredMs) {
        io.petrel.test.official.ChildJvm jvm() {
            return launched.jvm();
        }

        long pid() {
            return launched.jvm().pid();
        }

        String address() {
            return "127.0.0.1:" + launched.port();
        }
    }

    private Started startTimed(String kind, Path home, String namesrv, String brokerName, List<String> extraConf,
                               DefaultMQAdminExt admin) throws Exception {
        List<String> conf = new ArrayList<>(extraConf);
        conf.add("brokerName=" + brokerName);
        long begin = System.nanoTime();
        BrokerBenchmark.Launched launched = BrokerBenchmark.launch(kind, home, namesrv, conf, jvm(kind));
        boolean booted = waitFor(() -> {
            if (!launched.jvm().isAlive()) {
                throw new IllegalStateException(kind + " broker exited:\n" + launched.jvm().output());
            }
            return launched.jvm().output().contains("boot success");
        }, 180_000, 2);
        long bootMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
        boolean registered = booted && waitFor(() -> registered(admin, brokerName), 120_000, 2);
        long registeredMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
        if (!registered) {
            launched.jvm().stop();
            throw new IllegalStateException(kind + " broker " + brokerName + " not up and registered:\n"
                + launched.jvm().output());
        }
        return new Started(launched, bootMs, registeredMs);
    }

    private static boolean registered(DefaultMQAdminExt admin, String brokerName) {
        try {
            return admin.examineBrokerClusterInfo().getBrokerAddrTable().containsKey(brokerName);
        } catch (Exception e) {
            return false;
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static DefaultMQProducer producer(String namesrv, String group) throws Exception {
        DefaultMQProducer p = new DefaultMQProducer(group);
        p.setNamesrvAddr(namesrv);
        p.setInstanceName(group);
        p.setSendMsgTimeout(10_000);
        p.start();
        return p;
    }

    private static double perMessage(long ticks, long messages) {
        return messages == 0 ? Double.NaN : ticks * ProcStats.MICROS_PER_TICK / messages;
    }

    /** Polls {@code condition} every {@code pollMs} until it holds or {@code timeoutMs} pass. */
    private static boolean waitFor(BooleanSupplier condition, long timeoutMs, long pollMs)
        throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(pollMs); // polling a child process's output and the NameServer
        }
        return true;
    }

    /** p50 of 500 4 KiB writes each followed by fdatasync, in {@code dir}'s file system. */
    static double fdatasyncP50(Path dir) throws IOException {
        Path file = dir.resolve("fdatasync-probe");
        long[] us = new long[500];
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw");
             FileChannel ch = raf.getChannel()) {
            ByteBuffer block = ByteBuffer.allocateDirect(4096);
            for (int i = 0; i < us.length; i++) {
                block.clear();
                long b = System.nanoTime();
                ch.write(block, (long) i * 4096);
                ch.force(false);
                us[i] = (System.nanoTime() - b) / 1000;
            }
        } finally {
            Files.deleteIfExists(file);
        }
        Arrays.sort(us);
        return us[us.length / 2];
    }

    static void deleteQuietly(Path dir) {
        if (Files.exists(dir)) {
            HaBenchmark.deleteQuietly(dir);
        }
    }

    // ---- the report -------------------------------------------------------------------------------------------

    /** The table: per figure the median and spread of each kind over the rounds, and the ratio of the medians. */
    String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d rounds, %d s per send case, heap %s; fdatasync p50 %.0f us%n%n",
            settings.rounds(), settings.seconds(), settings.heap(), fdatasyncP50Us));
        out.append("| figure | Petrel median | spread | official median | spread | Petrel ÷ official |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        for (Figure f : figures.values()) {
            double[] p = values(f, "petrel");
            double[] o = values(f, "official");
            double pm = median(p);
            double om = median(o);
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", f.name, number(pm),
                spread(p), number(om), spread(o), om == 0 || Double.isNaN(om) ? "–"
                    : String.format(Locale.ROOT, "%.2f", pm / om)));
        }
        if (floor != null) {
            out.append("\nRound-trip floor: the official client's sync calls to a server doing no work (once per run)"
                + "\n\n| threads | calls/s | p50 us | p99 us |\n|---:|---:|---:|---:|\n");
            for (int i = 0; i < SYNC_THREADS.length; i++) {
                out.append(String.format(Locale.ROOT, "| %d | %s | %s | %s |%n", SYNC_THREADS[i],
                    number(floor[i][0]), number(floor[i][1]), number(floor[i][2])));
            }
        }
        if (!problems.isEmpty()) {
            out.append("\nProblems:\n");
            problems.forEach(p -> out.append("- ").append(p).append('\n'));
        }
        return out.toString();
    }

    private static double[] values(Figure f, String kind) {
        return f.values.getOrDefault(kind, List.of()).stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** (max − min) / median, as a percentage. */
    public static String spread(double[] v) {
        double m = median(v);
        if (v.length < 2 || m == 0 || Double.isNaN(m)) {
            return "–";
        }
        double max = Arrays.stream(v).max().orElse(m);
        double min = Arrays.stream(v).min().orElse(m);
        return String.format(Locale.ROOT, "%.0f%%", (max - min) / Math.abs(m) * 100);
    }

    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
