package io.petrel.test.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher's JVM options, as the benchmark suite reads them. */
class JvmTuningTest {
    @Test
    void theYoungGenerationIsAnEighthOfTheHeapAndAtLeast16MiB() {
        List<String> big = JvmTuning.forHeap(1024);
        assertTrue(big.contains("-XX:MaxNewSize=128m"), big.toString());
        assertTrue(big.contains("-XX:+UseG1GC"), big.toString());
        assertTrue(big.contains("-XX:PerfDataSamplingInterval=1000"), big.toString());
        assertTrue(big.stream().allMatch(o -> o.startsWith("-XX:")), big.toString());

        List<String> small = JvmTuning.forHeap(64);
        assertTrue(small.contains("-XX:MaxNewSize=16m"), small.toString());
        assertEquals(big.size(), small.size(), "the same options whatever the heap: " + big + " / " + small);
    }
}
