package io.petrel.test.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs {@link BrokerSuite} in the {@code bench} profile ({@code mvn -B -ntp -Pbench -pl test -am verify}, settings
 * as {@code -Dbench.*} properties), prints its table and writes it to {@code test/target/broker-suite.md}. The run
 * fails if any send or consume failed or a figure lacks a value of a round.
 */
@Tag("bench")
class BrokerSuiteBenchTest {
    @Test
    @Timeout(4 * 60 * 60)
    void petrelAndOfficialSideBySide() throws Exception {
        BrokerSuite suite = new BrokerSuite(BrokerSuite.Settings.fromSystemProperties());
        suite.run();
        String report = suite.report();
        System.out.println(report);
        Files.writeString(Path.of("target", "broker-suite.md"), report);
        List<String> missing = new ArrayList<>();
        int rounds = BrokerSuite.Settings.fromSystemProperties().rounds();
        for (BrokerSuite.Figure f : suite.figures().values()) {
            for (String kind : BrokerSuite.KINDS) {
                int n = f.values.getOrDefault(kind, List.of()).size();
                if (n != rounds) {
                    missing.add(f.name + " " + kind + ": " + n + " of " + rounds);
                }
            }
        }
        assertEquals(List.of(), suite.problems(), "failures during the run");
        assertEquals(List.of(), missing, "figures without a value for every round");
    }
}
