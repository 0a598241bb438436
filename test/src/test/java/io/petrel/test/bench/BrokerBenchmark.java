package io.petrel.test.bench;

import io.petrel.test.official.ChildJvm;
import io.petrel.test.official.FreePorts;
import io.petrel.test.official.OfficialHome;
import io.petrel.test.official.OfficialNamesrv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;

/**
 * End-to-end broker benchmark with the official 4.9.7 client, in one run against a Petrel broker and an official
 * 4.9.7 broker, each in a child JVM with the same JVM settings and ASYNC_FLUSH, both registered with an official
 * NameServer: start-up time, sync send (4 threads, 1 KiB) msgs/s with p50/p99, async send msgs/s, consume rate of
 * a backlog, and broker RSS. See docs/benchmarks.md for how to run it.
 *
 * <p>Arguments: [backlogMessages sendSeconds] (defaults 1000000 20).
 */
public final class BrokerBenchmark {
    private static final int BODY = 1024;
    private static final List<String> JVM = List.of("-Xms2g", "-Xmx2g", "-XX:+UseG1GC");

    record Figures(String name, long startupMs, double syncTps, long p50Us, long p99Us, double asyncTps,
                   double consumeTps, long rssAfterSendMb, long rssAfterConsumeMb) {
    }

    public interface BrokerProcess extends AutoCloseable {
        String address();

        long pid();

        @Override
        void close();
    }

    public static void main(String[] args) throws Exception {
        int backlog = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path dir = Files.createTempDirectory("broker-bench");
        List<Figures> results = new ArrayList<>();
        try (OfficialNamesrv ns = OfficialNamesrv.start(dir.resolve("namesrv"), List.of("-Xmx512m"))) {
            results.add(run("petrel", dir, ns.address(), backlog, seconds));
            results.add(run("official", dir, ns.address(), backlog, seconds));
        }
        print(results);
    }

    static Figures run(String which, Path dir, String namesrv, int backlog, int seconds) throws Exception {
        long begin = System.nanoTime();
        try (BrokerProcess broker = start(which, dir.resolve(which), namesrv)) {
            long startupMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
            System.out.printf("%s: started in %d ms at %s%n", which, startupMs, broker.address());
            String topic = "BENCH_" + which.toUpperCase(Locale.ROOT);
            DefaultMQProducer producer = new DefaultMQProducer("BENCH_PG_" + which);
            producer.setNamesrvAddr(namesrv);
            producer.setInstanceName("bench-" + which);
            producer.setSendMsgTimeout(10_000);
            producer.start();
            try {
                awaitTopic(producer, topic);
                syncSend(producer, topic, 4, 5); // warm-up
                long[] sync = syncSend(producer, topic, 4, seconds);
                double asyncTps = asyncSend(producer, topic, seconds, 1000);
                long rssSend = ProcStats.statusMb(broker.pid(), "VmRSS");
                long stored = totalMessages(producer, topic);
                if (stored < backlog) {
                    fill(producer, topic, backlog - stored);
                }
                double consumeTps = consume(namesrv, topic, which, Math.max(backlog, stored));
                long rssConsume = ProcStats.statusMb(broker.pid(), "VmRSS");
                Figures f = new Figures(which, startupMs, sync[0] / (double) seconds, sync[1], sync[2], asyncTps,
                    consumeTps, rssSend, rssConsume);
                System.out.println(f);
                return f;
            } finally {
                producer.shutdown();
            }
        }
    }

    static BrokerProcess start(String which, Path home, String namesrv) throws Exception {
        return start(which, home, namesrv, List.of(), JVM);
    }

    /** As {@link #start(String, Path, String)}, with {@code key=value} lines laid over the config and JVM flags. */
    static BrokerProcess start(String which, Path home, String namesrv, List<String> extraConf,
                               List<String> jvmFlags) throws Exception {
        Launched l = launch(which, home, namesrv, extraConf, jvmFlags);
        l.jvm().awaitOutput("boot success", Duration.ofSeconds(120));
        return new BrokerProcess() {
            @Override
            public String address() {
                return "127.0.0.1:" + l.port();
            }

            @Override
            public long pid() {
                return l.jvm().pid();
            }

            @Override
            public void close() {
                l.jvm().stop();
            }
        };
    }

    /** A broker process just started, not yet up, and the port it was told to listen on. */
    record Launched(ChildJvm jvm, int port) {
    }

    /**
     * Starts a broker of {@code which} kind ({@code petrel} or {@code official}) on a free port with the benchmark
     * settings (ASYNC_MASTER, ASYNC_FLUSH, store under {@code home}), {@code extraConf} lines laid over them; does
     * not wait for it. A Petrel broker runs on the built distribution's jars and logging configuration when there is
     * one (as {@code bin/mqbroker} runs it), an official one on the test class path.
     */
    static Launched launch(String which, Path home, String namesrv, List<String> extraConf, List<String> jvmFlags)
        throws Exception {
        Files.createDirectories(home);
        OfficialHome.create(home);
        int port = FreePorts.brokerPort();
        Path store = home.resolve("store");
        String conf = String.join("\n", "brokerClusterName=BenchCluster", "brokerName=bench-" + which,
            "brokerId=0", "namesrvAddr=" + namesrv, "listenPort=" + port, "brokerIP1=127.0.0.1",
            "brokerIP2=127.0.0.1", "storePathRootDir=" + store, "storePathCommitLog=" + store.resolve("commitlog"),
            "autoCreateTopicEnable=true", "brokerRole=ASYNC_MASTER", "flushDiskType=ASYNC_FLUSH",
            "diskMaxUsedSpaceRatio=95", String.join("\n", extraConf), "");
        Path confFile = home.resolve("broker.conf");
        Files.writeString(confFile, conf);
        boolean official = which.equals("official");
        String main = official ? "org.apache.rocketmq.broker.BrokerStartup" : "io.petrel.broker.BrokerStartup";
        if (official) {
            return new Launched(ChildJvm.start(home, main, jvmFlags, List.of("-c", confFile.toString()), true), port);
        }
        Path dist = distribution();
        if (dist == null) {
            return new Launched(ChildJvm.start(home, main, jvmFlags, List.of("-c", confFile.toString()), false),
                port);
        }
        // as bin/mqbroker runs it: the distribution's jars and logging configuration
        List<String> flags = new java.util.ArrayList<>(jvmFlags);
        flags.add("-Dlogback.configurationFile=" + dist.resolve("conf/logback_broker.xml"));
        flags.add("-Dpetrel.log.dir=" + home.resolve("logs"));
        return new Launched(ChildJvm.start(home, main, flags, List.of("-c", confFile.toString()), false,
            distributionClassPath(dist)), port);
    }

