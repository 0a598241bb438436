package io.petrel.namesrv.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.petrel.common.route.ClusterInfo;
import io.petrel.common.route.DataVersion;
import io.petrel.common.route.QueueData;
import io.petrel.common.route.TopicConfigSerializeWrapper;
import io.petrel.common.route.TopicRouteData;
import io.petrel.common.topic.TopicConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RouteInfoManagerTest {
    private static final long EXPIRY_MS = 120_000;
    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final RouteInfoManager routes = new RouteInfoManager(now::get);
    private final EmbeddedChannel masterChannel = new EmbeddedChannel();
    private final EmbeddedChannel slaveChannel = new EmbeddedChannel();

    private static final BrokerRegistration MASTER_A = new BrokerRegistration("c1", "broker-a", "10.0.0.1:10911", 0,
        "10.0.0.1:10912");
    private static final BrokerRegistration SLAVE_A = new BrokerRegistration("c1", "broker-a", "10.0.0.2:10911", 1,
        "10.0.0.2:10912");
    private static final BrokerRegistration MASTER_B = new BrokerRegistration("c2", "broker-b", "10.0.0.3:10911", 0,
        "10.0.0.3:10912");

    @AfterEach
    void closeChannels() {
        masterChannel.finishAndReleaseAll();
        slaveChannel.finishAndReleaseAll();
    }

    private static TopicConfigSerializeWrapper table(long counter, TopicConfig... configs) {
        Map<String, TopicConfig> m = new LinkedHashMap<>();
        for (TopicConfig c : configs) {
            m.put(c.topicName(), c);
        }
        return new TopicConfigSerializeWrapper(m, new DataVersion(1000 + counter, counter));
    }

    @Test
    void registerMakesTopicsRoutable() {
        RegisterResult r = routes.registerBroker(MASTER_A, table(1, TopicConfig.of("T1", 4, 4, 6)), List.of(),
            masterChannel);
        assertEquals(RegisterResult.EMPTY, r);
        TopicRouteData route = routes.pickupTopicRouteData("T1");
        assertNotNull(route);
        assertEquals(List.of(new QueueData("broker-a", 4, 4, 6, 0)), route.queueDatas());
        assertEquals("10.0.0.1:10911", route.brokerDatas().get(0).masterAddr());
        assertEquals("c1", route.brokerDatas().get(0).cluster());
        assertNull(routes.pickupTopicRouteData("unknown"));
        ClusterInfo info = routes.clusterInfo();
        assertEquals(Set.of("broker-a"), info.clusterAddrTable().get("c1"));
        assertEquals(now.get(), routes.liveBrokers().get("10.0.0.1:10911").lastUpdateMillis());
    }

    @Test
    void reRegistrationAppliesTopicsOnlyWhenTheVersionChanges() {
        routes.registerBroker(MASTER_A, table(1, TopicConfig.of("T1", 4, 4, 6)), List.of(), masterChannel);
        long gen = routes.generation();
        // same version, different content: ignored (the broker's version says nothing changed)
        routes.registerBroker(MASTER_A, table(1, TopicConfig.of("T1", 8, 8, 6)), List.of(), masterChannel);
        assertEquals(4, routes.queuesOf("T1").get("broker-a").writeQueueNums());
        assertEquals(gen, routes.generation());
        // new version: applied, and topics missing from the body stay
        routes.registerBroker(MASTER_A, table(2, TopicConfig.of("T2", 2, 2, 6), TopicConfig.of("T1", 8, 8, 6)),
            List.of(), masterChannel);
        assertEquals(8, routes.queuesOf("T1").get("broker-a").writeQueueNums());
        assertEquals(2, routes.queuesOf("T2").get("broker-a").readQueueNums());
        assertNotEquals(gen, routes.generation());
        routes.registerBroker(MASTER_A, table(3, TopicConfig.of("T2", 2, 2, 6)), List.of(), masterChannel);
        assertNotNull(routes.pickupTopicRouteData("T1"));
        assertEquals(new DataVersion(1003, 3), routes.liveBrokers().get(MASTER_A.brokerAddr()).dataVersion());
    }

    @Test
    void scanExpiresSilentBrokersAndTheirTopics() {
        routes.registerBroker(MASTER_A, table(1, TopicConfig.of("T1", 4, 4, 6)), List.of(), masterChannel);
        routes.registerBroker(MASTER_B, table(1, TopicConfig.of("T1", 4, 4, 6), TopicConfig.of("TB", 1, 1, 6)),
            List.of(), null);
        now.addAndGet(EXPIRY_MS);
        routes.registerBroker(MASTER_B, table(1, TopicConfig.of("TB", 1, 1, 6)), List.of(), null);
        assertEquals(0, routes.scanNotActiveBrokers(EXPIRY_MS));
        now.addAndGet(1);
        assertEquals(1, routes.scanNotActiveBrokers(EXPIRY_MS));
        assertFalse(masterChannel.isOpen());
        assertEquals(Set.of("broker-b"), routes.queuesOf("T1").keySet());
        assertNull(routes.clusterInfo().clusterAddrTable().get("c1"));
        assertFalse(routes.clusterInfo().brokerAddrTable().containsKey("broker-a"));
        assertEquals(Set.of(MASTER_B.brokerAddr()), routes.liveBrokers().keySet());
    }

    @Test
    void closedChannelRemovesItsBrokerAtOnce() {
        routes.registerBroker(MASTER_A, table(1, TopicConfig.of("T1", 4, 4, 6)), List.of(), masterChannel);
        routes.registerBroker(SLAVE_A, table(1, TopicConfig.of("T1", 4, 4, 6)), List.of(), slaveChannel);
        routes.onChannelDestroy(new EmbeddedChannel());
        assertEquals(2, routes.liveBrokers().size());
        routes.onChannelDestroy(masterChannel);
        TopicRouteData route = routes.pickupTopicRouteData("T1");
        assertNotNull(route, "the slave still serves the topic's reads");
        assertEquals(Map.of(1L, SLAVE_A.brokerAddr()), route.brokerDatas().get(0).brokerAddrs());
        routes.onChannelDestroy(slaveChannel);
        assertNull(routes.pickupTopicRouteData("T1"), "last broker of the topic gone: the topic goes");
        assertTrue(routes.allTopics().topicList().isEmpty());
    }

    @Test
    void unregisterRemovesThatIdOnly() {
        routes.registerBroker(MASTER_A, table(1, TopicConfig.of("T1", 4, 4, 6)), List.of(), masterChannel);
        routes.registerBroker(SLAVE_A, table(1, TopicConfig.of("T1", 4, 4, 6)), List.of(), slaveChannel);
        routes.unregisterBroker("c1", SLAVE_A.brokerAddr(), "broker-a", 1);
        assertEquals(Map.of(0L, MASTER_A.brokerAddr()), routes.clusterInfo().brokerAddrTable().get("broker-a").brokerAddrs());
        routes.unregisterBroker("c1", MASTER_A.brokerAddr(), "broker-a", 0);
        assertTrue(routes.clusterInfo().brokerAddrTable().isEmpty());
        assertTrue(routes.clusterInfo().clusterAddrTable().isEmpty());
        assertNull(routes.pickupTopicRouteData("T1"));
        assertTrue(routes.liveBrokers().isEmpty());
    }

    @Test
    void slaveLearnsTheLiveMastersAddresses() {
        assertEquals(RegisterResult.EMPTY, routes.registerBroker(SLAVE_A, table(1, TopicConfig.of("S", 1, 1, 6)),
            List.of(), slaveChannel), "no master yet");
        assertTrue(routes.queuesOf("S").isEmpty(), "slaves never write queue data");
        routes.registerBroker(MASTER_A, table(1, TopicConfig.of("T1", 4, 4, 6)), List.of(), masterChannel);
        RegisterResult r = routes.registerBroker(SLAVE_A, table(1), List.of(), slaveChannel);
        assertEquals(new RegisterResult("10.0.0.1:10912", "10.0.0.1:10911"), r);
    }

    @Test
    void promotedSlaveLosesItsOldId() {
        routes.registerBroker(SLAVE_A, table(1), List.of(), slaveChannel);
        BrokerRegistration promoted = new BrokerRegistration("c1", "broker-a", SLAVE_A.brokerAddr(), 0, "x:1");
        routes.registerBroker(promoted, table(2, TopicConfig.of("T1", 4, 4, 6)), List.of(), slaveChannel);
        assertEquals(Map.of(0L, SLAVE_A.brokerAddr()), routes.clusterInfo().brokerAddrTable().get("broker-a").brokerAddrs());
        assertNotNull(routes.pickupTopicRouteData("T1"));
    }

    @Test
    void deleteTopicEverywhereOrOnOneCluster() {
        routes.registerBroker(MASTER_A, table(1, TopicConfig.of("T1", 4, 4, 6)), List.of(), masterChannel);
        routes.registerBroker(MASTER_B, table(1, TopicConfig.of("T1", 4, 4, 6), TopicConfig.of("T2", 4, 4, 6)),
            List.of(), null);
        routes.deleteTopic("T1", "c1");
        assertEquals(Set.of("broker-b"), routes.queuesOf("T1").keySet());
        routes.deleteTopic("T1", "c2");
        assertNull(routes.pickupTopicRouteData("T1"));
        routes.deleteTopic("T2", null);
        assertNull(routes.pickupTopicRouteData("T2"));
        routes.deleteTopic("never-there", null);
        assertEquals(List.of(), routes.allTopics().topicList());
    }

    @Test
    void wipeAndAddWritePermission() {
        routes.registerBroker(MASTER_A, table(1, TopicConfig.of("T1", 4, 4, 6), TopicConfig.of("T2", 1, 1, 7)),
            List.of(), masterChannel);
        assertEquals(2, routes.wipeWritePermOfBroker("broker-a"));
        assertEquals(4, routes.queuesOf("T1").get("broker-a").perm());
        assertEquals(5, routes.queuesOf("T2").get("broker-a").perm());
        assertEquals(0, routes.wipeWritePermOfBroker("nobody"));
        assertEquals(2, routes.addWritePermOfBroker("broker-a"));
        assertEquals(6, routes.queuesOf("T2").get("broker-a").perm());
    }

    @Test
    void topicListsByClusterSysFlagAndSystemTopics() {
        routes.registerBroker(MASTER_A, table(1, TopicConfig.of("T1", 4, 4, 6).withTopicSysFlag(1)), List.of(),
            masterChannel);
        routes.registerBroker(MASTER_B, table(1, TopicConfig.of("T2", 4, 4, 6).withTopicSysFlag(2)), List.of(), null);
        assertEquals(List.of("T1"), routes.topicsByCluster("c1").topicList());
        assertEquals(List.of(), routes.topicsByCluster("nope").topicList());
        assertEquals(List.of("T1"), routes.topicsBySysFlag(f -> (f & 1) != 0).topicList());
        assertEquals(List.of("T2"), routes.topicsBySysFlag(f -> (f & 2) != 0 && (f & 1) == 0).topicList());
        assertEquals(Set.of("c1", "c2", "broker-a", "broker-b"), Set.copyOf(routes.systemTopics().topicList()));
        assertNotNull(routes.systemTopics().brokerAddr());
    }

    @Test
    void queryDataVersionRefreshesWhenUnchanged() {
        assertTrue(routes.queryDataVersion("x:1", DataVersion.ZERO).changed());
        routes.registerBroker(MASTER_A, table(1), List.of(), masterChannel);
        now.addAndGet(5000);
        DataVersionCheck same = routes.queryDataVersion(MASTER_A.brokerAddr(), new DataVersion(1001, 1));
        assertFalse(same.changed());
        assertEquals(now.get(), routes.liveBrokers().get(MASTER_A.brokerAddr()).lastUpdateMillis());
        DataVersionCheck other = routes.queryDataVersion(MASTER_A.brokerAddr(), new DataVersion(9, 9));
        assertTrue(other.changed());
        assertEquals(new DataVersion(1001, 1), other.stored());
    }

    @Test
    void filterServersTravelInRoutes() {
        routes.registerBroker(MASTER_A, table(1, TopicConfig.of("T1", 4, 4, 6)), List.of("fs:1"), masterChannel);
        assertEquals(Map.of(MASTER_A.brokerAddr(), List.of("fs:1")),
            routes.pickupTopicRouteData("T1").filterServerTable());
        routes.registerBroker(MASTER_A, table(1, TopicConfig.of("T1", 4, 4, 6)), List.of(), masterChannel);
        assertEquals(Map.of(), routes.pickupTopicRouteData("T1").filterServerTable());
    }
}
