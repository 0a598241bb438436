package io.petrel.common.body;

import static io.petrel.common.body.BodyVectors.bytes;
import static io.petrel.common.body.BodyVectors.text;
import static io.petrel.common.body.BodyVectors.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.ClusterInfo;
import io.petrel.common.route.DataVersion;
import io.petrel.common.route.KVTable;
import io.petrel.common.route.TopicConfigSerializeWrapper;
import io.petrel.common.subscription.SubscriptionGroupWrapper;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** How the body decoders treat what 4.9.7 peers may send beyond the usual: extra, missing and broken content. */
class BodyDecodingTest {
    private record Decoder(String name, Function<byte[], ?> decode, Function<RandomBodies, byte[]> sample) {
    }

    private static final List<Decoder> DECODERS = List.of(
        new Decoder("ConsumeStats", ConsumeStats::decode, r -> r.consumeStats().encode()),
        new Decoder("TopicStatsTable", TopicStatsTable::decode,
            r -> new TopicStatsTable(r.map(4, r::queue, r::topicOffset)).encode()),
        new Decoder("ResetOffsetBody", ResetOffsetBody::decode,
            r -> new ResetOffsetBody(r.map(4, r::queue, r::anyLong)).encode()),
        new Decoder("ConsumerConnection", ConsumerConnection::decode, r -> r.consumerConnection().encode()),
        new Decoder("ProducerConnection", ProducerConnection::decode,
            r -> new ProducerConnection(r.set(3, r::connection)).encode()),
        new Decoder("GroupList", GroupList::decode, r -> new GroupList(r.set(4, r::name)).encode()),
        new Decoder("ConsumerOffsetSerializeWrapper", ConsumerOffsetSerializeWrapper::decode,
            r -> new ConsumerOffsetSerializeWrapper(r.map(3, r::name, () -> r.map(3, r::anyInt, r::anyLong))).encode()),
        new Decoder("ConsumerRunningInfo", ConsumerRunningInfo::decode, r -> r.consumerRunningInfo().encode()),
        new Decoder("ConsumeMessageDirectlyResult", ConsumeMessageDirectlyResult::decode,
            r -> r.consumeMessageDirectlyResult().encode()),
        new Decoder("QueryConsumeTimeSpanBody", QueryConsumeTimeSpanBody::decode,
            r -> new QueryConsumeTimeSpanBody(r.list(3, r::queueTimeSpan)).encode()),
        new Decoder("BrokerStatsData", BrokerStatsData::decode, r -> new BrokerStatsData(r.brokerStatsItemOrNull(),
            r.brokerStatsItemOrNull(), r.brokerStatsItemOrNull()).encode()),
        new Decoder("ConsumeStatsList", ConsumeStatsList::decode, r -> r.consumeStatsList().encode()),
        new Decoder("QueryCorrectionOffsetBody", QueryCorrectionOffsetBody::decode,
            r -> new QueryCorrectionOffsetBody(r.map(5, r::anyInt, r::anyLong)).encode()),
        new Decoder("GetConsumerStatusBody", GetConsumerStatusBody::decode, r -> r.getConsumerStatusBody().encode()),
        new Decoder("QueryConsumeQueueResponseBody", QueryConsumeQueueResponseBody::decode,
            r -> r.queryConsumeQueueResponseBody().encode()),
        new Decoder("ProducerTableInfo", ProducerTableInfo::decode, r -> r.producerTableInfo().encode()),
        new Decoder("ClusterAclVersionInfo", ClusterAclVersionInfo::decode, r -> r.clusterAclVersionInfo().encode()),
        new Decoder("AclConfig", AclConfig::decode, r -> r.aclConfig().encode()),
        new Decoder("KVTable", KVTable::decode, r -> new KVTable(r.map(5, r::name, r::name)).encode()),
        new Decoder("ClusterInfo", ClusterInfo::decode, r -> bytes("live/cluster_info.json")),
        new Decoder("TopicConfigSerializeWrapper", TopicConfigSerializeWrapper::decode,
            r -> bytes("json/topic_config_wrapper.json")),
        new Decoder("SubscriptionGroupWrapper", SubscriptionGroupWrapper::decode,
            r -> bytes("live/config/subscriptionGroup.json")));

