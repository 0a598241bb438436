package io.petrel.broker.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.channel.embedded.EmbeddedChannel;
import io.petrel.broker.config.JsonConfigFile;
import io.petrel.broker.client.ConsumerManager;
import io.petrel.broker.offset.ConsumerOffsetManager;
import io.petrel.broker.stats.BrokerStats;
import io.petrel.broker.subscription.SubscriptionGroupManager;
import io.petrel.broker.testing.MutableClock;
import io.petrel.broker.testing.TestBrokerConfig;
import io.petrel.broker.testing.TestManagers;
import io.petrel.broker.testing.TestStore;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.topic.PermName;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.PullMessageRequestHeader;
import io.petrel.store.BrokerRole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code pullMessageOnIoThread}, a pull arrives on the I/O thread: one whose messages are within the memory
 * share of {@code accessMessageInMemoryMaxRatio} is answered there, one further back goes to the pull pool, which
 * writes the answer.
 */
class PullOnIoThreadTest {
    private static final String TOPIC = "T";
    private static final String GROUP = "G";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(1_800_000_000_000L);
    private final TestBrokerConfig config = new TestBrokerConfig();
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final List<String> ranOnPool = new CopyOnWriteArrayList<>();
    private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "PullMessageThread_1"));
    private TestStore store;

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        try {
            channel.finishAndReleaseAll();
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }

    private PullMessageProcessor processor(int inMemoryRatio) throws Exception {
        store = TestStore.open(dir.resolve("store"), clock, BrokerRole.ASYNC_MASTER,
            b -> b.accessMessageInMemoryMaxRatio(inMemoryRatio));
        for (int i = 0; i < 3; i++) {
            store.put(TestStore.message(TOPIC, 0, "m" + i));
        }
        TopicConfigManager topics = TestManagers.topics(config, dir, clock);
        topics.createIfAbsent(TOPIC, 1, PermName.PERM_READ | PermName.PERM_WRITE, 0);
        SubscriptionGroupManager groups = TestManagers.groups(config, dir, clock);
        PullMessageProcessor p = new PullMessageProcessor(config, BrokerRole.ASYNC_MASTER, topics, groups,
            new ConsumerManager((group, remaining, fromHeartbeat) -> { }),
            new ConsumerOffsetManager(new JsonConfigFile(dir.resolve("consumerOffset.json"))), store.store(),
            new BrokerStats("DefaultCluster", clock), clock);
        p.attach(null, r -> {
            pool.execute(() -> {
                ranOnPool.add(Thread.currentThread().getName());
                r.run();
            });
        }, true);
        return p;
    }

    private static RemotingCommand request() {
        PullMessageRequestHeader header = new PullMessageRequestHeader(GROUP, TOPIC, 0, 0, 32,
            PullSysFlag.SUBSCRIPTION, 1, 0, "*", 0, SubscriptionData.TAG, null);
        return TestStore.request(RequestCode.PULL_MESSAGE, header, 399);
    }

    @Test
    void aPullOfMessagesInMemoryIsAnsweredWhereItArrived() throws Exception {
        RemotingCommand answer = processor(40).processRequest(channel, request());
        assertNotNull(answer, "answered on the calling (I/O) thread");
        assertEquals(ResponseCode.SUCCESS, answer.code());
        answer.releaseBody();
        assertEquals(List.of(), ranOnPool);
    }

    @Test
    void aPullOfMessagesBeyondTheMemoryShareIsAnsweredByThePullPool() throws Exception {
        // A share of 0 % puts every message but the newest byte "on disk".
        assertNull(processor(0).processRequest(channel, request()), "handed to the pool");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            channel.runPendingTasks();
            return !channel.outboundMessages().isEmpty();
        });
        RemotingCommand answer = (RemotingCommand) channel.readOutbound();
        assertEquals(ResponseCode.SUCCESS, answer.code());
        assertEquals(3, answer.customHeader() == null ? -1
            : ((io.petrel.remoting.protocol.header.PullMessageResponseHeader) answer.customHeader()).nextBeginOffset());
        answer.releaseBody();
        assertEquals(List.of("PullMessageThread_1"), ranOnPool);
    }
}
