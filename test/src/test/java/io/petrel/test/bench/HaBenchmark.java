package io.petrel.test.bench;

import io.petrel.test.official.OfficialNamesrv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * SYNC_MASTER with one slave, Petrel against official 4.9.7, the same settings for both (child JVMs, ASYNC_FLUSH,
 * official NameServer and client), runs alternated: sync send of 1 KiB from 4 and 16 threads (msgs/s, p50, p99,
 * master CPU per message from /proc), and the slave's lag in bytes and milliseconds under a steady 1 KiB load.
 *
 * <p>Arguments: [repetitions seconds steadyRate] (defaults 3 15 5000).
 */
public final class HaBenchmark {
    private static final List<String> JVM = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC");

    record Figures(String name, double tps4, long p50x4, long p99x4, double cpuUs4, double tps16, long p50x16,
                   long p99x16, double cpuUs16, double lagBytes, double lagMs) {
    }

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        Path dir = Files.createTempDirectory("ha-bench");
        List<Figures> petrel = new ArrayList<>();
        List<Figures> official = new ArrayList<>();
        try (OfficialNamesrv ns = OfficialNamesrv.start(dir.resolve("namesrv"), List.of("-Xmx512m"))) {
            for (int r = 0; r < reps; r++) {
                petrel.add(run("petrel", dir.resolve("petrel-" + r), ns.address(), seconds, rate));
                official.add(run("official", dir.resolve("official-" + r), ns.address(), seconds, rate));
            }
        } finally {
            deleteQuietly(dir);
        }
        print(petrel, official);
    }

    /** A broker of the benchmark pair: the broker benchmark's settings with the HA role and a shared group name. */
    static BrokerBenchmark.BrokerProcess start(String which, Path home, String namesrv, boolean slave,
                                               String brokerName) throws Exception {
        List<String> flags = new ArrayList<>(JVM);
        // -Dha.bench.agent.<petrel|official>.<master|slave>=-agentpath:... profiles one of the four brokers
        String agent = System.getProperty("ha.bench.agent." + which + "." + (slave ? "slave" : "master"));
        if (agent != null) {
            flags.add(agent);
        }
        return BrokerBenchmark.start(which, home, namesrv, List.of("brokerName=" + brokerName,
            "brokerId=" + (slave ? 1 : 0), "brokerRole=" + (slave ? "SLAVE" : "SYNC_MASTER")), flags);
    }

    static Figures run(String which, Path dir, String namesrv, int seconds, int rate) throws Exception {
        String brokerName = "ha-" + which + "-" + System.nanoTime();
        try (BrokerBenchmark.BrokerProcess master = start(which, dir.resolve("master"), namesrv, false, brokerName);
             BrokerBenchmark.BrokerProcess slave = start(which, dir.resolve("slave"), namesrv, true, brokerName)) {
            String topic = "HA_BENCH_" + which.toUpperCase(Locale.ROOT);
            DefaultMQProducer producer = new DefaultMQProducer("HA_BENCH_PG_" + which);
            producer.setNamesrvAddr(namesrv);
            producer.setInstanceName("ha-bench-" + which + System.nanoTime());
            producer.setSendMsgTimeout(10_000);
            producer.start();
            DefaultMQAdminExt admin = new DefaultMQAdminExt();
            admin.setNamesrvAddr(namesrv);
            admin.setInstanceName("ha-bench-admin-" + System.nanoTime());
            admin.start();
            try {
                awaitReplicatedSend(producer, topic);
                sync(producer, topic, 16, 10, master); // warm-up (JIT)
                double[] s4 = sync(producer, topic, 4, seconds, master);
                double[] s16 = sync(producer, topic, 16, seconds, master);
                double[] lag = lag(producer, admin, topic, master, slave, seconds, rate);
                Figures f = new Figures(which, s4[0], (long) s4[1], (long) s4[2], s4[3], s16[0], (long) s16[1],
                    (long) s16[2], s16[3], lag[0], lag[1]);
                System.out.println(f);
                return f;
            } finally {
                admin.shutdown();
                producer.shutdown();
            }
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Until a send is acknowledged by the slave too (SEND_OK rather than SLAVE_NOT_AVAILABLE). */
    static void awaitReplicatedSend(DefaultMQProducer producer, String topic) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            try {
                if (producer.send(new Message(topic, new byte[SendLoops.BODY])).getSendStatus() == SendStatus.SEND_OK) {
                    return;
                }
            } catch (Exception e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("no replicated send", e);
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the slave never acknowledged");
            }
            Thread.sleep(200); // waiting for the slave's first report
        }
    }

    /** @return {msgs/s, p50 us, p99 us, master CPU us per message}; any send not SEND_OK fails the run */
    static double[] sync(DefaultMQProducer producer, String topic, int threads, int seconds, BrokerBenchmark.BrokerProcess master)
        throws Exception {
        long cpuBefore = ProcStats.cpuTicks(master.pid());
        AtomicLong notOk = new AtomicLong();
        long[] r = SendLoops.sync(body -> {
            if (producer.send(new Message(topic, body)).getSendStatus() != SendStatus.SEND_OK) {
                notOk.incrementAndGet();
            }
        }, threads, seconds);
        long cpuAfter = ProcStats.cpuTicks(master.pid());
        if (notOk.get() > 0) {
            throw new IllegalStateException(notOk.get() + " sends not SEND_OK");
        }
        double cpuUsPerMsg = (cpuAfter - cpuBefore) * ProcStats.MICROS_PER_TICK / r[0];
        return new double[] {r[0] / (double) seconds, r[1], r[2], cpuUsPerMsg};
    }

    /**
     * A steady asynchronous load of {@code rate} msgs/s; meanwhile, every 100 ms, the master's CommitLog end minus
     * the slave's (bytes), and the time until the slave reaches the master's end read just before (ms).
     *
     * @return {mean lag bytes, mean lag ms}
     */
    static double[] lag(DefaultMQProducer producer, DefaultMQAdminExt admin, String topic, BrokerBenchmark.BrokerProcess master, BrokerBenchmark.BrokerProcess slave,
                        int seconds, int rate) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Semaphore window = new Semaphore(1000);
        Thread load = new Thread(() -> {
            byte[] body = new byte[SendLoops.BODY];
            long interval = 1_000_000_000L / rate;
            long next = System.nanoTime();
            while (!stop.get()) {
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait); // pacing the steady load
                }
                try {
                    window.acquire();
                    producer.send(new Message(topic, body), new SendCallback() {
                        @Override
                        public void onSuccess(SendResult sendResult) {
                            window.release();
                        }

                        @Override
                        public void onException(Throwable e) {
                            window.release();
                        }
                    }, 10_000);
                } catch (Exception e) {
                    window.release();
                }
            }
        }, "steady-load");
        load.start();
        List<Long> bytes = new ArrayList<>();
        List<Long> micros = new ArrayList<>();
        long end = System.currentTimeMillis() + seconds * 1000L;
        Thread.sleep(2000); // let the load settle
        while (System.currentTimeMillis() < end) {
            long m = maxOffset(admin, master);
            long t0 = System.nanoTime();
            long s = maxOffset(admin, slave);
            bytes.add(Math.max(0, m - s));
            while (s < m) {
                s = maxOffset(admin, slave);
            }
            micros.add((System.nanoTime() - t0) / 1000);
            Thread.sleep(100);
        }
        stop.set(true);
        load.join();
        window.acquire(1000);
        return new double[] {bytes.stream().mapToLong(Long::longValue).average().orElse(0),
            micros.stream().mapToLong(Long::longValue).average().orElse(0) / 1000.0};
    }

    static long maxOffset(DefaultMQAdminExt admin, BrokerBenchmark.BrokerProcess node) throws Exception {
        return Long.parseLong(admin.fetchBrokerRuntimeStats(node.address()).getTable().get("commitLogMaxOffset"));
    }

    /** utime + stime of a process, in clock ticks (10 ms). */
    static void deleteQuietly(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    static void print(List<Figures> p, List<Figures> o) {
        System.out.println();
        System.out.printf("%-30s %22s %22s %7s%n", "median (min..max) of " + p.size(), "petrel", "official", "ratio");
        row("sync 4 thr msgs/s", p, o, Figures::tps4);
        row("sync 4 thr p50 us", p, o, f -> f.p50x4);
        row("sync 4 thr p99 us", p, o, f -> f.p99x4);
        row("sync 4 thr master CPU us/msg", p, o, Figures::cpuUs4);
        row("sync 16 thr msgs/s", p, o, Figures::tps16);
        row("sync 16 thr p50 us", p, o, f -> f.p50x16);
        row("sync 16 thr p99 us", p, o, f -> f.p99x16);
        row("sync 16 thr master CPU us/msg", p, o, Figures::cpuUs16);
        row("slave lag bytes (steady)", p, o, Figures::lagBytes);
        row("slave lag ms (steady)", p, o, Figures::lagMs);
    }

    private static void row(String what, List<Figures> p, List<Figures> o,
                            java.util.function.ToDoubleFunction<Figures> f) {
        double[] a = p.stream().mapToDouble(f).sorted().toArray();
        double[] b = o.stream().mapToDouble(f).sorted().toArray();
        double ma = a[a.length / 2];
        double mb = b[b.length / 2];
        System.out.printf("%-30s %22s %22s %7.2f%n", what, cell(ma, a), cell(mb, b), ma / mb);
    }

    private static String cell(double median, double[] all) {
        return String.format("%.1f (%.1f..%.1f)", median, Arrays.stream(all).min().orElse(0),
            Arrays.stream(all).max().orElse(0));
    }
}
