package io.petrel.test.official;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** An official RocketMQ 4.9.7 NameServer in a child JVM on a free loopback port (used by the benchmark). */
public final class OfficialNamesrv implements AutoCloseable {
    private final OfficialProcess process;
    private final int port;

    private OfficialNamesrv(OfficialProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static OfficialNamesrv start(Path dir, int heapMb) throws IOException {
        Path home = OfficialHome.create(Files.createDirectories(dir));
        int port = FreePorts.one();
        Path conf = home.resolve("namesrv.conf");
        Files.writeString(conf, "listenPort=" + port + "\nkvConfigPath=" + home.resolve("kvConfig.json") + "\n");
        OfficialProcess p = OfficialProcess.start(home, "org.apache.rocketmq.namesrv.NamesrvStartup", heapMb,
            List.of("-c", conf.toString()));
        OfficialNamesrv ns = new OfficialNamesrv(p, port);
        try {
            p.awaitOutput("boot success", Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            try {
                ns.close();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
        return ns;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
