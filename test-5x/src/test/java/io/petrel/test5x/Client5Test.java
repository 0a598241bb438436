package io.petrel.test5x;

import io.petrel.test.broker.PetrelCluster;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A test class with one {@link Client5Kit} for all its tests. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Client5Test {
    @TempDir
    static Path dir;
    Client5Kit kit;
    PetrelCluster cluster;
    DefaultMQProducer producer;
    DefaultMQAdminExt admin;

    /** The broker's settings for this class. */
    abstract Properties brokerProps();

    @BeforeAll
    void startCluster() throws Exception {
        kit = Client5Kit.start(dir, brokerProps(), getClass().getSimpleName() + "_P");
        cluster = kit.cluster;
        producer = kit.producer;
        admin = kit.admin;
    }

    @AfterEach
    void closeTestClients() throws Exception {
        kit.closeTestClients();
    }

    @AfterAll
    void stopCluster() {
        if (kit != null) {
            kit.close();
        }
    }

    String brokerAddr() throws Exception {
        return kit.brokerAddr();
    }
}
