package io.petrel.tools.bench;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a benchmark measured: latencies of successful operations, failed operations, and (for producers) responses
 * that came back with an error. {@link #interval} reports what happened since the previous call and is meant for
 * one reporting thread; {@link #total} reports everything since {@code startNanos}. Recording is thread-safe. A
 * latency recorded while the interval histogram is being swapped may miss that interval's report; it is always in
 * the total.
 */
public final class BenchStats {
    private final AtomicReference<LatencyHistogram> current = new AtomicReference<>(new LatencyHistogram());
    private final LatencyHistogram total = new LatencyHistogram();
    private final LongAdder failures = new LongAdder();
    private final LongAdder responseFailures = new LongAdder();
    private final long startNanos;
    private long intervalStartNanos;
    private long failuresReported;
    private long responseFailuresReported;

    public BenchStats(long startNanos) {
        this.startNanos = startNanos;
        this.intervalStartNanos = startNanos;
    }

    public void success(long latencyMicros) {
        current.get().record(latencyMicros);
        total.record(latencyMicros);
    }

    /** The operation did not reach the server or got no answer. */
    public void failure() {
        failures.increment();
    }

    /** The server answered with an error. */
    public void responseFailure() {
        responseFailures.increment();
    }

    public long successes() {
        return total.count();
    }

    /** Everything since the previous call (or the start), and starts a new interval. */
    public Report interval(long nowNanos) {
        LatencyHistogram h = current.getAndSet(new LatencyHistogram());
        long f = failures.sum();
        long rf = responseFailures.sum();
        Report r = Report.of(h, nowNanos - intervalStartNanos, f - failuresReported, rf - responseFailuresReported);
        intervalStartNanos = nowNanos;
        failuresReported = f;
        responseFailuresReported = rf;
        return r;
    }

    public Report total(long nowNanos) {
        return Report.of(total, nowNanos - startNanos, failures.sum(), responseFailures.sum());
    }

    /** One report; latencies in microseconds. */
    public record Report(long count, long elapsedNanos, long p50Micros, long p99Micros, long p999Micros,
                         long maxMicros, long failures, long responseFailures) {

        static Report of(LatencyHistogram h, long elapsedNanos, long failures, long responseFailures) {
            return new Report(h.count(), elapsedNanos, h.percentileMicros(0.5), h.percentileMicros(0.99),
                h.percentileMicros(0.999), h.maxMicros(), failures, responseFailures);
        }

        /** Successful operations per second over the report's time span. */
        public long tps() {
            return elapsedNanos <= 0 ? 0 : Math.round(count * 1e9 / elapsedNanos);
        }

        /**
         * One line: {@code prefix}, the count ({@code total}) or not, TPS, the latency percentiles in
         * milliseconds, and the failure counts.
         */
        public String line(String prefix, String what, boolean withCount) {
            String counted = withCount ? String.format(Locale.ROOT, "%s Total: %d ", what, count) : "";
            return String.format(Locale.ROOT,
                "%s %s%s TPS: %d RT(ms) p50: %.3f p99: %.3f p999: %.3f max: %.3f %s Failed: %d Response Failed: %d",
                prefix, counted, what, tps(), ms(p50Micros), ms(p99Micros), ms(p999Micros), ms(maxMicros), what,
                failures, responseFailures);
        }

        private static double ms(long micros) {
            return micros / 1000.0;
        }
    }
}
