package io.petrel.common.body;

import static io.petrel.common.body.BodyVectors.bytes;
import static io.petrel.common.body.BodyVectors.text;
import static io.petrel.common.body.BodyVectors.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.heartbeat.ConsumeFromWhere;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.heartbeat.HeartbeatData;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.DataVersion;
import io.petrel.common.route.KVTable;
import io.petrel.common.route.TopicConfigSerializeWrapper;
import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.common.subscription.SubscriptionGroupWrapper;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.topic.TopicFilterType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bodies against the bytes the official 4.9.7 classes and a live 4.9.7 broker produced. */
class BodyGoldenTest {
    private static MessageQueue mq(String topic, int queueId) {
        return new MessageQueue(topic, "broker-a", queueId);
    }

    @Test
    void consumeStatsVectorWritesAndReadsByteForByte() {
        Map<MessageQueue, OffsetWrapper> table = new LinkedHashMap<>();
        table.put(mq("%RETRY%GV_CG", 0), new OffsetWrapper(0, 0, 0));
        table.put(mq("GV_TOPIC", 1), new OffsetWrapper(2, 2, 1700000001000L));
        table.put(mq("GV_TOPIC", 0), new OffsetWrapper(5, 3, 1700000000000L));
        ConsumeStats stats = new ConsumeStats(table, 1.5);
        byte[] golden = bytes("json/consume_stats.json");
        assertEquals(text(golden), text(stats.encode()));

        ConsumeStats decoded = ConsumeStats.decode(golden);
        assertEquals(stats, decoded);
        assertEquals(List.copyOf(table.keySet()), List.copyOf(decoded.offsetTable().keySet()), "text order kept");
        assertEquals(2, decoded.computeTotalDiff());
    }

    @Test
    void consumeStatsOfAnUnknownGroup() {
        byte[] golden = bytes("json/consume_stats_unknown_group.json");
        assertEquals(text(golden), text(new ConsumeStats(Map.of(), 0.0).encode()));
        ConsumeStats decoded = ConsumeStats.decode(golden);
        assertTrue(decoded.offsetTable().isEmpty());
        assertEquals(0.0, decoded.consumeTps());
        assertEquals(0, decoded.computeTotalDiff());
    }

    @Test
    void consumeStatsCapturedFromALiveBroker() {
        byte[] golden = bytes("live/consume_stats.json");
        ConsumeStats decoded = ConsumeStats.decode(golden);
        assertEquals(0.25, decoded.consumeTps());
        assertEquals(List.of(mq("GV_LIVE", 1), mq("GV_LIVE", 2), mq("GV_LIVE", 3), mq("GV_LIVE", 0)),
            List.copyOf(decoded.offsetTable().keySet()));
        assertEquals(new OffsetWrapper(3, 3, 1795316093029L), decoded.offsetTable().get(mq("GV_LIVE", 0)));
        assertEquals(new OffsetWrapper(1, 1, 1795316087925L), decoded.offsetTable().get(mq("GV_LIVE", 2)));
        assertEquals(0, decoded.computeTotalDiff());
        assertEquals(text(golden), text(decoded.encode()));
    }

    @Test
    void consumeStatsFromTheSpecReference() {
        String live = "{\"consumeTps\":0.0,\"offsetTable\":{{\"brokerName\":\"broker-a\",\"queueId\":0,"
            + "\"topic\":\"FS_T1\"}:"
            + "{\"brokerOffset\":3,\"consumerOffset\":3,\"lastTimestamp\":1795310615668},{\"brokerName\":\"broker-a\","
            + "\"queueId\":0,\"topic\":\"%RETRY%FS_CG1\"}:{\"brokerOffset\":1,\"consumerOffset\":1,"
            + "\"lastTimestamp\":1795310648641}}}";
        ConsumeStats decoded = ConsumeStats.decode(utf8(live));
        assertEquals(new OffsetWrapper(1, 1, 1795310648641L), decoded.offsetTable().get(mq("%RETRY%FS_CG1", 0)));
        assertEquals(live, text(decoded.encode()));
    }

    @Test
    void allConsumerOffsetBodyWithBareQueueIds() {
        Map<String, Map<Integer, Long>> table = new LinkedHashMap<>();
        table.put("%RETRY%GV_CG@GV_CG", Map.of(0, 1L));
        Map<Integer, Long> topic = new LinkedHashMap<>();
        topic.put(0, 3L);
        topic.put(1, 0L);
        table.put("GV_TOPIC@GV_CG", topic);
        ConsumerOffsetSerializeWrapper wrapper = new ConsumerOffsetSerializeWrapper(table);
        byte[] golden = bytes("json/all_consumer_offset_body.json");
        assertEquals(text(golden), text(wrapper.encode()));
        assertEquals(wrapper, ConsumerOffsetSerializeWrapper.decode(golden));
    }

