package io.petrel.test.namesrv;

import io.petrel.test.official.ChildJvm;
import io.petrel.test.official.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A Petrel NameServer started through {@code NamesrvStartup} in a child JVM (no {@code --add-opens}). */
public final class PetrelNamesrvProcess implements AutoCloseable {
    private final ChildJvm process;
    private final int port;

    private PetrelNamesrvProcess(ChildJvm process, int port) {
        this.process = process;
        this.port = port;
    }

    public static PetrelNamesrvProcess start(Path dir, List<String> jvmFlags) throws IOException {
        Path home = Files.createDirectories(dir);
        int port = FreePorts.one();
        Path conf = home.resolve("namesrv.conf");
        Files.writeString(conf, "listenPort=" + port + "\nkvConfigPath=" + home.resolve("kvConfig.json")
            + "\nconfigStorePath=" + home.resolve("namesrv.properties") + "\n");
        ChildJvm p = ChildJvm.start(home, "io.petrel.namesrv.NamesrvStartup", jvmFlags, List.of("-c", conf.toString()),
            false);
        try {
            p.awaitOutput("boot success", Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        return new PetrelNamesrvProcess(p, port);
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.close();
    }
}
