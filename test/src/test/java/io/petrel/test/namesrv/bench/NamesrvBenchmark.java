package io.petrel.test.namesrv.bench;

import io.petrel.test.namesrv.PetrelNamesrvProcess;
import io.petrel.test.official.OfficialNamesrv;
import io.petrel.test.official.OfficialRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/**
 * Petrel NameServer against the official 4.9.7 NameServer, in one run: both run at the same time, each in a child
 * JVM with the same flags, and are measured in alternating rounds so that machine noise hits both alike.
 * <ol>
 *   <li>GET_ROUTEINFO_BY_TOPIC requests/s with {@code --topics} topics registered and {@code --threads}
 *       synchronous callers (request version 407), once with the official 4.9.7 remoting client and once with
 *       Petrel's (the same client against both servers); the median of {@code --rounds} rounds is reported;</li>
 *   <li>REGISTER_BROKER latency with {@code --register-topics} topics in the body (plain JSON, a new data version
 *       each round, so every round is applied in full), through the official client.</li>
 * </ol>
 * Not part of the test run. From a built checkout ({@code mvn -B -o -q -pl test -am test-compile}):
 * <pre>
 * mvn -B -o -q -pl test dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * CP="test/target/test-classes:namesrv/target/classes:remoting/target/classes:common/target/classes"
 * CP="$CP:$(tr ':' '\n' &lt; test/target/bench.classpath | grep -v /io/petrel/ | paste -sd: -)"
 * java -Xmx512m -cp "$CP" io.petrel.test.namesrv.bench.NamesrvBenchmark
 * </pre>
 * Options: {@code --topics=1000 --threads=8 --warmup=5 --seconds=8 --rounds=3 --register-topics=10000
 * --register-warmup=20 --register-rounds=20 --heap-mb=512}. The machine should be otherwise idle: client and
 * servers share its cores, so other load shows up as noise in both columns.
 */
public final class NamesrvBenchmark {
    private final Map<String, String> opts;

    private NamesrvBenchmark(Map<String, String> opts) {
        this.opts = opts;
    }

    private int opt(String name, int fallback) {
        return Integer.parseInt(opts.getOrDefault(name, Integer.toString(fallback)));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            opts.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        new NamesrvBenchmark(opts).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("petrel-namesrv-bench");
        List<String> flags = List.of("-Xms" + opt("heap-mb", 512) + "m", "-Xmx" + opt("heap-mb", 512) + "m",
            "-XX:+UseG1GC");
        try (OfficialNamesrv official = OfficialNamesrv.start(dir.resolve("official"), flags);
             PetrelNamesrvProcess petrel = PetrelNamesrvProcess.start(dir.resolve("petrel"), flags)) {
            String[] addrs = {official.address(), petrel.address()};
            // The registering connection stays open: closing it would make both servers drop the broker.
            NettyRemotingClient registrar = new NettyRemotingClient(new NettyClientConfig());
            registrar.start();
            try {
                measureAll(addrs, registerRouteTopics(registrar, addrs));
            } finally {
                registrar.shutdown();
            }
        }
    }

    private void measureAll(String[] addrs, List<String> topics) throws Exception {
        System.out.printf("%d topics, %d threads, %d rounds of %d s%n", topics.size(), opt("threads", 8),
            opt("rounds", 3), opt("seconds", 8));
        double[] viaOfficial = routeRounds(RouteCaller::official, addrs, topics);
        double[] viaPetrel = routeRounds(RouteCaller::petrel, addrs, topics);
        double[][] register = {registerRuns(addrs[0]), registerRuns(addrs[1])};
        report(viaOfficial, viaPetrel, register);
    }

    private void report(double[] viaOfficial, double[] viaPetrel, double[][] register) {
        System.out.printf("%nGET_ROUTEINFO_BY_TOPIC requests/s (median of rounds)%n");
        System.out.printf("%-26s %14s %14s %8s%n", "client", "official 4.9.7", "Petrel", "ratio");
        System.out.printf("%-26s %14.0f %14.0f %7.2fx%n", "official 4.9.7 client", viaOfficial[0], viaOfficial[1],
            viaOfficial[1] / viaOfficial[0]);
        System.out.printf("%-26s %14.0f %14.0f %7.2fx%n", "Petrel client", viaPetrel[0], viaPetrel[1],
            viaPetrel[1] / viaPetrel[0]);
        System.out.printf("%nREGISTER_BROKER with %d topics, ms (mean / p50 / max)%n", opt("register-topics", 10_000));
        System.out.printf("%-26s %8.2f / %8.2f / %8.2f%n", "official 4.9.7", register[0][0], register[0][1],
            register[0][2]);
        System.out.printf("%-26s %8.2f / %8.2f / %8.2f%n", "Petrel", register[1][0], register[1][1], register[1][2]);
    }

