package io.petrel.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.broker.admin.AdminBrokerProcessor;
import io.petrel.broker.client.ConsumerManager;
import io.petrel.broker.client.ProducerManager;
import io.petrel.broker.config.BrokerConfigStore;
import io.petrel.broker.config.BrokerSettings;
import io.petrel.broker.config.JsonConfigFile;
import io.petrel.broker.offset.ConsumerOffsetManager;
import io.petrel.broker.schedule.DelayOffsetTable;
import io.petrel.broker.schedule.TimerMessageService;
import io.petrel.broker.stats.BrokerStats;
import io.petrel.broker.testing.MutableClock;
import io.petrel.broker.testing.TestManagers;
import io.petrel.broker.testing.TestStore;
import io.petrel.common.util.BoundedExecutors;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.protocol.RequestCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Which processor and pool serve each request code, on the main and the fast server. */
class BrokerProcessorsTest {
    /** Every request code a RocketMQ 4.9.7 broker serves, but the ACL codes (50-54). */
    private static final int[] BROKER_CODES = {RequestCode.SEND_MESSAGE, RequestCode.PULL_MESSAGE,
        RequestCode.QUERY_MESSAGE, RequestCode.HEART_BEAT, RequestCode.UNREGISTER_CLIENT,
        RequestCode.CONSUMER_SEND_MSG_BACK, RequestCode.END_TRANSACTION, RequestCode.GET_CONSUMER_LIST_BY_GROUP,
        RequestCode.UPDATE_CONSUMER_OFFSET, RequestCode.QUERY_CONSUMER_OFFSET, RequestCode.SEND_MESSAGE_V2,
        RequestCode.SEND_BATCH_MESSAGE, RequestCode.CHECK_CLIENT_CONFIG, RequestCode.VIEW_MESSAGE_BY_ID,
        RequestCode.SEND_REPLY_MESSAGE, RequestCode.SEND_REPLY_MESSAGE_V2, RequestCode.UPDATE_AND_CREATE_TOPIC,
        RequestCode.DELETE_TOPIC_IN_BROKER, RequestCode.GET_ALL_TOPIC_CONFIG, RequestCode.UPDATE_BROKER_CONFIG,
        RequestCode.GET_BROKER_CONFIG, RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, RequestCode.GET_MAX_OFFSET,
        RequestCode.GET_MIN_OFFSET, RequestCode.GET_EARLIEST_MSG_STORETIME, RequestCode.GET_BROKER_RUNTIME_INFO,
        RequestCode.LOCK_BATCH_MQ, RequestCode.UNLOCK_BATCH_MQ, RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP,
        RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, RequestCode.DELETE_SUBSCRIPTIONGROUP,
        RequestCode.GET_TOPIC_STATS_INFO, RequestCode.GET_CONSUMER_CONNECTION_LIST,
        RequestCode.GET_PRODUCER_CONNECTION_LIST, RequestCode.GET_ALL_PRODUCER_INFO, RequestCode.GET_CONSUME_STATS,
        RequestCode.GET_ALL_CONSUMER_OFFSET, RequestCode.GET_ALL_DELAY_OFFSET, RequestCode.INVOKE_BROKER_TO_RESET_OFFSET,
        RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS, RequestCode.QUERY_TOPIC_CONSUME_BY_WHO,
        RequestCode.QUERY_CONSUME_TIME_SPAN, RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_BROKER,
        RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE, RequestCode.DELETE_EXPIRED_COMMITLOG, RequestCode.CLEAN_UNUSED_TOPIC,
        RequestCode.GET_CONSUMER_RUNNING_INFO, RequestCode.QUERY_CORRECTION_OFFSET,
        RequestCode.CONSUME_MESSAGE_DIRECTLY, RequestCode.CLONE_GROUP_OFFSET, RequestCode.VIEW_BROKER_STATS_DATA,
        RequestCode.GET_BROKER_CONSUME_STATS, RequestCode.QUERY_CONSUME_QUEUE, RequestCode.RESUME_CHECK_HALF_MESSAGE,
        // answered by the ACL handler, which refuses them while ACL is not built in
        RequestCode.UPDATE_AND_CREATE_ACL_CONFIG, RequestCode.DELETE_ACL_CONFIG,
        RequestCode.GET_BROKER_CLUSTER_ACL_INFO, RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG,
        RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG};

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(1_800_000_000_000L);
    private final List<ExecutorService> pools = new ArrayList<>();
    private TestStore store;

    /** What one server was given. */
    private static final class Recording implements BrokerProcessors.Registrar {
        final Map<Integer, RequestProcessor> processors = new HashMap<>();
        final Map<Integer, Executor> executors = new HashMap<>();
        final boolean pulls;
        RequestProcessor fallback;

