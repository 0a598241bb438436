package io.petrel.common.body;

import static io.petrel.common.body.BodyVectors.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.serializer.SerializerFeature;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.BrokerData;
import io.petrel.common.route.ClusterInfo;
import io.petrel.common.route.DataVersion;
import io.petrel.common.route.KVTable;
import io.petrel.common.route.TopicConfigSerializeWrapper;
import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.common.subscription.SubscriptionGroupWrapper;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.topic.TopicFilterType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.rocketmq.remoting.protocol.RemotingSerializable;
import org.junit.jupiter.api.Test;

/**
 * Random bodies through both implementations. For each body: the official 4.9.7 class (fastjson 1.2.69) encodes
 * and Petrel decodes to the same value, also when the official side writes non-string map keys as strings;
 * Petrel re-encodes those bytes unchanged where it keeps the text's order; and Petrel encodes what the official
 * class decodes to the same value.
 */
class BodyCrossCheckTest {
    private static final int ROUNDS = 300;

    /** One body type: how to make one, convert it, and run each side's codec. */
    private record Body<P, O>(String name, Function<RandomBodies, P> random, Function<P, O> toOfficial,
                              Function<O, P> fromOfficial, Class<O> officialType, Function<P, byte[]> encode,
                              Function<byte[], P> decode, boolean keepsTextOrder) {
    }

    private static <P, O> void crossCheck(Body<P, O> body, long seed) {
        RandomBodies rnd = new RandomBodies(seed);
        for (int i = 0; i < ROUNDS; i++) {
            P value = body.random().apply(rnd);
            O official = body.toOfficial().apply(value);
            byte[] officialBytes = RemotingSerializable.encode(official);
            String where = body.name() + " round " + i + ": " + text(officialBytes);

            P decoded = body.decode().apply(officialBytes);
            assertEquals(value, decoded, where);
            if (body.keepsTextOrder()) {
                assertEquals(text(officialBytes), text(body.encode().apply(decoded)), where);
            }

            byte[] stringKeys = JSON.toJSONString(official, SerializerFeature.WriteNonStringKeyAsString)
                .getBytes(StandardCharsets.UTF_8);
            assertEquals(value, body.decode().apply(stringKeys), body.name() + " string keys: " + text(stringKeys));

            byte[] ours = body.encode().apply(value);
            O back = RemotingSerializable.decode(ours, body.officialType());
            assertEquals(value, body.fromOfficial().apply(back), body.name() + " read by 4.9.7: " + text(ours));
        }
    }

    @Test
    void consumeStats() {
        crossCheck(new Body<>("ConsumeStats", RandomBodies::consumeStats, Official::consumeStats,
            Official::consumeStats, org.apache.rocketmq.common.admin.ConsumeStats.class, ConsumeStats::encode,
            ConsumeStats::decode, true), 1);
    }

    @Test
    void topicStatsTable() {
        crossCheck(new Body<>("TopicStatsTable",
            r -> new TopicStatsTable(r.map(6, r::queue, r::topicOffset)), Official::topicStats, Official::topicStats,
            org.apache.rocketmq.common.admin.TopicStatsTable.class, TopicStatsTable::encode, TopicStatsTable::decode,
            true), 2);
    }

    @Test
    void resetOffsetBody() {
        crossCheck(new Body<>("ResetOffsetBody", r -> new ResetOffsetBody(r.map(6, r::queue, r::anyLong)),
            Official::resetOffset, Official::resetOffset,
            org.apache.rocketmq.common.protocol.body.ResetOffsetBody.class, ResetOffsetBody::encode,
            ResetOffsetBody::decode, true), 3);
    }

