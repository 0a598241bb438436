package io.petrel.broker.testing;

import io.petrel.broker.config.BrokerConfig;
import io.petrel.broker.config.JsonConfigFile;
import io.petrel.broker.subscription.SubscriptionGroupManager;
import io.petrel.broker.topic.TopicConfigManager;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/** Config managers over files in a test's temp dir, loaded (with their built-in topics and groups). */
public final class TestManagers {
    private TestManagers() {
    }

    public static TopicConfigManager topics(Supplier<BrokerConfig> config, Path dir, Clock clock) {
        TopicConfigManager topics = new TopicConfigManager(config, new JsonConfigFile(dir.resolve("topics.json")),
            clock);
        topics.load();
        return topics;
    }

    public static SubscriptionGroupManager groups(Supplier<BrokerConfig> config, Path dir, Clock clock) {
        SubscriptionGroupManager groups = new SubscriptionGroupManager(config,
            new JsonConfigFile(dir.resolve("subscriptionGroup.json")), clock);
        groups.load();
        return groups;
    }
}
