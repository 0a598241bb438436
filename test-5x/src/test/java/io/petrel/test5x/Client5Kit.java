package io.petrel.test5x;

import io.petrel.test.broker.PetrelCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.impl.MQClientManager;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * A Petrel cluster with a 5.3.1 producer and admin for a whole test class, and the clients each test starts,
 * closed after that test.
 */
final class Client5Kit implements AutoCloseable {
    final PetrelCluster cluster;
    final DefaultMQProducer producer;
    final DefaultMQAdminExt admin;
    private final List<AutoCloseable> perTest = new ArrayList<>();

    private Client5Kit(PetrelCluster cluster, DefaultMQProducer producer, DefaultMQAdminExt admin) {
        this.cluster = cluster;
        this.producer = producer;
        this.admin = admin;
    }

    static Client5Kit start(Path dir, Properties brokerProps, String producerGroup) throws Exception {
        PetrelCluster cluster = PetrelCluster.start(dir, brokerProps);
        DefaultMQProducer producer = new DefaultMQProducer(producerGroup);
        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        try {
            producer.setNamesrvAddr(cluster.namesrvAddr());
            producer.setInstanceName(producerGroup + "-" + System.nanoTime());
            producer.start();
            admin.setNamesrvAddr(cluster.namesrvAddr());
            admin.setInstanceName("admin-" + System.nanoTime());
            admin.start();
        } catch (Exception | Error e) {
            admin.shutdown();
            producer.shutdown();
            cluster.close();
            throw e;
        }
        return new Client5Kit(cluster, producer, admin);
    }

    /** Closes {@code c} at the end of the current test. */
    void track(AutoCloseable c) {
        perTest.add(c);
    }

    /** Closes what the test started, newest first. */
    void closeTestClients() throws Exception {
        for (int i = perTest.size() - 1; i >= 0; i--) {
            perTest.get(i).close();
        }
        perTest.clear();
    }

    /** A started client instance of the 5.3.1 client, for its own API ({@code getMQClientAPIImpl()}). */
    MQClientInstance clientInstance(String name) throws Exception {
        ClientConfig cc = new ClientConfig();
        cc.setNamesrvAddr(cluster.namesrvAddr());
        cc.setInstanceName(name + "-" + System.nanoTime());
        MQClientInstance client = MQClientManager.getInstance().getOrCreateMQClientInstance(cc);
        client.start();
        track(client::shutdown);
        return client;
    }

    String brokerAddr() throws Exception {
        return admin.examineBrokerClusterInfo().getBrokerAddrTable().values().iterator().next().selectBrokerAddr();
    }

    @Override
    public void close() {
        admin.shutdown();
        producer.shutdown();
        cluster.close();
    }
}
