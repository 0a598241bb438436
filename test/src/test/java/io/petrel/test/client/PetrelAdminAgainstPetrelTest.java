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
import io.petrel.test.broker.PetrelCluster;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Petrel's admin client against a Petrel NameServer and broker: the calls mqadmin's common subcommands make. */
@Timeout(120)
class PetrelAdminAgainstPetrelTest {
    @TempDir
    Path dir;
    private PetrelCluster cluster;
    private DefaultMQAdminExt admin;

    @BeforeEach
    void start() throws Exception {
        cluster = PetrelCluster.start(dir, new Properties());
        admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(cluster.namesrvAddr());
        admin.start();
    }

    @AfterEach
    void stop() {
        if (admin != null) {
            admin.shutdown();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private String brokerAddr() throws Exception {
        ClusterInfo info = admin.examineBrokerClusterInfo();
        assertEquals(Set.of("petrel-a"), info.brokerAddrTable().keySet());
        return info.brokerAddrTable().get("petrel-a").masterAddr();
    }

    @Test
    void topicLifecycle() throws Exception {
        String broker = brokerAddr();
        admin.createAndUpdateTopicConfig(broker, TopicConfig.of("ADMIN_T1", 3, 3, 6));
        cluster.awaitRoute("ADMIN_T1");
        TopicRouteData route = admin.examineTopicRouteInfo("ADMIN_T1");
        assertEquals(3, route.queueDatas().get(0).writeQueueNums());
        assertTrue(admin.fetchAllTopicList().topicList().contains("ADMIN_T1"));
        assertEquals(3, admin.examineTopicConfig(broker, "ADMIN_T1").readQueueNums());
        TopicStatsTable stats = admin.examineTopicStats("ADMIN_T1");
        assertEquals(3, stats.offsetTable().size());
        assertEquals(0, admin.maxOffset(new MessageQueue("ADMIN_T1", "petrel-a", 0)));

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

        assertNotNull(admin.fetchBrokerRuntimeStats(broker).table().get("brokerVersionDesc"));
        Properties config = admin.getBrokerConfig(broker);
        assertEquals("petrel-a", config.getProperty("brokerName"));
    }

    @Test
    void kvConfigInEveryNameServer() throws Exception {
        admin.createAndUpdateKvConfig("ORDER_TOPIC_CONFIG", "ADMIN_T2", "petrel-a:4");
        assertEquals("petrel-a:4", admin.getKVConfig("ORDER_TOPIC_CONFIG", "ADMIN_T2"));
        assertEquals("petrel-a:4", admin.getKVListByNamespace("ORDER_TOPIC_CONFIG").table().get("ADMIN_T2"));
        admin.deleteKvConfig("ORDER_TOPIC_CONFIG", "ADMIN_T2");
        assertEquals(ResponseCode.QUERY_NOT_FOUND, assertThrows(MQClientException.class,
            () -> admin.getKVConfig("ORDER_TOPIC_CONFIG", "ADMIN_T2")).getResponseCode());
    }
}
