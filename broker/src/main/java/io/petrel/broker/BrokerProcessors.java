package io.petrel.broker;

import io.petrel.broker.acl.AclStore;
import io.petrel.broker.admin.AclAdmin;
import io.petrel.broker.admin.AdminBrokerProcessor;
import io.petrel.broker.admin.BrokerConfigAdmin;
import io.petrel.broker.admin.BrokerInfoAdmin;
import io.petrel.broker.admin.ClientForwarding;
import io.petrel.broker.admin.GroupAdmin;
import io.petrel.broker.admin.GroupOffsetAdmin;
import io.petrel.broker.admin.OffsetQueries;
import io.petrel.broker.admin.StatsAdmin;
import io.petrel.broker.admin.StoreAdmin;
import io.petrel.broker.admin.TopicAdmin;
import io.petrel.broker.admin.TransactionAdmin;
import io.petrel.broker.client.ClientCaller;
import io.petrel.broker.client.ConsumerIdsChangeNotifier;
import io.petrel.broker.client.ConsumerManager;
import io.petrel.broker.client.ProducerManager;
import io.petrel.broker.client.RebalanceLockManager;
import io.petrel.broker.config.BrokerConfig;
import io.petrel.broker.config.BrokerConfigStore;
import io.petrel.broker.latency.BrokerFastFailure;
import io.petrel.broker.offset.ConsumerOffsetManager;
import io.petrel.broker.processor.ClientManageProcessor;
import io.petrel.broker.processor.ConsumerManageProcessor;
import io.petrel.broker.pull.PullMessageProcessor;
import io.petrel.broker.pull.PullRequestHoldService;
import io.petrel.broker.query.QueryMessageProcessor;
import io.petrel.broker.retry.SendBackProcessor;
import io.petrel.broker.schedule.DelayOffsetAdmin;
import io.petrel.broker.schedule.DelayOffsetTable;
import io.petrel.broker.schedule.TimerMessageService;
import io.petrel.broker.send.ReplyPusher;
import io.petrel.broker.send.SendMessageProcessor;
import io.petrel.broker.send.TimerParking;
import io.petrel.broker.stats.BrokerStats;
import io.petrel.broker.subscription.SubscriptionGroupManager;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.broker.transaction.EndTransactionProcessor;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.netty.NettyRemotingServer;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.store.BrokerRole;
import io.petrel.store.MessageStore;
import io.petrel.store.MessageStoreConfig;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Supplier;

/**
 * Builds the broker's request processors and admin handlers, each family on its own bounded pool sized by the
 * broker's settings, and registers them: every request on the main server, every request but PULL_MESSAGE on the
 * fast ("VIP") server; admin and query requests fall to the admin processor.
 */
final class BrokerProcessors {
    private static final int DEFAULT_QUERY_MAX_NUM = 32;

    private BrokerProcessors() {
    }

    /** What the processors are built from. */
    record Parts(BrokerConfigStore configs, BrokerConfig config, MessageStoreConfig storeConfig,
                 TopicConfigManager topics, SubscriptionGroupManager groups, ConsumerOffsetManager offsets,
                 ProducerManager producers, ConsumerManager consumers, BrokerStats stats, MessageStore store,
                 DelayOffsetTable delayOffsets, InetSocketAddress storeHost, String brokerAddr,
                 ClientCaller invoker, ConsumerIdsChangeNotifier.Pusher pusher, AclStore acl, Clock clock,
                 TimerMessageService timers, Supplier<byte[]> haStatus) {
    }

    /** Makes a named, bounded pool that the broker shuts down with itself. */
    @FunctionalInterface
    interface Pools {
        ThreadPoolExecutor create(String name, int threads, int queueCapacity);
    }

    /** Where processors are registered: a server, and whether it serves pulls. */
    interface Registrar {
        void register(int code, RequestProcessor processor, Executor pool);

        void registerDefault(RequestProcessor processor, ExecutorService pool);

        /** Whether PULL_MESSAGE is served here (the main server; not the fast one). */
        boolean servesPulls();

        static Registrar of(NettyRemotingServer server, boolean servesPulls) {
            return new Registrar() {
                @Override
                public void register(int code, RequestProcessor processor, Executor pool) {
                    server.registerProcessor(code, processor, pool);
                }

                @Override
                public void registerDefault(RequestProcessor processor, ExecutorService pool) {
                    server.registerDefaultProcessor(processor, pool);
                }

                @Override
                public boolean servesPulls() {
                    return servesPulls;
                }
            };
        }
    }