    /** The list form pushed to C++ clients, byte for byte as 4.9.7's ResetOffsetBodyForC writes it. */
    @Test
    void resetOffsetBodyForCppClients() {
        RandomBodies rnd = new RandomBodies(31);
        for (int i = 0; i < ROUNDS; i++) {
            ResetOffsetBody value = new ResetOffsetBody(rnd.map(6, rnd::queue, rnd::anyLong));
            List<org.apache.rocketmq.common.message.MessageQueueForC> list = new java.util.ArrayList<>();
            value.offsetTable().forEach((mq, offset) -> list.add(new org.apache.rocketmq.common.message
                .MessageQueueForC(mq.topic(), mq.brokerName(), mq.queueId(), offset)));
            org.apache.rocketmq.common.protocol.body.ResetOffsetBodyForC official =
                new org.apache.rocketmq.common.protocol.body.ResetOffsetBodyForC();
            official.setOffsetTable(list);
            assertEquals(text(RemotingSerializable.encode(official)), text(value.encodeForCpp()), "round " + i);
        }
    }

    @Test
    void consumerConnection() {
        crossCheck(new Body<>("ConsumerConnection", RandomBodies::consumerConnection, Official::consumerConnection,
            Official::consumerConnection, org.apache.rocketmq.common.protocol.body.ConsumerConnection.class,
            ConsumerConnection::encode, ConsumerConnection::decode, true), 4);
    }

    @Test
    void producerConnection() {
        crossCheck(new Body<>("ProducerConnection", r -> new ProducerConnection(r.set(5, r::connection)),
            Official::producerConnection, Official::producerConnection,
            org.apache.rocketmq.common.protocol.body.ProducerConnection.class, ProducerConnection::encode,
            ProducerConnection::decode, true), 5);
    }

    @Test
    void groupList() {
        crossCheck(new Body<>("GroupList", r -> new GroupList(r.set(6, r::name)), Official::groupList,
            Official::groupList, org.apache.rocketmq.common.protocol.body.GroupList.class, GroupList::encode,
            GroupList::decode, true), 6);
    }

    @Test
    void consumerOffsetSerializeWrapper() {
        crossCheck(new Body<>("ConsumerOffsetSerializeWrapper",
            r -> new ConsumerOffsetSerializeWrapper(r.map(5, r::name, () -> r.map(5, r::anyInt, r::anyLong))),
            Official::offsets, Official::offsets,
            org.apache.rocketmq.common.protocol.body.ConsumerOffsetSerializeWrapper.class,
            ConsumerOffsetSerializeWrapper::encode, ConsumerOffsetSerializeWrapper::decode, true), 7);
    }

    @Test
    void consumerRunningInfo() {
        crossCheck(new Body<>("ConsumerRunningInfo", RandomBodies::consumerRunningInfo, Official::runningInfo,
            Official::runningInfo, org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo.class,
            ConsumerRunningInfo::encode, ConsumerRunningInfo::decode, true), 8);
        // The record compares subscription sets by their sort key only; compare them in full once more.
        RandomBodies rnd = new RandomBodies(18);
        for (int i = 0; i < ROUNDS; i++) {
            ConsumerRunningInfo value = rnd.consumerRunningInfo();
            ConsumerRunningInfo back = Official.runningInfo(RemotingSerializable.decode(value.encode(),
                org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo.class));
            assertEquals(List.copyOf(value.subscriptionSet()), List.copyOf(back.subscriptionSet()));
            assertEquals(List.copyOf(value.subscriptionSet()),
                List.copyOf(ConsumerRunningInfo.decode(Official.runningInfo(value).encode()).subscriptionSet()));
        }
    }

