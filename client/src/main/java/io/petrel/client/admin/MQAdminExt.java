package io.petrel.client.admin;

import io.petrel.client.QueryResult;
import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.exception.MQClientException;
import io.petrel.common.body.AclConfig;
import io.petrel.common.body.BrokerStatsData;
import io.petrel.common.body.ClusterAclVersionInfo;
import io.petrel.common.body.ConsumeMessageDirectlyResult;
import io.petrel.common.body.ConsumeStats;
import io.petrel.common.body.ConsumeStatsList;
import io.petrel.common.body.ConsumerConnection;
import io.petrel.common.body.ConsumerRunningInfo;
import io.petrel.common.body.GroupList;
import io.petrel.common.body.PlainAccessConfig;
import io.petrel.common.body.ProducerConnection;
import io.petrel.common.body.ProducerTableInfo;
import io.petrel.common.body.QueryConsumeQueueResponseBody;
import io.petrel.common.body.QueueTimeSpan;
import io.petrel.common.body.TopicStatsTable;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.ClusterInfo;
import io.petrel.common.route.KVTable;
import io.petrel.common.route.TopicConfigSerializeWrapper;
import io.petrel.common.route.TopicList;
import io.petrel.common.route.TopicRouteData;
import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.common.subscription.SubscriptionGroupWrapper;
import io.petrel.common.topic.TopicConfig;
import io.petrel.remoting.exception.RemotingException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Administration of a RocketMQ cluster, with the method names and semantics of RocketMQ 4.9.7's
 * {@code org.apache.rocketmq.tools.admin.MQAdminExt}. Errors a NameServer answers are {@link MQClientException}s
 * carrying its response code; errors a broker answers are {@link MQBrokerException}s (code, remark, address) or,
 * for the calls 4.9.7 reports so, {@link MQClientException}s with the broker's code. Remoting's connect, send and
 * timeout failures are {@link RemotingException}s.
 */
public interface MQAdminExt {

    void start() throws MQClientException;

    void shutdown();

    // ---- topics -----------------------------------------------------------------------------------------

    /** Creates {@code newTopic} on every master serving the template topic {@code key} (usually TBW102). */
    void createTopic(String key, String newTopic, int queueNum) throws MQClientException;

    void createTopic(String key, String newTopic, int queueNum, int topicSysFlag) throws MQClientException;

    /** UPDATE_AND_CREATE_TOPIC (17) to the broker {@code addr}. */
    void createAndUpdateTopicConfig(String addr, TopicConfig config)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /** The broker's configuration of the topic (from GET_ALL_TOPIC_CONFIG, 21); null when it has none. */
    TopicConfig examineTopicConfig(String addr, String topic)
        throws RemotingException, InterruptedException, MQBrokerException;

    /** GET_TOPIC_STATS_INFO (202) to every broker of the topic's route, merged. */
    TopicStatsTable examineTopicStats(String topic)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException;

    /** GET_TOPIC_STATS_INFO (202) to one broker. */
    TopicStatsTable getTopicStatsInfo(String brokerAddr, String topic)
        throws RemotingException, InterruptedException, MQBrokerException;

    /** GET_ALL_TOPIC_LIST_FROM_NAMESERVER (206). */
    TopicList fetchAllTopicList() throws RemotingException, MQClientException, InterruptedException;

    /** GET_TOPICS_BY_CLUSTER (224); the spelling is 4.9.7's. */
    TopicList fetchTopicsByCLuster(String clusterName)
        throws RemotingException, MQClientException, InterruptedException;

    /** GET_ROUTEINFO_BY_TOPIC (105). */
    TopicRouteData examineTopicRouteInfo(String topic)
        throws RemotingException, MQClientException, InterruptedException;

    /** DELETE_TOPIC_IN_BROKER (215) to each address. */
    void deleteTopicInBroker(Set<String> addrs, String topic)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /**
     * DELETE_TOPIC_IN_NAMESRV (216) to each NameServer ({@code addrs} null: every configured one).
     *
     * @param clusterName null to remove the topic entirely, else only that cluster's queues
     */
    void deleteTopicInNameServer(Set<String> addrs, String topic, String clusterName)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /** QUERY_TOPIC_CONSUME_BY_WHO (300) to the first broker of the topic's route. */
    GroupList queryTopicConsumeByWho(String topic)
        throws InterruptedException, MQBrokerException, RemotingException, MQClientException;

