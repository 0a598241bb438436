package io.petrel.test.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.test.official.FreePorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installation {@code mvn package} builds ({@code distribution/target/petrel-<version>/}, found through the
 * {@code petrel.distribution.dir} property the test module's pom sets) runs with its own scripts: NameServer and
 * broker on free ports, a message sent and read back with mqadmin (sendMessage, queryMsgByUniqueKey,
 * consumeMessage), a short benchmark run, and mqshutdown stops both cleanly.
 */
class DistributionTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static Path dist;

    @TempDir
    Path home;

    private final List<ScriptProcess> started = new ArrayList<>();

    @BeforeAll
    static void findDistribution() {
        dist = Path.of(System.getProperty("petrel.distribution.dir", "../distribution/target/petrel-missing"))
            .toAbsolutePath().normalize();
        for (String part : List.of("bin/mqnamesrv", "bin/mqbroker", "bin/mqadmin", "bin/mqshutdown", "bin/mqbench",
            "bin/runserver.sh", "bin/jvm-tuning.sh", "benchmark/producer.sh", "benchmark/consumer.sh",
            "benchmark/tproducer.sh")) {
            assertTrue(Files.isExecutable(dist.resolve(part)), "not in the distribution, or not executable: "
                + dist.resolve(part) + " (build it with mvn -pl distribution -am package)");
        }
        for (String part : List.of("conf/broker.conf", "conf/namesrv.conf", "conf/2m-2s-sync/broker-a.properties",
            "conf/2m-2s-async/broker-a.properties", "conf/logback_broker.xml", "LICENSE", "README.md")) {
            assertTrue(Files.isRegularFile(dist.resolve(part)), "not in the distribution: " + dist.resolve(part));
        }
        try (var jars = Files.list(dist.resolve("lib"))) {
            List<String> names = jars.map(p -> p.getFileName().toString()).toList();
            for (String module : List.of("petrel-namesrv", "petrel-broker", "petrel-tools", "petrel-client")) {
                assertTrue(names.stream().anyMatch(n -> n.startsWith(module + "-")), module + " not in lib/");
            }
        } catch (IOException e) {
            throw new AssertionError("no lib/ in " + dist, e);
        }
    }

    @AfterEach
    void stopEverything() {
        started.forEach(ScriptProcess::close);
    }

    @Test
    void startsSendsReadsBackAndShutsDownWithItsOwnScripts() throws Exception {
        int namesrvPort = FreePorts.one();
        int brokerPort = FreePorts.brokerPort();
        String namesrv = "127.0.0.1:" + namesrvPort;
        Path nsConf = write("namesrv.conf", "listenPort=" + namesrvPort + "\nkvConfigPath=" + home.resolve("kv.json")
            + "\nconfigStorePath=" + home.resolve("namesrv.properties") + "\n");
        Path brokerConf = write("broker.conf", "brokerClusterName=DistCluster\nbrokerName=dist-a\nbrokerId=0\n"
            + "listenPort=" + brokerPort + "\nbrokerIP1=127.0.0.1\nnamesrvAddr=" + namesrv + "\n"
            + "storePathRootDir=" + home.resolve("store") + "\nautoCreateTopicEnable=true\n");

        ScriptProcess ns = started(ScriptProcess.start(home, "namesrv", List.of(script("bin/mqnamesrv"), "-c",
            nsConf.toString())));
        ns.awaitOutput("The Name Server boot success", START);
        ScriptProcess broker = started(ScriptProcess.start(home, "broker", List.of(script("bin/mqbroker"), "-c",
            brokerConf.toString())));
        broker.awaitOutput("boot success", START);

        String msgId = sendUntilRouted(namesrv, "DistTopic", "hello-from-the-distribution");
        // sendMessage prints the message's unique key; the broker indexes it right after the store
        AtomicReference<ScriptProcess.Result> found = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            found.set(tool("bin/mqadmin", "queryMsgByUniqueKey", "-n", namesrv, "-t", "DistTopic", "-i", msgId));
            return found.get().exitCode() == 0;
        });
        ScriptProcess.Result query = found.get();
        assertTrue(query.output().contains("DistTopic"), query.output());
        Path body = bodyPath(query.output());
        try {
            assertEquals("hello-from-the-distribution", Files.readString(body, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(body);
        }

        ScriptProcess.Result consumed = tool("bin/mqadmin", "consumeMessage", "-n", namesrv, "-t", "DistTopic");
        assertEquals(0, consumed.exitCode(), consumed.output());
        assertTrue(consumed.output().contains("Consume ok"), consumed.output());
        assertTrue(consumed.output().lines().anyMatch(l -> l.startsWith("MSGID: " + msgId + " ")
            && l.endsWith(" BODY: hello-from-the-distribution")), consumed.output());

        ScriptProcess.Result bench = tool("benchmark/producer.sh", "-n", namesrv, "-t", "DistTopic", "-w", "2",
            "-q", "200", "-s", "32");
        assertEquals(0, bench.exitCode(), bench.output());
        assertTrue(bench.output().contains("[Complete] Send Total: 200 "), bench.output());
        assertTrue(bench.output().contains("Send Failed: 0 Response Failed: 0"), bench.output());

        shutDown("broker", broker, brokerPort);
        assertFalse(Files.exists(home.resolve("store/abort")), "the broker did not shut down cleanly");

        // the first start wrote a class data sharing archive when it exited; the next start maps it
        List<String> written = cdsFiles();
        assertTrue(written.stream().anyMatch(n -> n.matches("broker-\\d+-\\d+\\.jsa\\." + broker.pid())),
            written.toString());
        ScriptProcess restarted = started(ScriptProcess.start(home, "broker-again", List.of(script("bin/mqbroker"),
            "-c", brokerConf.toString())));
        restarted.awaitOutput("boot success", START);
        String maps = Files.readString(Path.of("/proc", String.valueOf(restarted.pid()), "maps"));
        assertTrue(cdsFiles().stream().anyMatch(n -> n.matches("broker-\\d+-\\d+\\.jsa")
            && maps.contains(home.resolve("cds").resolve(n).toString())), cdsFiles() + " not mapped by the broker");
        assertFalse(restarted.output().contains("cds"), restarted.output());
        shutDown("broker", restarted, brokerPort);
        shutDown("namesrv", ns, namesrvPort);
        ScriptProcess.Result again = tool("bin/mqshutdown", "namesrv");
        assertEquals(1, again.exitCode(), again.output());
    }

    private String sendUntilRouted(String namesrv, String topic, String body) {
        AtomicReference<ScriptProcess.Result> last = new AtomicReference<>();
        // the topic is created on the first send; until the broker's registration reaches the NameServer a send
        // finds no route
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            last.set(tool("bin/mqadmin", "sendMessage", "-n", namesrv, "-t", topic, "-p", body));
            return last.get().exitCode() == 0 && last.get().output().contains("SEND_OK");
        });
        String[] lines = last.get().output().strip().split("\n");
        String[] fields = lines[lines.length - 1].trim().split("\\s+");
        assertEquals("SEND_OK", fields[2], last.get().output());
        return fields[3];
    }

    private static Path bodyPath(String queryOutput) {
        for (String line : queryOutput.split("\n")) {
            if (line.startsWith("Message Body Path:")) {
                return Path.of(line.substring("Message Body Path:".length()).trim());
            }
        }
        throw new AssertionError("no body path in:\n" + queryOutput);
    }

    private void shutDown(String kind, ScriptProcess server, int port) throws Exception {
        ScriptProcess.Result r = tool("bin/mqshutdown", kind);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains(kind + " stopped"), r.output());
        // SIGTERM: the JVM runs its shutdown hook and exits with 143
        assertEquals(143, server.waitFor(Duration.ofSeconds(30)), server.output());
        assertFalse(listening(port), kind + " port " + port + " still open");
    }

    private List<String> cdsFiles() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(home.resolve("cds"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private ScriptProcess.Result tool(String script, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(script(script));
        cmd.addAll(List.of(args));
        return ScriptProcess.run(home, cmd, Duration.ofSeconds(60));
    }

    private ScriptProcess started(ScriptProcess p) {
        started.add(p);
        return p;
    }

    private String script(String relative) {
        return dist.resolve(relative).toString();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(home.resolve(name), content, StandardCharsets.UTF_8);
    }
}