    /** What {@code mqadmin consumerStatus} does with the answers of a group's clients, on bodies Petrel wrote. */
    @Test
    void consumerRunningInfoAsMqadminConsumerStatusReadsIt() {
        SubscriptionData sub =
            SubscriptionData.ofTags("GV_TOPIC", "TagA || TagB", 1700000000000L);
        SubscriptionData retry =
            SubscriptionData.ofTags("%RETRY%GV_CG", "*", 1700000000001L);
        Map<String, String> props = new LinkedHashMap<>();
        props.put(ConsumerRunningInfo.PROP_CONSUME_TYPE, "CONSUME_PASSIVELY");
        props.put(ConsumerRunningInfo.PROP_CONSUME_ORDERLY, "true");
        props.put(ConsumerRunningInfo.PROP_CONSUMER_START_TIMESTAMP, "1700000000000");
        props.put(ConsumerRunningInfo.PROP_THREADPOOL_CORE_SIZE, "20");
        props.put(ConsumerRunningInfo.PROP_CLIENT_VERSION, "V4_9_7");
        props.put(ConsumerRunningInfo.PROP_NAMESERVER_ADDR, "127.0.0.1:9876");
        MessageQueue q0 = new MessageQueue("GV_TOPIC", "broker-a", 0);
        ProcessQueueInfo unlocked = new ProcessQueueInfo(3, 3, 5, 3, 1, 0, 0, 0, false, 0, 0, false,
            1700000000000L, 1700000000000L);
        ConsumeStatus status = new ConsumeStatus(1.5, 2.0, 3.25, 4.0, 0.0, 7);
        ConsumerRunningInfo mine = new ConsumerRunningInfo(props, Set.of(sub, retry), Map.of(q0, unlocked),
            Map.of("GV_TOPIC", status), "\"main\" thread");
        ConsumerRunningInfo other = new ConsumerRunningInfo(props, Set.of(retry), Map.of(), Map.of(), null);

        org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo a = RemotingSerializable.decode(mine.encode(),
            org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo.class);
        org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo b = RemotingSerializable.decode(other.encode(),
            org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo.class);

        String printed = a.formatString();
        assertTrue(printed.contains("PROP_CONSUME_TYPE"), printed);
        assertTrue(printed.contains("GV_TOPIC"), printed);
        assertTrue(printed.contains("\"main\" thread"), printed);

        TreeMap<String, org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo> same = new TreeMap<>();
        same.put("c1", a);
        same.put("c2", RemotingSerializable.decode(mine.encode(),
            org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo.class));
        assertTrue(
            org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo.analyzeSubscription(same));
        TreeMap<String, org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo> differ =
            new TreeMap<>(Map.of("c1", a, "c2", b));
        assertFalse(
            org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo.analyzeSubscription(differ));

        String problems = org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo.analyzeProcessQueue("c1", a);
        assertTrue(problems.contains("can't lock"), problems);
        assertEquals(7, a.getStatusTable().get("GV_TOPIC").getConsumeFailedMsgs());
        assertEquals(3.25, a.getStatusTable().get("GV_TOPIC").getConsumeRT());
    }

    @Test
    void consumeMessageDirectlyResult() {
        crossCheck(new Body<>("ConsumeMessageDirectlyResult", RandomBodies::consumeMessageDirectlyResult,
            Official::directResult, Official::directResult,
            org.apache.rocketmq.common.protocol.body.ConsumeMessageDirectlyResult.class,
            ConsumeMessageDirectlyResult::encode, ConsumeMessageDirectlyResult::decode, true), 9);
    }

    @Test
    void queryConsumeTimeSpanBody() {
        crossCheck(new Body<>("QueryConsumeTimeSpanBody",
            r -> new QueryConsumeTimeSpanBody(r.list(4, r::queueTimeSpan)), Official::timeSpans, Official::timeSpans,
            org.apache.rocketmq.common.protocol.body.QueryConsumeTimeSpanBody.class, QueryConsumeTimeSpanBody::encode,
            QueryConsumeTimeSpanBody::decode, true), 10);
    }

    @Test
    void brokerStatsData() {
        crossCheck(new Body<>("BrokerStatsData",
            r -> new BrokerStatsData(r.brokerStatsItemOrNull(), r.brokerStatsItemOrNull(), r.brokerStatsItemOrNull()),
            Official::brokerStats, Official::brokerStats,
            org.apache.rocketmq.common.protocol.body.BrokerStatsData.class, BrokerStatsData::encode,
            BrokerStatsData::decode, true), 11);
    }

    @Test
    void consumeStatsList() {
        crossCheck(new Body<>("ConsumeStatsList", RandomBodies::consumeStatsList, Official::consumeStatsList,
            Official::consumeStatsList, org.apache.rocketmq.common.protocol.body.ConsumeStatsList.class,
            ConsumeStatsList::encode, ConsumeStatsList::decode, true), 12);
    }

