package io.petrel.test.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A few kill -9 rounds of {@link CrashRounds} in the default run; {@code CrashSoakTest} runs a hundred. */
@Timeout(300)
class CrashRoundsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"SYNC_FLUSH", "ASYNC_FLUSH"})
    void everyAcknowledgedMessageSurvivesKillRounds(String flushDiskType) throws Exception {
        CrashRounds.Figures f = CrashRounds.run(dir, flushDiskType, 2, flushDiskType.hashCode());
        System.out.printf("%s: %d rounds, %d acknowledged, %d messages checked%n", flushDiskType, f.rounds(),
            f.acknowledged(), f.messagesChecked());
        assertTrue(f.acknowledged() >= 2 * 20, "every round acknowledged traffic before its kill");
    }
}
