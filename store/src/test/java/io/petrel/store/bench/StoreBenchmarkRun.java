package io.petrel.store.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Runs {@link StoreBenchmark} under the {@code bench} Maven profile; not part of the default test run. */
class StoreBenchmarkRun {
    @Test
    void benchmark() throws Exception {
        String args = System.getProperty("bench.args", "append get");
        for (double rate : StoreBenchmark.run(args.trim().split("\\s+"))) {
            assertTrue(rate > 0, "every case must have made progress");
        }
    }
}
