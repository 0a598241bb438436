package io.petrel.test.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CrashRounds} a hundred times per flush mode ({@code -Dpetrel.crashRounds} to change it); only with
 * {@code -Psoak}.
 */
@Tag("soak")
class CrashSoakTest {
    private static final int ROUNDS = Integer.getInteger("petrel.crashRounds", 100);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"SYNC_FLUSH", "ASYNC_FLUSH"})
    void everyAcknowledgedMessageSurvivesAHundredKills(String flushDiskType) throws Exception {
        long seed = Long.getLong("petrel.crashSeed", System.nanoTime());
        System.out.printf("crash soak %s, seed %d%n", flushDiskType, seed);
        CrashRounds.Figures f = CrashRounds.run(dir, flushDiskType, ROUNDS, seed);
        System.out.printf("crash soak %s: %d rounds, %d acknowledged, %d messages checked (seed %d)%n",
            flushDiskType, f.rounds(), f.acknowledged(), f.messagesChecked(), seed);
        assertTrue(f.acknowledged() >= ROUNDS * 20L, "every round acknowledged traffic before its kill");
    }
}
