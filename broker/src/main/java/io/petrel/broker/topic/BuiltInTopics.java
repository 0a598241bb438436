package io.petrel.broker.topic;

import io.petrel.broker.config.BrokerConfig;
import io.petrel.common.topic.PermName;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.topic.TopicValidator;
import java.util.ArrayList;
import java.util.List;

/** The topics every broker has from its first start. */
final class BuiltInTopics {
    private static final int RW = PermName.PERM_READ | PermName.PERM_WRITE;
    private static final int INHERIT_RW = RW | PermName.PERM_INHERIT;

    private BuiltInTopics() {
    }

    static List<TopicConfig> of(BrokerConfig config) {
        List<TopicConfig> topics = new ArrayList<>();
        topics.add(TopicConfig.of(TopicValidator.RMQ_SYS_SELF_TEST_TOPIC, 1, 1, RW));
        if (config.isAutoCreateTopicEnable()) {
            int n = config.getDefaultTopicQueueNums();
            topics.add(TopicConfig.of(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC, n, n, INHERIT_RW));
        }
        topics.add(TopicConfig.of(TopicValidator.RMQ_SYS_BENCHMARK_TOPIC, 1024, 1024, RW));
        topics.add(TopicConfig.of(config.getBrokerClusterName(), 16, 16,
            config.isClusterTopicEnable() ? INHERIT_RW : PermName.PERM_INHERIT));
        topics.add(TopicConfig.of(config.getBrokerName(), 1, 1,
            config.isBrokerTopicEnable() ? INHERIT_RW : PermName.PERM_INHERIT));
        topics.add(TopicConfig.of(TopicValidator.RMQ_SYS_OFFSET_MOVED_EVENT, 1, 1, RW));
        topics.add(TopicConfig.of(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC, 18, 18, RW));
        if (config.isTraceTopicEnable()) {
            topics.add(TopicConfig.of(config.getMsgTraceTopicName(), 1, 1, RW));
        }
        topics.add(TopicConfig.of(config.getBrokerClusterName() + TopicValidator.REPLY_TOPIC_SUFFIX, 1, 1, RW));
        return topics;
    }
}