    /** The built distribution ({@code petrel.distribution.dir}) if it has its jars, else null. */
    static Path distribution() {
        String dist = System.getProperty("petrel.distribution.dir");
        if (dist == null || !Files.isRegularFile(Path.of(dist, "conf", "logback_broker.xml"))) {
            return null;
        }
        return distributionClassPath(Path.of(dist)).isEmpty() ? null : Path.of(dist);
    }

    private static String distributionClassPath(Path dist) {
        try (java.util.stream.Stream<Path> jars = Files.list(dist.resolve("lib"))) {
            return String.join(java.io.File.pathSeparator, jars.filter(p -> p.toString().endsWith(".jar"))
                .map(p -> p.toAbsolutePath().toString()).sorted().toList());
        } catch (java.io.IOException e) {
            return "";
        }
    }

    static void awaitTopic(DefaultMQProducer producer, String topic) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            try {
                producer.send(new Message(topic, new byte[BODY]));
                return;
            } catch (Exception e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("broker not reachable", e);
                }
                Thread.sleep(500); // waiting for the broker's first registration to reach the NameServer
            }
        }
    }

    /** @return {count, p50 micros, p99 micros} */
    static long[] syncSend(DefaultMQProducer producer, String topic, int threads, int seconds) throws Exception {
        return SendLoops.sync(body -> producer.send(new Message(topic, body)), threads, seconds);
    }

    static double asyncSend(DefaultMQProducer producer, String topic, int seconds, int window) throws Exception {
        return asyncSendFigures(producer, topic, seconds, window)[0];
    }

    /** @return {msgs/s, messages sent, failed sends} */
    static double[] asyncSendFigures(DefaultMQProducer producer, String topic, int seconds, int window)
        throws Exception {
        return SendLoops.async((body, ok, failed) -> producer.send(new Message(topic, body), new SendCallback() {
            @Override
            public void onSuccess(SendResult sendResult) {
                ok.run();
            }

            @Override
            public void onException(Throwable e) {
                failed.run();
            }
        }, 10_000), seconds, window);
    }

    static long totalMessages(DefaultMQProducer producer, String topic) throws Exception {
        long total = 0;
        for (org.apache.rocketmq.common.message.MessageQueue mq : producer.fetchPublishMessageQueues(topic)) {
            total += producer.maxOffset(mq);
        }
        return total;
    }

    static void fill(DefaultMQProducer producer, String topic, long count) throws Exception {
        Semaphore inFlight = new Semaphore(2000);
        byte[] body = new byte[BODY];
        for (long i = 0; i < count; i++) {
            inFlight.acquire();
            producer.send(new Message(topic, body), new SendCallback() {
                @Override
                public void onSuccess(SendResult sendResult) {
                    inFlight.release();
                }

                @Override
                public void onException(Throwable e) {
                    inFlight.release();
                }
            }, 30_000);
        }
        inFlight.acquire(2000);
    }

    static double consume(String namesrv, String topic, String which, long expected) throws Exception {
        AtomicLong got = new AtomicLong();
        DefaultMQPushConsumer c = new DefaultMQPushConsumer("BENCH_CG_" + which);
        c.setNamesrvAddr(namesrv);
        c.setInstanceName("bench-c-" + which);
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setPullBatchSize(32);
        c.setConsumeMessageBatchMaxSize(32);
        c.subscribe(topic, "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            got.addAndGet(msgs.size());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        long begin = System.nanoTime();
        c.start();
        long deadline = System.currentTimeMillis() + 600_000;
        while (got.get() < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        c.shutdown();
        System.out.printf("%s: consumed %d of %d in %.1f s%n", which, got.get(), expected, elapsed);
        return got.get() / elapsed;
    }

    static void print(List<Figures> r) {
        Figures p = r.get(0);
        Figures o = r.get(1);
        System.out.println();
        System.out.printf("%-28s %14s %14s %8s%n", "", "petrel", "official", "ratio");
        row("start-up ms (to boot line)", p.startupMs, o.startupMs);
        row("sync send msgs/s (4 thr)", p.syncTps, o.syncTps);
        row("sync send p50 us", p.p50Us, o.p50Us);
        row("sync send p99 us", p.p99Us, o.p99Us);
        row("async send msgs/s", p.asyncTps, o.asyncTps);
        row("consume backlog msgs/s", p.consumeTps, o.consumeTps);
        row("RSS after sends MiB", p.rssAfterSendMb, o.rssAfterSendMb);
        row("RSS after consume MiB", p.rssAfterConsumeMb, o.rssAfterConsumeMb);
    }

    private static void row(String what, double petrel, double official) {
        System.out.printf("%-28s %14.0f %14.0f %8.2f%n", what, petrel, official, petrel / official);
    }
}
