package io.petrel.test.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.client.admin.DefaultMQAdminExt;
import io.petrel.client.exception.MQClientException;
import io.petrel.common.body.TopicStatsTable;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.ClusterInfo;
import io.petrel.common.route.TopicRouteData;
import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.common.topic.TopicConfig;
import io.petrel.remoting.protocol.ResponseCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calls {@code mqadmin}'s common subcommands make, through Petrel's admin client. Run against a Petrel cluster
 * and against an official 4.9.7 NameServer and broker by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
abstract class AdminScenarios {
    @TempDir
    static Path dir;
    private DefaultMQAdminExt admin;

    /** Starts one NameServer and one broker; @return the NameServer address. */
    abstract String startServers() throws Exception;

    abstract void stopServers();

    abstract String brokerName();

    @BeforeAll
    void startAll() throws Exception {
        String namesrv = startServers();
        admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(namesrv);
        admin.start();
    }

    @AfterAll
    void stopAll() {
        if (admin != null) {
            admin.shutdown();
        }
        stopServers();
    }

    private String brokerAddr() throws Exception {
        ClusterInfo info = admin.examineBrokerClusterInfo();
        assertEquals(Set.of(brokerName()), info.brokerAddrTable().keySet());
        return info.brokerAddrTable().get(brokerName()).masterAddr();
    }

    private void awaitRoute(String topic) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
            .until(() -> admin.examineTopicRouteInfo(topic) != null);
    }

    @Test
    void topicLifecycle() throws Exception {
        String broker = brokerAddr();
        admin.createAndUpdateTopicConfig(broker, TopicConfig.of("ADMIN_T1", 3, 3, 6));
        awaitRoute("ADMIN_T1");
        TopicRouteData route = admin.examineTopicRouteInfo("ADMIN_T1");
        assertEquals(3, route.queueDatas().get(0).writeQueueNums());
        assertTrue(admin.fetchAllTopicList().topicList().contains("ADMIN_T1"));
        assertEquals(3, admin.examineTopicConfig(broker, "ADMIN_T1").readQueueNums());
        TopicStatsTable stats = admin.examineTopicStats("ADMIN_T1");
        assertEquals(3, stats.offsetTable().size());
        assertEquals(0, admin.maxOffset(new MessageQueue("ADMIN_T1", brokerName(), 0)));

        admin.deleteTopicInBroker(Set.of(broker), "ADMIN_T1");
        admin.deleteTopicInNameServer(null, "ADMIN_T1", null);
        assertFalse(admin.fetchAllTopicList().topicList().contains("ADMIN_T1"));
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, assertThrows(MQClientException.class,
            () -> admin.examineTopicRouteInfo("ADMIN_T1")).getResponseCode());
    }

    @Test
    void groupsAndBrokerState() throws Exception {
        String broker = brokerAddr();
        admin.createAndUpdateSubscriptionGroupConfig(broker, SubscriptionGroupConfig.defaults("ADMIN_G1"));
        SubscriptionGroupConfig group = admin.examineSubscriptionGroupConfig(broker, "ADMIN_G1");
        assertNotNull(group);
        assertEquals(16, group.retryMaxTimes());
        assertTrue(admin.getUserSubscriptionGroup(broker, 5000).subscriptionGroupTable().containsKey("ADMIN_G1"));
        admin.deleteSubscriptionGroup(broker, "ADMIN_G1");
        assertEquals(null, admin.examineSubscriptionGroupConfig(broker, "ADMIN_G1"));

        // An official 4.9.7 broker answers SYSTEM_ERROR (NoSuchElementException from its empty stats history) until
        // it has taken its first stats sample, some seconds after start; the answer is awaited, not assumed.
        String version = Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
            .until(() -> admin.fetchBrokerRuntimeStats(broker).table().get("brokerVersionDesc"), v -> v != null);
        assertNotNull(version);
        Properties config = admin.getBrokerConfig(broker);
        assertEquals(brokerName(), config.getProperty("brokerName"));
    }

    @Test
    void kvConfigInEveryNameServer() throws Exception {
        admin.createAndUpdateKvConfig("ORDER_TOPIC_CONFIG", "ADMIN_T2", "b:4");
        assertEquals("b:4", admin.getKVConfig("ORDER_TOPIC_CONFIG", "ADMIN_T2"));
        assertEquals("b:4", admin.getKVListByNamespace("ORDER_TOPIC_CONFIG").table().get("ADMIN_T2"));
        admin.deleteKvConfig("ORDER_TOPIC_CONFIG", "ADMIN_T2");
        assertEquals(ResponseCode.QUERY_NOT_FOUND, assertThrows(MQClientException.class,
            () -> admin.getKVConfig("ORDER_TOPIC_CONFIG", "ADMIN_T2")).getResponseCode());
    }

    @Test
    void consumeStatsOfAGroupThatNeverConsumedSayNotOnline() throws Exception {
        String broker = brokerAddr();
        admin.createAndUpdateSubscriptionGroupConfig(broker, SubscriptionGroupConfig.defaults("ADMIN_G2"));
        admin.createAndUpdateTopicConfig(broker, TopicConfig.of("%RETRY%ADMIN_G2", 1, 1, 6));
        awaitRoute("%RETRY%ADMIN_G2");
        assertEquals(ResponseCode.CONSUMER_NOT_ONLINE, assertThrows(MQClientException.class,
            () -> admin.examineConsumeStats("ADMIN_G2")).getResponseCode());
    }
}
