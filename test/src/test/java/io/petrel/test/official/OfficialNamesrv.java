package io.petrel.test.official;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** An official RocketMQ 4.9.7 NameServer in a child JVM on a free loopback port (used by the benchmark). */
public final class OfficialNamesrv implements AutoCloseable {
    private final ChildJvm process;
    private final int port;

    private OfficialNamesrv(ChildJvm process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it with {@code jvmFlags} (heap, GC) and waits for its boot line. */
    public static OfficialNamesrv start(Path dir, List<String> jvmFlags) throws IOException {
        Path home = OfficialHome.create(Files.createDirectories(dir));
        int port = FreePorts.one();
        Path conf = home.resolve("namesrv.conf");
        Files.writeString(conf, "listenPort=" + port + "\nkvConfigPath=" + home.resolve("kvConfig.json") + "\n");
        ChildJvm p = ChildJvm.start(home, "org.apache.rocketmq.namesrv.NamesrvStartup", jvmFlags,
            List.of("-c", conf.toString()), true);
        OfficialNamesrv ns = new OfficialNamesrv(p, port);
        try {
            p.awaitOutput("boot success", Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.close();
    }
}
