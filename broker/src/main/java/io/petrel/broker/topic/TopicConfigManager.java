package io.petrel.broker.topic;

import io.petrel.broker.config.BrokerConfig;
import io.petrel.broker.config.JsonConfigFile;
import io.petrel.common.route.DataVersion;
import io.petrel.common.route.TopicConfigSerializeWrapper;
import io.petrel.common.topic.PermName;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.topic.TopicValidator;
import io.petrel.common.util.ConcurrentMaps;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's topic table ({@code config/topics.json}): built-in topics, topics created by admins, and topics
 * created on demand (through the auto-create default topic, retry and DLQ topics). Every change bumps the data
 * version, is persisted, and is reported to {@code onChange} (which re-registers with the NameServers).
 * Reads are lock-free; changes are serialised by one lock.
 */
public final class TopicConfigManager {
    private static final Logger LOG = LoggerFactory.getLogger(TopicConfigManager.class);
    private static final long LOCK_TIMEOUT_MILLIS = 3000;

    /** Listener for topic-table changes; {@code oneway} tells whether the caller must not wait for it. */
    public interface ChangeListener {
        void topicsChanged(TopicConfig changed, boolean oneway);
    }

    // The same capacity RocketMQ brokers use, so that iteration (and thus JSON member) order matches theirs.
    private final ConcurrentHashMap<String, TopicConfig> table = new ConcurrentHashMap<>(1024);
    private final ReentrantLock lock = new ReentrantLock();
    private final Supplier<BrokerConfig> config;
    private final JsonConfigFile file;
    private final Clock clock;
    private volatile ChangeListener listener = (c, oneway) -> { };
    private volatile DataVersion dataVersion = DataVersion.ZERO;

    public TopicConfigManager(Supplier<BrokerConfig> config, JsonConfigFile file, Clock clock) {
        this.config = config;
        this.file = file;
        this.clock = clock;
    }

    public void setChangeListener(ChangeListener listener) {
        this.listener = listener;
    }

    /** Adds the built-in topics, then what {@code topics.json} holds (which wins). */
    public void load() {
        for (TopicConfig builtIn : BuiltInTopics.of(config.get())) {
            table.put(builtIn.topicName(), builtIn);
        }
        TopicConfigSerializeWrapper stored = file.load(TopicConfigSerializeWrapper::decode);
        if (stored != null) {
            table.putAll(stored.topicConfigTable());
            dataVersion = stored.dataVersion();
            if (!config.get().isAutoCreateTopicEnable()) {
                TopicConfig defaultTopic = table.get(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC);
                if (defaultTopic != null && PermName.isInherited(defaultTopic.perm())) {
                    table.put(defaultTopic.topicName(), defaultTopic.withPerm(defaultTopic.perm() & ~PermName.PERM_INHERIT));
                }
            }
        }
        LOG.info("loaded {} topics from {} ({})", table.size(), file.path(), dataVersion);
    }

    public TopicConfig select(String topic) {
        return topic == null ? null : table.get(topic);
    }

    public DataVersion dataVersion() {
        return dataVersion;
    }

    public Map<String, TopicConfig> snapshot() {
        return Map.copyOf(table);
    }

    public boolean isOrderTopic(String topic) {
        TopicConfig c = table.get(topic);
        return c != null && c.order();
    }

    /**
     * Creates {@code topic} from the auto-create default topic a producer named, when that topic exists and may
     * be inherited from.
     *
     * @return the new (or already existing) config, or null when it may not be created
     */
    public TopicConfig createFromDefaultTopic(String topic, String defaultTopic, String remoteAddr,
                                              int clientDefaultQueueNums, int topicSysFlag) {
        return underLock(() -> {
            TopicConfig existing = table.get(topic);
            if (existing != null) {
                return existing;
            }
            TopicConfig template = table.get(defaultTopic);
            if (template == null) {
                LOG.warn("cannot create topic {} for {}: default topic {} does not exist", topic, remoteAddr,
                    defaultTopic);
                return null;
            }
            if (defaultTopic.equals(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC) && !config.get().isAutoCreateTopicEnable()) {
                LOG.warn("cannot create topic {} for {}: autoCreateTopicEnable=false", topic, remoteAddr);
                return null;
            }
            if (!PermName.isInherited(template.perm())) {
                LOG.warn("cannot create topic {} for {}: default topic {} has no inherit permission ({})", topic,
                    remoteAddr, defaultTopic, PermName.toText(template.perm()));
                return null;
            }
            int queues = Math.max(1, Math.min(clientDefaultQueueNums, template.writeQueueNums()));
            TopicConfig created = new TopicConfig(topic, queues, queues, template.perm() & ~PermName.PERM_INHERIT,
                template.filterType(), topicSysFlag, false);
            LOG.info("created topic {} from default topic {} for {}", created, defaultTopic, remoteAddr);
            putAndPersist(created);
            return created;
        }, true);
    }