    /** What the broker runs besides the processors: long polling, and fast failure when enabled (else null). */
    record Built(PullRequestHoldService holdService, BrokerFastFailure fastFailure) {
    }

    static Built build(Parts p, Pools pools, List<Registrar> servers) {
        BrokerConfig c = p.config();
        ThreadPoolExecutor sendPool = pools.create("SendMessageThread", c.getSendMessageThreadPoolNums(),
            c.getSendThreadPoolQueueCapacity());
        ThreadPoolExecutor pullPool = pools.create("PullMessageThread", c.getPullMessageThreadPoolNums(),
            c.getPullThreadPoolQueueCapacity());
        ThreadPoolExecutor queryPool = pools.create("QueryMessageThread", c.getQueryMessageThreadPoolNums(),
            c.getQueryThreadPoolQueueCapacity());
        ThreadPoolExecutor adminPool = pools.create("AdminBrokerThread", c.getAdminBrokerThreadPoolNums(),
            c.getAdminBrokerThreadPoolQueueCapacity());
        ThreadPoolExecutor clientPool = pools.create("ClientManageThread", c.getClientManageThreadPoolNums(),
            c.getClientManagerThreadPoolQueueCapacity());
        ThreadPoolExecutor heartbeatPool = pools.create("HeartbeatThread", c.getHeartbeatThreadPoolNums(),
            c.getHeartbeatThreadPoolQueueCapacity());
        ThreadPoolExecutor consumerPool = pools.create("ConsumerManageThread", c.getConsumerManageThreadPoolNums(),
            c.getConsumerManagerThreadPoolQueueCapacity());
        ThreadPoolExecutor replyPool = pools.create("ProcessReplyMessageThread",
            c.getProcessReplyMessageThreadPoolNums(), c.getReplyThreadPoolQueueCapacity());
        ThreadPoolExecutor endTxPool = pools.create("EndTransactionThread", c.getEndTransactionThreadPoolNums(),
            c.getEndTransactionPoolQueueCapacity());

        MessageStoreConfig sc = p.storeConfig();
        TimerParking timerParking = new TimerParking(p.configs(), p.topics(), p.clock(), p.timers()::parkedAt);
        SendMessageProcessor send = new SendMessageProcessor(p.configs(), p.topics(), p.groups(), p.store(),
            sc.maxMessageSize(), p.storeHost(), p.stats(), p.clock(), new ReplyPusher(p.producers(), p.invoker()),
            timerParking);
        PullMessageProcessor pull = new PullMessageProcessor(p.configs(), sc.brokerRole(), p.topics(), p.groups(),
            p.consumers(), p.offsets(), p.store(), p.stats(), p.clock());
        PullRequestHoldService holdService = new PullRequestHoldService(p.store(), p.clock(), pull::rerun);
        pull.attach(holdService, pullPool, c.isPullMessageOnIoThread());
        ClientManageProcessor clientManage = new ClientManageProcessor(p.configs(), p.producers(), p.consumers(),
            p.groups(), p.topics(), p.clock());
        long inMemory = sc.physicalMemoryBytes() * sc.accessMessageInMemoryMaxRatio() / 100;
        ConsumerManageProcessor consumerManage = new ConsumerManageProcessor(p.consumers(), p.offsets(), p.store(),
            () -> inMemory);
        SendBackProcessor sendBack = new SendBackProcessor(p.configs(), p.topics(), p.groups(), p.store(),
            p.storeHost(), p.stats());
        EndTransactionProcessor endTx = new EndTransactionProcessor(sc.brokerRole(), p.store(), p.storeHost(),
            sc.maxMessageSize(), p.clock(), timerParking);
        QueryMessageProcessor query = new QueryMessageProcessor(p.store(), DEFAULT_QUERY_MAX_NUM);
        AdminBrokerProcessor admin = admin(p, new BrokerInfoAdmin.PoolDepths(sendPool,
            c.getSendThreadPoolQueueCapacity(), pullPool, c.getPullThreadPoolQueueCapacity(), queryPool,
            c.getQueryThreadPoolQueueCapacity(), endTxPool));

        for (Registrar s : servers) {
            register(s, query, queryPool, RequestCode.QUERY_MESSAGE, RequestCode.VIEW_MESSAGE_BY_ID);
            register(s, send, c.isSendMessageOnIoThread() ? Runnable::run : sendPool, RequestCode.SEND_MESSAGE,
                RequestCode.SEND_MESSAGE_V2, RequestCode.SEND_BATCH_MESSAGE);
            register(s, sendBack, sendPool, RequestCode.CONSUMER_SEND_MSG_BACK);
            register(s, send, replyPool, RequestCode.SEND_REPLY_MESSAGE, RequestCode.SEND_REPLY_MESSAGE_V2);
            register(s, endTx, endTxPool, RequestCode.END_TRANSACTION);
            register(s, clientManage, heartbeatPool, RequestCode.HEART_BEAT);
            register(s, clientManage, clientPool, RequestCode.UNREGISTER_CLIENT, RequestCode.CHECK_CLIENT_CONFIG);
            register(s, consumerManage, consumerPool, RequestCode.GET_CONSUMER_LIST_BY_GROUP,
                RequestCode.UPDATE_CONSUMER_OFFSET, RequestCode.QUERY_CONSUMER_OFFSET);
            if (s.servesPulls()) {
                register(s, pull, c.isPullMessageOnIoThread() ? Runnable::run : pullPool, RequestCode.PULL_MESSAGE,
                    RequestCode.LITE_PULL_MESSAGE);
            }
            s.registerDefault(admin, adminPool);
        }
        BrokerFastFailure fastFailure = !c.isBrokerFastFailureEnable() ? null
            : new BrokerFastFailure(p.store(), sendPool, List.of(
                new BrokerFastFailure.WatchedPool(sendPool, c.getWaitTimeMillsInSendQueue()),
                new BrokerFastFailure.WatchedPool(pullPool, c.getWaitTimeMillsInPullQueue()),
                new BrokerFastFailure.WatchedPool(heartbeatPool, c.getWaitTimeMillsInHeartbeatQueue()),
                new BrokerFastFailure.WatchedPool(endTxPool, c.getWaitTimeMillsInTransactionQueue())), p.clock());
        return new Built(holdService, fastFailure);
    }