    @Test
    void queryCorrectionOffsetBody() {
        crossCheck(new Body<>("QueryCorrectionOffsetBody",
            r -> new QueryCorrectionOffsetBody(r.map(8, r::anyInt, r::anyLong)), Official::correction,
            Official::correction, org.apache.rocketmq.common.protocol.body.QueryCorrectionOffsetBody.class,
            QueryCorrectionOffsetBody::encode, QueryCorrectionOffsetBody::decode, true), 13);
    }

    @Test
    void getConsumerStatusBody() {
        crossCheck(new Body<>("GetConsumerStatusBody", RandomBodies::getConsumerStatusBody, Official::consumerStatus,
            Official::consumerStatus, org.apache.rocketmq.common.protocol.body.GetConsumerStatusBody.class,
            GetConsumerStatusBody::encode, GetConsumerStatusBody::decode, true), 14);
    }

    @Test
    void queryConsumeQueueResponseBody() {
        crossCheck(new Body<>("QueryConsumeQueueResponseBody", RandomBodies::queryConsumeQueueResponseBody,
            Official::consumeQueue, Official::consumeQueue,
            org.apache.rocketmq.common.protocol.body.QueryConsumeQueueResponseBody.class,
            QueryConsumeQueueResponseBody::encode, QueryConsumeQueueResponseBody::decode, true), 20);
    }

    @Test
    void producerTableInfo() {
        crossCheck(new Body<>("ProducerTableInfo", RandomBodies::producerTableInfo, Official::producers,
            Official::producers, org.apache.rocketmq.common.protocol.body.ProducerTableInfo.class,
            ProducerTableInfo::encode, ProducerTableInfo::decode, true), 21);
    }

    @Test
    void clusterAclVersionInfo() {
        crossCheck(new Body<>("ClusterAclVersionInfo", RandomBodies::clusterAclVersionInfo, Official::aclVersions,
            Official::aclVersions, org.apache.rocketmq.common.protocol.body.ClusterAclVersionInfo.class,
            ClusterAclVersionInfo::encode, ClusterAclVersionInfo::decode, true), 22);
    }

    @Test
    void aclConfig() {
        crossCheck(new Body<>("AclConfig", RandomBodies::aclConfig, Official::acl, Official::acl,
            org.apache.rocketmq.common.protocol.header.GetBrokerClusterAclConfigResponseBody.class, AclConfig::encode,
            AclConfig::decode, true), 23);
    }

    @Test
    void lockBatchBodies() {
        crossCheck(new Body<>("LockBatchRequestBody",
            r -> new LockBatchBody(r.name(), r.name(), r.set(5, r::queue)), p -> {
                var o = new org.apache.rocketmq.common.protocol.body.LockBatchRequestBody();
                o.setClientId(p.clientId());
                o.setConsumerGroup(p.consumerGroup());
                p.mqSet().forEach(q -> o.getMqSet().add(Official.mq(q)));
                return o;
            }, o -> new LockBatchBody(o.getClientId(), o.getConsumerGroup(),
                new LinkedHashSet<>(o.getMqSet().stream().map(Official::mq).toList())),
            org.apache.rocketmq.common.protocol.body.LockBatchRequestBody.class, LockBatchBody::encode,
            LockBatchBody::decode, false), 23);
        crossCheck(new Body<Set<MessageQueue>, org.apache.rocketmq.common.protocol.body.LockBatchResponseBody>(
            "LockBatchResponseBody", r -> r.set(5, r::queue), p -> {
                var o = new org.apache.rocketmq.common.protocol.body.LockBatchResponseBody();
                p.forEach(q -> o.getLockOKMQSet().add(Official.mq(q)));
                return o;
            }, o -> new LinkedHashSet<>(o.getLockOKMQSet().stream().map(Official::mq).toList()),
            org.apache.rocketmq.common.protocol.body.LockBatchResponseBody.class, LockBatchBody::encodeLocked,
            LockBatchBody::decodeLocked, true), 24);
    }

