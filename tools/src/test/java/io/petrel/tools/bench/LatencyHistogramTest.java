package io.petrel.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void emptyHistogramReportsZero() {
        LatencyHistogram h = new LatencyHistogram();
        assertEquals(0, h.count());
        assertEquals(0, h.percentileMicros(0.99));
        assertEquals(0, h.maxMicros());
    }

    @Test
    void smallValuesAreExact() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 50; v++) {
            h.record(v);
        }
        assertEquals(25, h.percentileMicros(0.5));
        assertEquals(50, h.percentileMicros(0.99));
        assertEquals(50, h.percentileMicros(1.0));
        assertEquals(50, h.maxMicros());
    }

    @Test
    void percentilesOfOneToTenThousand() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 10_000; v++) {
            h.record(v);
        }
        assertWithin(5_000, h.percentileMicros(0.5));
        assertWithin(9_900, h.percentileMicros(0.99));
        assertWithin(9_990, h.percentileMicros(0.999));
        assertEquals(10_000, h.percentileMicros(1.0));
        assertEquals(10_000, h.count());
    }

    @Test
    void aSingleOutlierIsTheMaximumAndOnlyMovesTheTopPercentile() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < 999; i++) {
            h.record(200);
        }
        h.record(3_000_000);
        assertWithin(200, h.percentileMicros(0.5));
        assertWithin(200, h.percentileMicros(0.99));
        assertWithin(200, h.percentileMicros(0.999));
        assertEquals(3_000_000, h.maxMicros());
        assertEquals(3_000_000, h.percentileMicros(1.0));
    }

    @Test
    void randomValuesAgreeWithSortedPercentilesWithinTheBucketError() {
        long seed = 20261202L;
        Random random = new Random(seed);
        long[] values = new long[20_000];
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) Math.exp(random.nextDouble() * 16); // 1 µs .. ~9 s, log-uniform
            h.record(values[i]);
        }
        Arrays.sort(values);
        for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
            long exact = values[(int) Math.ceil(q * values.length) - 1];
            long reported = h.percentileMicros(q);
            assertTrue(reported >= exact && reported <= exact + exact / 64 + 1,
                "seed " + seed + " q " + q + ": exact " + exact + ", reported " + reported);
        }
    }

    @Test
    void negativeLatencyCountsAsZeroAndHugeOnesFit() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(-5);
        h.record(Long.MAX_VALUE);
        assertEquals(0, h.percentileMicros(0.5));
        assertEquals(Long.MAX_VALUE, h.percentileMicros(1.0));
    }

    @Test
    void bucketBoundsCoverEveryValueOnce() {
        for (long v : new long[] {0, 1, 63, 64, 65, 127, 128, 129, 1000, 123_456_789L, Long.MAX_VALUE}) {
            int b = LatencyHistogram.bucketOf(v);
            assertTrue(LatencyHistogram.upperBound(b) >= v, "value " + v);
            assertTrue(b == 0 || LatencyHistogram.upperBound(b - 1) < v, "value " + v);
        }
    }

    @Test
    void quantileOutsideRangeIsRefused() {
        LatencyHistogram h = new LatencyHistogram();
        assertThrows(IllegalArgumentException.class, () -> h.percentileMicros(0));
        assertThrows(IllegalArgumentException.class, () -> h.percentileMicros(1.5));
    }

    private static void assertWithin(long expected, long actual) {
        assertTrue(actual >= expected && actual <= expected + expected / 64 + 1,
            "expected " + expected + " (+1/64), got " + actual);
    }
}