    /** The admin processor with every admin handler registered. */
    private static AdminBrokerProcessor admin(Parts p, BrokerInfoAdmin.PoolDepths depths) {
        AdminBrokerProcessor admin = new AdminBrokerProcessor();
        String brokerName = p.config().getBrokerName();
        new DelayOffsetAdmin(p.delayOffsets()).registerInto(admin);
        new TopicAdmin(p.configs(), p.topics(), p.offsets(), p.store(), p.consumers()::groupsSubscribing, p.stats())
            .registerInto(admin);
        new GroupAdmin(p.configs(), p.groups(), p.consumers(), p.producers(), p.offsets(),
            new RebalanceLockManager(p.config().getRebalanceLockMaxLiveTimeMillis()), p.topics(), p.store(),
            p.pusher(), p.clock(), p.stats()).registerInto(admin);
        new OffsetQueries(p.store()).registerInto(admin);
        new StoreAdmin(() -> brokerName, p.topics(), p.offsets(), p.consumers(), p.store(), p.clock())
            .registerInto(admin);
        new ClientForwarding(p.consumers(), p.invoker(), p.store(), brokerName).registerInto(admin);
        new GroupOffsetAdmin(p.offsets(), p.topics(), p.consumers(), p.store(), p.brokerAddr()).registerInto(admin);
        new TransactionAdmin(p.store()).registerInto(admin);
        new BrokerConfigAdmin(p.configs()).registerInto(admin);
        // With aclEnable=false the store refuses every ACL request.
        new AclAdmin(p.acl(), p.config().getBrokerClusterName(), brokerName, p.brokerAddr())
            .registerInto(admin);
        new BrokerInfoAdmin(p.configs(), p.store(), p.delayOffsets(), depths, p.timers()::figures, p.clock(),
            p.clock().millis(), p.storeConfig().brokerRole() != BrokerRole.SLAVE)
            .registerInto(admin);
        new StatsAdmin(new StatsAdmin.Sources(brokerName, p.brokerAddr(), p.stats(), p.topics(), p.groups(),
            p.offsets(), p.consumers(), p.store())).registerInto(admin);
        admin.register(RequestCode.GET_BROKER_HA_STATUS, (ch, req) -> RemotingCommand.createResponse(
            ResponseCode.SUCCESS, null).body(p.haStatus().get()));
        return admin;
    }

    private static void register(Registrar s, RequestProcessor p, Executor pool, int... codes) {
        for (int code : codes) {
            s.register(code, p, pool);
        }
    }
}
