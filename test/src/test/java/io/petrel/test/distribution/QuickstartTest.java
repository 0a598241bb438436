package io.petrel.test.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bin/quickstart} of the checkout (built by the reactor), stopped with SIGINT and with SIGTERM, leaves no
 * process and no listening port behind and exits with 128 + the signal. Quickstart's ports are fixed (NameServer
 * 9876, broker 10911 with 10909 and 10912 beside it): when one is in use the test fails and names it, and stops
 * nothing it did not start.
 */
class QuickstartTest {
    private static final List<Integer> PORTS = List.of(9876, 10909, 10911, 10912);

    @TempDir
    Path home;

    private ScriptProcess quickstart;

    @BeforeEach
    void portsAreFree() {
        for (int port : PORTS) {
            assertFalse(DistributionTest.listening(port), "port " + port + " on 127.0.0.1 is in use; quickstart "
                + "needs it (stop whatever holds it and run the test again)");
        }
    }

    @AfterEach
    void stop() {
        if (quickstart != null) {
            quickstart.close();
        }
    }

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"INT, 130", "TERM, 143"})
    void stopsBothServersOnASignal(String signal, int exitCode) throws Exception {
        Path checkout = Path.of(System.getProperty("petrel.checkout.dir", "..")).toAbsolutePath().normalize();
        Path script = checkout.resolve("bin/quickstart");
        assertTrue(Files.isExecutable(script), script + " missing");
        // A shell started in the background of a non-interactive shell ignores SIGINT, and bash cannot trap a
        // signal ignored on entry; perl restores the default handling before it becomes quickstart.
        quickstart = ScriptProcess.start(home, "quickstart", List.of("perl", "-e",
            "$SIG{INT} = 'DEFAULT'; $SIG{TERM} = 'DEFAULT'; exec @ARGV or die \"exec: $!\"", script.toString()));
        quickstart.awaitOutput("Send a first message", Duration.ofSeconds(90));
        List<ProcessHandle> servers = quickstart.descendants().stream()
            .filter(h -> h.info().command().map(c -> c.endsWith("java")).orElse(false)).toList();
        assertEquals(2, servers.size(), "NameServer and broker JVMs expected: " + servers + "\n"
            + quickstart.output());

        Process kill = new ProcessBuilder("perl", "-e", "kill($ARGV[0], $ARGV[1]) or die \"kill: $!\"", signal,
            Long.toString(quickstart.pid())).start();
        assertEquals(0, kill.waitFor(), "kill -" + signal);

        assertEquals(exitCode, quickstart.waitFor(Duration.ofSeconds(60)), quickstart.output());
        for (ProcessHandle server : servers) {
            assertFalse(server.isAlive(), "still running after quickstart ended: " + server.pid());
        }
        for (int port : PORTS) {
            assertFalse(DistributionTest.listening(port), "port " + port + " still open");
        }
        assertTrue(quickstart.output().contains("quickstart: stopped"), quickstart.output());
        assertTrue(Files.isDirectory(home.resolve("store")), "the broker's store is not under ~/store");
        assertFalse(Files.exists(home.resolve("store/abort")), "the broker did not shut down cleanly");
    }
}
