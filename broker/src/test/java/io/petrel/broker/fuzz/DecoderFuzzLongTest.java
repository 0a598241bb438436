package io.petrel.broker.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link DecoderFuzz} case with {@code -Dpetrel.fuzz.inputs} inputs (default 2,000,000 each, 12,000,000 in
 * all) from {@code -Dpetrel.fuzz.seed} (default: the clock, printed); only with {@code -Pfuzz}.
 */
@Tag("fuzz")
class DecoderFuzzLongTest {
    private static final long INPUTS = Long.getLong("petrel.fuzz.inputs", 2_000_000);

    static java.util.List<DecoderFuzz.Case> cases() {
        return DecoderFuzz.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodersRefuseHostileBytesCleanly(DecoderFuzz.Case c) {
        long seed = Long.getLong("petrel.fuzz.seed", System.nanoTime());
        long started = System.nanoTime();
        FuzzRun.Result r = FuzzRun.run(c.name(), seed, INPUTS, c.seeds(), c.target(), c.clean());
        System.out.printf("%s (seed %d, %.1f s)%n", r, seed, (System.nanoTime() - started) / 1e9);
        assertTrue(r.failures().isEmpty(), r.toString());
    }
}
