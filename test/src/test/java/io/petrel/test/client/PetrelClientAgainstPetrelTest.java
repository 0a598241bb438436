package io.petrel.test.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.message.Message;
import io.petrel.test.broker.PetrelCluster;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Petrel's client against a Petrel NameServer and broker. */
class PetrelClientAgainstPetrelTest extends ClientScenarios {
    private PetrelCluster cluster;

    @Override
    String startServers() throws Exception {
        Properties props = new Properties();
        props.setProperty("transactionCheckInterval", "1000");
        props.setProperty("transactionTimeOut", "2000");
        cluster = PetrelCluster.start(dir, props);
        return cluster.namesrvAddr();
    }

    @Override
    void stopServers() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void consumerCarriesOnAcrossABrokerRestartWithoutRedelivery() throws Exception {
        String topic = "PCT_BROKER_RESTART";
        createTopic(topic);
        Set<String> got = ConcurrentHashMap.newKeySet();
        consumer("PCT_BROKER_RESTART_CG", topic, "TagB", MessageModel.CLUSTERING, (msgs, ctx) -> {
            msgs.forEach(m -> {
                if (!got.add(body(m))) {
                    got.add("DUPLICATE " + body(m));
                }
            });
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        for (int i = 0; i < 20; i++) {
            producer().send(new Message(topic, "TagB", ("before-" + i).getBytes()));
        }
        Awaitility.await().atMost(WAIT).until(() -> got.size() == 20);
        cluster.restartBroker();
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> {
            producer().send(new Message(topic, "TagB", ("after-" + System.nanoTime()).getBytes()));
            return got.stream().anyMatch(b -> b.startsWith("after-"));
        });
        assertTrue(got.stream().noneMatch(b -> b.startsWith("DUPLICATE")), "no message consumed twice: " + got);
    }
}
