package io.petrel.test.client;

import io.petrel.test.broker.PetrelCluster;
import java.util.Properties;

/** Petrel's client against a Petrel NameServer and broker. */
class PetrelClientAgainstPetrelTest extends ClientScenarios {
    private PetrelCluster cluster;

    @Override
    String startServers() throws Exception {
        Properties props = new Properties();
        props.setProperty("transactionCheckInterval", "1000");
        props.setProperty("transactionTimeOut", "2000");
        props.setProperty("messageDelayLevel", DELAY_LEVELS);
        cluster = PetrelCluster.start(dir, props);
        return cluster.namesrvAddr();
    }

    @Override
    void stopServers() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    void restartBroker() throws Exception {
        cluster.restartBroker();
    }
}
