package io.petrel.client.admin;

import io.petrel.client.ClientConfig;
import io.petrel.client.QueryResult;
import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.exception.MQClientException;
import io.petrel.client.impl.admin.DefaultMQAdminExtImpl.Operations;
import io.petrel.client.impl.admin.DefaultMQAdminExtImpl;
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
import io.petrel.common.topic.TopicValidator;
import io.petrel.remoting.RPCHook;
import io.petrel.remoting.exception.RemotingException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin client {@code mqadmin} uses, as RocketMQ 4.9.7's {@code DefaultMQAdminExt}: configure it like any
 * client (NameServer addresses, instance name, ACL hook), {@link #start()} it, call it, {@link #shutdown()} it.
 * Requests wait up to {@code timeoutMillis} (default 5 s; some merged calls 3× that, as in 4.9.7). Every call
 * delegates to the operation classes of {@code io.petrel.client.impl.admin}. Thread-safe once started.
 */
public class DefaultMQAdminExt extends ClientConfig implements MQAdminExt {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultMQAdminExt.class);
    public static final long DEFAULT_TIMEOUT_MILLIS = 5_000;

    private final DefaultMQAdminExtImpl impl;
    private String adminExtGroup = "admin_ext_group";
    private String createTopicKey = TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC;

    public DefaultMQAdminExt() {
        this((RPCHook) null, DEFAULT_TIMEOUT_MILLIS);
    }

    public DefaultMQAdminExt(long timeoutMillis) {
        this((RPCHook) null, timeoutMillis);
    }

    public DefaultMQAdminExt(RPCHook rpcHook) {
        this(rpcHook, DEFAULT_TIMEOUT_MILLIS);
    }

    public DefaultMQAdminExt(RPCHook rpcHook, long timeoutMillis) {
        this.impl = new DefaultMQAdminExtImpl(this, rpcHook, timeoutMillis);
    }

    public DefaultMQAdminExt(String adminExtGroup) {
        this(adminExtGroup, DEFAULT_TIMEOUT_MILLIS);
    }

    public DefaultMQAdminExt(String adminExtGroup, long timeoutMillis) {
        this((RPCHook) null, timeoutMillis);
        this.adminExtGroup = adminExtGroup;
    }

    private Operations ops() {
        return impl.operations();
    }

    private long timeout() {
        return impl.timeoutMillis();
    }

    @Override
    public void start() throws MQClientException {
        impl.start(adminExtGroup);
    }

    @Override
    public void shutdown() {
        impl.shutdown();
    }

    // ---- topics -----------------------------------------------------------------------------------------

    @Override
    public void createTopic(String key, String newTopic, int queueNum) throws MQClientException {
        createTopic(key, newTopic, queueNum, 0);
    }

    @Override
    public void createTopic(String key, String newTopic, int queueNum, int topicSysFlag) throws MQClientException {
        ops().queries().createTopic(key, newTopic, queueNum, topicSysFlag);
    }

    @Override
    public void createAndUpdateTopicConfig(String addr, TopicConfig config)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        ops().remoting().createTopic(addr, createTopicKey, config, timeout());
    }

    @Override
    public TopicConfig examineTopicConfig(String addr, String topic)
        throws RemotingException, InterruptedException, MQBrokerException {
        return ops().topics().examineTopicConfig(addr, topic);
    }

    @Override
    public TopicStatsTable examineTopicStats(String topic)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        return ops().topics().examineTopicStats(topic);
    }

    @Override
    public TopicStatsTable getTopicStatsInfo(String brokerAddr, String topic)
        throws RemotingException, InterruptedException, MQBrokerException {
        return ops().remoting().getTopicStatsInfo(brokerAddr, topic, timeout());
    }

    @Override
    public TopicList fetchAllTopicList() throws RemotingException, MQClientException, InterruptedException {
        return ops().topics().fetchAllTopicList();
    }

    @Override
    public TopicList fetchTopicsByCLuster(String clusterName)
        throws RemotingException, MQClientException, InterruptedException {
        return ops().topics().fetchTopicsByCluster(clusterName);
    }

    @Override
    public TopicRouteData examineTopicRouteInfo(String topic)
        throws RemotingException, MQClientException, InterruptedException {
        return ops().topics().examineTopicRouteInfo(topic);
    }

    @Override
    public void deleteTopicInBroker(Set<String> addrs, String topic)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        ops().topics().deleteTopicInBroker(addrs, topic);
    }

    @Override
    public void deleteTopicInNameServer(Set<String> addrs, String topic, String clusterName)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        ops().topics().deleteTopicInNameServer(addrs, topic, clusterName);
    }

    @Override
    public GroupList queryTopicConsumeByWho(String topic)
        throws InterruptedException, MQBrokerException, RemotingException, MQClientException {
        return ops().topics().queryTopicConsumeByWho(topic);
    }

    @Override
    public Set<String> getTopicClusterList(String topic)
        throws InterruptedException, MQBrokerException, MQClientException, RemotingException {
        return ops().topics().getTopicClusterList(topic);
    }

    @Override
    public Set<String> getClusterList(String topic) {
        return Set.of();
    }

    @Override
    public TopicConfigSerializeWrapper getAllTopicConfig(String brokerAddr, long timeoutMillis)
        throws InterruptedException, RemotingException, MQBrokerException {
        return ops().remoting().getAllTopicConfig(brokerAddr, timeoutMillis);
    }

    @Override
    public TopicConfigSerializeWrapper getUserTopicConfig(String brokerAddr, boolean specialTopic, long timeoutMillis)
        throws InterruptedException, RemotingException, MQBrokerException, MQClientException {
        return ops().topics().getUserTopicConfig(brokerAddr, specialTopic, timeoutMillis);
    }

    @Override
    public void createOrUpdateOrderConf(String key, String value, boolean isCluster)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        ops().topics().createOrUpdateOrderConf(key, value, isCluster);
    }

    // ---- brokers and clusters ---------------------------------------------------------------------------

    @Override
    public ClusterInfo examineBrokerClusterInfo() throws InterruptedException, MQBrokerException, RemotingException {
        return ops().remoting().getBrokerClusterInfo(timeout());
    }

    @Override
    public KVTable fetchBrokerRuntimeStats(String brokerAddr)
        throws RemotingException, InterruptedException, MQBrokerException {
        return ops().remoting().getBrokerRuntimeInfo(brokerAddr, timeout());
    }

    @Override
    public void updateBrokerConfig(String brokerAddr, Properties properties)
        throws RemotingException, InterruptedException, MQBrokerException {
        ops().remoting().updateBrokerConfig(brokerAddr, properties, timeout());
    }

    @Override
    public Properties getBrokerConfig(String brokerAddr)
        throws RemotingException, InterruptedException, MQBrokerException {
        return ops().remoting().getBrokerConfig(brokerAddr, timeout());
    }

    @Override
    public void createAndUpdatePlainAccessConfig(String addr, PlainAccessConfig config)
        throws RemotingException, InterruptedException, MQClientException {
        ops().remoting().createPlainAccessConfig(addr, config, timeout());
    }

    @Override
    public void deletePlainAccessConfig(String addr, String accessKey)
        throws RemotingException, InterruptedException, MQClientException {
        ops().remoting().deleteAccessConfig(addr, accessKey, timeout());
    }

    @Override
    public void updateGlobalWhiteAddrConfig(String addr, String globalWhiteAddrs, String aclFileFullPath)
        throws RemotingException, InterruptedException, MQClientException {
        ops().remoting().updateGlobalWhiteAddrsConfig(addr, globalWhiteAddrs, aclFileFullPath, timeout());
    }

    @Override
    public ClusterAclVersionInfo examineBrokerClusterAclVersionInfo(String addr)
        throws RemotingException, InterruptedException, MQBrokerException {
        return ops().remoting().getBrokerClusterAclInfo(addr, timeout());
    }

    @Override
    public AclConfig examineBrokerClusterAclConfig(String addr)
        throws RemotingException, InterruptedException, MQBrokerException {
        return ops().remoting().getBrokerClusterConfig(addr, timeout());
    }

    @Override
    public BrokerStatsData viewBrokerStatsData(String brokerAddr, String statsName, String statsKey)
        throws RemotingException, MQClientException, InterruptedException {
        return ops().remoting().viewBrokerStatsData(brokerAddr, statsName, statsKey, timeout());
    }

    @Override
    public ConsumeStatsList fetchConsumeStatsInBroker(String brokerAddr, boolean isOrder, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        return ops().remoting().fetchConsumeStatsInBroker(brokerAddr, isOrder, timeoutMillis);
    }

    @Override
    public QueryConsumeQueueResponseBody queryConsumeQueue(String brokerAddr, String topic, int queueId, long index,
                                                           int count, String consumerGroup)
        throws RemotingException, MQClientException, InterruptedException {
        return ops().remoting().queryConsumeQueue(brokerAddr, topic, queueId, index, count, consumerGroup,
            timeout());
    }

    @Override
    public boolean cleanExpiredConsumerQueue(String cluster)
        throws RemotingException, MQClientException, InterruptedException {
        return ops().maintenance().cleanExpiredConsumerQueue(cluster);
    }

    @Override
    public boolean cleanExpiredConsumerQueueByAddr(String addr)
        throws RemotingException, MQClientException, InterruptedException {
        return ops().maintenance().cleanExpiredConsumerQueueByAddr(addr);
    }

    @Override
    public boolean deleteExpiredCommitLog(String cluster)
        throws RemotingException, MQClientException, InterruptedException {
        return ops().maintenance().deleteExpiredCommitLog(cluster);
    }

    @Override
    public boolean deleteExpiredCommitLogByAddr(String addr)
        throws RemotingException, MQClientException, InterruptedException {
        return ops().maintenance().deleteExpiredCommitLogByAddr(addr);
    }

    @Override
    public boolean cleanUnusedTopic(String cluster) throws RemotingException, MQClientException, InterruptedException {
        return ops().maintenance().cleanUnusedTopic(cluster);
    }

    @Override
    public boolean cleanUnusedTopicByAddr(String addr)
        throws RemotingException, MQClientException, InterruptedException {
        return ops().maintenance().cleanUnusedTopicByAddr(addr);
    }

    // ---- NameServers --------------------------------------------------------------------------------------

    @Override
    public List<String> getNameServerAddressList() {
        return impl.getNameServerAddressList();
    }

    @Override
    public int wipeWritePermOfBroker(String namesrvAddr, String brokerName)
        throws RemotingException, InterruptedException, MQClientException {
        return ops().remoting().wipeWritePermOfBroker(namesrvAddr, brokerName, timeout());
    }

    @Override
    public int addWritePermOfBroker(String namesrvAddr, String brokerName)
        throws RemotingException, InterruptedException, MQClientException {
        return ops().remoting().addWritePermOfBroker(namesrvAddr, brokerName, timeout());
    }

    @Override
    public void putKVConfig(String namespace, String key, String value) {
        try {
            createAndUpdateKvConfig(namespace, key, value);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("put KV config {}/{} interrupted", namespace, key);
        } catch (RemotingException | MQBrokerException | MQClientException e) {
            LOG.warn("put KV config {}/{} failed", namespace, key, e);
        }
    }

    @Override
    public void createAndUpdateKvConfig(String namespace, String key, String value)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        ops().remoting().putKVConfigValue(namespace, key, value, timeout());
    }

    @Override
    public String getKVConfig(String namespace, String key)
        throws RemotingException, MQClientException, InterruptedException {
        return ops().remoting().getKVConfigValue(namespace, key, timeout());
    }

    @Override
    public KVTable getKVListByNamespace(String namespace)
        throws RemotingException, MQClientException, InterruptedException {
        return ops().remoting().getKVListByNamespace(namespace, timeout());
    }

    @Override
    public void deleteKvConfig(String namespace, String key)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        ops().remoting().deleteKVConfigValue(namespace, key, timeout());
    }

    @Override
    public void updateNameServerConfig(Properties properties, List<String> nameServers)
        throws InterruptedException, RemotingException, MQClientException, MQBrokerException {
        ops().remoting().updateNameServerConfig(properties, nameServers, timeout());
    }

    @Override
    public Map<String, Properties> getNameServerConfig(List<String> nameServers)
        throws InterruptedException, RemotingException, MQClientException {
        return ops().remoting().getNameServerConfig(nameServers, timeout());
    }

    // ---- groups -------------------------------------------------------------------------------------------

    @Override
    public void createAndUpdateSubscriptionGroupConfig(String addr, SubscriptionGroupConfig config)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        ops().remoting().createSubscriptionGroup(addr, config, timeout());
    }

    @Override
    public SubscriptionGroupConfig examineSubscriptionGroupConfig(String addr, String group)
        throws InterruptedException, RemotingException, MQClientException, MQBrokerException {
        return ops().groups().examineSubscriptionGroupConfig(addr, group);
    }

    @Override
    public void deleteSubscriptionGroup(String addr, String groupName)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        deleteSubscriptionGroup(addr, groupName, false);
    }

    @Override
    public void deleteSubscriptionGroup(String addr, String groupName, boolean removeOffset)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        ops().remoting().deleteSubscriptionGroup(addr, groupName, removeOffset, timeout());
    }

    @Override
    public ProducerTableInfo getAllProducerInfo(String brokerAddr)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        return ops().remoting().getAllProducerInfo(brokerAddr, timeout());
    }

    @Override
    public SubscriptionGroupWrapper getAllSubscriptionGroup(String brokerAddr, long timeoutMillis)
        throws InterruptedException, RemotingException, MQBrokerException {
        return ops().remoting().getAllSubscriptionGroup(brokerAddr, timeoutMillis);
    }

    @Override
    public SubscriptionGroupWrapper getUserSubscriptionGroup(String brokerAddr, long timeoutMillis)
        throws InterruptedException, RemotingException, MQBrokerException {
        return ops().groups().getUserSubscriptionGroup(brokerAddr, timeoutMillis);
    }

    @Override
    public ConsumeStats examineConsumeStats(String consumerGroup)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        return examineConsumeStats(consumerGroup, null);
    }

    @Override
    public ConsumeStats examineConsumeStats(String consumerGroup, String topic)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        return ops().groups().examineConsumeStats(consumerGroup, topic);
    }

    @Override
    public ConsumerConnection examineConsumerConnectionInfo(String consumerGroup)
        throws InterruptedException, MQBrokerException, RemotingException, MQClientException {
        return ops().groups().examineConsumerConnectionInfo(consumerGroup);
    }

    @Override
    public ConsumerConnection examineConsumerConnectionInfo(String consumerGroup, String brokerAddr)
        throws InterruptedException, MQBrokerException, RemotingException, MQClientException {
        return ops().groups().examineConsumerConnectionInfo(consumerGroup, brokerAddr);
    }

    @Override
    public ProducerConnection examineProducerConnectionInfo(String producerGroup, String topic)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        return ops().groups().examineProducerConnectionInfo(producerGroup, topic);
    }

    @Override
    public ConsumerRunningInfo getConsumerRunningInfo(String consumerGroup, String clientId, boolean jstack)
        throws RemotingException, MQClientException, InterruptedException {
        return ops().groups().getConsumerRunningInfo(consumerGroup, clientId, jstack);
    }

    @Override
    public List<QueueTimeSpan> queryConsumeTimeSpan(String topic, String group)
        throws InterruptedException, MQBrokerException, RemotingException, MQClientException {
        return ops().topics().queryConsumeTimeSpan(topic, group);
    }

    @Override
    public void cloneGroupOffset(String srcGroup, String destGroup, String topic, boolean isOffline)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        ops().groups().cloneGroupOffset(srcGroup, destGroup, topic, isOffline);
    }

    @Override
    public Map<String, Map<MessageQueue, Long>> getConsumeStatus(String topic, String group, String clientAddr)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        return ops().groups().getConsumeStatus(topic, group, clientAddr);
    }

    // ---- offsets ------------------------------------------------------------------------------------------

    @Override
    public void updateConsumeOffset(String brokerAddr, String consumeGroup, MessageQueue mq, long offset)
        throws RemotingException, InterruptedException, MQBrokerException {
        ops().offsets().updateConsumeOffset(brokerAddr, consumeGroup, mq, offset);
    }

    @Override
    public Map<MessageQueue, Long> resetOffsetByTimestamp(String topic, String group, long timestamp, boolean isForce)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        return resetOffsetByTimestamp(topic, group, timestamp, isForce, false);
    }

    @Override
    public Map<MessageQueue, Long> resetOffsetByTimestamp(String topic, String group, long timestamp, boolean isForce,
                                                          boolean isC)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        return ops().offsets().resetOffsetByTimestamp(topic, group, timestamp, isForce, isC);
    }

    @Override
    public List<RollbackStats> resetOffsetByTimestampOld(String consumerGroup, String topic, long timestamp,
                                                         boolean force)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        return ops().offsets().resetOffsetByTimestampOld(consumerGroup, topic, timestamp, force);
    }

    @Override
    public void resetOffsetNew(String consumerGroup, String topic, long timestamp)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        ops().offsets().resetOffsetNew(consumerGroup, topic, timestamp);
    }

    @Override
    public long searchOffset(MessageQueue mq, long timestamp) throws MQClientException {
        return ops().queries().searchOffset(mq, timestamp);
    }

    @Override
    public long maxOffset(MessageQueue mq) throws MQClientException {
        return ops().queries().maxOffset(mq);
    }

    @Override
    public long minOffset(MessageQueue mq) throws MQClientException {
        return ops().queries().minOffset(mq);
    }

    @Override
    public long earliestMsgStoreTime(MessageQueue mq) throws MQClientException {
        return ops().queries().earliestMsgStoreTime(mq);
    }

    // ---- messages -----------------------------------------------------------------------------------------

    @Override
    public MessageExt viewMessage(String offsetMsgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        return ops().messages().viewMessage(offsetMsgId);
    }

    @Override
    public MessageExt viewMessage(String topic, String msgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        return ops().messages().viewMessage(topic, msgId);
    }

    @Override
    public QueryResult queryMessage(String topic, String key, int maxNum, long begin, long end)
        throws MQClientException, InterruptedException {
        return ops().queries().queryMessage(topic, key, maxNum, begin, end);
    }

    @Override
    public QueryResult queryMessageByUniqKey(String topic, String key, int maxNum, long begin, long end)
        throws MQClientException, InterruptedException {
        return ops().queries().queryMessageByUniqKey(topic, key, maxNum, begin, end);
    }

    @Override
    public ConsumeMessageDirectlyResult consumeMessageDirectly(String consumerGroup, String clientId, String msgId)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        return ops().messages().consumeMessageDirectly(consumerGroup, clientId, msgId);
    }

    @Override
    public ConsumeMessageDirectlyResult consumeMessageDirectly(String consumerGroup, String clientId, String topic,
                                                               String msgId)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        return ops().messages().consumeMessageDirectly(consumerGroup, clientId, topic, msgId);
    }

    @Override
    public List<MessageTrack> messageTrackDetail(MessageExt msg)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        return ops().tracker().messageTrackDetail(msg);
    }

    // ---- settings -----------------------------------------------------------------------------------------

    public String getAdminExtGroup() {
        return adminExtGroup;
    }

    public void setAdminExtGroup(String adminExtGroup) {
        this.adminExtGroup = adminExtGroup;
    }

    /** The template topic sent as {@code defaultTopic} with UPDATE_AND_CREATE_TOPIC (default TBW102). */
    public String getCreateTopicKey() {
        return createTopicKey;
    }

    public void setCreateTopicKey(String createTopicKey) {
        this.createTopicKey = createTopicKey;
    }
}
