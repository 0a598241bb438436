package io.petrel.client.impl.admin;

import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.exception.MQClientException;
import io.petrel.common.body.ConsumeStats;
import io.petrel.common.body.ConsumerConnection;
import io.petrel.common.body.ConsumerRunningInfo;
import io.petrel.common.body.OffsetWrapper;
import io.petrel.common.body.ProducerConnection;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.BrokerData;
import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.common.subscription.SubscriptionGroupWrapper;
import io.petrel.common.topic.TopicValidator;
import io.petrel.remoting.exception.RemotingException;
import io.petrel.remoting.protocol.ResponseCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Consumer- and producer-group admin operations. A consumer group is found through its retry topic
 * ({@code %RETRY%<group>}): every broker that serves it knows the group. Thread-safe.
 */
public final class GroupAdmin {
    /** Groups the brokers and clients use themselves; {@link #getUserSubscriptionGroup} leaves them out. */
    static final Set<String> SYSTEM_GROUPS = Set.of("DEFAULT_CONSUMER", "DEFAULT_PRODUCER", "TOOLS_CONSUMER",
        "FILTERSRV_CONSUMER", "__MONITOR_CONSUMER", "CLIENT_INNER_PRODUCER", "SELF_TEST_P_GROUP",
        "SELF_TEST_C_GROUP", "CID_ONS-HTTP-PROXY", "CID_ONSAPI_PERMISSION", "CID_ONSAPI_OWNER", "CID_ONSAPI_PULL",
        "CID_RMQ_SYS_TRANS");
    static final String SYSTEM_GROUP_PREFIX = "CID_RMQ_SYS_";

    private final AdminRemoting remoting;
    private final long timeoutMillis;
    private final RandomGenerator random;

    public GroupAdmin(AdminRemoting remoting, long timeoutMillis, RandomGenerator random) {
        this.remoting = remoting;
        this.timeoutMillis = timeoutMillis;
        this.random = random;
    }

