package io.petrel.broker.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.petrel.broker.config.BrokerConfig;
import io.petrel.broker.testing.TestBrokerConfig;
import io.petrel.common.route.DataVersion;
import io.petrel.common.route.TopicConfigSerializeWrapper;
import io.petrel.common.topic.TopicConfig;
import io.petrel.store.BrokerRole;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistrationRulesTest {
    private final BrokerConfig config = new TestBrokerConfig("brokerClusterName", "C", "brokerName", "b",
        "brokerIP1", "10.0.0.1", "brokerIP2", "10.0.0.2", "brokerId", "3").get();

    @Test
    void aMasterRegistersAsIdZeroAndASlaveAsAtLeastOne() {
        assertEquals(0, RegistrationRules.registeredId(BrokerRole.ASYNC_MASTER, 3));
        assertEquals(0, RegistrationRules.registeredId(BrokerRole.SYNC_MASTER, 1));
        assertEquals(3, RegistrationRules.registeredId(BrokerRole.SLAVE, 3));
        assertEquals(1, RegistrationRules.registeredId(BrokerRole.SLAVE, 0));
    }

    @Test
    void identityNamesTheClientAndHaAddresses() {
        BrokerOuterAPI.BrokerIdentity id = RegistrationRules.identity(config, BrokerRole.ASYNC_MASTER, 10911,
            RegistrationRules.haPort(10911));
        assertEquals(new BrokerOuterAPI.BrokerIdentity("C", "10.0.0.1:10911", "b", 0, "10.0.0.2:10912"), id);
    }

    @Test
    void topicsCarryTheBrokerPermissionOnlyWhenItIsLimited() {
        TopicConfigSerializeWrapper topics = new TopicConfigSerializeWrapper(
            Map.of("T", TopicConfig.of("T", 4, 4, 6), "O", TopicConfig.of("O", 2, 2, 7)), new DataVersion(5, 9));
        assertSame(topics, RegistrationRules.topicsToRegister(topics, 6));
        assertSame(topics, RegistrationRules.topicsToRegister(topics, 7));
        TopicConfigSerializeWrapper readOnly = RegistrationRules.topicsToRegister(topics, 4);
        assertEquals(4, readOnly.topicConfigTable().get("T").perm());
        assertEquals(4, readOnly.topicConfigTable().get("O").perm());
        assertEquals(topics.dataVersion(), readOnly.dataVersion());
        assertEquals(2, RegistrationRules.topicsToRegister(topics, 2).topicConfigTable().get("T").perm());
    }
}
