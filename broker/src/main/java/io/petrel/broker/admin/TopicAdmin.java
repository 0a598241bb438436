package io.petrel.broker.admin;

import io.petrel.broker.config.BrokerConfig;
import io.petrel.broker.offset.ConsumerOffsetManager;
import io.petrel.broker.stats.BrokerStats;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.body.GroupList;
import io.petrel.common.body.TopicOffset;
import io.petrel.common.body.TopicStatsTable;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.TopicConfigSerializeWrapper;
import io.petrel.common.route.TopicList;
import io.petrel.common.route.json.JsonWriter;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.topic.TopicFilterType;
import io.petrel.common.topic.TopicValidator;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.CreateTopicRequestHeader;
import io.petrel.remoting.protocol.header.TopicRequestHeader;
import io.petrel.store.MessageStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Topic administration: create/update, delete, list, per-queue stats, and who consumes a topic. */
public final class TopicAdmin {
    private final Supplier<BrokerConfig> config;
    private final TopicConfigManager topics;
    private final ConsumerOffsetManager offsets;
    private final MessageStore store;
    private final java.util.function.Function<String, java.util.List<String>> subscribedGroups;
    private final BrokerStats stats;

    public TopicAdmin(Supplier<BrokerConfig> config, TopicConfigManager topics, ConsumerOffsetManager offsets,
                      MessageStore store, java.util.function.Function<String, java.util.List<String>> subscribedGroups,
                      BrokerStats stats) {
        this.config = config;
        this.topics = topics;
        this.offsets = offsets;
        this.store = store;
        this.subscribedGroups = subscribedGroups;
        this.stats = stats;
    }

    public void registerInto(AdminBrokerProcessor processor) {
        processor.register(RequestCode.UPDATE_AND_CREATE_TOPIC, (ch, req) -> create(req))
            .register(RequestCode.UPDATE_AND_CREATE_TOPIC_LIST, (ch, req) -> createList(req))
            .register(RequestCode.DELETE_TOPIC_IN_BROKER, (ch, req) -> delete(req))
            .register(RequestCode.GET_ALL_TOPIC_CONFIG, (ch, req) -> all())
            .register(RequestCode.GET_TOPIC_CONFIG, (ch, req) -> one(req))
            .register(RequestCode.GET_TOPIC_STATS_INFO, (ch, req) -> stats(req))
            .register(RequestCode.QUERY_TOPIC_CONSUME_BY_WHO, (ch, req) -> consumedBy(req))
            .register(RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_BROKER, (ch, req) -> systemTopics());
    }

    /** Why a topic may not be created or changed by an admin request; null when it may. */
    private static String refusal(String topic, int readQueueNums, int writeQueueNums) {
        String invalid = TopicValidator.validateTopic(topic);
        if (invalid != null) {
            return invalid;
        }
        if (TopicValidator.isSystemTopic(topic)) {
            return "The topic[" + topic + "] is conflict with system topic.";
        }
        if (readQueueNums <= 0 || writeQueueNums <= 0 || readQueueNums > 1024 || writeQueueNums > 1024) {
            return "queue numbers must be in 1..1024, got read " + readQueueNums + " write " + writeQueueNums;
        }
        return null;
    }