    /** The clusters holding the topic's first broker. */
    Set<String> getTopicClusterList(String topic)
        throws InterruptedException, MQBrokerException, MQClientException, RemotingException;

    /** Always empty, as in 4.9.7 (use {@link #getTopicClusterList}). */
    Set<String> getClusterList(String topic) throws RemotingException, MQClientException, InterruptedException;

    TopicConfigSerializeWrapper getAllTopicConfig(String brokerAddr, long timeoutMillis)
        throws InterruptedException, RemotingException, MQBrokerException;

    /** The broker's topics without system topics and, unless {@code specialTopic}, without retry/DLQ topics. */
    TopicConfigSerializeWrapper getUserTopicConfig(String brokerAddr, boolean specialTopic, long timeoutMillis)
        throws InterruptedException, RemotingException, MQBrokerException, MQClientException;

    /** Writes an order topic's queue layout to the NameServers' ORDER_TOPIC_CONFIG namespace. */
    void createOrUpdateOrderConf(String key, String value, boolean isCluster)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    // ---- brokers and clusters ---------------------------------------------------------------------------

    /** GET_BROKER_CLUSTER_INFO (106) from the NameServer. */
    ClusterInfo examineBrokerClusterInfo() throws InterruptedException, MQBrokerException, RemotingException;

    /** GET_BROKER_RUNTIME_INFO (28). */
    KVTable fetchBrokerRuntimeStats(String brokerAddr)
        throws RemotingException, InterruptedException, MQBrokerException;

    /** UPDATE_BROKER_CONFIG (25); nothing is sent for empty properties. */
    void updateBrokerConfig(String brokerAddr, Properties properties)
        throws RemotingException, InterruptedException, MQBrokerException;

    /** GET_BROKER_CONFIG (26). */
    Properties getBrokerConfig(String brokerAddr) throws RemotingException, InterruptedException, MQBrokerException;

    // ---- access control ---------------------------------------------------------------------------------

    /** UPDATE_AND_CREATE_ACL_CONFIG (50): adds the account to the broker's ACL, or updates it. */
    void createAndUpdatePlainAccessConfig(String addr, PlainAccessConfig config)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /** DELETE_ACL_CONFIG (51): removes the account from the broker's ACL. */
    void deletePlainAccessConfig(String addr, String accessKey)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /**
     * UPDATE_GLOBAL_WHITE_ADDRS_CONFIG (53): sets the global white address patterns ({@code globalWhiteAddrs}
     * comma-separated) of {@code aclFileFullPath}, or of the broker's default ACL file when it is null.
     */
    void updateGlobalWhiteAddrConfig(String addr, String globalWhiteAddrs, String aclFileFullPath)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /** GET_BROKER_CLUSTER_ACL_INFO (52): the broker's name, cluster and the data version of each ACL file. */
    ClusterAclVersionInfo examineBrokerClusterAclVersionInfo(String addr)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /** GET_BROKER_CLUSTER_ACL_CONFIG (54): the broker's global white addresses and accounts. */
    AclConfig examineBrokerClusterAclConfig(String addr)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /** VIEW_BROKER_STATS_DATA (315). */
    BrokerStatsData viewBrokerStatsData(String brokerAddr, String statsName, String statsKey)
        throws RemotingException, MQClientException, InterruptedException;

