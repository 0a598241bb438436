package io.petrel.broker.out;

import io.petrel.broker.config.BrokerConfig;
import io.petrel.common.topic.PermName;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.route.TopicConfigSerializeWrapper;
import io.petrel.store.BrokerRole;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a broker tells the NameServers about itself, as RocketMQ 4.9.7 brokers do: who it is (a master registers
 * as brokerId 0 whatever its config says, a slave with an id of at least 1), where it serves clients and where its
 * HA service listens, and its topics, each limited to the broker's own permission when the broker is not
 * readable and writable.
 */
public final class RegistrationRules {
    private RegistrationRules() {
    }

    /** The id a broker registers under. */
    public static long registeredId(BrokerRole role, long configuredId) {
        return role == BrokerRole.SLAVE ? Math.max(1, configuredId) : 0;
    }

    /**
     * The HA port a broker listens on: its listen port + 1, as in 4.9.7 (a configured {@code haListenPort} is not
     * used), or any free port when the listen port itself is ephemeral (0).
     */
    public static int haPort(int configuredListenPort) {
        return configuredListenPort == 0 ? 0 : configuredListenPort + 1;
    }

    /** The HA address advertised: {@code brokerIP2} and the HA port actually listened on. */
    public static String haAddress(BrokerConfig config, int haPort) {
        return config.getBrokerIP2() + ":" + haPort;
    }

    public static BrokerOuterAPI.BrokerIdentity identity(BrokerConfig config, BrokerRole role, int listenPort,
                                                         int haPort) {
        return new BrokerOuterAPI.BrokerIdentity(config.getBrokerClusterName(),
            config.getBrokerIP1() + ":" + listenPort, config.getBrokerName(),
            registeredId(role, config.getBrokerId()), haAddress(config, haPort));
    }

    /**
     * The topic table to register: as it is when the broker is readable and writable; otherwise every topic's
     * permission is the broker's permission.
     */
    public static TopicConfigSerializeWrapper topicsToRegister(TopicConfigSerializeWrapper topics,
                                                               int brokerPermission) {
        if (PermName.isWriteable(brokerPermission) && PermName.isReadable(brokerPermission)) {
            return topics;
        }
        Map<String, TopicConfig> limited = new LinkedHashMap<>();
        topics.topicConfigTable().forEach((k, v) -> limited.put(k, v.withPerm(brokerPermission)));
        return new TopicConfigSerializeWrapper(limited, topics.dataVersion());
    }
}
