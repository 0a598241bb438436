package io.petrel.broker.subscription;

import io.petrel.broker.config.BrokerConfig;
import io.petrel.broker.config.JsonConfigFile;
import io.petrel.common.route.DataVersion;
import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.common.subscription.SubscriptionGroupWrapper;
import io.petrel.common.util.ConcurrentMaps;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer groups known to the broker ({@code config/subscriptionGroup.json}). A group a client uses is created
 * with defaults when {@code autoCreateSubscriptionGroup} is on (or its name starts with {@code CID_RMQ_SYS_}).
 * Thread-safe; writes are persisted at once.
 */
public final class SubscriptionGroupManager {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionGroupManager.class);
    private static final List<String> BUILT_IN = List.of("TOOLS_CONSUMER", "FILTERSRV_CONSUMER", "SELF_TEST_C_GROUP",
        "CID_ONS-HTTP-PROXY", "CID_ONSAPI_PULL", "CID_ONSAPI_PERMISSION", "CID_ONSAPI_OWNER");
    private static final String SYSTEM_GROUP_PREFIX = "CID_RMQ_SYS_";

    private final ConcurrentHashMap<String, SubscriptionGroupConfig> table = new ConcurrentHashMap<>(1024);
    private final Supplier<BrokerConfig> config;
    private final JsonConfigFile file;
    private final Clock clock;
    private volatile DataVersion dataVersion = DataVersion.ZERO;

    public SubscriptionGroupManager(Supplier<BrokerConfig> config, JsonConfigFile file, Clock clock) {
        this.config = config;
        this.file = file;
        this.clock = clock;
    }

    public void load() {
        for (String group : BUILT_IN) {
            table.put(group, SubscriptionGroupConfig.defaults(group));
        }
        SubscriptionGroupWrapper stored = file.load(SubscriptionGroupWrapper::decode);
        if (stored != null) {
            table.putAll(stored.subscriptionGroupTable());
            dataVersion = stored.dataVersion();
        }
        LOG.info("loaded {} subscription groups from {}", table.size(), file.path());
    }

    /** The group's config, created with defaults when allowed; null when unknown and not creatable. */
    public SubscriptionGroupConfig find(String group) {
        SubscriptionGroupConfig c = table.get(group);
        if (c != null) {
            return c;
        }
        if (!config.get().isAutoCreateSubscriptionGroup() && !group.startsWith(SYSTEM_GROUP_PREFIX)) {
            return null;
        }
        SubscriptionGroupConfig created = SubscriptionGroupConfig.defaults(group);
        SubscriptionGroupConfig raced = table.putIfAbsent(group, created);
        if (raced != null) {
            return raced;
        }
        LOG.info("auto-created subscription group {}", group);
        changed();
        return created;
    }

    public SubscriptionGroupConfig get(String group) {
        return table.get(group);
    }

    public void update(SubscriptionGroupConfig group) {
        updateAll(java.util.List.of(group));
    }

    /** Creates or replaces groups with one new data version and one write of the table. */
    public void updateAll(java.util.List<SubscriptionGroupConfig> list) {
        if (list.isEmpty()) {
            return;
        }
        for (SubscriptionGroupConfig group : list) {
            SubscriptionGroupConfig old = table.put(group.groupName(), group);
            LOG.info("subscription group {} -> {}", old, group);
        }
        changed();
    }

    public boolean delete(String group) {
        if (table.remove(group) == null) {
            return false;
        }
        LOG.info("deleted subscription group {}", group);
        changed();
        return true;
    }

    public Map<String, SubscriptionGroupConfig> snapshot() {
        return Map.copyOf(table);
    }

    /**
     * Takes over another broker's whole group table and data version (a slave copying its master), unless the
     * versions are already equal; groups the other table lacks are dropped.
     *
     * @return true when the table was replaced (and persisted)
     */
    public synchronized boolean replaceIfVersionDiffers(SubscriptionGroupWrapper other) {
        if (dataVersion.equals(other.dataVersion())) {
            return false;
        }
        ConcurrentMaps.replaceContents(table, other.subscriptionGroupTable());
        dataVersion = other.dataVersion();
        persist();
        return true;
    }

    public SubscriptionGroupWrapper wrapper() {
        return new SubscriptionGroupWrapper(table, dataVersion);
    }

    public synchronized void persist() {
        file.store(wrapper().encode());
    }

    private void changed() {
        dataVersion = dataVersion.next(clock.millis());
        persist();
    }
}