    private static void assertRejected(Decoder d, byte[] body) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.decode().apply(body),
            () -> d.name() + " accepted " + (body == null ? null : text(body)));
        assertTrue(e.getMessage().startsWith(d.name() + ":"),
            () -> d.name() + " error names the body: " + e.getMessage());
    }

    @Test
    void anEmptyObjectGivesTheJavaDefaults() {
        for (Decoder d : DECODERS) {
            d.decode().apply(utf8("{}"));
        }
        ConsumeStats stats = ConsumeStats.decode(utf8("{}"));
        assertTrue(stats.offsetTable().isEmpty());
        assertEquals(0.0, stats.consumeTps());
        assertEquals(new ConsumeMessageDirectlyResult(false, true, null, null, 0),
            ConsumeMessageDirectlyResult.decode(utf8("{}")), "4.9.7's field initialisers: autoCommit true");
        assertEquals(new ConsumerConnection(Set.of(), Map.of(), null, null, null),
            ConsumerConnection.decode(utf8("{}")));
        assertEquals(new ConsumerRunningInfo(Map.of(), Set.of(), Map.of(), Map.of(), null),
            ConsumerRunningInfo.decode(utf8("{}")));
        assertEquals(new BrokerStatsData(null, null, null), BrokerStatsData.decode(utf8("{}")));
        assertEquals(new ConsumeStatsList(List.of(), null, 0), ConsumeStatsList.decode(utf8("{}")));
        assertEquals(DataVersion.ZERO, TopicConfigSerializeWrapper.decode(utf8("{}")).dataVersion());
        assertEquals(DataVersion.ZERO, SubscriptionGroupWrapper.decode(utf8("{}")).dataVersion());
        assertTrue(ClusterInfo.decode(utf8("{}")).brokerAddrTable().isEmpty());
    }

    @Test
    void unknownMembersAreIgnoredAtEveryLevel() {
        String extra = "\"zzz\":1,\"nested\":{\"a\":[1,{\"b\":null}],\"c\":1.5E3},\"n\":null";
        for (Decoder d : DECODERS) {
            assertEquals(d.decode().apply(utf8("{}")), d.decode().apply(utf8("{" + extra + "}")), d.name());
        }
        ConsumeStats stats = ConsumeStats.decode(utf8("{\"future\":true,\"offsetTable\":{{\"brokerName\":\"b\","
            + "\"queueId\":2,\"topic\":\"T\",\"extra\":[]}:{\"brokerOffset\":5,\"newField\":\"x\"}},"
            + "\"consumeTps\":2}"));
        assertEquals(Map.of(new MessageQueue("T", "b", 2), new OffsetWrapper(5, 0, 0)), stats.offsetTable());
        assertEquals(2.0, stats.consumeTps());

        ConsumerRunningInfo info = ConsumerRunningInfo.decode(utf8("{\"subscriptionSet\":[{\"topic\":\"T\","
            + "\"subString\":\"*\",\"filterClassSource\":\"x\",\"newer\":1}],\"mqTable\":{{\"brokerName\":\"b\","
            + "\"queueId\":0,\"topic\":\"T\"}:{\"commitOffset\":4,\"somethingNew\":{}}},\"statusTable\":{\"T\":"
            + "{\"pullRT\":1.5,\"x\":1}},\"properties\":{\"a\":1,\"b\":true}}"));
        assertEquals(4, info.mqTable().get(new MessageQueue("T", "b", 0)).commitOffset());
        assertEquals(1.5, info.statusTable().get("T").pullRT());
        assertEquals(Map.of("a", "1", "b", "true"), info.properties(), "non-string properties read as text");
        assertEquals("TAG", info.subscriptionSet().iterator().next().expressionType());
    }

    @Test
    void bothQueueKeyFormsEvenMixedAndPrettyPrinted() {
        String body = "{\n\t\"offsetTable\":{\n\t\t{\"topic\":\"T\", \"queueId\":1, \"brokerName\":\"b\"} : 7,\n"
            + "\t\t\"{\\\"brokerName\\\":\\\"b\\\",\\\"queueId\\\":0,\\\"topic\\\":\\\"T\\\"}\":\"8\"\n\t}\n}";
        ResetOffsetBody reset = ResetOffsetBody.decode(utf8(body));
        assertEquals(Map.of(new MessageQueue("T", "b", 1), 7L, new MessageQueue("T", "b", 0), 8L),
            reset.offsetTable());
        assertEquals(List.of(new MessageQueue("T", "b", 1), new MessageQueue("T", "b", 0)),
            List.copyOf(reset.offsetTable().keySet()));
    }

    @Test
    void numericKeysBareQuotedOrNegative() {
        QueryCorrectionOffsetBody body =
            QueryCorrectionOffsetBody.decode(utf8("{\"correctionOffsets\":{0:1,\"1\":2,-1:3, 2147483647:4}}"));
        assertEquals(Map.of(0, 1L, 1, 2L, -1, 3L, Integer.MAX_VALUE, 4L), body.correctionOffsets());
        assertEquals("{\"correctionOffsets\":{0:1,1:2,-1:3,2147483647:4}}", text(body.encode()));
        assertEquals(Map.of("T@G", Map.of(-1, 5L, 3, 6L)), ConsumerOffsetSerializeWrapper.decode(
            utf8("{\"offsetTable\":{\"T@G\":{-1:5,\"3\":6}}}")).offsetTable());
    }

    @Test
    void malformedBodiesAreRejectedNamingTheBody() {
        String[] broken = {"", "   ", "{", "}", "[]", "[1]", "null", "\"text\"", "42", "{\"a\":}", "{\"a\" 1}",
            "not json", "{\"a\":1}garbage", "{\"a\":[1,2}", "{\"a\":\"unterminated}", "{{\"topic\":\"T\"}}",
            "{\"a\":1,}", "{'a':1}", "{\"a\":NaN}", "[".repeat(10_000)};
        for (Decoder d : DECODERS) {
            assertRejected(d, null);
            for (String b : broken) {
                assertRejected(d, utf8(b));
            }
        }
    }

    @Test
    void membersOfTheWrongShapeAreRejectedNamingTheBody() {
        Map<String, String[]> cases = Map.ofEntries(
            Map.entry("ConsumeStats", new String[] {"{\"offsetTable\":[1]}", "{\"consumeTps\":\"fast\"}",
                "{\"offsetTable\":{{\"topic\":\"T\",\"brokerName\":\"b\"}:[1]}}", "{\"offsetTable\":{\"q\":{}}}",
                "{\"offsetTable\":{5:{}}}", "{\"offsetTable\":{{\"brokerName\":\"b\",\"queueId\":0}:{}}}",
                "{\"offsetTable\":{{\"topic\":\"T\",\"brokerName\":\"b\",\"queueId\":\"x\"}:{}}}",
                "{\"offsetTable\":{{\"topic\":\"T\",\"brokerName\":\"b\"}:{\"brokerOffset\":\"many\"}}}"}),
            Map.entry("TopicStatsTable", new String[] {"{\"offsetTable\":7}", "{\"offsetTable\":{[1]:{}}}"}),
            Map.entry("ResetOffsetBody", new String[] {"{\"offsetTable\":{{\"topic\":\"T\",\"brokerName\":\"b\"}:"
                + "\"five\"}}"}),
            Map.entry("ConsumerConnection", new String[] {"{\"connectionSet\":{}}", "{\"consumeType\":\"NOPE\"}",
                "{\"connectionSet\":[1]}", "{\"subscriptionTable\":{\"T\":5}}", "{\"subscriptionTable\":{\"T\":{}}}"}),
            Map.entry("ProducerConnection", new String[] {"{\"connectionSet\":[null]}",
                "{\"connectionSet\":[{\"version\":\"v\"}]}"}),
            Map.entry("GroupList", new String[] {"{\"groupList\":\"G\"}"}),
            Map.entry("ConsumerOffsetSerializeWrapper", new String[] {"{\"offsetTable\":{\"T@G\":{\"x\":1}}}",
                "{\"offsetTable\":{\"T@G\":[1]}}", "{\"offsetTable\":{\"T@G\":{9999999999:1}}}"}),
            Map.entry("ConsumerRunningInfo", new String[] {"{\"subscriptionSet\":[1]}", "{\"mqTable\":{\"q\":{}}}",
                "{\"statusTable\":{\"T\":[]}}", "{\"properties\":[]}"}),
            Map.entry("ConsumeMessageDirectlyResult", new String[] {"{\"consumeResult\":\"CR_NOPE\"}",
                "{\"spentTimeMills\":{}}"}),
            Map.entry("QueryConsumeTimeSpanBody", new String[] {"{\"consumeTimeSpanSet\":[5]}",
                "{\"consumeTimeSpanSet\":[{\"messageQueue\":3}]}"}),
            Map.entry("BrokerStatsData", new String[] {"{\"statsDay\":5}", "{\"statsHour\":{\"tps\":\"x\"}}"}),
            Map.entry("ConsumeStatsList", new String[] {"{\"consumeStatsList\":[{\"G\":5}]}",
                "{\"consumeStatsList\":[3]}", "{\"consumeStatsList\":[{\"G\":[{\"offsetTable\":{\"q\":1}}]}]}"}),
            Map.entry("QueryCorrectionOffsetBody", new String[] {"{\"correctionOffsets\":{\"q\":1}}"}),
            Map.entry("GetConsumerStatusBody", new String[] {"{\"consumerTable\":{\"c\":5}}",
                "{\"messageQueueTable\":{\"q\":1}}"}),
            Map.entry("QueryConsumeQueueResponseBody", new String[] {"{\"queueData\":[1]}",
                "{\"subscriptionData\":[]}", "{\"queueData\":[{\"physicSize\":1e10}]}"}),
            Map.entry("ProducerTableInfo", new String[] {"{\"data\":{\"G\":{}}}", "{\"data\":{\"G\":[7]}}"}),
            Map.entry("ClusterAclVersionInfo", new String[] {"{\"aclConfigDataVersion\":[]}",
                "{\"allAclConfigDataVersion\":{\"f\":1}}"}),
            Map.entry("AclConfig", new String[] {"{\"globalWhiteAddrs\":{}}", "{\"plainAccessConfigs\":[5]}",
                "{\"plainAccessConfigs\":[{\"topicPerms\":\"t=PUB\"}]}"}),
            Map.entry("KVTable", new String[] {"{\"table\":[]}"}),
            Map.entry("ClusterInfo", new String[] {"{\"brokerAddrTable\":[]}",
                "{\"brokerAddrTable\":{\"b\":{\"brokerAddrs\":{\"x\":\"h\"}}}}"}),
            Map.entry("TopicConfigSerializeWrapper", new String[] {"{\"topicConfigTable\":{\"T\":1}}",
                "{\"topicConfigTable\":{\"T\":{\"topicFilterType\":\"NOPE\"}}}"}),
            Map.entry("SubscriptionGroupWrapper", new String[] {"{\"subscriptionGroupTable\":{\"G\":1}}",
                "{\"dataVersion\":{\"counter\":\"x\"}}"}));
        assertEquals(DECODERS.size(), cases.size());
        for (Decoder d : DECODERS) {
            for (String b : cases.get(d.name())) {
                assertRejected(d, utf8(b));
            }
        }
    }

    @Test
    void mutatedBodiesDecodeOrAreRejectedNamingTheBody() {
        Random rnd = new Random(99);
        String noise = "{}[]:,\"\\ 0-9eE.aZnull\n";
        for (Decoder d : DECODERS) {
            RandomBodies bodies = new RandomBodies(d.name().hashCode());
            for (int i = 0; i < 400; i++) {
                StringBuilder s = new StringBuilder(text(d.sample().apply(bodies)));
                for (int edits = 1 + rnd.nextInt(3); edits > 0 && s.length() > 0; edits--) {
                    int at = rnd.nextInt(s.length());
                    switch (rnd.nextInt(4)) {
                        case 0 -> s.setLength(at);
                        case 1 -> s.deleteCharAt(at);
                        case 2 -> s.insert(at, noise.charAt(rnd.nextInt(noise.length())));
                        default -> s.setCharAt(at, noise.charAt(rnd.nextInt(noise.length())));
                    }
                }
                try {
                    d.decode().apply(utf8(s.toString()));
                } catch (IllegalArgumentException e) {
                    assertTrue(e.getMessage().startsWith(d.name() + ":"), () -> d.name() + ": " + e.getMessage());
                } catch (RuntimeException e) {
                    fail(d.name() + " threw " + e + " for " + s, e);
                }
            }
        }
    }

    @Test
    void lockBatchBodies() {
        LockBatchBody body = new LockBatchBody("c", "G", Set.of(new MessageQueue("T", "b", 1)));
        assertEquals(body, LockBatchBody.decode(body.encode()));
        for (String bad : new String[] {"{}", "{\"clientId\":\"c\",\"consumerGroup\":\"G\",\"mqSet\":[1]}",
            "{\"clientId\":\"c\",\"consumerGroup\":\"G\",\"mqSet\":{}}", "{"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LockBatchBody.decode(utf8(bad)), bad);
            assertTrue(e.getMessage().startsWith("LockBatchRequestBody:"), e.getMessage());
        }
        assertEquals(Set.of(new MessageQueue("T", "b", 1)), LockBatchBody.decodeLocked(
            LockBatchBody.encodeLocked(Set.of(new MessageQueue("T", "b", 1)))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> LockBatchBody.decodeLocked(utf8("{\"lockOKMQSet\":[\"x\"]}")));
        assertTrue(e.getMessage().startsWith("LockBatchResponseBody:"), e.getMessage());
    }

    @Test
    void nanAndInfiniteRatesAreWrittenAsNullAndReadAsZero() {
        ConsumeStatus status = new ConsumeStatus(Double.NaN, Double.POSITIVE_INFINITY, 1.0, 0, 0, 0);
        ConsumerRunningInfo info = new ConsumerRunningInfo(Map.of(), Set.of(), Map.of(), Map.of("T", status), null);
        String json = text(info.encode());
        assertTrue(json.contains("\"pullRT\":null,\"pullTPS\":null"), json);
        ConsumeStatus back = ConsumerRunningInfo.decode(info.encode()).statusTable().get("T");
        assertEquals(new ConsumeStatus(0, 0, 1.0, 0, 0, 0), back);
        var official = org.apache.rocketmq.remoting.protocol.RemotingSerializable.decode(info.encode(),
            org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo.class);
        assertEquals(0.0, official.getStatusTable().get("T").getPullRT(), "4.9.7 reads null as 0 too");
        assertEquals("{\"consumeTps\":null,\"offsetTable\":{}}", text(new ConsumeStats(Map.of(), Double.NaN).encode()));
    }

    @Test
    void consumerRunningInfoOrdersLike497() {
        MessageQueue a0 = new MessageQueue("A", "b", 0);
        MessageQueue a10 = new MessageQueue("A", "b", 10);
        MessageQueue b2 = new MessageQueue("B", "a", 2);
        SubscriptionData t2 = SubscriptionData.ofTags("T", "x", 1);
        SubscriptionData t1 = SubscriptionData.ofTags("T", "*", 2);
        SubscriptionData s1 = SubscriptionData.ofTags("S", "*", 3);
        ProcessQueueInfo pq = new ProcessQueueInfo(0, 0, 0, 0, 0, 0, 0, 0, false, 0, 0, false, 0, 0);
        ConsumeStatus st = new ConsumeStatus(0, 0, 0, 0, 0, 0);
        ConsumerRunningInfo info = new ConsumerRunningInfo(Map.of(), new java.util.LinkedHashSet<>(List.of(t2, t1, s1)),
            Map.of(b2, pq, a10, pq, a0, pq), Map.of("z", st, "a", st), null);
        assertEquals(List.of(a0, a10, b2), List.copyOf(info.mqTable().keySet()));
        assertEquals(List.of("a", "z"), List.copyOf(info.statusTable().keySet()));
        assertEquals(List.of(s1, t1, t2), List.copyOf(info.subscriptionSet()), "by topic@subString");
        assertThrows(UnsupportedOperationException.class, () -> info.mqTable().clear());
        assertThrows(UnsupportedOperationException.class, () -> info.subscriptionSet().clear());
    }

    @Test
    void recordsAreImmutableAndRefuseNulls() {
        Map<MessageQueue, Long> source = new java.util.HashMap<>(Map.of(new MessageQueue("T", "b", 0), 1L));
        ResetOffsetBody body = new ResetOffsetBody(source);
        source.clear();
        assertEquals(1, body.offsetTable().size());
        assertThrows(UnsupportedOperationException.class, () -> body.offsetTable().clear());
        Map<MessageQueue, Long> withNull = new java.util.HashMap<>();
        withNull.put(new MessageQueue("T", "b", 0), null);
        assertThrows(NullPointerException.class, () -> new ResetOffsetBody(withNull));
    }

    @Test
    void timeSpansFormatTheirTimesInTheGivenZoneAndIgnoreThemWhenRead() {
        QueueTimeSpan span = new QueueTimeSpan(new MessageQueue("T", "b", 1), 1700000000000L, 1700000001234L, 0, 5);
        QueryConsumeTimeSpanBody body = new QueryConsumeTimeSpanBody(List.of(span));
        String json = text(body.encode(ZoneId.of("Asia/Shanghai")));
        assertEquals("{\"consumeTimeSpanSet\":[{\"consumeTimeStamp\":0,\"consumeTimeStampStr\":"
            + "\"1970-01-01#08:00:00:000\",\"delayTime\":5,\"maxTimeStamp\":1700000001234,\"maxTimeStampStr\":"
            + "\"2023-11-15#06:13:21:234\",\"messageQueue\":{\"brokerName\":\"b\",\"queueId\":1,\"topic\":\"T\"},"
            + "\"minTimeStamp\":1700000000000,\"minTimeStampStr\":\"2023-11-15#06:13:20:000\"}]}", json);
        assertEquals(body, QueryConsumeTimeSpanBody.decode(utf8(json.replace("2023", "1999"))));
        QueueTimeSpan noQueue = QueryConsumeTimeSpanBody.decode(utf8("{\"consumeTimeSpanSet\":[{\"delayTime\":3}]}"))
            .consumeTimeSpanSet().get(0);
        assertNull(noQueue.messageQueue());
        assertEquals(3, noQueue.delayTime());
    }

    @Test
    void consumeMessageDirectlyResultMembers() {
        ConsumeMessageDirectlyResult defaults = new ConsumeMessageDirectlyResult(false, true, null, null, 0);
        assertEquals("{\"autoCommit\":true,\"order\":false,\"spentTimeMills\":0}", text(defaults.encode()));
        ConsumeMessageDirectlyResult r = new ConsumeMessageDirectlyResult(true, false, CMResult.CR_LATER, "x", 7);
        assertEquals("{\"autoCommit\":false,\"consumeResult\":\"CR_LATER\",\"order\":true,\"remark\":\"x\","
            + "\"spentTimeMills\":7}", text(r.encode()));
        assertEquals(r, ConsumeMessageDirectlyResult.decode(r.encode()));
        assertNull(ConsumeMessageDirectlyResult.decode(utf8("{\"remark\":null}")).remark());
    }

    @Test
    void totalsOverQueuesAndMembers() {
        Map<MessageQueue, OffsetWrapper> table = new java.util.LinkedHashMap<>();
        table.put(new MessageQueue("T", "b", 0), new OffsetWrapper(10, 4, 0));
        table.put(new MessageQueue("T", "b", 1), new OffsetWrapper(3, 3, 0));
        table.put(new MessageQueue("T", "b", 2), new OffsetWrapper(0, 2, 0));
        assertEquals(4, new ConsumeStats(table, 0).computeTotalDiff(), "6 + 0 - 2, as 4.9.7 sums them");
        List<Connection> members = new ArrayList<>(List.of(new Connection("a", "h:1", "JAVA", 407),
            new Connection("b", "h:2", "CPP", 395)));
        assertEquals(395, new ConsumerConnection(Set.copyOf(members), Map.of(), null, null, null).computeMinVersion());
    }
}
