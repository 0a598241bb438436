package io.petrel.broker.admin;

import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import io.petrel.broker.client.ClientChannelInfo;
import io.petrel.broker.client.ConsumerManager;
import io.petrel.broker.client.ProducerManager;
import io.petrel.broker.client.RebalanceLockManager;
import io.petrel.broker.config.JsonConfigFile;
import io.petrel.broker.offset.ConsumerOffsetManager;
import io.petrel.broker.subscription.SubscriptionGroupManager;
import io.petrel.broker.stats.BrokerStats;
import io.petrel.broker.testing.MutableClock;
import io.petrel.broker.testing.TestBrokerConfig;
import io.petrel.broker.testing.TestStore;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.heartbeat.ConsumeFromWhere;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.heartbeat.ConsumerData;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.topic.TopicConfig;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.LanguageCode;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RemotingVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A broker's admin side without sockets: a real store in a temp dir, the config managers, the client registries
 * and an {@link AdminBrokerProcessor}; what the broker pushes or asks of clients is recorded or answered by the
 * test.
 */
final class AdminFixture implements AutoCloseable {
    static final long T0 = 1_800_000_000_000L;
    static final String BROKER_NAME = "broker-t";

    /** A oneway push the broker made: to whom and what. */
    record Push(Channel channel, RemotingCommand command) {
    }

    final MutableClock clock = new MutableClock(T0);
    final TestBrokerConfig config = new TestBrokerConfig("brokerName", BROKER_NAME);
    final TestStore store;
    final TopicConfigManager topics;
    final SubscriptionGroupManager groups;
    final ConsumerOffsetManager offsets;
    final ConsumerManager consumers = new ConsumerManager((group, remaining, fromHeartbeat) -> { });
    final ProducerManager producers = new ProducerManager();
    final List<Push> pushes = new CopyOnWriteArrayList<>();
    final AdminBrokerProcessor processor = new AdminBrokerProcessor();

    AdminFixture(Path dir) throws Exception {
        store = TestStore.open(dir.resolve("store"), clock);
        topics = new TopicConfigManager(config, new JsonConfigFile(dir.resolve("topics.json")), clock);
        topics.load();
        groups = new SubscriptionGroupManager(config, new JsonConfigFile(dir.resolve("groups.json")), clock);
        groups.load();
        offsets = new ConsumerOffsetManager(new JsonConfigFile(dir.resolve("consumerOffset.json")));
    }

    /** GroupAdmin over this fixture, registered into {@link #processor}. */
    AdminFixture withGroupAdmin() {
        new GroupAdmin(config, groups, consumers, producers, offsets, new RebalanceLockManager(60_000), topics,
            store.store(), (ch, cmd) -> pushes.add(new Push(ch, cmd)), clock,
            new BrokerStats(config.get().getBrokerClusterName(), clock)).registerInto(processor);
        return this;
    }

    /** TopicAdmin over this fixture, registered into {@link #processor}. */
    AdminFixture withTopicAdmin() {
        new TopicAdmin(config, topics, offsets, store.store(), consumers::groupsSubscribing,
            new BrokerStats(config.get().getBrokerClusterName(), clock)).registerInto(processor);
        return this;
    }

    void topic(String name, int queues) {
        topics.update(TopicConfig.of(name, queues, queues, 6));
    }

    /** Puts {@code count} messages into queue {@code queueId} of {@code topic}, stored at the clock's time. */
    List<String> put(String topic, int queueId, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(store.put(TestStore.message(topic, queueId, topic + "-" + queueId + "-" + i)).msgId());
        }
        return ids;
    }

    /** Registers a consumer client of {@code group} subscribed to {@code topics}; returns its channel. */
    EmbeddedChannel consumer(String group, String clientId, int version, String... topicNames) {
        EmbeddedChannel ch = new EmbeddedChannel();
        List<SubscriptionData> subs = new ArrayList<>();
        for (String t : topicNames) {
            subs.add(SubscriptionData.ofTags(t, "*", 1));
        }
        consumers.register(new ConsumerData(group, ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
            ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, subs, false),
            new ClientChannelInfo(ch, clientId, LanguageCode.JAVA, version, clock.millis()), clock.millis());
        return ch;
    }

    EmbeddedChannel consumer(String group, String clientId, String... topicNames) {
        return consumer(group, clientId, RemotingVersion.V4_9_7, topicNames);
    }

    RemotingCommand ask(int code, CommandHeader header) throws Exception {
        return processor.processRequest(new EmbeddedChannel(), TestStore.request(code, header, RemotingVersion.V4_9_7));
    }

    /** A request of {@code code} with no header fields and {@code body}, answered. */
    RemotingCommand askWithBody(int code, String body) throws Exception {
        RemotingCommand request = TestStore.request(code, CommandHeader.EMPTY, RemotingVersion.V4_9_7);
        request.body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return processor.processRequest(new EmbeddedChannel(), request);
    }

    @Override
    public void close() {
        store.close();
    }
}
