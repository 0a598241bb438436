package io.petrel.tools.bench;

import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The reporting side of a benchmark run: a line every 10 s with the interval's figures, and one summary line when
 * the run ends, whether it ran out of messages ({@link #finish}) or the process is stopped (the shutdown hook calls
 * {@link #finish} too, after {@code onStop}). The summary is printed once.
 */
final class BenchRun {
    static final long REPORT_INTERVAL_SECONDS = 10;

    private final BenchStats stats;
    private final String what;
    private final PrintStream out;
    private final LongSupplier nanoClock;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mqbench-report");
        t.setDaemon(true);
        return t;
    });
    private volatile String intervalSuffix = "";
    private volatile LongSupplier extra;
    private volatile boolean running = true;

    BenchRun(BenchStats stats, String what, PrintStream out, LongSupplier nanoClock) {
        this.stats = stats;
        this.what = what;
        this.out = out;
        this.nanoClock = nanoClock;
    }

    /** Appends {@code label: value} to every line (e.g. the transaction checks seen so far). */
    BenchRun withCounter(String label, LongSupplier counter) {
        this.intervalSuffix = " " + label + ": ";
        this.extra = counter;
        return this;
    }

    /** Starts the 10 s report and installs the shutdown hook that runs {@code onStop} and prints the summary. */
    void start(Runnable onStop) {
        reporter.scheduleAtFixedRate(() -> out.println(
                stats.interval(nanoClock.getAsLong()).line("Current Time: " + System.currentTimeMillis(), what, false)
                    + suffix()),
            REPORT_INTERVAL_SECONDS, REPORT_INTERVAL_SECONDS, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished.get()) {
                onStop.run();
                finish();
            }
        }, "mqbench-stop"));
    }

    /** Stops the report and prints the summary line (once). */
    void finish() {
        if (finished.compareAndSet(false, true)) {
            reporter.shutdownNow();
            out.println(stats.total(nanoClock.getAsLong()).line("[Complete]", what, true) + suffix());
            out.flush();
        }
    }

    /** False once the process is being stopped; sending loops check it before each send. */
    boolean running() {
        return running;
    }

    /**
     * Starts the report and runs {@code loop} on {@code threads} threads until every one returns. When the process
     * is stopped, {@link #running()} turns false, the loops get up to 5 s to finish the send in hand, then
     * {@code closeClient} runs and the summary is printed.
     *
     * @return whether the loops ended by themselves (the summary is then the caller's to print)
     */
    boolean runSenders(int threads, Runnable loop, Runnable closeClient) throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        start(() -> {
            running = false;
            try {
                senders.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeClient.run();
        });
        for (int i = 0; i < threads; i++) {
            senders.execute(loop);
        }
        senders.shutdown();
        return senders.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS) && running;
    }

    private String suffix() {
        LongSupplier counter = extra;
        return counter == null ? "" : intervalSuffix + counter.getAsLong();
    }
}