    /** Creates a system-managed topic (retry, DLQ, transaction check) if it does not exist. */
    public TopicConfig createIfAbsent(String topic, int queueNums, int perm, int topicSysFlag) {
        TopicConfig existing = table.get(topic);
        if (existing != null) {
            return existing;
        }
        return underLock(() -> {
            TopicConfig again = table.get(topic);
            if (again != null) {
                return again;
            }
            TopicConfig created = new TopicConfig(topic, queueNums, queueNums, perm,
                io.petrel.common.topic.TopicFilterType.SINGLE_TAG, topicSysFlag, false);
            LOG.info("created topic {}", created);
            putAndPersist(created);
            return created;
        }, false);
    }

    /** Creates or replaces a topic (admin path); registers with the NameServers synchronously. */
    public void update(TopicConfig topicConfig) {
        updateAll(java.util.List.of(topicConfig));
    }

    /**
     * Creates or replaces topics (admin path) with one new data version, one write of the table and one
     * synchronous registration (of the one topic, or of the whole table for several).
     */
    public void updateAll(java.util.List<TopicConfig> topicConfigs) {
        if (topicConfigs.isEmpty()) {
            return;
        }
        for (TopicConfig c : topicConfigs) {
            TopicConfig old = table.put(c.topicName(), c);
            LOG.info("topic config {} -> {}", old, c);
        }
        bumpAndPersist();
        listener.topicsChanged(topicConfigs.size() == 1 ? topicConfigs.get(0) : null, false);
    }

    public boolean delete(String topic) {
        TopicConfig old = table.remove(topic);
        if (old == null) {
            return false;
        }
        LOG.info("deleted topic {}", old);
        bumpAndPersist();
        return true;
    }

    /** Applies the order flags a NameServer keeps for this broker ({@code topic -> "brokerName:queues;..."}). */
    public void applyOrderTopics(Map<String, String> orderConf) {
        if (orderConf == null) {
            return;
        }
        boolean changed = false;
        for (TopicConfig c : table.values()) {
            boolean order = orderConf.containsKey(c.topicName());
            if (order != c.order()) {
                table.put(c.topicName(), c.withOrder(order));
                changed = true;
            }
        }
        if (changed) {
            bumpAndPersist();
        }
    }

    /**
     * Takes over another broker's whole table and data version (a slave copying its master), unless the versions
     * are already equal. Topics the other table lacks are dropped; no listener is told, as the version came from
     * the master.
     *
     * @return true when the table was replaced (and persisted)
     */
    public boolean replaceIfVersionDiffers(TopicConfigSerializeWrapper other) {
        lock.lock();
        try {
            if (dataVersion.equals(other.dataVersion())) {
                return false;
            }
            ConcurrentMaps.replaceContents(table, other.topicConfigTable());
            dataVersion = other.dataVersion();
            persist();
            return true;
        } finally {
            lock.unlock();
        }
    }

    public TopicConfigSerializeWrapper serializeWrapper() {
        return new TopicConfigSerializeWrapper(table, dataVersion);
    }

    public synchronized void persist() {
        file.store(serializeWrapper().encode());
    }

    private void putAndPersist(TopicConfig created) {
        table.put(created.topicName(), created);
        bumpAndPersist();
    }

    /** Bumps the data version (and saves it) with no table change, so that NameServers rebuild their view. */
    public void newDataVersion() {
        lock.lock();
        try {
            bumpAndPersist();
        } finally {
            lock.unlock();
        }
    }

    private void bumpAndPersist() {
        dataVersion = dataVersion.next(clock.millis());
        persist();
    }

    private interface Action {
        TopicConfig run();
    }

    /** Runs a creating action under the table lock; a new topic is reported to the listener after unlocking. */
    private TopicConfig underLock(Action action, boolean notifyOneway) {
        int before = table.size();
        TopicConfig result;
        try {
            if (!lock.tryLock(LOCK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.warn("topic table lock not acquired in {} ms", LOCK_TIMEOUT_MILLIS);
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        try {
            result = action.run();
        } finally {
            lock.unlock();
        }
        if (result != null && table.size() != before) {
            listener.topicsChanged(result, notifyOneway);
        }
        return result;
    }
}