        Recording(boolean pulls) {
            this.pulls = pulls;
        }

        @Override
        public void register(int code, RequestProcessor processor, Executor pool) {
            assertNull(processors.put(code, processor), "registered twice: " + code);
            executors.put(code, pool);
        }

        @Override
        public void registerDefault(RequestProcessor processor, ExecutorService pool) {
            fallback = processor;
        }

        @Override
        public boolean servesPulls() {
            return pulls;
        }

        boolean serves(int code) {
            return processors.containsKey(code) || ((AdminBrokerProcessor) fallback).handles(code);
        }
    }

    @AfterEach
    void close() throws Exception {
        pools.forEach(ExecutorService::shutdownNow);
        if (store != null) {
            store.close();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyBrokerRequestIsServedOnBothServersButPullsOnlyOnTheMainOne(boolean sendOnIoThread) throws Exception {
        Properties props = new Properties();
        props.setProperty("sendMessageOnIoThread", String.valueOf(sendOnIoThread));
        props.setProperty("pullMessageOnIoThread", String.valueOf(sendOnIoThread));
        props.setProperty("brokerIP1", "127.0.0.1");
        props.setProperty("storePathRootDir", dir.resolve("store").toString());
        props.setProperty("brokerFastFailureEnable", "false");
        BrokerSettings settings = BrokerSettings.map(props);
        BrokerConfigStore configs = new BrokerConfigStore(settings, dir.resolve("broker.conf"), clock);
        store = TestStore.open(dir.resolve("store"), clock);
        DelayOffsetTable delays = new DelayOffsetTable(new JsonConfigFile(dir.resolve("delayOffset.json")));
        BrokerProcessors.Parts parts = new BrokerProcessors.Parts(configs, settings.broker(), settings.store(),
            TestManagers.topics(configs, dir, clock), TestManagers.groups(configs, dir, clock),
            new ConsumerOffsetManager(new JsonConfigFile(dir.resolve("consumerOffset.json"))), new ProducerManager(),
            new ConsumerManager((group, remaining, fromHeartbeat) -> { }), new BrokerStats("C", clock),
            store.store(), delays, TestStore.BROKER, "127.0.0.1:10911", (ch, req, timeout) -> null,
            (ch, cmd) -> { }, io.petrel.broker.acl.AclStore.disabled(), clock,
            new TimerMessageService(store.store(), clock, new JsonConfigFile(dir.resolve("timerDelivery.json"))),
            () -> new byte[0]);
        Map<String, ThreadPoolExecutor> byName = new HashMap<>();
        Recording main = new Recording(true);
        Recording fast = new Recording(false);
        BrokerProcessors.Built built = BrokerProcessors.build(parts, (name, threads, queue) -> {
            ThreadPoolExecutor p = BoundedExecutors.fixed(name, threads, queue);
            pools.add(p);
            byName.put(name, p);
            return p;
        }, List.of(main, fast));

        for (int code : BROKER_CODES) {
            assertTrue(main.serves(code), "main server: " + code);
            assertEquals(code != RequestCode.PULL_MESSAGE, fast.serves(code), "fast server: " + code);
        }
        assertFalse(main.serves(9_999));
        for (int code : new int[] {RequestCode.SEND_MESSAGE, RequestCode.SEND_MESSAGE_V2,
            RequestCode.SEND_BATCH_MESSAGE, RequestCode.PULL_MESSAGE, RequestCode.LITE_PULL_MESSAGE}) {
            Executor sends = main.executors.get(code);
            boolean pull = code == RequestCode.PULL_MESSAGE || code == RequestCode.LITE_PULL_MESSAGE;
            if (sendOnIoThread) {
                // Runs the request where it was read: on the caller's (the I/O) thread.
                Thread[] ranOn = new Thread[1];
                sends.execute(() -> ranOn[0] = Thread.currentThread());
                assertEquals(Thread.currentThread(), ranOn[0], "code " + code);
            } else {
                assertEquals(byName.get(pull ? "PullMessageThread" : "SendMessageThread"), sends, "code " + code);
            }
        }
        assertEquals(byName.get("SendMessageThread"), main.executors.get(RequestCode.CONSUMER_SEND_MSG_BACK));
        assertEquals(byName.get("ProcessReplyMessageThread"), main.executors.get(RequestCode.SEND_REPLY_MESSAGE));
        assertEquals(byName.get("HeartbeatThread"), fast.executors.get(RequestCode.HEART_BEAT));
        assertEquals(byName.get("EndTransactionThread"), fast.executors.get(RequestCode.END_TRANSACTION));
        assertNotNull(built.holdService());
        assertNull(built.fastFailure(), "fast failure is off in these settings");
    }
}