    private RemotingCommand create(RemotingCommand req) throws Exception {
        CreateTopicRequestHeader h = req.decodeHeader(CreateTopicRequestHeader::decode);
        String refused = refusal(h.topic(), h.readQueueNums(), h.writeQueueNums());
        if (refused != null) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, refused);
        }
        TopicFilterType filter;
        try {
            filter = TopicFilterType.valueOf(h.topicFilterType());
        } catch (IllegalArgumentException e) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR,
                "unknown topicFilterType " + h.topicFilterType());
        }
        TopicConfig c = new TopicConfig(h.topic(), h.readQueueNums(), h.writeQueueNums(), h.perm(), filter,
            h.topicSysFlag() == null ? 0 : h.topicSysFlag(), h.order());
        topics.update(c);
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
    }

    /**
     * UPDATE_AND_CREATE_TOPIC_LIST (5.x {@code updateTopicList}): every topic is checked as a single creation is
     * and any refusal refuses the whole list; then those that differ from the table are created or changed at once,
     * with one registration. (5.3 answers SUCCESS at the first topic that is unchanged, leaving the rest of the
     * list undone.)
     */
    private RemotingCommand createList(RemotingCommand req) {
        java.util.List<TopicConfig> list;
        try {
            list = TopicConfigSerializeWrapper.decodeTopicConfigList(req.body());
        } catch (IllegalArgumentException e) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        for (TopicConfig c : list) {
            String refused = refusal(c.topicName(), c.readQueueNums(), c.writeQueueNums());
            if (refused != null) {
                return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, refused);
            }
        }
        topics.updateAll(list.stream().filter(c -> !c.equals(topics.select(c.topicName()))).toList());
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand delete(RemotingCommand req) throws Exception {
        String topic = req.decodeHeader(TopicRequestHeader::decode).topic();
        if (TopicValidator.isSystemTopic(topic)) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR,
                "The topic[" + topic + "] is conflict with system topic.");
        }
        topics.delete(topic);
        offsets.removeTopic(topic);
        stats.onTopicDeleted(topic);
        store.deleteTopics(Set.of(topic));
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand all() {
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null, CommandHeader.EMPTY)
            .body(topics.serializeWrapper().encode());
    }

    /**
     * GET_TOPIC_CONFIG (5.x): the topic's config as 5.x writes a {@code TopicConfigAndQueueMapping}: the fields of
     * the topic table, its (empty) attributes, and no queue mapping, since Petrel has no static topics.
     */
    private RemotingCommand one(RemotingCommand req) throws Exception {
        String topic = req.decodeHeader(TopicRequestHeader::decode).topic();
        TopicConfig c = topics.select(topic);
        if (c == null) {
            return RemotingCommand.createResponse(ResponseCode.TOPIC_NOT_EXIST,
                "No topic in this broker. topic: " + topic);
        }
        JsonWriter out = new JsonWriter(192);
        TopicConfigSerializeWrapper.writeTopicConfig(c, out, true);
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(out.toBytes());
    }

    private RemotingCommand stats(RemotingCommand req) throws Exception {
        String topic = req.decodeHeader(TopicRequestHeader::decode).topic();
        TopicConfig c = topics.select(topic);
        if (c == null) {
            return RemotingCommand.createResponse(ResponseCode.TOPIC_NOT_EXIST, "topic[" + topic + "] not exist");
        }
        Map<MessageQueue, TopicOffset> table = new LinkedHashMap<>();
        for (int q = 0; q < c.writeQueueNums(); q++) {
            long min = Math.max(0, store.getMinOffsetInQueue(topic, q));
            long max = Math.max(0, store.getMaxOffsetInQueue(topic, q));
            long last = max > 0 ? store.getMessageStoreTimeStamp(topic, q, max - 1) : 0;
            table.put(new MessageQueue(topic, config.get().getBrokerName(), q),
                new TopicOffset(min, max, Math.max(0, last)));
        }
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(new TopicStatsTable(table).encode());
    }

    private RemotingCommand consumedBy(RemotingCommand req) throws Exception {
        String topic = req.decodeHeader(TopicRequestHeader::decode).topic();
        Set<String> groupNames = new TreeSet<>(subscribedGroups.apply(topic));
        groupNames.addAll(offsets.groupsOfTopic(topic));
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null)
            .body(new GroupList(groupNames).encode());
    }

    private RemotingCommand systemTopics() {
        Set<String> names = new TreeSet<>();
        for (String t : topics.snapshot().keySet()) {
            if (TopicValidator.isSystemTopic(t) || t.equals(config.get().getBrokerClusterName())
                || t.equals(config.get().getBrokerName())) {
                names.add(t);
            }
        }
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null)
            .body(new TopicList(java.util.List.copyOf(names), null).encode());
    }
}
