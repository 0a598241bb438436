package io.petrel.test.broker;

import io.petrel.broker.BrokerController;
import io.petrel.broker.BrokerStartup;
import io.petrel.broker.config.BrokerConfigStore;
import io.petrel.broker.config.BrokerSettings;
import io.petrel.test.official.FreePorts;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;

/** A Petrel broker in this JVM on free loopback ports, with its store under a temporary directory. */
public final class PetrelBroker implements AutoCloseable {
    public static final String CLUSTER = "PetrelCluster";
    private final BrokerController controller;
    private final Path storeDir;

    private PetrelBroker(BrokerController controller, Path storeDir) {
        this.controller = controller;
        this.storeDir = storeDir;
    }

    /** The store root ({@code commitlog/}, {@code consumequeue/}, …). */
    public Path storeDir() {
        return storeDir;
    }

    public static PetrelBroker start(Path storeDir, String brokerName, String namesrvAddr, Properties extra)
        throws Exception {
        Properties p = new Properties();
        p.setProperty("brokerClusterName", CLUSTER);
        p.setProperty("brokerName", brokerName);
        p.setProperty("brokerIP1", "127.0.0.1");
        p.setProperty("brokerIP2", "127.0.0.1");
        p.setProperty("bindAddress", "127.0.0.1");
        p.setProperty("listenPort", Integer.toString(FreePorts.brokerPort()));
        p.setProperty("namesrvAddr", namesrvAddr);
        p.setProperty("storePathRootDir", storeDir.toString());
        p.setProperty("mappedFileSizeCommitLog", Integer.toString(16 * 1024 * 1024));
        p.setProperty("mappedFileSizeConsumeQueue", Integer.toString(300_000 * 20 / 100));
        p.setProperty("maxIndexNum", "40000");
        p.setProperty("maxHashSlotNum", "10000");
        // A busy shared disk must not make the store refuse writes or delete files during a test.
        p.setProperty("diskMaxUsedSpaceRatio", "95");
        p.setProperty("diskSpaceWarningLevelRatio", "0.99");
        p.setProperty("diskSpaceCleanForciblyRatio", "0.99");
        p.putAll(extra);
        BrokerSettings s = BrokerStartup.settings(p);
        BrokerController c = new BrokerController(s, BrokerConfigStore.defaultFile(s), Clock.systemUTC());
        c.start();
        return new PetrelBroker(c, storeDir);
    }

    public BrokerController controller() {
        return controller;
    }

    public String address() {
        return controller.brokerAddr();
    }

    @Override
    public void close() {
        controller.shutdown();
    }
}
