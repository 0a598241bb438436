package io.petrel.test.client;

import io.petrel.test.broker.PetrelCluster;
import java.util.Properties;

/** Petrel's admin client against a Petrel NameServer and broker. */
class AdminAgainstPetrelTest extends AdminScenarios {
    private PetrelCluster cluster;

    @Override
    String startServers() throws Exception {
        cluster = PetrelCluster.start(dir, new Properties());
        return cluster.namesrvAddr();
    }

    @Override
    void stopServers() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    String brokerName() {
        return "petrel-a";
    }
}
