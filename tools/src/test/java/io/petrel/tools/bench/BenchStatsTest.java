package io.petrel.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BenchStatsTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void intervalCoversOnlyWhatHappenedSinceTheLastReport() {
        BenchStats stats = new BenchStats(0);
        for (int i = 0; i < 100; i++) {
            stats.success(1_000);
        }
        stats.failure();
        BenchStats.Report first = stats.interval(10 * SECOND);
        assertEquals(100, first.count());
        assertEquals(10, first.tps());
        assertEquals(1, first.failures());
        assertEquals(1_000, first.p99Micros());

        for (int i = 0; i < 50; i++) {
            stats.success(4_000);
        }
        stats.responseFailure();
        stats.responseFailure();
        BenchStats.Report second = stats.interval(15 * SECOND);
        assertEquals(50, second.count());
        assertEquals(10, second.tps());
        assertEquals(0, second.failures());
        assertEquals(2, second.responseFailures());
        assertEquals(4_000, second.p50Micros());
        assertEquals(4_000, second.maxMicros());
    }

    @Test
    void totalCoversTheWholeRun() {
        BenchStats stats = new BenchStats(SECOND);
        for (int i = 0; i < 30; i++) {
            stats.success(i < 29 ? 500 : 90_000);
        }
        stats.interval(2 * SECOND);
        stats.failure();
        BenchStats.Report total = stats.total(4 * SECOND);
        assertEquals(30, total.count());
        assertEquals(10, total.tps());
        // 500 µs lies in the bucket 500..503 (buckets are 1/64 of their power of two wide)
        assertEquals(503, total.p50Micros());
        assertEquals(90_000, total.maxMicros());
        assertEquals(1, total.failures());
        assertEquals(30, stats.successes());
    }

    @Test
    void linesNameTheFiguresInMilliseconds() {
        BenchStats.Report r = new BenchStats.Report(20, 2 * SECOND, 1_500, 2_000, 2_500, 3_250, 1, 2);
        assertEquals("Current Time: 7 Send TPS: 10 RT(ms) p50: 1.500 p99: 2.000 p999: 2.500 max: 3.250"
            + " Send Failed: 1 Response Failed: 2", r.line("Current Time: 7", "Send", false));
        assertEquals("[Complete] Send Total: 20 Send TPS: 10 RT(ms) p50: 1.500 p99: 2.000 p999: 2.500 max: 3.250"
            + " Send Failed: 1 Response Failed: 2", r.line("[Complete]", "Send", true));
    }

    @Test
    void anEmptySpanHasNoRate() {
        assertEquals(0, new BenchStats(5).interval(5).tps());
    }
}
