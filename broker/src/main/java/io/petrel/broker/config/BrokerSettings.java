package io.petrel.broker.config;

import io.petrel.common.config.ConfigReader;
import io.petrel.remoting.netty.NettyClientConfig;
import io.petrel.remoting.netty.NettyConfigs;
import io.petrel.remoting.netty.NettyServerConfig;
import io.petrel.store.BrokerRole;
import io.petrel.store.MessageStoreConfig;
import io.petrel.store.MessageStoreConfigMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything a broker is built from, mapped from one set of {@code broker.conf} properties by one
 * {@link ConfigReader}: the broker's, the remoting server's and client's, and the store's settings, then the rules
 * across them. {@code effective} holds every key with the value in force (what {@code -p} prints, GET_BROKER_CONFIG
 * answers and an update starts from); {@code unknownKeys} are the keys given that no part read.
 */
public record BrokerSettings(BrokerConfig broker, NettyServerConfig server, NettyClientConfig client,
                             MessageStoreConfig store, Map<String, String> effective, Set<String> unknownKeys) {
    /** The port a broker listens on when {@code listenPort} is not given. */
    public static final int DEFAULT_LISTEN_PORT = 10911;

    public BrokerSettings {
        effective = java.util.Collections.unmodifiableMap(new TreeMap<>(effective));
        unknownKeys = Set.copyOf(unknownKeys);
    }

    /** Maps {@code props}; raises {@link io.petrel.common.config.ConfigException} naming the first bad key. */
    public static BrokerSettings map(Properties props) {
        ConfigReader r = new ConfigReader(props);
        BrokerConfig broker = new BrokerConfig(r);
        NettyServerConfig server = NettyConfigs.server(r, DEFAULT_LISTEN_PORT);
        NettyClientConfig client = NettyConfigs.client(r);
        MessageStoreConfig store = MessageStoreConfigMapper.read(r);
        r.require(store.brokerRole() != BrokerRole.SLAVE || broker.getBrokerId() > 0, "brokerId",
            "a SLAVE needs a brokerId greater than 0 (0 is the master of the group), got " + broker.getBrokerId());
        r.require(server.getListenPort() == 0 || server.getListenPort() > 2, "listenPort",
            "must leave room for the fast port (listenPort - 2), got " + server.getListenPort());
        return new BrokerSettings(broker, server, client, store, r.effective(), r.unknown());
    }

    /** These settings with {@code updates} laid over the values in force, checked as at start-up. */
    public BrokerSettings with(Properties updates) {
        Properties merged = new Properties();
        merged.putAll(effective);
        merged.putAll(canonical(updates));
        return map(merged);
    }

    /** {@code props} with old spellings of keys replaced by the names in force. */
    public static Properties canonical(Properties props) {
        Properties out = new Properties();
        for (String k : props.stringPropertyNames()) {
            out.setProperty(MessageStoreConfigMapper.ALIASES.getOrDefault(k, k), props.getProperty(k));
        }
        return out;
    }

    /** The keys whose value differs in {@code other}, with {@code other}'s values. */
    public Map<String, String> changesTo(BrokerSettings other) {
        Map<String, String> changed = new LinkedHashMap<>();
        other.effective.forEach((k, v) -> {
            if (!v.equals(effective.get(k))) {
                changed.put(k, v);
            }
        });
        return changed;
    }

    /** {@code key=value} lines of every setting, sorted by key. */
    public String toPropertiesText() {
        StringBuilder sb = new StringBuilder();
        effective.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }
}