    /**
     * The group's offsets on every broker of its retry topic, consume TPS summed; an empty result means the
     * group consumed nothing and is {@link ResponseCode#CONSUMER_NOT_ONLINE}.
     *
     * @param topic null for every topic of the group
     */
    public ConsumeStats examineConsumeStats(String consumerGroup, String topic)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        Map<MessageQueue, OffsetWrapper> offsets = new LinkedHashMap<>();
        double tps = 0;
        for (BrokerData broker : retryRoute(consumerGroup)) {
            String addr = BrokerAddrs.select(broker, random);
            if (addr != null) {
                ConsumeStats stats = remoting.getConsumeStats(addr, consumerGroup, topic, timeoutMillis * 3);
                offsets.putAll(stats.offsetTable());
                tps += stats.consumeTps();
            }
        }
        if (offsets.isEmpty()) {
            throw new MQClientException(ResponseCode.CONSUMER_NOT_ONLINE, "Not found the consumer group consume "
                + "stats, because return offset table is empty, maybe the consumer not consume any message");
        }
        return new ConsumeStats(offsets, tps);
    }

    /** The group's online members, from one broker of its retry topic picked at random. */
    public ConsumerConnection examineConsumerConnectionInfo(String consumerGroup)
        throws InterruptedException, MQBrokerException, RemotingException, MQClientException {
        List<BrokerData> brokers = retryRoute(consumerGroup);
        String addr = brokers.isEmpty() ? null : BrokerAddrs.select(brokers.get(random.nextInt(brokers.size())),
            random);
        if (addr == null || addr.isBlank()) {
            throw notOnline();
        }
        return examineConsumerConnectionInfo(consumerGroup, addr);
    }

    public ConsumerConnection examineConsumerConnectionInfo(String consumerGroup, String brokerAddr)
        throws InterruptedException, MQBrokerException, RemotingException, MQClientException {
        ConsumerConnection connection = remoting.getConsumerConnectionList(brokerAddr, consumerGroup, timeoutMillis);
        if (connection.connectionSet().isEmpty()) {
            throw notOnline();
        }
        return connection;
    }

    /** The group's producers, from one broker of {@code topic}'s route picked at random. */
    public ProducerConnection examineProducerConnectionInfo(String producerGroup, String topic)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        List<BrokerData> brokers = remoting.getTopicRouteInfo(topic, timeoutMillis).brokerDatas();
        String addr = brokers.isEmpty() ? null : BrokerAddrs.select(brokers.get(random.nextInt(brokers.size())),
            random);
        ProducerConnection connection = addr == null || addr.isBlank() ? null
            : remoting.getProducerConnectionList(addr, producerGroup, timeoutMillis);
        if (connection == null || connection.connectionSet().isEmpty()) {
            throw new MQClientException("Not found the producer group connection", null);
        }
        return connection;
    }

    /** @return the broker's configuration of the group, null when it has none */
    public SubscriptionGroupConfig examineSubscriptionGroupConfig(String addr, String group)
        throws InterruptedException, RemotingException, MQBrokerException {
        return remoting.getAllSubscriptionGroup(addr, timeoutMillis).subscriptionGroupTable().get(group);
    }

    /** The broker's groups without the system groups. */
    public SubscriptionGroupWrapper getUserSubscriptionGroup(String addr, long timeoutMillis)
        throws InterruptedException, RemotingException, MQBrokerException {
        SubscriptionGroupWrapper all = remoting.getAllSubscriptionGroup(addr, timeoutMillis);
        Map<String, SubscriptionGroupConfig> user = new LinkedHashMap<>(all.subscriptionGroupTable());
        user.keySet().removeIf(g -> g.startsWith(SYSTEM_GROUP_PREFIX) || SYSTEM_GROUPS.contains(g));
        return new SubscriptionGroupWrapper(user, all.dataVersion());
    }

    /** Asks the first broker of the group's retry topic to fetch it from the client; null without a broker. */
    public ConsumerRunningInfo getConsumerRunningInfo(String consumerGroup, String clientId, boolean jstack)
        throws RemotingException, MQClientException, InterruptedException {
        for (BrokerData broker : retryRoute(consumerGroup)) {
            String addr = BrokerAddrs.select(broker, random);
            if (addr != null) {
                return remoting.getConsumerRunningInfo(addr, consumerGroup, clientId, jstack, timeoutMillis * 3);
            }
        }
        return null;
    }

    /** Copies the source group's offsets to the destination group on every broker of the source's retry topic. */
    public void cloneGroupOffset(String srcGroup, String destGroup, String topic, boolean isOffline)
        throws RemotingException, MQClientException, InterruptedException {
        for (BrokerData broker : retryRoute(srcGroup)) {
            String addr = BrokerAddrs.select(broker, random);
            if (addr != null) {
                remoting.cloneGroupOffset(addr, srcGroup, destGroup, topic, isOffline, timeoutMillis * 3);
            }
        }
    }

    /** Each client's offsets of {@code topic}, as the first broker of the topic's route collects them. */
    public Map<String, Map<MessageQueue, Long>> getConsumeStatus(String topic, String group, String clientAddr)
        throws RemotingException, MQClientException, InterruptedException {
        List<BrokerData> brokers = remoting.getTopicRouteInfo(topic, timeoutMillis).brokerDatas();
        String addr = brokers.isEmpty() ? null : BrokerAddrs.select(brokers.get(0), random);
        return addr == null ? Map.of()
            : remoting.invokeBrokerToGetConsumerStatus(addr, topic, group, clientAddr, timeoutMillis);
    }

    private List<BrokerData> retryRoute(String consumerGroup)
        throws RemotingException, MQClientException, InterruptedException {
        String retryTopic = TopicValidator.RETRY_GROUP_TOPIC_PREFIX + consumerGroup;
        return remoting.getTopicRouteInfo(retryTopic, timeoutMillis).brokerDatas();
    }

    private static MQClientException notOnline() {
        return new MQClientException(ResponseCode.CONSUMER_NOT_ONLINE, "Not found the consumer group connection");
    }
}