    private List<String> registerRouteTopics(NettyRemotingClient client, String[] addrs) throws Exception {
        List<String> topics = new ArrayList<>();
        Map<String, Integer> table = new LinkedHashMap<>();
        for (int i = 0; i < opt("topics", 1000); i++) {
            topics.add("BENCH_TOPIC_" + i);
            table.put("BENCH_TOPIC_" + i, 8);
        }
        for (String addr : addrs) {
            RemotingCommand r = client.invokeSync(addr, OfficialRequests.registerBroker("BenchCluster",
                "bench-broker", "127.0.0.1:10911", 0, "127.0.0.1:10912", table, 1, false), 10_000);
            if (r.getCode() != ResponseCode.SUCCESS) {
                throw new IllegalStateException(addr + ": registration failed: " + r);
            }
        }
        return topics;
    }

    /** @return median requests/s for {official, Petrel} server, measured in alternating rounds */
    private double[] routeRounds(Supplier<RouteCaller> callers, String[] addrs, List<String> topics)
        throws Exception {
        int rounds = opt("rounds", 3);
        double[][] qps = new double[2][rounds];
        try (RouteCaller caller = callers.get()) {
            for (String addr : addrs) {
                routeRun(caller, addr, topics, opt("warmup", 5));
            }
            for (int r = 0; r < rounds; r++) {
                for (int s = 0; s < 2; s++) {
                    long[] counts = routeRun(caller, addrs[s], topics, opt("seconds", 8));
                    qps[s][r] = counts[0] / (double) opt("seconds", 8);
                    System.out.printf("  round %d %-8s %10.0f req/s (%d errors)%n", r, s == 0 ? "official" : "Petrel",
                        qps[s][r], counts[1]);
                }
            }
        }
        return new double[] {median(qps[0]), median(qps[1])};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** @return {successful requests, errors} during {@code seconds} */
    private long[] routeRun(RouteCaller caller, String addr, List<String> topics, int seconds)
        throws InterruptedException {
        int threads = opt("threads", 8);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int offset = t * 131;
            Thread th = new Thread(() -> {
                int i = offset;
                while (System.nanoTime() < deadline) {
                    try {
                        if (caller.route(addr, topics.get(i++ % topics.size()))) {
                            ok.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                done.countDown();
            }, "route-caller-" + t);
            th.start();
        }
        done.await();
        return new long[] {ok.get(), errors.get()};
    }

    /** @return {mean, p50, max} milliseconds of a REGISTER_BROKER with the big table */
    private double[] registerRuns(String addr) throws Exception {
        int warmup = opt("register-warmup", 20);
        int rounds = opt("register-rounds", 20);
        Map<String, Integer> table = new LinkedHashMap<>();
        for (int i = 0; i < opt("register-topics", 10_000); i++) {
            table.put("BIG_TOPIC_" + i, 4);
        }
        List<RemotingCommand> requests = new ArrayList<>();
        for (int r = 0; r < warmup + rounds; r++) {
            requests.add(OfficialRequests.registerBroker("BenchCluster", "bench-big", "127.0.0.1:20911", 0,
                "127.0.0.1:20912", table, r + 1, false));
        }
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
        double[] ms = new double[rounds];
        try {
            for (int r = 0; r < warmup + rounds; r++) {
                long start = System.nanoTime();
                RemotingCommand resp = client.invokeSync(addr, requests.get(r), 30_000);
                long took = System.nanoTime() - start;
                if (resp.getCode() != ResponseCode.SUCCESS) {
                    throw new IllegalStateException("registration failed: " + resp);
                }
                if (r >= warmup) {
                    ms[r - warmup] = took / 1e6;
                }
            }
        } finally {
            client.shutdown();
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new double[] {Arrays.stream(ms).average().orElse(0), sorted[sorted.length / 2],
            sorted[sorted.length - 1]};
    }
}
