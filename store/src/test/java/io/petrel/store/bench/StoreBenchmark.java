package io.petrel.store.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Petrel's store against the official RocketMQ 4.9.7 DefaultMessageStore, same config, same JVM
 * flags. Run with the {@code bench} profile (through {@link StoreBenchmarkRun}):
 * <pre>
 *   mvn -B -o -pl store -am -Pbench test -Dbench.args="append get recovery"
 * </pre>
 * Arguments: {@code append} (1 KiB appends/s, 1 and 4 writers, ASYNC and SYNC flush),
 * {@code get} (getMessage rate over what was written), {@code recovery} (time from load() to a
 * store serving, after kill -9 of a child that wrote {@code -Dbench.recoveryMiB} MiB, default 2048),
 * {@code jmh} (JMH microbenchmarks in {@link StoreJmh}: record encode/decode, append, 32-message read).
 * Optional: {@code -Dbench.seconds} per append case (default 5), {@code -Dbench.dir} scratch dir,
 * {@code -Dbench.flush=ASYNC} or {@code SYNC} to run one flush mode, {@code -Dbench.impls=petrel} for one store.
 */
public final class StoreBenchmark {
    private static final Map<String, BenchStore.Factory> IMPLS = Map.of(
        "petrel", PetrelBenchStore::open, "official", OfficialBenchStore::open);
    private static final int FILE_SIZE = 256 * 1024 * 1024;
    private static final int QUEUES = 8;

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run(args);
        System.exit(0);
    }

    /** Runs the requested cases; returns every measured rate (messages per second). */
    static List<Double> run(String[] args) throws Exception {
        List<Double> rates = new ArrayList<>();
        Path base = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir"))).resolve("petrel-bench");
        List<String> what = args.length == 0 ? List.of("append", "get") : List.of(String.join(" ", args).trim().split("\\s+"));
        int seconds = Integer.getInteger("bench.seconds", 5);
        if ((what.contains("append") || what.contains("get")) && System.getProperty("bench.child") == null) {
            for (String impl : List.of(System.getProperty("bench.impls", "official petrel").split(" "))) {
                rates.addAll(runInChild(impl, what, seconds));
            }
        } else if (what.contains("append") || what.contains("get")) {
            String flush = System.getProperty("bench.flush", "ASYNC SYNC");
            for (boolean sync : new boolean[] {false, true}) {
                if (!flush.contains(sync ? "SYNC" : "ASYNC") || sync && !flush.replace("ASYNC", "").contains("SYNC")) {
                    continue;
                }
                for (int writers : new int[] {1, 4}) {
                    for (String impl : List.of(System.getProperty("bench.impls", "official petrel").split(" "))) {
                        rates.addAll(runAppend(base, impl, sync, writers, seconds, what.contains("get") && !sync && writers == 4));
                    }
                }
            }
        }
        if (what.contains("jmh")) {
            rates.addAll(runJmh());
        }
        if (what.contains("recovery")) {
            long mib = Long.getLong("bench.recoveryMiB", 2048);
            for (String impl : List.of("official", "petrel")) {
                rates.add(RecoveryBenchmark.run(base.resolve("recovery-" + impl), impl, mib));
            }
        }
        return rates;
    }

    private static List<Double> runAppend(Path base, String impl, boolean sync, int writers, int seconds, boolean thenGet)
        throws Exception {
        List<Double> rates = new ArrayList<>();
        Path dir = base.resolve(impl + "-" + (sync ? "sync" : "async") + "-" + writers);
        deleteTree(dir);
        LongAdder done = new LongAdder();
        try (BenchStore store = IMPLS.get(impl).open(dir, sync, FILE_SIZE)) {
            timedWriters(store, writers, 1, done);
            done.reset();
            long start = System.nanoTime();
            timedWriters(store, writers, seconds, done);
            double secs = (System.nanoTime() - start) / 1e9;
            rates.add(done.sum() / secs);
            System.out.printf("append %-8s %-5s writers=%d  %,10.0f msg/s  (%,d msgs)%n", impl, sync ? "SYNC" : "ASYNC",
                writers, done.sum() / secs, done.sum());
            if (thenGet) {
                while (store.dispatchBehind() > 0) {
                    TimeUnit.MILLISECONDS.sleep(10);
                }
                rates.add(runGet(store, impl));
            }
        } finally {
            deleteTree(dir);
        }
        return rates;
    }

    private static void timedWriters(BenchStore store, int writers, int seconds, LongAdder done) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int id = w;
            Thread t = new Thread(() -> {
                byte[] body = new byte[1024];
                new Random(id).nextBytes(body);
                long seq = id * 1_000_000_000L;
                while (!stop.get()) {
                    if (!store.put((int) (seq % QUEUES), body, seq++)) {
                        throw new IllegalStateException("put failed");
                    }
                    done.increment();
                }
            });
            threads.add(t);
            t.start();
        }
        TimeUnit.SECONDS.sleep(seconds);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
    }

    private static double runGet(BenchStore store, String impl) {
        long[] next = new long[1];
        long count = 0;
        long start = System.nanoTime();
        for (int round = 0; round < 3; round++) {
            for (int q = 0; q < QUEUES; q++) {
                long offset = 0;
                int n;
                while ((n = store.get(q, offset, next)) > 0) {
                    count += n;
                    offset = next[0];
                }
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("get    %-8s batches of 32        %,10.0f msg/s  (%,d msgs)%n", impl, count / secs, count);
        return count / secs;
    }

    /**
     * Each implementation gets its own JVM: the official store leaves threads and heap behind
     * after shutdown, which slowed whichever store ran second in a shared JVM.
     */
    private static List<Double> runInChild(String impl, List<String> what, int seconds) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g"));
        cmd.addAll(RecoveryBenchmark.opens());
        cmd.addAll(List.of("-Dbench.child=true", "-Dbench.impls=" + impl, "-Dbench.seconds=" + seconds,
            "-Dbench.flush=" + System.getProperty("bench.flush", "ASYNC SYNC"),
            "-Dbench.dir=" + System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")),
            "-cp", System.getProperty("java.class.path"), StoreBenchmark.class.getName()));
        for (String w : what) {
            if (w.equals("append") || w.equals("get")) {
                cmd.add(w);
            }
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<Double> rates = new ArrayList<>();
        try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
            java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("append") || line.startsWith("get")) {
                    System.out.println(line);
                    String rate = line.replaceAll(".*\\s([\\d,]+) msg/s.*", "$1").replace(",", "");
                    rates.add(Double.parseDouble(rate));
                }
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("benchmark child for " + impl + " failed");
        }
        return rates;
    }

    private static List<Double> runJmh() throws Exception {
        org.openjdk.jmh.runner.options.Options opts = new org.openjdk.jmh.runner.options.OptionsBuilder()
            .include(StoreJmh.class.getName()).forks(1).warmupIterations(2).warmupTime(
                org.openjdk.jmh.runner.options.TimeValue.seconds(1)).measurementIterations(3)
            .measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(2)).build();
        List<Double> scores = new ArrayList<>();
        for (org.openjdk.jmh.results.RunResult r : new org.openjdk.jmh.runner.Runner(opts).run()) {
            scores.add(r.getPrimaryResult().getScore());
        }
        return scores;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
