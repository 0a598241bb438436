package io.petrel.test.namesrv;

import io.petrel.namesrv.NamesrvController;
import io.petrel.namesrv.config.NamesrvConfigMapper;
import io.petrel.namesrv.config.NamesrvConfigStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** A Petrel NameServer in this JVM on an ephemeral loopback port, with its files under a temporary directory. */
public final class PetrelNamesrv implements AutoCloseable {
    private final NamesrvController controller;

    private PetrelNamesrv(NamesrvController controller) {
        this.controller = controller;
    }

    public static PetrelNamesrv start(Path dir) throws java.io.IOException {
        Files.createDirectories(dir);
        Properties p = new Properties();
        p.setProperty("listenPort", "0");
        p.setProperty("bindAddress", "127.0.0.1");
        p.setProperty("kvConfigPath", dir.resolve("kvConfig.json").toString());
        p.setProperty("configStorePath", dir.resolve("namesrv.properties").toString());
        NamesrvConfigMapper mapper = new NamesrvConfigMapper(new NamesrvConfigMapper.Environment(dir.toString(), null));
        NamesrvController c = new NamesrvController(new NamesrvConfigStore(mapper, mapper.map(p).config()),
            System::currentTimeMillis);
        c.start();
        return new PetrelNamesrv(c);
    }

    public String address() {
        return "127.0.0.1:" + controller.listenPort();
    }

    public NamesrvController controller() {
        return controller;
    }

    /** Whether a route for {@code topic} is known right now. */
    public boolean hasRoute(String topic) {
        return controller.routes().pickupTopicRouteData(topic) != null;
    }

    @Override
    public void close() {
        controller.shutdown();
    }
}
