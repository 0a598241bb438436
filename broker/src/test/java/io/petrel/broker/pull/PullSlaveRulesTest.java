package io.petrel.broker.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.embedded.EmbeddedChannel;
import io.petrel.broker.client.ConsumerManager;
import io.petrel.broker.config.JsonConfigFile;
import io.petrel.broker.offset.ConsumerOffsetManager;
import io.petrel.broker.stats.BrokerStats;
import io.petrel.broker.subscription.SubscriptionGroupManager;
import io.petrel.broker.testing.MutableClock;
import io.petrel.broker.testing.TestBrokerConfig;
import io.petrel.broker.testing.TestManagers;
import io.petrel.broker.testing.TestStore;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.common.topic.PermName;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.PullMessageRequestHeader;
import io.petrel.remoting.protocol.header.PullMessageResponseHeader;
import io.petrel.store.BrokerRole;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls served by a slave: out-of-range offsets are not corrected unless {@code offsetCheckInSlave} is set, and
 * the consumer is sent back to its group's broker instead. The store holds 3 messages in queue 0 of {@code T}.
 */
class PullSlaveRulesTest {
    private static final String TOPIC = "T";
    private static final String GROUP = "G";
    /** Not the master's id, so that the answers show it was taken from the group. */
    private static final long GROUP_BROKER_ID = 2;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(1_800_000_000_000L);
    private final TestBrokerConfig config = new TestBrokerConfig();
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private TestStore store;
    private TopicConfigManager topics;
    private SubscriptionGroupManager groups;
    private ConsumerOffsetManager offsets;

    @BeforeEach
    void setUp() throws Exception {
        try (TestStore master = TestStore.open(dir.resolve("store"), clock)) {
            for (int i = 0; i < 3; i++) {
                master.put(TestStore.message(TOPIC, 0, "m" + i));
            }
        }
        store = TestStore.open(dir.resolve("store"), clock, BrokerRole.SLAVE);
        topics = TestManagers.topics(config, dir, clock);
        topics.createIfAbsent(TOPIC, 4, PermName.PERM_READ | PermName.PERM_WRITE, 0);
        groups = TestManagers.groups(config, dir, clock);
        groups.update(new SubscriptionGroupConfig(GROUP, true, true, true, 1, 16, GROUP_BROKER_ID, 1, true));
        offsets = new ConsumerOffsetManager(new JsonConfigFile(dir.resolve("consumerOffset.json")));
    }

    @AfterEach
    void tearDown() {
        try {
            channel.finishAndReleaseAll();
        } finally {
            store.close();
        }
    }

    private RemotingCommand pull(BrokerRole role, int queueId, long offset) throws Exception {
        PullMessageProcessor processor = new PullMessageProcessor(config, role, topics, groups,
            new ConsumerManager((group, remaining, fromHeartbeat) -> { }), offsets, store.store(),
            new BrokerStats("DefaultCluster", clock), clock);
        PullMessageRequestHeader header = new PullMessageRequestHeader(GROUP, TOPIC, queueId, offset, 32,
            PullSysFlag.SUBSCRIPTION | PullSysFlag.COMMIT_OFFSET, 1, 0, "*", 0, SubscriptionData.TAG, null);
        RemotingCommand response = processor.processRequest(channel,
            TestStore.request(RequestCode.PULL_MESSAGE, header, 399));
        response.releaseBody();
        return response;
    }

    private static PullMessageResponseHeader header(RemotingCommand response) {
        return (PullMessageResponseHeader) response.customHeader();
    }

    @Test
    void aSlaveLeavesAnOffsetBeyondTheEndAloneAndSendsTheConsumerToItsGroupsBroker() throws Exception {
        RemotingCommand r = pull(BrokerRole.SLAVE, 0, 99);

        assertEquals(ResponseCode.PULL_RETRY_IMMEDIATELY, r.code());
        assertEquals("OFFSET_OVERFLOW_BADLY", r.remark());
        assertEquals(new PullMessageResponseHeader(GROUP_BROKER_ID, 99, 0, 3), header(r));
    }

    @Test
    void aSlaveLeavesAnOffsetInAQueueItDoesNotHaveAlone() throws Exception {
        RemotingCommand r = pull(BrokerRole.SLAVE, 1, 5);

        assertEquals(ResponseCode.PULL_RETRY_IMMEDIATELY, r.code());
        assertEquals(GROUP_BROKER_ID, header(r).suggestWhichBrokerId());
        assertEquals(5, header(r).nextBeginOffset());
    }

    @Test
    void aSlaveCheckingOffsetsCorrectsThemAsAMasterDoes() throws Exception {
        config.set("offsetCheckInSlave", "true");

        RemotingCommand slave = pull(BrokerRole.SLAVE, 0, 99);
        RemotingCommand master = pull(BrokerRole.ASYNC_MASTER, 0, 99);

        assertEquals(ResponseCode.PULL_OFFSET_MOVED, slave.code());
        assertEquals(new PullMessageResponseHeader(0, 3, 0, 3), header(slave));
        assertEquals(master.code(), slave.code());
        assertEquals(header(master), header(slave));
    }

    @Test
    void aMasterCorrectsWhateverOffsetCheckInSlaveSays() throws Exception {
        RemotingCommand r = pull(BrokerRole.SYNC_MASTER, 0, 99);

        assertEquals(ResponseCode.PULL_OFFSET_MOVED, r.code());
        assertEquals(new PullMessageResponseHeader(0, 3, 0, 3), header(r));
    }

    @Test
    void aSlaveServesInRangePullsAsUsualAndKeepsNoCommittedOffset() throws Exception {
        RemotingCommand found = pull(BrokerRole.SLAVE, 0, 1);
        RemotingCommand atEnd = pull(BrokerRole.SLAVE, 0, 3);

        assertEquals(ResponseCode.SUCCESS, found.code());
        assertEquals(new PullMessageResponseHeader(0, 3, 0, 3), header(found));
        assertEquals(ResponseCode.PULL_NOT_FOUND, atEnd.code());
        assertEquals(3, header(atEnd).nextBeginOffset());
        assertEquals(-1, offsets.query(GROUP, TOPIC, 0));
    }
}