    /** GET_BROKER_CONSUME_STATS (317). */
    ConsumeStatsList fetchConsumeStatsInBroker(String brokerAddr, boolean isOrder, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException;

    /**
     * QUERY_CONSUME_QUEUE (321): {@code count} ConsumeQueue entries of one queue from {@code index} on, the queue's
     * bounds and, with a {@code consumerGroup}, the group's subscription to the topic.
     */
    QueryConsumeQueueResponseBody queryConsumeQueue(String brokerAddr, String topic, int queueId, long index, int count,
                                                    String consumerGroup)
        throws RemotingException, MQClientException, InterruptedException;

    /** CLEAN_EXPIRED_CONSUMEQUEUE (306) to every broker of the cluster (null or empty: of every cluster). */
    boolean cleanExpiredConsumerQueue(String cluster) throws RemotingException, MQClientException, InterruptedException;

    boolean cleanExpiredConsumerQueueByAddr(String addr)
        throws RemotingException, MQClientException, InterruptedException;

    /** DELETE_EXPIRED_COMMITLOG (329) to every broker of the cluster (null or empty: of every cluster). */
    boolean deleteExpiredCommitLog(String cluster) throws RemotingException, MQClientException, InterruptedException;

    boolean deleteExpiredCommitLogByAddr(String addr)
        throws RemotingException, MQClientException, InterruptedException;

    /** CLEAN_UNUSED_TOPIC (316) to every broker of the cluster (null or empty: of every cluster). */
    boolean cleanUnusedTopic(String cluster) throws RemotingException, MQClientException, InterruptedException;

    boolean cleanUnusedTopicByAddr(String addr) throws RemotingException, MQClientException, InterruptedException;

    // ---- NameServers --------------------------------------------------------------------------------------

    List<String> getNameServerAddressList();

    /** WIPE_WRITE_PERM_OF_BROKER (205); returns how many topics lost write permission. */
    int wipeWritePermOfBroker(String namesrvAddr, String brokerName)
        throws RemotingException, InterruptedException, MQClientException;

    /** ADD_WRITE_PERM_OF_BROKER (327); returns how many topics got it back. */
    int addWritePermOfBroker(String namesrvAddr, String brokerName)
        throws RemotingException, InterruptedException, MQClientException;

    /**
     * Same as {@link #createAndUpdateKvConfig}, failures logged. (4.9.7's method of this name does nothing;
     * {@code mqadmin} uses {@link #createAndUpdateKvConfig}.)
     */
    void putKVConfig(String namespace, String key, String value);

    /** PUT_KV_CONFIG (100) to every NameServer. */
    void createAndUpdateKvConfig(String namespace, String key, String value)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /** GET_KV_CONFIG (101). */
    String getKVConfig(String namespace, String key) throws RemotingException, MQClientException, InterruptedException;

    /** GET_KVLIST_BY_NAMESPACE (219). */
    KVTable getKVListByNamespace(String namespace) throws RemotingException, MQClientException, InterruptedException;

    /** DELETE_KV_CONFIG (102) to every NameServer. */
    void deleteKvConfig(String namespace, String key)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /** UPDATE_NAMESRV_CONFIG (318) to each of {@code nameServers} (null or empty: every configured one). */
    void updateNameServerConfig(Properties properties, List<String> nameServers)
        throws InterruptedException, RemotingException, MQClientException, MQBrokerException;

    /** GET_NAMESRV_CONFIG (319) from each of {@code nameServers} (null or empty: every configured one). */
    Map<String, Properties> getNameServerConfig(List<String> nameServers)
        throws InterruptedException, RemotingException, MQClientException;

    // ---- groups -------------------------------------------------------------------------------------------

    /** UPDATE_AND_CREATE_SUBSCRIPTIONGROUP (200). */
    void createAndUpdateSubscriptionGroupConfig(String addr, SubscriptionGroupConfig config)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /** The broker's configuration of the group (from GET_ALL_SUBSCRIPTIONGROUP_CONFIG, 201); null if none. */
    SubscriptionGroupConfig examineSubscriptionGroupConfig(String addr, String group)
        throws InterruptedException, RemotingException, MQClientException, MQBrokerException;

    /** DELETE_SUBSCRIPTIONGROUP (207), keeping the group's offsets. */
    void deleteSubscriptionGroup(String addr, String groupName)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    void deleteSubscriptionGroup(String addr, String groupName, boolean removeOffset)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    SubscriptionGroupWrapper getAllSubscriptionGroup(String brokerAddr, long timeoutMillis)
        throws InterruptedException, RemotingException, MQBrokerException;

    /** Every producer group connected to the broker with its clients (GET_ALL_PRODUCER_INFO, 328). */
    ProducerTableInfo getAllProducerInfo(String brokerAddr)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException;

    /** The broker's groups without the system groups. */
    SubscriptionGroupWrapper getUserSubscriptionGroup(String brokerAddr, long timeoutMillis)
        throws InterruptedException, RemotingException, MQBrokerException;

    /** GET_CONSUME_STATS (208) to every broker of the group's retry topic, merged. */
    ConsumeStats examineConsumeStats(String consumerGroup)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException;

    ConsumeStats examineConsumeStats(String consumerGroup, String topic)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException;

    /** GET_CONSUMER_CONNECTION_LIST (203) to a random broker of the group's retry topic. */
    ConsumerConnection examineConsumerConnectionInfo(String consumerGroup)
        throws InterruptedException, MQBrokerException, RemotingException, MQClientException;

    ConsumerConnection examineConsumerConnectionInfo(String consumerGroup, String brokerAddr)
        throws InterruptedException, MQBrokerException, RemotingException, MQClientException;

    /** GET_PRODUCER_CONNECTION_LIST (204) to a random broker of the topic's route. */
    ProducerConnection examineProducerConnectionInfo(String producerGroup, String topic)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException;

    /** GET_CONSUMER_RUNNING_INFO (307), through a broker of the group's retry topic; null without one. */
    ConsumerRunningInfo getConsumerRunningInfo(String consumerGroup, String clientId, boolean jstack)
        throws RemotingException, MQClientException, InterruptedException;

    /** QUERY_CONSUME_TIME_SPAN (303) to every broker of the topic's route. */
    List<QueueTimeSpan> queryConsumeTimeSpan(String topic, String group)
        throws InterruptedException, MQBrokerException, RemotingException, MQClientException;

    /** CLONE_GROUP_OFFSET (314) to every broker of the source group's retry topic. */
    void cloneGroupOffset(String srcGroup, String destGroup, String topic, boolean isOffline)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException;

    /** INVOKE_BROKER_TO_GET_CONSUMER_STATUS (223) to the first broker of the topic's route; client id → offsets. */
    Map<String, Map<MessageQueue, Long>> getConsumeStatus(String topic, String group, String clientAddr)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    // ---- offsets ------------------------------------------------------------------------------------------

    /** UPDATE_CONSUMER_OFFSET (15) to one broker. */
    void updateConsumeOffset(String brokerAddr, String consumeGroup, MessageQueue mq, long offset)
        throws RemotingException, InterruptedException, MQBrokerException;

    /** INVOKE_BROKER_TO_RESET_OFFSET (222) to every broker of the topic's route; the new offsets. */
    Map<MessageQueue, Long> resetOffsetByTimestamp(String topic, String group, long timestamp, boolean isForce)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /** With {@code isC}, the request says it comes from a C++ client. */
    Map<MessageQueue, Long> resetOffsetByTimestamp(String topic, String group, long timestamp, boolean isForce,
                                                   boolean isC)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /** Per queue SEARCH_OFFSET_BY_TIMESTAMP (or GET_MAX_OFFSET for -1) and UPDATE_CONSUMER_OFFSET. */
    List<RollbackStats> resetOffsetByTimestampOld(String consumerGroup, String topic, long timestamp, boolean force)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /** {@link #resetOffsetByTimestamp}, falling back to the per-queue reset when the group is offline. */
    void resetOffsetNew(String consumerGroup, String topic, long timestamp)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    long searchOffset(MessageQueue mq, long timestamp) throws MQClientException;

    long maxOffset(MessageQueue mq) throws MQClientException;

    long minOffset(MessageQueue mq) throws MQClientException;

    long earliestMsgStoreTime(MessageQueue mq) throws MQClientException;

    // ---- messages -----------------------------------------------------------------------------------------

    /** VIEW_MESSAGE_BY_ID (33) to the broker the offset id names. */
    MessageExt viewMessage(String offsetMsgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /** By offset id, else by unique id in the topic's index ({@link MQClientException} when not found). */
    MessageExt viewMessage(String topic, String msgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /** QUERY_MESSAGE (12) by key to every broker of the topic's route. */
    QueryResult queryMessage(String topic, String key, int maxNum, long begin, long end)
        throws MQClientException, InterruptedException;

    /** QUERY_MESSAGE (12) by unique id to every broker of the topic's route. */
    QueryResult queryMessageByUniqKey(String topic, String key, int maxNum, long begin, long end)
        throws MQClientException, InterruptedException;

    /** CONSUME_MESSAGE_DIRECTLY (309) through the broker that stores the message. */
    ConsumeMessageDirectlyResult consumeMessageDirectly(String consumerGroup, String clientId, String msgId)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException;

    ConsumeMessageDirectlyResult consumeMessageDirectly(String consumerGroup, String clientId, String topic,
                                                        String msgId)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException;

    /** For each group consuming the message's topic, whether it consumed the message. */
    List<MessageTrack> messageTrackDetail(MessageExt msg)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException;
}
