package io.petrel.test.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.test.broker.PetrelBroker;
import io.petrel.test.namesrv.PetrelNamesrv;
import io.petrel.test.official.ClosingTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads from a slave: with {@code slaveReadEnable} the master answers pulls of data beyond
 * {@code accessMessageInMemoryMaxRatio} (here 0: nothing counts as in memory) with suggestWhichBrokerId = 1, and both
 * the official 4.9.7 consumer and Petrel's then pull from the slave, which (configured alike) keeps them there.
 */
class SlaveReadTest extends ClosingTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOPIC = "HA_SLAVE_READ";
    private static final int COUNT = 200;

    private PetrelNamesrv ns;
    private PetrelBroker master;
    private PetrelBroker slave;

    @BeforeEach
    void cluster() throws Exception {
        ns = PetrelNamesrv.start(dir.resolve("namesrv"));
        open.add(ns);
        Properties m = new Properties();
        m.setProperty("slaveReadEnable", "true");
        m.setProperty("accessMessageInMemoryMaxRatio", "0");
        master = PetrelBroker.start(dir.resolve("master"), "broker-r", ns.address(), m);
        open.add(master);
        master.controller().topics().createIfAbsent(TOPIC, 4, 6, 0);
        Properties s = new Properties();
        s.setProperty("brokerRole", "SLAVE");
        s.setProperty("brokerId", "1");
        // as in 4.9.7 a slave answers with its own suggestion: without slaveReadEnable it sends the consumer back
        s.setProperty("slaveReadEnable", "true");
        s.setProperty("accessMessageInMemoryMaxRatio", "0");
        slave = PetrelBroker.start(dir.resolve("slave"), "broker-r", ns.address(), s);
        open.add(slave);
        Awaitility.await().atMost(WAIT).until(() -> slave.controller().topics().select(TOPIC) != null
            && ns.hasRoute(TOPIC));
    }

    private void awaitReplicated() {
        Awaitility.await().atMost(WAIT).until(() -> slave.controller().store().getMaxPhyOffset()
            == master.controller().store().getMaxPhyOffset() && slave.controller().store().dispatchBehindBytes() == 0);
    }

    @Test
    void theOfficialConsumerPullsFromTheSlaveWhenTheMasterSuggestsIt() throws Exception {
        org.apache.rocketmq.client.producer.DefaultMQProducer producer =
            new org.apache.rocketmq.client.producer.DefaultMQProducer("PG_SR");
        producer.setNamesrvAddr(ns.address());
        producer.setInstanceName("p-" + System.nanoTime());
        producer.start();
        open.add(producer::shutdown);
        for (int i = 0; i < COUNT; i++) {
            producer.send(new org.apache.rocketmq.common.message.Message(TOPIC, "T", "k" + i,
                ("m" + i).getBytes(StandardCharsets.UTF_8)));
        }
        awaitReplicated();
        Set<String> got = ConcurrentHashMap.newKeySet();
        org.apache.rocketmq.client.consumer.DefaultMQPushConsumer c =
            new org.apache.rocketmq.client.consumer.DefaultMQPushConsumer("CG_SR_OFFICIAL");
        c.setNamesrvAddr(ns.address());
        c.setInstanceName("c-" + System.nanoTime());
        c.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setPullBatchSize(8);
        c.subscribe(TOPIC, "*");
        c.registerMessageListener((org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently)
            (msgs, ctx) -> {
                msgs.forEach(m -> got.add(m.getKeys()));
                return org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
        c.start();
        open.add(c::shutdown);
        Awaitility.await().atMost(WAIT).until(() -> got.size() == COUNT);
        assertServedBySlave();
    }

    @Test
    void petrelsConsumerPullsFromTheSlaveWhenTheMasterSuggestsIt() throws Exception {
        io.petrel.client.producer.DefaultMQProducer producer = new io.petrel.client.producer.DefaultMQProducer("PG_SR");
        producer.setNamesrvAddr(ns.address());
        producer.setInstanceName("p-" + System.nanoTime());
        producer.start();
        open.add(producer::shutdown);
        for (int i = 0; i < COUNT; i++) {
            producer.send(new io.petrel.common.message.Message(TOPIC, "T", "k" + i,
                ("m" + i).getBytes(StandardCharsets.UTF_8)));
        }
        awaitReplicated();
        Set<String> got = ConcurrentHashMap.newKeySet();
        io.petrel.client.consumer.DefaultMQPushConsumer c =
            new io.petrel.client.consumer.DefaultMQPushConsumer("CG_SR_PETREL");
        c.setNamesrvAddr(ns.address());
        c.setInstanceName("c-" + System.nanoTime());
        c.setConsumeFromWhere(io.petrel.common.heartbeat.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setPullBatchSize(8);
        c.subscribe(TOPIC, "*");
        c.registerMessageListener((io.petrel.client.consumer.listener.MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> got.add(m.getKeys()));
            return io.petrel.client.consumer.listener.ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        open.add(c::shutdown);
        Awaitility.await().atMost(WAIT).until(() -> got.size() == COUNT);
        assertServedBySlave();
    }

    /** Most messages went to the consumer from the slave: the first pull of each queue asks the master. */
    private void assertServedBySlave() {
        long fromSlave = slave.controller().store().stats().getTransferredTotal();
        long fromMaster = master.controller().store().stats().getTransferredTotal();
        assertTrue(fromSlave > fromMaster && fromSlave + fromMaster >= COUNT,
            "served by the slave " + fromSlave + ", by the master " + fromMaster);
        assertEquals(COUNT, fromSlave + fromMaster, "each message pulled once");
    }
}