    @Test
    void kvTable() {
        crossCheck(new Body<>("KVTable", r -> new KVTable(r.map(8, r::name, r::name)), p -> {
            org.apache.rocketmq.common.protocol.body.KVTable o = new org.apache.rocketmq.common.protocol.body.KVTable();
            o.setTable(new LinkedHashMap<>(p.table()));
            return o;
        }, o -> new KVTable(o.getTable()), org.apache.rocketmq.common.protocol.body.KVTable.class, KVTable::encode,
            KVTable::decode, true), 15);
    }

    @Test
    void clusterInfo() {
        // Petrel's ClusterInfo sorts its tables, so only values are compared, not the order of the text.
        crossCheck(new Body<>("ClusterInfo", r -> new ClusterInfo(
            r.map(4, r::name, () -> new BrokerData(r.name(), r.name(), new TreeMap<>(r.map(3, r::anyLong, r::name)))),
            r.map(3, r::name, () -> r.set(3, r::name))), p -> {
                org.apache.rocketmq.common.protocol.body.ClusterInfo o =
                    new org.apache.rocketmq.common.protocol.body.ClusterInfo();
                HashMap<String, org.apache.rocketmq.common.protocol.route.BrokerData> brokers = new HashMap<>();
                p.brokerAddrTable().forEach((k, b) -> brokers.put(k, new org.apache.rocketmq.common.protocol.route
                    .BrokerData(b.cluster(), b.brokerName(), new HashMap<>(b.brokerAddrs()))));
                o.setBrokerAddrTable(brokers);
                HashMap<String, Set<String>> clusters = new HashMap<>();
                p.clusterAddrTable().forEach((k, v) -> clusters.put(k, new LinkedHashSet<>(v)));
                o.setClusterAddrTable(clusters);
                return o;
            }, o -> {
                Map<String, BrokerData> brokers = new LinkedHashMap<>();
                o.getBrokerAddrTable().forEach((k, b) -> brokers.put(k,
                    new BrokerData(b.getCluster(), b.getBrokerName(), new TreeMap<>(b.getBrokerAddrs()))));
                return new ClusterInfo(brokers, o.getClusterAddrTable());
            }, org.apache.rocketmq.common.protocol.body.ClusterInfo.class, ClusterInfo::encode, ClusterInfo::decode,
            false), 16);
    }

    private static org.apache.rocketmq.common.DataVersion dataVersion(DataVersion p) {
        org.apache.rocketmq.common.DataVersion o = new org.apache.rocketmq.common.DataVersion();
        o.setTimestamp(p.timestamp());
        o.setCounter(new AtomicLong(p.counter()));
        return o;
    }

    private static DataVersion dataVersion(org.apache.rocketmq.common.DataVersion o) {
        return new DataVersion(o.getTimestamp(), o.getCounter().get());
    }

    @Test
    void topicConfigSerializeWrapper() {
        crossCheck(new Body<>("TopicConfigSerializeWrapper", r -> {
            Map<String, TopicConfig> topics = new LinkedHashMap<>();
            for (int i = r.count(5); i > 0; i--) {
                String name = r.name();
                topics.put(name, new TopicConfig(name, r.anyInt(), r.anyInt(), r.anyInt(),
                    r.bool() ? TopicFilterType.SINGLE_TAG : TopicFilterType.MULTI_TAG, r.anyInt(), r.bool()));
            }
            return new TopicConfigSerializeWrapper(topics, new DataVersion(r.anyLong(), r.anyLong()));
        }, p -> {
            org.apache.rocketmq.common.protocol.body.TopicConfigSerializeWrapper o =
                new org.apache.rocketmq.common.protocol.body.TopicConfigSerializeWrapper();
            ConcurrentHashMap<String, org.apache.rocketmq.common.TopicConfig> topics = new ConcurrentHashMap<>();
            p.topicConfigTable().forEach((k, t) -> {
                org.apache.rocketmq.common.TopicConfig c = new org.apache.rocketmq.common.TopicConfig(t.topicName(),
                    t.readQueueNums(), t.writeQueueNums(), t.perm());
                c.setTopicFilterType(org.apache.rocketmq.common.TopicFilterType.valueOf(t.filterType().name()));
                c.setTopicSysFlag(t.topicSysFlag());
                c.setOrder(t.order());
                topics.put(k, c);
            });
            o.setTopicConfigTable(topics);
            o.setDataVersion(dataVersion(p.dataVersion()));
            return o;
        }, o -> {
            Map<String, TopicConfig> topics = new LinkedHashMap<>();
            o.getTopicConfigTable().forEach((k, c) -> topics.put(k, new TopicConfig(c.getTopicName(),
                c.getReadQueueNums(), c.getWriteQueueNums(), c.getPerm(),
                TopicFilterType.valueOf(c.getTopicFilterType().name()), c.getTopicSysFlag(), c.isOrder())));
            return new TopicConfigSerializeWrapper(topics, dataVersion(o.getDataVersion()));
        }, org.apache.rocketmq.common.protocol.body.TopicConfigSerializeWrapper.class,
            TopicConfigSerializeWrapper::encode, TopicConfigSerializeWrapper::decode, true), 17);
    }

