package io.petrel.test.broker;

import io.petrel.test.namesrv.PetrelNamesrv;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.awaitility.Awaitility;

/** A Petrel NameServer and one broker in this JVM, for end-to-end tests; the broker can be restarted. */
public final class PetrelCluster implements AutoCloseable {
    private final Path dir;
    private final Properties brokerProps;
    private final PetrelNamesrv namesrv;
    private PetrelBroker broker;

    private PetrelCluster(Path dir, Properties brokerProps, PetrelNamesrv namesrv, PetrelBroker broker) {
        this.dir = dir;
        this.brokerProps = brokerProps;
        this.namesrv = namesrv;
        this.broker = broker;
    }

    public static PetrelCluster start(Path dir, Properties brokerProps) throws Exception {
        PetrelNamesrv ns = PetrelNamesrv.start(dir.resolve("namesrv"));
        PetrelBroker b = PetrelBroker.start(dir.resolve("store"), "petrel-a", ns.address(), brokerProps);
        PetrelCluster c = new PetrelCluster(dir, brokerProps, ns, b);
        c.awaitRoute("TBW102");
        return c;
    }

    public void awaitRoute(String topic) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> namesrv.hasRoute(topic));
    }

    /** Stops the broker cleanly and starts it again on the same store and port. */
    public void restartBroker() throws Exception {
        Properties p = new Properties();
        p.putAll(brokerProps);
        p.setProperty("listenPort", Integer.toString(broker.controller().listenPort()));
        broker.close();
        broker = PetrelBroker.start(dir.resolve("store"), "petrel-a", namesrv.address(), p);
    }

    public String namesrvAddr() {
        return namesrv.address();
    }

    public PetrelBroker broker() {
        return broker;
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
        namesrv.close();
    }
}
