package io.petrel.client.impl.admin;

import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.exception.MQClientException;
import io.petrel.client.impl.ClientMessages;
import io.petrel.common.body.AclConfig;
import io.petrel.common.body.BrokerStatsData;
import io.petrel.common.body.ClusterAclVersionInfo;
import io.petrel.common.body.ConsumeMessageDirectlyResult;
import io.petrel.common.body.ConsumeStats;
import io.petrel.common.body.ConsumeStatsList;
import io.petrel.common.body.ConsumerConnection;
import io.petrel.common.body.ConsumerRunningInfo;
import io.petrel.common.body.GetConsumerStatusBody;
import io.petrel.common.body.GroupList;
import io.petrel.common.body.ProducerConnection;
import io.petrel.common.body.PlainAccessConfig;
import io.petrel.common.body.ProducerTableInfo;
import io.petrel.common.body.QueryConsumeQueueResponseBody;
import io.petrel.common.body.QueryConsumeTimeSpanBody;
import io.petrel.common.body.QueueTimeSpan;
import io.petrel.common.body.ResetOffsetBody;
import io.petrel.common.body.TopicStatsTable;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.ClusterInfo;
import io.petrel.common.route.DataVersion;
import io.petrel.common.route.KVTable;
import io.petrel.common.route.TopicConfigSerializeWrapper;
import io.petrel.common.route.TopicList;
import io.petrel.common.route.TopicRouteData;
import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.common.subscription.SubscriptionGroupWrapper;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.util.NetAddresses;
import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.exception.RemotingException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.LanguageCode;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.CloneGroupOffsetRequestHeader;
import io.petrel.remoting.protocol.header.ConsumeMessageDirectlyResultRequestHeader;
import io.petrel.remoting.protocol.header.ConsumerGroupRequestHeader;
import io.petrel.remoting.protocol.header.CreateAccessConfigRequestHeader;
import io.petrel.remoting.protocol.header.CreateTopicRequestHeader;
import io.petrel.remoting.protocol.header.DeleteAccessConfigRequestHeader;
import io.petrel.remoting.protocol.header.DeleteSubscriptionGroupRequestHeader;
import io.petrel.remoting.protocol.header.GetBrokerAclConfigResponseHeader;
import io.petrel.remoting.protocol.header.GetConsumeStatsInBrokerHeader;
import io.petrel.remoting.protocol.header.GetConsumeStatsRequestHeader;
import io.petrel.remoting.protocol.header.GetConsumerRunningInfoRequestHeader;
import io.petrel.remoting.protocol.header.GetConsumerStatusRequestHeader;
import io.petrel.remoting.protocol.header.GetProducerConnectionListRequestHeader;
import io.petrel.remoting.protocol.header.OffsetResponseHeader;
import io.petrel.remoting.protocol.header.QueryConsumeQueueRequestHeader;
import io.petrel.remoting.protocol.header.QueryConsumeTimeSpanRequestHeader;
import io.petrel.remoting.protocol.header.QueueRequestHeader;
import io.petrel.remoting.protocol.header.ResetOffsetRequestHeader;
import io.petrel.remoting.protocol.header.SearchOffsetRequestHeader;
import io.petrel.remoting.protocol.header.TopicRequestHeader;
import io.petrel.remoting.protocol.header.UpdateGlobalWhiteAddrsConfigRequestHeader;
import io.petrel.remoting.protocol.header.UpdateConsumerOffsetRequestHeader;
import io.petrel.remoting.protocol.header.ViewBrokerStatsDataRequestHeader;
import io.petrel.remoting.protocol.header.ViewMessageRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.AddWritePermOfBrokerRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.AddWritePermOfBrokerResponseHeader;
import io.petrel.remoting.protocol.header.namesrv.DeleteKVConfigRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.DeleteTopicFromNamesrvRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.GetKVConfigRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.GetKVConfigResponseHeader;
import io.petrel.remoting.protocol.header.namesrv.GetKVListByNamespaceRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.GetTopicsByClusterRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.PutKVConfigRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.WipeWritePermOfBrokerRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.WipeWritePermOfBrokerResponseHeader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Every request the admin API sends, one method each: the request code and header 4.9.7's {@code MQClientAPIImpl}
 * sends, the server it goes to, and its error mapping. NameServer errors, and the broker calls 4.9.7 maps so,
 * become {@link MQClientException}; the other broker calls become {@link MQBrokerException} with the broker's code,
 * remark and address. A body that cannot be decoded is reported the same way with code
 * {@link ResponseCode#SYSTEM_ERROR}. Broker addresses go through the VIP port (listen port − 2) when
 * {@code vipChannel} is set, except GET_BROKER_CONFIG, as in 4.9.7. Thread-safe.
 */
public final class AdminRemoting {
    private final AdminTransport transport;
    private final boolean vipChannel;

    public AdminRemoting(AdminTransport transport, boolean vipChannel) {
        this.transport = transport;
        this.vipChannel = vipChannel;
    }

    public List<String> nameServerAddressList() {
        return transport.nameServerAddressList();
    }

    // ---- NameServer -----------------------------------------------------------------------------------

    public TopicRouteData getTopicRouteInfo(String topic, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        RemotingCommand response = toNameServer(null, RequestCode.GET_ROUTEINFO_BY_TOPIC,
            new GetRouteInfoRequestHeader(topic, null), timeoutMillis);
        return clientBody(response, null, TopicRouteData::decode);
    }

    /** 4.9.7 reports a NameServer's error here as a broker error without an address. */
    public ClusterInfo getBrokerClusterInfo(long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = toNameServer(null, RequestCode.GET_BROKER_CLUSTER_INFO, null, timeoutMillis);
        return brokerBody(response, null, ClusterInfo::decode);
    }

    public TopicList getAllTopicList(long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        RemotingCommand response = toNameServer(null, RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, null,
            timeoutMillis);
        return clientBody(response, null, TopicList::decode);
    }

    public TopicList getTopicsByCluster(String cluster, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        RemotingCommand response = toNameServer(null, RequestCode.GET_TOPICS_BY_CLUSTER,
            new GetTopicsByClusterRequestHeader(cluster), timeoutMillis);
        return clientBody(response, null, TopicList::decode);
    }

    /** @return how many topics lost write permission on that NameServer */
    public int wipeWritePermOfBroker(String namesrvAddr, String brokerName, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        RemotingCommand response = toNameServer(namesrvAddr, RequestCode.WIPE_WRITE_PERM_OF_BROKER,
            new WipeWritePermOfBrokerRequestHeader(brokerName), timeoutMillis);
        expectClientSuccess(response);
        Integer count = response.decodeHeader(WipeWritePermOfBrokerResponseHeader::decode).wipeTopicCount();
        return count == null ? 0 : count;
    }

    /** @return how many topics got write permission back on that NameServer */
    public int addWritePermOfBroker(String namesrvAddr, String brokerName, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        RemotingCommand response = toNameServer(namesrvAddr, RequestCode.ADD_WRITE_PERM_OF_BROKER,
            new AddWritePermOfBrokerRequestHeader(brokerName), timeoutMillis);
        expectClientSuccess(response);
        Integer count = response.decodeHeader(AddWritePermOfBrokerResponseHeader::decode).addTopicCount();
        return count == null ? 0 : count;
    }

    public void deleteTopicInNameServer(String namesrvAddr, String topic, String clusterName, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        expectClientSuccess(toNameServer(namesrvAddr, RequestCode.DELETE_TOPIC_IN_NAMESRV,
            new DeleteTopicFromNamesrvRequestHeader(topic, clusterName), timeoutMillis));
    }

    public String getKVConfigValue(String namespace, String key, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        RemotingCommand response = toNameServer(null, RequestCode.GET_KV_CONFIG,
            new GetKVConfigRequestHeader(namespace, key), timeoutMillis);
        expectClientSuccess(response);
        return response.decodeHeader(GetKVConfigResponseHeader::decode).value();
    }

    /** Writes to every configured NameServer; the last failure, if any, is thrown after all were asked. */
    public void putKVConfigValue(String namespace, String key, String value, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        toEveryNameServer(RequestCode.PUT_KV_CONFIG, new PutKVConfigRequestHeader(namespace, key, value),
            timeoutMillis);
    }

    /** Deletes on every configured NameServer; the last failure, if any, is thrown after all were asked. */
    public void deleteKVConfigValue(String namespace, String key, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        toEveryNameServer(RequestCode.DELETE_KV_CONFIG, new DeleteKVConfigRequestHeader(namespace, key),
            timeoutMillis);
    }

    public KVTable getKVListByNamespace(String namespace, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        RemotingCommand response = toNameServer(null, RequestCode.GET_KVLIST_BY_NAMESPACE,
            new GetKVListByNamespaceRequestHeader(namespace), timeoutMillis);
        return clientBody(response, null, KVTable::decode);
    }

    /**
     * Sends the properties to each of {@code nameServers} (every configured one when null or empty); nothing is
     * sent when there are no properties. The last failure, if any, is thrown after all were asked.
     */
    public void updateNameServerConfig(Properties properties, List<String> nameServers, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        String text = PropertiesText.format(properties);
        List<String> targets = nameServers == null || nameServers.isEmpty() ? nameServerAddressList() : nameServers;
        if (text.isEmpty() || targets.isEmpty()) {
            return;
        }
        RemotingCommand failed = null;
        for (String addr : targets) {
            RemotingCommand request = RemotingCommand.createRequest(RequestCode.UPDATE_NAMESRV_CONFIG).body(text);
            RemotingCommand response = transport.invokeSync(addr, request, timeoutMillis);
            if (response.code() != ResponseCode.SUCCESS) {
                failed = response;
            }
        }
        if (failed != null) {
            throw new MQClientException(failed.code(), failed.remark());
        }
    }

    /** @return each NameServer's configuration; null when no NameServer is known, as 4.9.7 answers */
    public Map<String, Properties> getNameServerConfig(List<String> nameServers, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        List<String> targets = nameServers == null || nameServers.isEmpty() ? nameServerAddressList() : nameServers;
        if (targets.isEmpty()) {
            return null;
        }
        Map<String, Properties> configs = new LinkedHashMap<>();
        for (String addr : targets) {
            RemotingCommand response = toNameServer(addr, RequestCode.GET_NAMESRV_CONFIG, null, timeoutMillis);
            expectClientSuccess(response);
            configs.put(addr, PropertiesText.parse(utf8(response.body())));
        }
        return configs;
    }

    // ---- broker: configuration ------------------------------------------------------------------------

    public void createTopic(String addr, String defaultTopic, TopicConfig config, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        CreateTopicRequestHeader header = new CreateTopicRequestHeader(config.topicName(), defaultTopic,
            config.readQueueNums(), config.writeQueueNums(), config.perm(), config.filterType().name(),
            config.topicSysFlag(), config.order());
        expectClientSuccess(toBroker(addr, RequestCode.UPDATE_AND_CREATE_TOPIC, header, timeoutMillis));
    }

    public void createSubscriptionGroup(String addr, SubscriptionGroupConfig config, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP)
            .body(config.encode());
        expectClientSuccess(transport.invokeSync(vip(addr), request, timeoutMillis));
    }

    public TopicConfigSerializeWrapper getAllTopicConfig(String addr, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = toBroker(addr, RequestCode.GET_ALL_TOPIC_CONFIG, null, timeoutMillis);
        return brokerBody(response, addr, TopicConfigSerializeWrapper::decode);
    }

    public SubscriptionGroupWrapper getAllSubscriptionGroup(String addr, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = toBroker(addr, RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, null, timeoutMillis);
        return brokerBody(response, addr, SubscriptionGroupWrapper::decode);
    }

    public ProducerTableInfo getAllProducerInfo(String addr, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = toBroker(addr, RequestCode.GET_ALL_PRODUCER_INFO, null, timeoutMillis);
        return brokerBody(response, addr, ProducerTableInfo::decode);
    }

    public TopicList getSystemTopicListFromBroker(String addr, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        RemotingCommand response = toBroker(addr, RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_BROKER, null, timeoutMillis);
        return clientBody(response, addr, TopicList::decode);
    }

    public void deleteTopicInBroker(String addr, String topic, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        expectClientSuccess(toBroker(addr, RequestCode.DELETE_TOPIC_IN_BROKER, new TopicRequestHeader(topic),
            timeoutMillis));
    }

    public void deleteSubscriptionGroup(String addr, String groupName, boolean removeOffset, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        expectClientSuccess(toBroker(addr, RequestCode.DELETE_SUBSCRIPTIONGROUP,
            new DeleteSubscriptionGroupRequestHeader(groupName, removeOffset), timeoutMillis));
    }

    /** Sends nothing when there are no properties, as 4.9.7 does. */
    public void updateBrokerConfig(String addr, Properties properties, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        String text = PropertiesText.format(properties);
        if (text.isEmpty()) {
            return;
        }
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.UPDATE_BROKER_CONFIG).body(text);
        expectBrokerSuccess(transport.invokeSync(vip(addr), request, timeoutMillis), addr);
    }

    public Properties getBrokerConfig(String addr, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.GET_BROKER_CONFIG);
        RemotingCommand response = transport.invokeSync(addr, request, timeoutMillis);
        expectBrokerSuccess(response, addr);
        return PropertiesText.parse(utf8(response.body()));
    }

    // ---- broker: access control -----------------------------------------------------------------------

    public void createPlainAccessConfig(String addr, PlainAccessConfig config, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        CreateAccessConfigRequestHeader header = new CreateAccessConfigRequestHeader(config.accessKey(),
            config.secretKey(), config.whiteRemoteAddress(), config.admin(), config.defaultTopicPerm(),
            config.defaultGroupPerm(), joined(config.topicPerms()), joined(config.groupPerms()));
        expectClientSuccess(toBroker(addr, RequestCode.UPDATE_AND_CREATE_ACL_CONFIG, header, timeoutMillis));
    }

    public void deleteAccessConfig(String addr, String accessKey, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        expectClientSuccess(toBroker(addr, RequestCode.DELETE_ACL_CONFIG,
            new DeleteAccessConfigRequestHeader(accessKey), timeoutMillis));
    }

    /** @param aclFileFullPath null for the broker's default ACL file */
    public void updateGlobalWhiteAddrsConfig(String addr, String globalWhiteAddrs, String aclFileFullPath,
                                             long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        expectClientSuccess(toBroker(addr, RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG,
            new UpdateGlobalWhiteAddrsConfigRequestHeader(globalWhiteAddrs, aclFileFullPath), timeoutMillis));
    }

    public ClusterAclVersionInfo getBrokerClusterAclInfo(String addr, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = toBroker(addr, RequestCode.GET_BROKER_CLUSTER_ACL_INFO, null, timeoutMillis);
        expectBrokerSuccess(response, addr);
        try {
            GetBrokerAclConfigResponseHeader h = response.decodeHeader(GetBrokerAclConfigResponseHeader::decode);
            Map<String, DataVersion> all = h.allAclFileVersion() == null ? Map.of()
                : ClusterAclVersionInfo.decodeVersionTable(h.allAclFileVersion().getBytes(StandardCharsets.UTF_8));
            return new ClusterAclVersionInfo(h.brokerName(), h.brokerAddr(),
                DataVersion.decode(h.version().getBytes(StandardCharsets.UTF_8)), all, h.clusterName());
        } catch (RemotingCommandException | IllegalArgumentException e) {
            throw new MQBrokerException(ResponseCode.SYSTEM_ERROR, "undecodable answer: " + e.getMessage(), addr);
        }
    }

    public AclConfig getBrokerClusterConfig(String addr, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = toBroker(addr, RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG, null, timeoutMillis);
        return brokerBody(response, addr, AclConfig::decode);
    }

    /** A list as 4.9.7 puts it into a header: comma-joined, null for none. */
    private static String joined(List<String> values) {
        return values == null ? null : String.join(",", values);
    }

    // ---- broker: statistics and connections -----------------------------------------------------------

    public TopicStatsTable getTopicStatsInfo(String addr, String topic, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = toBroker(addr, RequestCode.GET_TOPIC_STATS_INFO, new TopicRequestHeader(topic),
            timeoutMillis);
        return brokerBody(response, addr, TopicStatsTable::decode);
    }

    /** @param topic null for every topic the group has offsets for */
    public ConsumeStats getConsumeStats(String addr, String consumerGroup, String topic, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = toBroker(addr, RequestCode.GET_CONSUME_STATS,
            new GetConsumeStatsRequestHeader(consumerGroup, topic), timeoutMillis);
        return brokerBody(response, addr, ConsumeStats::decode);
    }

    public ConsumerConnection getConsumerConnectionList(String addr, String consumerGroup, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = toBroker(addr, RequestCode.GET_CONSUMER_CONNECTION_LIST,
            new ConsumerGroupRequestHeader(consumerGroup), timeoutMillis);
        return brokerBody(response, addr, ConsumerConnection::decode);
    }

    public ProducerConnection getProducerConnectionList(String addr, String producerGroup, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = toBroker(addr, RequestCode.GET_PRODUCER_CONNECTION_LIST,
            new GetProducerConnectionListRequestHeader(producerGroup), timeoutMillis);
        return brokerBody(response, addr, ProducerConnection::decode);
    }

    public KVTable getBrokerRuntimeInfo(String addr, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = toBroker(addr, RequestCode.GET_BROKER_RUNTIME_INFO, null, timeoutMillis);
        return brokerBody(response, addr, KVTable::decode);
    }

    public GroupList queryTopicConsumeByWho(String addr, String topic, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = toBroker(addr, RequestCode.QUERY_TOPIC_CONSUME_BY_WHO,
            new TopicRequestHeader(topic), timeoutMillis);
        return brokerBody(response, addr, GroupList::decode);
    }

    public List<QueueTimeSpan> queryConsumeTimeSpan(String addr, String topic, String group, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = toBroker(addr, RequestCode.QUERY_CONSUME_TIME_SPAN,
            new QueryConsumeTimeSpanRequestHeader(topic, group), timeoutMillis);
        return brokerBody(response, addr, QueryConsumeTimeSpanBody::decode).consumeTimeSpanSet();
    }

    public BrokerStatsData viewBrokerStatsData(String addr, String statsName, String statsKey, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        RemotingCommand response = toBroker(addr, RequestCode.VIEW_BROKER_STATS_DATA,
            new ViewBrokerStatsDataRequestHeader(statsName, statsKey), timeoutMillis);
        return clientBody(response, addr, BrokerStatsData::decode);
    }

    public ConsumeStatsList fetchConsumeStatsInBroker(String addr, boolean isOrder, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        RemotingCommand response = toBroker(addr, RequestCode.GET_BROKER_CONSUME_STATS,
            new GetConsumeStatsInBrokerHeader(isOrder), timeoutMillis);
        return clientBody(response, addr, ConsumeStatsList::decode);
    }

    public QueryConsumeQueueResponseBody queryConsumeQueue(String addr, String topic, int queueId, long index,
                                                           int count, String consumerGroup, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        RemotingCommand response = toBroker(addr, RequestCode.QUERY_CONSUME_QUEUE,
            new QueryConsumeQueueRequestHeader(topic, queueId, index, count, consumerGroup), timeoutMillis);
        return clientBody(response, addr, QueryConsumeQueueResponseBody::decode);
    }

    // ---- broker: maintenance --------------------------------------------------------------------------

    public boolean cleanExpiredConsumeQueue(String addr, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        expectClientSuccess(toBroker(addr, RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE, null, timeoutMillis));
        return true;
    }

    public boolean deleteExpiredCommitLog(String addr, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        expectClientSuccess(toBroker(addr, RequestCode.DELETE_EXPIRED_COMMITLOG, null, timeoutMillis));
        return true;
    }

    public boolean cleanUnusedTopic(String addr, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        expectClientSuccess(toBroker(addr, RequestCode.CLEAN_UNUSED_TOPIC, null, timeoutMillis));
        return true;
    }

    // ---- broker: offsets ------------------------------------------------------------------------------

    /**
     * Asks the broker to move the group's offsets of {@code topic} to {@code timestamp} and to tell the online
     * consumers; {@code cpp} marks the request as a C++ client's (the broker then answers with the offsets only).
     */
    public Map<MessageQueue, Long> invokeBrokerToResetOffset(String addr, String topic, String group, long timestamp,
                                                             boolean isForce, boolean cpp, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET,
            new ResetOffsetRequestHeader(topic, group, timestamp, isForce));
        if (cpp) {
            request.language(LanguageCode.CPP);
        }
        RemotingCommand response = transport.invokeSync(vip(addr), request, timeoutMillis);
        return clientBody(response, addr, ResetOffsetBody::decode).offsetTable();
    }

    /** @return client id → that client's offsets */
    public Map<String, Map<MessageQueue, Long>> invokeBrokerToGetConsumerStatus(String addr, String topic,
                                                                                String group, String clientAddr,
                                                                                long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        RemotingCommand response = toBroker(addr, RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS,
            new GetConsumerStatusRequestHeader(topic, group, clientAddr), timeoutMillis);
        return clientBody(response, addr, GetConsumerStatusBody::decode).consumerTable();
    }

    public void updateConsumerOffset(String addr, UpdateConsumerOffsetRequestHeader header, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        expectBrokerSuccess(toBroker(addr, RequestCode.UPDATE_CONSUMER_OFFSET, header, timeoutMillis), addr);
    }

    public void cloneGroupOffset(String addr, String srcGroup, String destGroup, String topic, boolean offline,
                                 long timeoutMillis) throws RemotingException, MQClientException, InterruptedException {
        expectClientSuccess(toBroker(addr, RequestCode.CLONE_GROUP_OFFSET,
            new CloneGroupOffsetRequestHeader(srcGroup, destGroup, topic, offline), timeoutMillis));
    }

    public long getMaxOffset(String addr, MessageQueue mq, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = toBroker(addr, RequestCode.GET_MAX_OFFSET,
            new QueueRequestHeader(mq.topic(), mq.queueId(), mq.brokerName()), timeoutMillis);
        expectBrokerSuccess(response, addr);
        return offsetOf(response, addr);
    }

    public long searchOffset(String addr, MessageQueue mq, long timestamp, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = toBroker(addr, RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
            new SearchOffsetRequestHeader(mq.topic(), mq.queueId(), timestamp, mq.brokerName()), timeoutMillis);
        expectBrokerSuccess(response, addr);
        return offsetOf(response, addr);
    }

    // ---- broker: consumers behind the broker ----------------------------------------------------------

    /** Forwarded by the broker to the client {@code clientId}. */
    public ConsumerRunningInfo getConsumerRunningInfo(String addr, String consumerGroup, String clientId,
                                                      boolean jstack, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        RemotingCommand response = toBroker(addr, RequestCode.GET_CONSUMER_RUNNING_INFO,
            new GetConsumerRunningInfoRequestHeader(consumerGroup, clientId, jstack), timeoutMillis);
        return clientBody(response, addr, ConsumerRunningInfo::decode);
    }

    /** Forwarded by the broker to the client {@code clientId}, which consumes the message once more. */
    public ConsumeMessageDirectlyResult consumeMessageDirectly(String addr, String consumerGroup, String clientId,
                                                               String offsetMsgId, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        RemotingCommand response = toBroker(addr, RequestCode.CONSUME_MESSAGE_DIRECTLY,
            new ConsumeMessageDirectlyResultRequestHeader(consumerGroup, clientId, offsetMsgId, null), timeoutMillis);
        return clientBody(response, addr, ConsumeMessageDirectlyResult::decode);
    }

    public MessageExt viewMessage(String addr, long commitLogOffset, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = toBroker(addr, RequestCode.VIEW_MESSAGE_BY_ID,
            new ViewMessageRequestHeader(commitLogOffset), timeoutMillis);
        List<MessageExt> found = brokerBody(response, addr, ClientMessages::decode);
        if (found.isEmpty()) {
            throw new MQBrokerException(ResponseCode.SYSTEM_ERROR, "empty VIEW_MESSAGE_BY_ID answer", addr);
        }
        return found.get(0);
    }

    // ---- plumbing -------------------------------------------------------------------------------------

    private RemotingCommand toNameServer(String addr, int code, CommandHeader header, long timeoutMillis)
        throws RemotingException, InterruptedException {
        RemotingCommand request = header == null ? RemotingCommand.createRequest(code)
            : RemotingCommand.createRequest(code, header);
        return transport.invokeSync(addr, request, timeoutMillis);
    }

    private RemotingCommand toBroker(String addr, int code, CommandHeader header, long timeoutMillis)
        throws RemotingException, InterruptedException {
        RemotingCommand request = header == null ? RemotingCommand.createRequest(code)
            : RemotingCommand.createRequest(code, header);
        return transport.invokeSync(vip(addr), request, timeoutMillis);
    }

    private void toEveryNameServer(int code, CommandHeader header, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        RemotingCommand failed = null;
        for (String addr : nameServerAddressList()) {
            RemotingCommand response = toNameServer(addr, code, header, timeoutMillis);
            if (response.code() != ResponseCode.SUCCESS) {
                failed = response;
            }
        }
        if (failed != null) {
            throw new MQClientException(failed.code(), failed.remark());
        }
    }

    String vip(String addr) {
        return !vipChannel || addr == null ? addr : NetAddresses.vipAddress(addr);
    }

    private static void expectClientSuccess(RemotingCommand response) throws MQClientException {
        if (response.code() != ResponseCode.SUCCESS) {
            throw new MQClientException(response.code(), response.remark());
        }
    }

    private static void expectBrokerSuccess(RemotingCommand response, String addr) throws MQBrokerException {
        if (response.code() != ResponseCode.SUCCESS) {
            throw new MQBrokerException(response.code(), response.remark(), addr);
        }
    }

    /** Success with a body, else {@link MQClientException} with the answer's code (0 when the body is missing). */
    private static <T> T clientBody(RemotingCommand response, String addr, Function<byte[], T> decoder)
        throws MQClientException {
        if (response.code() != ResponseCode.SUCCESS || response.body() == null) {
            throw new MQClientException(response.code(), response.remark());
        }
        try {
            return decoder.apply(response.body());
        } catch (IllegalArgumentException e) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR,
                "undecodable answer" + (addr == null ? "" : " from " + addr) + ": " + e.getMessage(), e);
        }
    }

    private static <T> T brokerBody(RemotingCommand response, String addr, Function<byte[], T> decoder)
        throws MQBrokerException {
        expectBrokerSuccess(response, addr);
        if (response.body() == null) {
            throw new MQBrokerException(ResponseCode.SYSTEM_ERROR, "answer without a body", addr);
        }
        try {
            return decoder.apply(response.body());
        } catch (IllegalArgumentException e) {
            throw new MQBrokerException(ResponseCode.SYSTEM_ERROR, "undecodable answer: " + e.getMessage(), addr);
        }
    }

    private static long offsetOf(RemotingCommand response, String addr) throws MQBrokerException {
        try {
            return response.decodeHeader(OffsetResponseHeader::decode).offset();
        } catch (RemotingCommandException e) {
            throw new MQBrokerException(ResponseCode.SYSTEM_ERROR, "bad offset answer: " + e.getMessage(), addr);
        }
    }

    private static String utf8(byte[] body) {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