    @Test
    void consumerOffsetFilesAsThe497BrokerPersistsThem() {
        ConsumerOffsetSerializeWrapper offline =
            ConsumerOffsetSerializeWrapper.decode(bytes("json/config_consumer_offset.json"));
        assertEquals(Map.of("%RETRY%GV_CG@GV_CG", Map.of(0, 1L), "GV_TOPIC@GV_CG", Map.of(0, 3L, 1, 0L)),
            offline.offsetTable());
        assertEquals(text(bytes("json/all_consumer_offset_body.json")), text(offline.encode()));

        ConsumerOffsetSerializeWrapper live =
            ConsumerOffsetSerializeWrapper.decode(bytes("live/config/consumerOffset.json"));
        assertEquals(List.of("GV_LIVE@GV_CG", "%RETRY%GV_CG_RMQ@GV_CG_RMQ", "GV_LIVE@GV_CG_RMQ"),
            List.copyOf(live.offsetTable().keySet()));
        assertEquals(Map.of(0, 3L, 1, 2L, 2, 1L, 3, 2L), live.offsetTable().get("GV_LIVE@GV_CG_RMQ"));
        assertEquals(Map.of(0, 0L), live.offsetTable().get("%RETRY%GV_CG_RMQ@GV_CG_RMQ"));
    }

    @Test
    void topicConfigWrapperVectorsAndFiles() {
        byte[] golden = bytes("json/topic_config_wrapper.json");
        TopicConfigSerializeWrapper wrapper = TopicConfigSerializeWrapper.decode(golden);
        assertEquals(new DataVersion(1700000000000L, 5), wrapper.dataVersion());
        assertEquals(new TopicConfig("TBW102", 8, 8, 7, TopicFilterType.SINGLE_TAG, 0, false),
            wrapper.topicConfigTable().get("TBW102"));
        assertEquals(text(golden), text(wrapper.encode()));

        TopicConfigSerializeWrapper file = TopicConfigSerializeWrapper.decode(bytes("json/config_topics.json"));
        assertEquals(wrapper, file);

        TopicConfigSerializeWrapper live = TopicConfigSerializeWrapper.decode(bytes("live/config/topics.json"));
        assertEquals(4, live.dataVersion().counter());
        assertEquals(new TopicConfig("SCHEDULE_TOPIC_XXXX", 18, 18, 6, TopicFilterType.SINGLE_TAG, 0, false),
            live.topicConfigTable().get("SCHEDULE_TOPIC_XXXX"));
        assertTrue(live.topicConfigTable().containsKey("GV_LIVE"));
    }

    @Test
    void subscriptionGroupFileOfALiveBroker() {
        SubscriptionGroupWrapper live = SubscriptionGroupWrapper.decode(bytes("live/config/subscriptionGroup.json"));
        assertEquals(new DataVersion(1795316104916L, 2), live.dataVersion());
        assertEquals(SubscriptionGroupConfig.defaults("GV_CG_RMQ"), live.subscriptionGroupTable().get("GV_CG_RMQ"));
        assertTrue(live.subscriptionGroupTable().containsKey("TOOLS_CONSUMER"));
        assertEquals(live, SubscriptionGroupWrapper.decode(live.encode()));
    }

