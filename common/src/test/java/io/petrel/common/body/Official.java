package io.petrel.common.body;

import io.petrel.common.heartbeat.ConsumeFromWhere;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.common.admin.OffsetWrapper;
import org.apache.rocketmq.common.admin.TopicOffset;
import org.apache.rocketmq.remoting.protocol.LanguageCode;

/**
 * Converts between Petrel's body records and the official 4.9.7 classes (test scope only), field by field, so
 * that the cross-checks can compare what each side encoded or decoded.
 */
final class Official {
    private Official() {
    }

    static org.apache.rocketmq.common.message.MessageQueue mq(MessageQueue p) {
        return new org.apache.rocketmq.common.message.MessageQueue(p.topic(), p.brokerName(), p.queueId());
    }

    static MessageQueue mq(org.apache.rocketmq.common.message.MessageQueue o) {
        return new MessageQueue(o.getTopic(), o.getBrokerName(), o.getQueueId());
    }

    static <V> HashMap<org.apache.rocketmq.common.message.MessageQueue, V> queueTable(
        Map<MessageQueue, ?> in, java.util.function.Function<Object, V> value) {
        HashMap<org.apache.rocketmq.common.message.MessageQueue, V> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(mq(k), value.apply(v)));
        return out;
    }

    static <V, R> Map<MessageQueue, R> fromQueueTable(Map<org.apache.rocketmq.common.message.MessageQueue, V> in,
                                                    java.util.function.Function<V, R> value) {
        Map<MessageQueue, R> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(mq(k), value.apply(v)));
        return out;
    }

    // ---- ConsumeStats, TopicStatsTable, ResetOffsetBody

    static OffsetWrapper offsetWrapper(io.petrel.common.body.OffsetWrapper p) {
        OffsetWrapper o = new OffsetWrapper();
        o.setBrokerOffset(p.brokerOffset());
        o.setConsumerOffset(p.consumerOffset());
        o.setLastTimestamp(p.lastTimestamp());
        return o;
    }

    static org.apache.rocketmq.common.admin.ConsumeStats consumeStats(ConsumeStats p) {
        var o = new org.apache.rocketmq.common.admin.ConsumeStats();
        o.setConsumeTps(p.consumeTps());
        o.setOffsetTable(queueTable(p.offsetTable(), v -> offsetWrapper((io.petrel.common.body.OffsetWrapper) v)));
        return o;
    }

    static ConsumeStats consumeStats(org.apache.rocketmq.common.admin.ConsumeStats o) {
        return new ConsumeStats(fromQueueTable(o.getOffsetTable(), w -> new io.petrel.common.body.OffsetWrapper(
            w.getBrokerOffset(), w.getConsumerOffset(), w.getLastTimestamp())), o.getConsumeTps());
    }

    static org.apache.rocketmq.common.admin.TopicStatsTable topicStats(TopicStatsTable p) {
        var o = new org.apache.rocketmq.common.admin.TopicStatsTable();
        o.setOffsetTable(queueTable(p.offsetTable(), v -> {
            io.petrel.common.body.TopicOffset t = (io.petrel.common.body.TopicOffset) v;
            TopicOffset x = new TopicOffset();
            x.setMinOffset(t.minOffset());
            x.setMaxOffset(t.maxOffset());
            x.setLastUpdateTimestamp(t.lastUpdateTimestamp());
            return x;
        }));
        return o;
    }

    static TopicStatsTable topicStats(org.apache.rocketmq.common.admin.TopicStatsTable o) {
        return new TopicStatsTable(fromQueueTable(o.getOffsetTable(), t -> new io.petrel.common.body.TopicOffset(
            t.getMinOffset(), t.getMaxOffset(), t.getLastUpdateTimestamp())));
    }

    static org.apache.rocketmq.common.protocol.body.ResetOffsetBody resetOffset(ResetOffsetBody p) {
        org.apache.rocketmq.common.protocol.body.ResetOffsetBody o =
            new org.apache.rocketmq.common.protocol.body.ResetOffsetBody();
        o.setOffsetTable(queueTable(p.offsetTable(), v -> (Long) v));
        return o;
    }

    static ResetOffsetBody resetOffset(org.apache.rocketmq.common.protocol.body.ResetOffsetBody o) {
        return new ResetOffsetBody(fromQueueTable(o.getOffsetTable(), v -> v));
    }

    // ---- connections

    static org.apache.rocketmq.common.protocol.body.Connection connection(Connection p) {
        var o = new org.apache.rocketmq.common.protocol.body.Connection();
        o.setClientId(p.clientId());
        o.setClientAddr(p.clientAddr());
        o.setLanguage(p.language() == null ? null : LanguageCode.valueOf(p.language()));
        o.setVersion(p.version());
        return o;
    }

    static Connection connection(org.apache.rocketmq.common.protocol.body.Connection o) {
        return new Connection(o.getClientId(), o.getClientAddr(),
            o.getLanguage() == null ? null : o.getLanguage().name(), o.getVersion());
    }

    static HashSet<org.apache.rocketmq.common.protocol.body.Connection> connections(java.util.Set<Connection> p) {
        HashSet<org.apache.rocketmq.common.protocol.body.Connection> out = new LinkedHashSet<>();
        p.forEach(c -> out.add(connection(c)));
        return out;
    }

    static java.util.Set<Connection> fromConnections(
        java.util.Set<org.apache.rocketmq.common.protocol.body.Connection> o) {
        java.util.Set<Connection> out = new LinkedHashSet<>();
        o.forEach(c -> out.add(connection(c)));
        return out;
    }

    static org.apache.rocketmq.common.protocol.heartbeat.SubscriptionData subscription(SubscriptionData p) {
        org.apache.rocketmq.common.protocol.heartbeat.SubscriptionData o =
            new org.apache.rocketmq.common.protocol.heartbeat.SubscriptionData();
        o.setTopic(p.topic());
        o.setSubString(p.subString());
        o.setTagsSet(new LinkedHashSet<>(p.tagsSet()));
        o.setCodeSet(new LinkedHashSet<>(p.codeSet()));
        o.setSubVersion(p.subVersion());
        o.setExpressionType(p.expressionType());
        o.setClassFilterMode(p.classFilterMode());
        return o;
    }

    static SubscriptionData subscription(org.apache.rocketmq.common.protocol.heartbeat.SubscriptionData o) {
        return new SubscriptionData(o.getTopic(), o.getSubString(), o.getTagsSet(), o.getCodeSet(), o.getSubVersion(),
            o.getExpressionType(), o.isClassFilterMode());
    }

    static org.apache.rocketmq.common.protocol.body.ConsumerConnection consumerConnection(ConsumerConnection p) {
        org.apache.rocketmq.common.protocol.body.ConsumerConnection o =
            new org.apache.rocketmq.common.protocol.body.ConsumerConnection();
        o.setConnectionSet(connections(p.connectionSet()));
        ConcurrentHashMap<String, org.apache.rocketmq.common.protocol.heartbeat.SubscriptionData> subs =
            new ConcurrentHashMap<>();
        p.subscriptionTable().forEach((k, v) -> subs.put(k, subscription(v)));
        o.setSubscriptionTable(subs);
        o.setConsumeType(p.consumeType() == null ? null
            : org.apache.rocketmq.common.protocol.heartbeat.ConsumeType.valueOf(p.consumeType().name()));
        o.setMessageModel(p.messageModel() == null ? null
            : org.apache.rocketmq.common.protocol.heartbeat.MessageModel.valueOf(p.messageModel().name()));
        o.setConsumeFromWhere(p.consumeFromWhere() == null ? null
            : org.apache.rocketmq.common.consumer.ConsumeFromWhere.valueOf(p.consumeFromWhere().name()));
        return o;
    }

    static ConsumerConnection consumerConnection(org.apache.rocketmq.common.protocol.body.ConsumerConnection o) {
        Map<String, SubscriptionData> subs = new LinkedHashMap<>();
        o.getSubscriptionTable().forEach((k, v) -> subs.put(k, subscription(v)));
        return new ConsumerConnection(fromConnections(o.getConnectionSet()), subs,
            o.getConsumeType() == null ? null : ConsumeType.valueOf(o.getConsumeType().name()),
            o.getMessageModel() == null ? null : MessageModel.valueOf(o.getMessageModel().name()),
            o.getConsumeFromWhere() == null ? null : ConsumeFromWhere.valueOf(o.getConsumeFromWhere().name()));
    }

    static org.apache.rocketmq.common.protocol.body.ProducerConnection producerConnection(ProducerConnection p) {
        org.apache.rocketmq.common.protocol.body.ProducerConnection o =
            new org.apache.rocketmq.common.protocol.body.ProducerConnection();
        o.setConnectionSet(connections(p.connectionSet()));
        return o;
    }

    static ProducerConnection producerConnection(org.apache.rocketmq.common.protocol.body.ProducerConnection o) {
        return new ProducerConnection(fromConnections(o.getConnectionSet()));
    }

    static org.apache.rocketmq.common.protocol.body.GroupList groupList(GroupList p) {
        var o = new org.apache.rocketmq.common.protocol.body.GroupList();
        o.setGroupList(new LinkedHashSet<>(p.groupList()));
        return o;
    }

    static GroupList groupList(org.apache.rocketmq.common.protocol.body.GroupList o) {
        return new GroupList(o.getGroupList());
    }

    // ---- offsets

    static org.apache.rocketmq.common.protocol.body.ConsumerOffsetSerializeWrapper offsets(
        ConsumerOffsetSerializeWrapper p) {
        org.apache.rocketmq.common.protocol.body.ConsumerOffsetSerializeWrapper o =
            new org.apache.rocketmq.common.protocol.body.ConsumerOffsetSerializeWrapper();
        ConcurrentHashMap<String, java.util.concurrent.ConcurrentMap<Integer, Long>> table = new ConcurrentHashMap<>();
        p.offsetTable().forEach((k, v) -> table.put(k, new ConcurrentHashMap<>(v)));
        o.setOffsetTable(table);
        return o;
    }

    static ConsumerOffsetSerializeWrapper offsets(
        org.apache.rocketmq.common.protocol.body.ConsumerOffsetSerializeWrapper o) {
        Map<String, Map<Integer, Long>> table = new LinkedHashMap<>();
        o.getOffsetTable().forEach((k, v) -> table.put(k, new LinkedHashMap<>(v)));
        return new ConsumerOffsetSerializeWrapper(table);
    }

    static org.apache.rocketmq.common.protocol.body.QueryCorrectionOffsetBody correction(QueryCorrectionOffsetBody p) {
        org.apache.rocketmq.common.protocol.body.QueryCorrectionOffsetBody o =
            new org.apache.rocketmq.common.protocol.body.QueryCorrectionOffsetBody();
        o.setCorrectionOffsets(new LinkedHashMap<>(p.correctionOffsets()));
        return o;
    }

    static QueryCorrectionOffsetBody correction(org.apache.rocketmq.common.protocol.body.QueryCorrectionOffsetBody o) {
        return new QueryCorrectionOffsetBody(o.getCorrectionOffsets());
    }

    static org.apache.rocketmq.common.protocol.body.GetConsumerStatusBody consumerStatus(GetConsumerStatusBody p) {
        org.apache.rocketmq.common.protocol.body.GetConsumerStatusBody o =
            new org.apache.rocketmq.common.protocol.body.GetConsumerStatusBody();
        o.setMessageQueueTable(queueTable(p.messageQueueTable(), v -> (Long) v));
        Map<String, Map<org.apache.rocketmq.common.message.MessageQueue, Long>> consumers = new LinkedHashMap<>();
        p.consumerTable().forEach((k, v) -> consumers.put(k, queueTable(v, x -> (Long) x)));
        o.setConsumerTable(consumers);
        return o;
    }

    static GetConsumerStatusBody consumerStatus(org.apache.rocketmq.common.protocol.body.GetConsumerStatusBody o) {
        Map<String, Map<MessageQueue, Long>> consumers = new LinkedHashMap<>();
        o.getConsumerTable().forEach((k, v) -> consumers.put(k, fromQueueTable(v, x -> x)));
        return new GetConsumerStatusBody(fromQueueTable(o.getMessageQueueTable(), v -> v), consumers);
    }

    // ---- consumer running info

    static org.apache.rocketmq.common.protocol.body.ProcessQueueInfo processQueue(ProcessQueueInfo p) {
        org.apache.rocketmq.common.protocol.body.ProcessQueueInfo o =
            new org.apache.rocketmq.common.protocol.body.ProcessQueueInfo();
        o.setCommitOffset(p.commitOffset());
        o.setCachedMsgMinOffset(p.cachedMsgMinOffset());
        o.setCachedMsgMaxOffset(p.cachedMsgMaxOffset());
        o.setCachedMsgCount(p.cachedMsgCount());
        o.setCachedMsgSizeInMiB(p.cachedMsgSizeInMiB());
        o.setTransactionMsgMinOffset(p.transactionMsgMinOffset());
        o.setTransactionMsgMaxOffset(p.transactionMsgMaxOffset());
        o.setTransactionMsgCount(p.transactionMsgCount());
        o.setLocked(p.locked());
        o.setTryUnlockTimes(p.tryUnlockTimes());
        o.setLastLockTimestamp(p.lastLockTimestamp());
        o.setDroped(p.dropped());
        o.setLastPullTimestamp(p.lastPullTimestamp());
        o.setLastConsumeTimestamp(p.lastConsumeTimestamp());
        return o;
    }

    static ProcessQueueInfo processQueue(org.apache.rocketmq.common.protocol.body.ProcessQueueInfo o) {
        return new ProcessQueueInfo(o.getCommitOffset(), o.getCachedMsgMinOffset(), o.getCachedMsgMaxOffset(),
            o.getCachedMsgCount(), o.getCachedMsgSizeInMiB(), o.getTransactionMsgMinOffset(),
            o.getTransactionMsgMaxOffset(), o.getTransactionMsgCount(), o.isLocked(), o.getTryUnlockTimes(),
            o.getLastLockTimestamp(), o.isDroped(), o.getLastPullTimestamp(), o.getLastConsumeTimestamp());
    }

    static org.apache.rocketmq.common.protocol.body.ConsumeStatus consumeStatus(ConsumeStatus p) {
        var o = new org.apache.rocketmq.common.protocol.body.ConsumeStatus();
        o.setPullRT(p.pullRT());
        o.setPullTPS(p.pullTPS());
        o.setConsumeRT(p.consumeRT());
        o.setConsumeOKTPS(p.consumeOKTPS());
        o.setConsumeFailedTPS(p.consumeFailedTPS());
        o.setConsumeFailedMsgs(p.consumeFailedMsgs());
        return o;
    }

    static ConsumeStatus consumeStatus(org.apache.rocketmq.common.protocol.body.ConsumeStatus o) {
        return new ConsumeStatus(o.getPullRT(), o.getPullTPS(), o.getConsumeRT(), o.getConsumeOKTPS(),
            o.getConsumeFailedTPS(), o.getConsumeFailedMsgs());
    }

    static org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo runningInfo(ConsumerRunningInfo p) {
        org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo o =
            new org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo();
        Properties props = new Properties();
        props.putAll(p.properties());
        o.setProperties(props);
        p.subscriptionSet().forEach(s -> o.getSubscriptionSet().add(subscription(s)));
        p.mqTable().forEach((k, v) -> o.getMqTable().put(mq(k), processQueue(v)));
        p.statusTable().forEach((k, v) -> o.getStatusTable().put(k, consumeStatus(v)));
        o.setJstack(p.jstack());
        return o;
    }

    static ConsumerRunningInfo runningInfo(org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo o) {
        Map<String, String> props = new TreeMap<>();
        o.getProperties().forEach((k, v) -> props.put(k.toString(), v.toString()));
        List<SubscriptionData> subs = new ArrayList<>();
        o.getSubscriptionSet().forEach(s -> subs.add(subscription(s)));
        Map<String, ConsumeStatus> status = new LinkedHashMap<>();
        o.getStatusTable().forEach((k, v) -> status.put(k, consumeStatus(v)));
        return new ConsumerRunningInfo(props, new LinkedHashSet<>(subs),
            fromQueueTable(o.getMqTable(), Official::processQueue), status, o.getJstack());
    }

    static org.apache.rocketmq.common.protocol.body.ConsumeMessageDirectlyResult directResult(
        ConsumeMessageDirectlyResult p) {
        org.apache.rocketmq.common.protocol.body.ConsumeMessageDirectlyResult o =
            new org.apache.rocketmq.common.protocol.body.ConsumeMessageDirectlyResult();
        o.setOrder(p.order());
        o.setAutoCommit(p.autoCommit());
        o.setConsumeResult(p.consumeResult() == null ? null
            : org.apache.rocketmq.common.protocol.body.CMResult.valueOf(p.consumeResult().name()));
        o.setRemark(p.remark());
        o.setSpentTimeMills(p.spentTimeMills());
        return o;
    }

    static ConsumeMessageDirectlyResult directResult(
        org.apache.rocketmq.common.protocol.body.ConsumeMessageDirectlyResult o) {
        return new ConsumeMessageDirectlyResult(o.isOrder(), o.isAutoCommit(),
            o.getConsumeResult() == null ? null : CMResult.valueOf(o.getConsumeResult().name()), o.getRemark(),
            o.getSpentTimeMills());
    }

    // ---- time spans, broker stats, consume stats list

    static org.apache.rocketmq.common.protocol.body.QueryConsumeTimeSpanBody timeSpans(QueryConsumeTimeSpanBody p) {
        org.apache.rocketmq.common.protocol.body.QueryConsumeTimeSpanBody o =
            new org.apache.rocketmq.common.protocol.body.QueryConsumeTimeSpanBody();
        List<org.apache.rocketmq.common.protocol.body.QueueTimeSpan> spans = new ArrayList<>();
        for (QueueTimeSpan s : p.consumeTimeSpanSet()) {
            var x = new org.apache.rocketmq.common.protocol.body.QueueTimeSpan();
            x.setMessageQueue(s.messageQueue() == null ? null : mq(s.messageQueue()));
            x.setMinTimeStamp(s.minTimeStamp());
            x.setMaxTimeStamp(s.maxTimeStamp());
            x.setConsumeTimeStamp(s.consumeTimeStamp());
            x.setDelayTime(s.delayTime());
            spans.add(x);
        }
        o.setConsumeTimeSpanSet(spans);
        return o;
    }

    static QueryConsumeTimeSpanBody timeSpans(org.apache.rocketmq.common.protocol.body.QueryConsumeTimeSpanBody o) {
        List<QueueTimeSpan> spans = new ArrayList<>();
        for (org.apache.rocketmq.common.protocol.body.QueueTimeSpan x : o.getConsumeTimeSpanSet()) {
            spans.add(new QueueTimeSpan(x.getMessageQueue() == null ? null : mq(x.getMessageQueue()),
                x.getMinTimeStamp(), x.getMaxTimeStamp(), x.getConsumeTimeStamp(), x.getDelayTime()));
        }
        return new QueryConsumeTimeSpanBody(spans);
    }

    static org.apache.rocketmq.common.protocol.body.BrokerStatsItem statsItem(BrokerStatsItem p) {
        if (p == null) {
            return null;
        }
        var o = new org.apache.rocketmq.common.protocol.body.BrokerStatsItem();
        o.setSum(p.sum());
        o.setTps(p.tps());
        o.setAvgpt(p.avgpt());
        return o;
    }

    static BrokerStatsItem statsItem(org.apache.rocketmq.common.protocol.body.BrokerStatsItem o) {
        return o == null ? null : new BrokerStatsItem(o.getSum(), o.getTps(), o.getAvgpt());
    }

    static org.apache.rocketmq.common.protocol.body.BrokerStatsData brokerStats(BrokerStatsData p) {
        var o = new org.apache.rocketmq.common.protocol.body.BrokerStatsData();
        o.setStatsMinute(statsItem(p.statsMinute()));
        o.setStatsHour(statsItem(p.statsHour()));
        o.setStatsDay(statsItem(p.statsDay()));
        return o;
    }

    static BrokerStatsData brokerStats(org.apache.rocketmq.common.protocol.body.BrokerStatsData o) {
        return new BrokerStatsData(statsItem(o.getStatsMinute()), statsItem(o.getStatsHour()),
            statsItem(o.getStatsDay()));
    }

    static org.apache.rocketmq.common.protocol.body.ConsumeStatsList consumeStatsList(ConsumeStatsList p) {
        var o = new org.apache.rocketmq.common.protocol.body.ConsumeStatsList();
        List<Map<String, List<org.apache.rocketmq.common.admin.ConsumeStats>>> list = new ArrayList<>();
        for (Map<String, List<ConsumeStats>> groups : p.consumeStatsList()) {
            Map<String, List<org.apache.rocketmq.common.admin.ConsumeStats>> m = new LinkedHashMap<>();
            groups.forEach((g, stats) ->
                m.put(g, new ArrayList<>(stats.stream().map(Official::consumeStats).toList())));
            list.add(m);
        }
        o.setConsumeStatsList(list);
        o.setBrokerAddr(p.brokerAddr());
        o.setTotalDiff(p.totalDiff());
        return o;
    }

    static ConsumeStatsList consumeStatsList(org.apache.rocketmq.common.protocol.body.ConsumeStatsList o) {
        List<Map<String, List<ConsumeStats>>> list = new ArrayList<>();
        for (Map<String, List<org.apache.rocketmq.common.admin.ConsumeStats>> groups : o.getConsumeStatsList()) {
            Map<String, List<ConsumeStats>> m = new LinkedHashMap<>();
            groups.forEach((g, stats) -> m.put(g, stats.stream().map(Official::consumeStats).toList()));
            list.add(m);
        }
        return new ConsumeStatsList(list, o.getBrokerAddr(), o.getTotalDiff());
    }

    // ---- consume queue, producers, ACL versions

    static org.apache.rocketmq.common.protocol.body.QueryConsumeQueueResponseBody consumeQueue(
        QueryConsumeQueueResponseBody p) {
        var o = new org.apache.rocketmq.common.protocol.body.QueryConsumeQueueResponseBody();
        o.setSubscriptionData(p.subscriptionData() == null ? null : subscription(p.subscriptionData()));
        o.setFilterData(p.filterData());
        if (p.queueData() != null) {
            List<org.apache.rocketmq.common.protocol.body.ConsumeQueueData> entries = new ArrayList<>();
            for (ConsumeQueueData d : p.queueData()) {
                var x = new org.apache.rocketmq.common.protocol.body.ConsumeQueueData();
                x.setPhysicOffset(d.physicOffset());
                x.setPhysicSize(d.physicSize());
                x.setTagsCode(d.tagsCode());
                x.setExtendDataJson(d.extendDataJson());
                x.setBitMap(d.bitMap());
                x.setEval(d.eval());
                x.setMsg(d.msg());
                entries.add(x);
            }
            o.setQueueData(entries);
        }
        o.setMaxQueueIndex(p.maxQueueIndex());
        o.setMinQueueIndex(p.minQueueIndex());
        return o;
    }

    static QueryConsumeQueueResponseBody consumeQueue(
        org.apache.rocketmq.common.protocol.body.QueryConsumeQueueResponseBody o) {
        List<ConsumeQueueData> entries = null;
        if (o.getQueueData() != null) {
            entries = new ArrayList<>();
            for (var x : o.getQueueData()) {
                entries.add(new ConsumeQueueData(x.getPhysicOffset(), x.getPhysicSize(), x.getTagsCode(),
                    x.getExtendDataJson(), x.getBitMap(), x.isEval(), x.getMsg()));
            }
        }
        return new QueryConsumeQueueResponseBody(o.getSubscriptionData() == null ? null
            : subscription(o.getSubscriptionData()), o.getFilterData(), entries, o.getMaxQueueIndex(),
            o.getMinQueueIndex());
    }

    static org.apache.rocketmq.common.protocol.body.ProducerTableInfo producers(ProducerTableInfo p) {
        Map<String, List<org.apache.rocketmq.common.protocol.body.ProducerInfo>> data = new LinkedHashMap<>();
        p.data().forEach((g, list) -> data.put(g, list.stream().map(i ->
            new org.apache.rocketmq.common.protocol.body.ProducerInfo(i.clientId(), i.remoteIP(),
                i.language() == null ? null : LanguageCode.valueOf(i.language()), i.version(),
                i.lastUpdateTimestamp())).toList()));
        return new org.apache.rocketmq.common.protocol.body.ProducerTableInfo(data);
    }

    static ProducerTableInfo producers(org.apache.rocketmq.common.protocol.body.ProducerTableInfo o) {
        Map<String, List<ProducerInfo>> data = new LinkedHashMap<>();
        o.getData().forEach((g, list) -> data.put(g, list.stream().map(i -> new ProducerInfo(i.getClientId(),
            i.getRemoteIP(), i.getLanguage() == null ? null : i.getLanguage().name(), i.getVersion(),
            i.getLastUpdateTimestamp())).toList()));
        return new ProducerTableInfo(data);
    }

    static org.apache.rocketmq.common.DataVersion dataVersion(io.petrel.common.route.DataVersion p) {
        if (p == null) {
            return null;
        }
        var o = new org.apache.rocketmq.common.DataVersion();
        o.setTimestamp(p.timestamp());
        o.setCounter(new java.util.concurrent.atomic.AtomicLong(p.counter()));
        return o;
    }

    static io.petrel.common.route.DataVersion dataVersion(org.apache.rocketmq.common.DataVersion o) {
        return o == null ? null : new io.petrel.common.route.DataVersion(o.getTimestamp(), o.getCounter().get());
    }

    static org.apache.rocketmq.common.protocol.body.ClusterAclVersionInfo aclVersions(ClusterAclVersionInfo p) {
        var o = new org.apache.rocketmq.common.protocol.body.ClusterAclVersionInfo();
        o.setBrokerName(p.brokerName());
        o.setBrokerAddr(p.brokerAddr());
        o.setClusterName(p.clusterName());
        o.setAclConfigDataVersion(dataVersion(p.aclConfigDataVersion()));
        if (p.allAclConfigDataVersion() != null) {
            Map<String, org.apache.rocketmq.common.DataVersion> all = new LinkedHashMap<>();
            p.allAclConfigDataVersion().forEach((k, v) -> all.put(k, dataVersion(v)));
            o.setAllAclConfigDataVersion(all);
        }
        return o;
    }

    static ClusterAclVersionInfo aclVersions(org.apache.rocketmq.common.protocol.body.ClusterAclVersionInfo o) {
        Map<String, io.petrel.common.route.DataVersion> all = null;
        if (o.getAllAclConfigDataVersion() != null) {
            all = new LinkedHashMap<>();
            Map<String, io.petrel.common.route.DataVersion> copy = all;
            o.getAllAclConfigDataVersion().forEach((k, v) -> copy.put(k, dataVersion(v)));
        }
        return new ClusterAclVersionInfo(o.getBrokerName(), o.getBrokerAddr(),
            dataVersion(o.getAclConfigDataVersion()), all, o.getClusterName());
    }

    static org.apache.rocketmq.common.protocol.header.GetBrokerClusterAclConfigResponseBody acl(AclConfig p) {
        var o = new org.apache.rocketmq.common.protocol.header.GetBrokerClusterAclConfigResponseBody();
        o.setGlobalWhiteAddrs(p.globalWhiteAddrs());
        if (p.plainAccessConfigs() != null) {
            o.setPlainAccessConfigs(p.plainAccessConfigs().stream().map(a -> {
                var c = new org.apache.rocketmq.common.PlainAccessConfig();
                c.setAccessKey(a.accessKey());
                c.setSecretKey(a.secretKey());
                c.setWhiteRemoteAddress(a.whiteRemoteAddress());
                c.setAdmin(a.admin());
                c.setDefaultTopicPerm(a.defaultTopicPerm());
                c.setDefaultGroupPerm(a.defaultGroupPerm());
                c.setTopicPerms(a.topicPerms());
                c.setGroupPerms(a.groupPerms());
                return c;
            }).toList());
        }
        return o;
    }

    static AclConfig acl(org.apache.rocketmq.common.protocol.header.GetBrokerClusterAclConfigResponseBody o) {
        return new AclConfig(o.getGlobalWhiteAddrs(), o.getPlainAccessConfigs() == null ? null
            : o.getPlainAccessConfigs().stream().map(c -> new PlainAccessConfig(c.getAccessKey(), c.getSecretKey(),
                c.getWhiteRemoteAddress(), c.isAdmin(), c.getDefaultTopicPerm(), c.getDefaultGroupPerm(),
                c.getTopicPerms(), c.getGroupPerms())).toList());
    }
}
