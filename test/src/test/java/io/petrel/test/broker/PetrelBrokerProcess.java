package io.petrel.test.broker;

import io.petrel.test.official.ChildJvm;
import io.petrel.test.official.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Petrel broker started through {@code BrokerStartup -c} in a child JVM, so that it can be killed with -9 and
 * restarted on the same store: loopback address, one free port triple kept across restarts (the store host in
 * every record stays the same), the small-file settings of {@link PetrelBroker}, and extra {@code key=value}
 * lines that override the defaults. {@link #close()} is safe to call twice.
 */
public final class PetrelBrokerProcess implements AutoCloseable {
    private static final String UP_MARKER = "boot success";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> JVM_FLAGS = List.of("-Xms256m", "-Xmx256m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1");

    private final Path home;
    private final Path confFile;
    private final List<String> extraJvmFlags;
    private final int port;
    private ChildJvm process;

    private PetrelBrokerProcess(Path home, Path confFile, int port, List<String> extraJvmFlags) {
        this.extraJvmFlags = List.copyOf(extraJvmFlags);
        this.home = home;
        this.confFile = confFile;
        this.port = port;
    }

    /**
     * Writes {@code <dir>/broker.conf} (store under {@code <dir>/store}) and starts the broker, waiting for its
     * boot line.
     *
     * @param extraConf {@code key=value} lines written after the defaults, so they win
     */
    public static PetrelBrokerProcess start(Path dir, String brokerName, String namesrvAddr, List<String> extraConf)
        throws IOException {
        return start(dir, brokerName, namesrvAddr, extraConf, List.of());
    }

    /** As {@link #start(Path, String, String, List)}, with JVM flags added to the defaults (e.g. {@code -D}s). */
    public static PetrelBrokerProcess start(Path dir, String brokerName, String namesrvAddr, List<String> extraConf,
                                            List<String> extraJvmFlags) throws IOException {
        Path home = Files.createDirectories(dir);
        int port = FreePorts.brokerPort();
        List<String> lines = new ArrayList<>(List.of(
            "brokerClusterName=" + PetrelBroker.CLUSTER,
            "brokerName=" + brokerName,
            "brokerId=0",
            "namesrvAddr=" + namesrvAddr,
            "listenPort=" + port,
            "bindAddress=127.0.0.1",
            "brokerIP1=127.0.0.1",
            "brokerIP2=127.0.0.1",
            "storePathRootDir=" + home.resolve("store"),
            "mappedFileSizeCommitLog=" + (16 * 1024 * 1024),
            "mappedFileSizeConsumeQueue=" + (300_000 * 20 / 100),
            "maxIndexNum=40000",
            "maxHashSlotNum=10000",
            // A busy shared disk must not make the store refuse writes or delete files during a test.
            "diskMaxUsedSpaceRatio=95",
            "diskSpaceWarningLevelRatio=0.99",
            "diskSpaceCleanForciblyRatio=0.99"));
        lines.addAll(extraConf);
        Path confFile = home.resolve("broker.conf");
        Files.write(confFile, lines);
        PetrelBrokerProcess broker = new PetrelBrokerProcess(home, confFile, port, extraJvmFlags);
        broker.launch();
        return broker;
    }

    private void launch() throws IOException {
        List<String> flags = new ArrayList<>(JVM_FLAGS);
        flags.addAll(extraJvmFlags);
        process = ChildJvm.start(home, "io.petrel.broker.BrokerStartup", flags,
            List.of("-c", confFile.toString()), false);
        try {
            process.awaitOutput(UP_MARKER, START_TIMEOUT);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    /** Stops the broker cleanly if it still runs, then starts it again on the same config, store and port. */
    public void restart() throws IOException {
        close();
        launch();
    }

    /** The address clients use, {@code 127.0.0.1:listenPort}. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    public int listenPort() {
        return port;
    }

    /** The HA port: always listenPort + 1. */
    public int haPort() {
        return port + 1;
    }

    public Path storeDir() {
        return home.resolve("store");
    }

    /** The operating-system process id of the current run. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the current run printed (stdout and stderr). */
    public String output() {
        return process.output();
    }

    /** Stops the broker like kill -9: no flush, no unregistration, the abort file stays. */
    public void kill() {
        process.kill();
    }

    /** Teardown: ends the process at once. */
    @Override
    public void close() {
        process.close();
    }
}