    @Test
    void connectionListsFromTheSpecReference() {
        String consumer = "{\"connectionSet\":[{\"clientAddr\":\"10.0.0.9:50000\",\"clientId\":\"10.0.0.9@1\","
            + "\"language\":\"JAVA\",\"version\":407}],\"consumeFromWhere\":\"CONSUME_FROM_LAST_OFFSET\","
            + "\"consumeType\":\"CONSUME_PASSIVELY\",\"messageModel\":\"CLUSTERING\",\"subscriptionTable\":{\"T1\":"
            + "{\"classFilterMode\":false,\"codeSet\":[2598919,2598920],\"expressionType\":\"TAG\","
            + "\"subString\":\"TagA || TagB\",\"subVersion\":1700000000000,\"tagsSet\":[\"TagA\",\"TagB\"],"
            + "\"topic\":\"T1\"}}}";
        Connection c = new Connection("10.0.0.9@1", "10.0.0.9:50000", "JAVA", 407);
        ConsumerConnection cc = new ConsumerConnection(Set.of(c),
            Map.of("T1", SubscriptionData.ofTags("T1", "TagA || TagB", 1700000000000L)), ConsumeType.CONSUME_PASSIVELY,
            MessageModel.CLUSTERING, ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
        assertEquals(consumer, text(cc.encode()));
        assertEquals(cc, ConsumerConnection.decode(utf8(consumer)));
        assertEquals(407, cc.computeMinVersion());

        String producer = "{\"connectionSet\":[{\"clientAddr\":\"10.0.0.9:50000\",\"clientId\":\"10.0.0.9@1\","
            + "\"language\":\"JAVA\",\"version\":407}]}";
        ProducerConnection pc = new ProducerConnection(Set.of(c));
        assertEquals(producer, text(pc.encode()));
        assertEquals(pc, ProducerConnection.decode(utf8(producer)));
    }

    @Test
    void anEmptyConsumerConnectionLeavesOutItsNullEnums() {
        ConsumerConnection empty = new ConsumerConnection(Set.of(), Map.of(), null, null, null);
        assertEquals("{\"connectionSet\":[],\"subscriptionTable\":{}}", text(empty.encode()));
        assertEquals(empty, ConsumerConnection.decode(empty.encode()));
        assertEquals(Integer.MAX_VALUE, empty.computeMinVersion());
    }

    @Test
    void topicStatsResetOffsetsAndGroupListFromTheSpecReference() {
        String stats = "{\"offsetTable\":{{\"brokerName\":\"broker-a\",\"queueId\":7,\"topic\":\"TBW102\"}:"
            + "{\"lastUpdateTimestamp\":0,\"maxOffset\":0,\"minOffset\":0}}}";
        TopicStatsTable table = new TopicStatsTable(Map.of(mq("TBW102", 7), new TopicOffset(0, 0, 0)));
        assertEquals(stats, text(table.encode()));
        assertEquals(table, TopicStatsTable.decode(utf8(stats)));

        String reset = "{\"offsetTable\":{{\"brokerName\":\"broker-a\",\"queueId\":0,\"topic\":\"T1\"}:5}}";
        ResetOffsetBody body = new ResetOffsetBody(Map.of(mq("T1", 0), 5L));
        assertEquals(reset, text(body.encode()));
        assertEquals(body, ResetOffsetBody.decode(utf8(reset)));

        String groups = "{\"groupList\":[\"FS_CG1\",\"FS_CG3\",\"FS_CG2\"]}";
        GroupList list = GroupList.decode(utf8(groups));
        assertEquals(List.of("FS_CG1", "FS_CG3", "FS_CG2"), List.copyOf(list.groupList()));
        assertEquals(groups, text(list.encode()));
        assertEquals(groups, text(new GroupList(new LinkedHashSet<>(List.of("FS_CG1", "FS_CG3", "FS_CG2"))).encode()));
    }

    @Test
    void consumerIdListOfALiveBroker() {
        byte[] golden = bytes("live/consumer_id_list.json");
        List<String> ids = StringListBody.decode(StringListBody.CONSUMER_ID_LIST, golden);
        assertEquals(List.of("127.0.0.1@GV_CONS"), ids);
        assertEquals(text(golden), text(StringListBody.encode(StringListBody.CONSUMER_ID_LIST, ids)));
    }

    @Test
    void heartbeatsOfALiveClient() {
        byte[] producer = bytes("live/heartbeat_producer.json");
        HeartbeatData p = HeartbeatData.decode(producer);
        assertEquals(List.of("CLIENT_INNER_PRODUCER", "GV_PG"), p.producerGroups());
        assertTrue(p.consumerDataSet().isEmpty());
        assertEquals(text(producer), text(p.encode()));

        HeartbeatData c = HeartbeatData.decode(bytes("json/live_heartbeat_consumer.json"));
        assertEquals(c, HeartbeatData.decode(c.encode()));
    }

    @Test
    void brokerRuntimeInfoIsAKvTable() {
        String body = "{\"table\":{\"brokerVersionDesc\":\"V4_9_7\",\"putTps\":\"0.0 0.0 \","
            + "\"commitLogDirCapacity\":\"Total : 252.0 GiB, Free : 78.6 GiB.\"}}";
        KVTable table = KVTable.decode(utf8(body));
        assertEquals("0.0 0.0 ", table.table().get("putTps"));
        assertEquals(body, text(table.encode()));
    }
}
