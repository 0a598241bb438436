package io.petrel.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.message.MessageQueue;
import org.junit.jupiter.api.Test;

class ClientConfigTest {
    @Test
    void clientIdAsTheOfficialClientBuildsIt() {
        String[] units = {null, "", " ", "unit-1"};
        String[] instances = {"DEFAULT", "inst", "1234#99"};
        for (String unit : units) {
            for (String instance : instances) {
                ClientConfig petrel = new ClientConfig();
                petrel.setClientIP("10.0.0.7");
                petrel.setInstanceName(instance);
                petrel.setUnitName(unit);
                org.apache.rocketmq.client.ClientConfig official = new org.apache.rocketmq.client.ClientConfig();
                official.setClientIP("10.0.0.7");
                official.setInstanceName(instance);
                official.setUnitName(unit);
                assertEquals(official.buildMQClientId(), petrel.buildMQClientId(), "unit " + unit);
            }
        }
        ClientConfig c = new ClientConfig();
        c.setClientIP("10.0.0.7");
        c.setInstanceName("i");
        c.setUnitName("u");
        assertEquals("10.0.0.7@i@u", c.buildMQClientId());
    }

    @Test
    void defaultInstanceNameBecomesPidAndNanoTime() {
        ClientConfig petrel = new ClientConfig();
        petrel.setInstanceName(ClientConfig.DEFAULT_INSTANCE_NAME);
        petrel.changeInstanceNameToPID();
        org.apache.rocketmq.client.ClientConfig official = new org.apache.rocketmq.client.ClientConfig();
        official.setInstanceName("DEFAULT");
        official.changeInstanceNameToPID();

        String[] p = petrel.getInstanceName().split("#");
        String[] o = official.getInstanceName().split("#");
        assertEquals(2, p.length, petrel.getInstanceName());
        assertEquals(o[0], p[0], "the process id");
        assertEquals(Long.toString(ProcessHandle.current().pid()), p[0]);
        Long.parseLong(p[1]);

        String once = petrel.getInstanceName();
        petrel.changeInstanceNameToPID();
        assertSame(once, petrel.getInstanceName(), "only DEFAULT is replaced");

        ClientConfig named = new ClientConfig();
        named.setInstanceName("mine");
        named.changeInstanceNameToPID();
        assertEquals("mine", named.getInstanceName());
    }

    @Test
    void twoDefaultConfigsGetDifferentInstanceNames() {
        ClientConfig a = new ClientConfig();
        ClientConfig b = new ClientConfig();
        a.setInstanceName(ClientConfig.DEFAULT_INSTANCE_NAME);
        b.setInstanceName(ClientConfig.DEFAULT_INSTANCE_NAME);
        a.changeInstanceNameToPID();
        b.changeInstanceNameToPID();
        assertNotEquals(a.getInstanceName(), b.getInstanceName());
    }

    @Test
    void queuesWithAndWithoutNamespace() {
        ClientConfig none = new ClientConfig();
        MessageQueue mq = new MessageQueue("T", "broker-a", 3);
        assertSame(mq, none.queueWithNamespace(mq));
        assertSame(mq, none.queueWithoutNamespace(mq));

        ClientConfig ns = new ClientConfig();
        ns.setNamespace("NS");
        MessageQueue wrapped = ns.queueWithNamespace(mq);
        assertEquals(new MessageQueue("NS%T", "broker-a", 3), wrapped);
        assertEquals(mq, ns.queueWithoutNamespace(wrapped));

        org.apache.rocketmq.client.ClientConfig official = new org.apache.rocketmq.client.ClientConfig();
        official.setNamespace("NS");
        org.apache.rocketmq.common.message.MessageQueue o =
            official.queueWithNamespace(new org.apache.rocketmq.common.message.MessageQueue("T", "broker-a", 3));
        assertEquals(o.getTopic(), wrapped.topic());
    }

    @Test
    void cloneCopiesEverySetting() {
        ClientConfig c = new ClientConfig();
        c.setNamesrvAddr("127.0.0.1:9876");
        c.setClientIP("10.0.0.1");
        c.setInstanceName("i");
        c.setClientCallbackExecutorThreads(3);
        c.setNamespace("NS");
        c.setPollNameServerInterval(1);
        c.setHeartbeatBrokerInterval(2);
        c.setPersistConsumerOffsetInterval(3);
        c.setPullTimeDelayMillsWhenException(4);
        c.setUnitMode(true);
        c.setUnitName("u");
        c.setVipChannelEnabled(true);
        c.setUseTLS(true);
        c.setMqClientApiTimeout(5);
        ClientConfig copy = c.cloneClientConfig();
        assertEquals(c.toString(), copy.toString());
        assertEquals(c.buildMQClientId(), copy.buildMQClientId());
        assertEquals(3, copy.getClientCallbackExecutorThreads());
        assertEquals(4, copy.getPullTimeDelayMillsWhenException());
        assertEquals(5, copy.getMqClientApiTimeout());
        assertTrue(copy.isUnitMode() && copy.isVipChannelEnabled() && copy.isUseTLS());
    }
}