    @Test
    void subscriptionGroupWrapper() {
        crossCheck(new Body<>("SubscriptionGroupWrapper", r -> {
            Map<String, SubscriptionGroupConfig> groups = new LinkedHashMap<>();
            for (int i = r.count(5); i > 0; i--) {
                String name = r.name();
                groups.put(name, new SubscriptionGroupConfig(name.isBlank() ? "G" + name : name, r.bool(), r.bool(),
                    r.bool(), r.anyInt(), r.anyInt(), r.anyLong(), r.anyLong(), r.bool()));
            }
            return new SubscriptionGroupWrapper(groups, new DataVersion(r.anyLong(), r.anyLong()));
        }, p -> {
            org.apache.rocketmq.common.protocol.body.SubscriptionGroupWrapper o =
                new org.apache.rocketmq.common.protocol.body.SubscriptionGroupWrapper();
            ConcurrentHashMap<String, org.apache.rocketmq.common.subscription.SubscriptionGroupConfig> groups =
                new ConcurrentHashMap<>();
            p.subscriptionGroupTable().forEach((k, g) -> {
                org.apache.rocketmq.common.subscription.SubscriptionGroupConfig c =
                    new org.apache.rocketmq.common.subscription.SubscriptionGroupConfig();
                c.setGroupName(g.groupName());
                c.setConsumeEnable(g.consumeEnable());
                c.setConsumeFromMinEnable(g.consumeFromMinEnable());
                c.setConsumeBroadcastEnable(g.consumeBroadcastEnable());
                c.setRetryQueueNums(g.retryQueueNums());
                c.setRetryMaxTimes(g.retryMaxTimes());
                c.setBrokerId(g.brokerId());
                c.setWhichBrokerWhenConsumeSlowly(g.whichBrokerWhenConsumeSlowly());
                c.setNotifyConsumerIdsChangedEnable(g.notifyConsumerIdsChangedEnable());
                groups.put(k, c);
            });
            o.setSubscriptionGroupTable(groups);
            o.setDataVersion(dataVersion(p.dataVersion()));
            return o;
        }, o -> {
            Map<String, SubscriptionGroupConfig> groups = new LinkedHashMap<>();
            o.getSubscriptionGroupTable().forEach((k, c) -> groups.put(k, new SubscriptionGroupConfig(c.getGroupName(),
                c.isConsumeEnable(), c.isConsumeFromMinEnable(), c.isConsumeBroadcastEnable(), c.getRetryQueueNums(),
                c.getRetryMaxTimes(), c.getBrokerId(), c.getWhichBrokerWhenConsumeSlowly(),
                c.isNotifyConsumerIdsChangedEnable())));
            return new SubscriptionGroupWrapper(groups, dataVersion(o.getDataVersion()));
        }, org.apache.rocketmq.common.protocol.body.SubscriptionGroupWrapper.class,
            SubscriptionGroupWrapper::encode, SubscriptionGroupWrapper::decode, true), 19);
    }
}
