package io.petrel.test5x;

import io.petrel.test.official.ChildJvm;
import io.petrel.test.official.FreePorts;
import io.petrel.test.official.OfficialBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An official RocketMQ 5.3.1 broker in a child JVM, on the class path the test-5x-official module resolves (its
 * released dependencies, none of Petrel's), registering with the given NameServer: the reference Petrel's 5.x
 * answers are compared with. Loopback address, free ports, its own store.
 */
final class Official5Broker implements AutoCloseable {
    private static final Path CLASS_PATH_FILE = Path.of("..", "test-5x-official", "target", "classpath.txt");

    private final ChildJvm process;
    private final int port;

    private Official5Broker(ChildJvm process, int port) {
        this.process = process;
        this.port = port;
    }

    static Official5Broker start(Path dir, String clusterName, String brokerName, String namesrvAddr)
        throws IOException {
        if (!Files.isRegularFile(CLASS_PATH_FILE)) {
            throw new IllegalStateException("no " + CLASS_PATH_FILE.toAbsolutePath() + ": build the test-5x-official "
                + "module first (mvn verify from the root does)");
        }
        Path home = Files.createDirectories(dir);
        int port = FreePorts.brokerPort();
        Path conf = home.resolve("broker.conf");
        List<String> lines = new ArrayList<>(OfficialBroker.identityLines(clusterName, brokerName, namesrvAddr, port));
        lines.addAll(List.of(
            "storePathRootDir=" + home.resolve("store"),
            "mappedFileSizeCommitLog=" + (16 * 1024 * 1024),
            "autoCreateTopicEnable=true",
            "brokerRole=ASYNC_MASTER",
            "flushDiskType=ASYNC_FLUSH",
            "diskMaxUsedSpaceRatio=95",
            "useEpollNativeSelector=false"));
        Files.write(conf, lines);
        String classPath = Files.readString(CLASS_PATH_FILE).trim();
        ChildJvm p = ChildJvm.start(home, "org.apache.rocketmq.broker.BrokerStartup",
            List.of("-Xms384m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
            List.of("-c", conf.toString()), true, classPath);
        p.awaitOutputOrClose("boot success", Duration.ofSeconds(90));
        return new Official5Broker(p, port);
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.close();
    }
}
