package io.petrel.broker;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslProvider;
import io.petrel.broker.acl.AclStore;
import io.petrel.broker.acl.AclValidatorHook;
import io.petrel.broker.acl.PlainAclStore;
import io.petrel.broker.client.ConsumerGroupInfo;
import io.petrel.broker.client.ConsumerIdsChangeNotifier;
import io.petrel.broker.client.ConsumerManager;
import io.petrel.broker.client.ProducerManager;
import io.petrel.broker.config.BrokerConfig;
import io.petrel.broker.config.BrokerConfigStore;
import io.petrel.broker.config.BrokerSettings;
import io.petrel.broker.config.JsonConfigFile;
import io.petrel.broker.ha.HaClient;
import io.petrel.broker.ha.HaServer;
import io.petrel.broker.ha.SlaveSynchronize;
import io.petrel.broker.offset.ConsumerOffsetManager;
import io.petrel.broker.out.BrokerOuterAPI;
import io.petrel.broker.out.RegisterResult;
import io.petrel.broker.out.RegistrationRules;
import io.petrel.broker.pop.MessageRequestModes;
import io.petrel.broker.pop.PopProcessor;
import io.petrel.broker.pop.PopReviveService;
import io.petrel.broker.pull.PullRequestHoldService;
import io.petrel.broker.schedule.DelayOffsetTable;
import io.petrel.broker.schedule.ScheduleMessageService;
import io.petrel.broker.schedule.TimerMessageService;
import io.petrel.broker.stats.BrokerStats;
import io.petrel.broker.subscription.SubscriptionGroupManager;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.broker.transaction.ProducerCheckSender;
import io.petrel.broker.transaction.TransactionCheckService;
import io.petrel.common.route.QueueData;
import io.petrel.common.route.TopicConfigSerializeWrapper;
import io.petrel.common.route.TopicRouteData;
import io.petrel.common.topic.PermName;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.util.BoundedExecutors;
import io.petrel.common.util.NamedThreadFactory;
import io.petrel.remoting.ChannelEventListener;
import io.petrel.remoting.netty.NettyClientConfig;
import io.petrel.remoting.netty.NettyRemotingClient;
import io.petrel.remoting.netty.NettyRemotingServer;
import io.petrel.remoting.netty.NettyServerConfig;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;
import io.petrel.remoting.tls.ServerTls;
import io.petrel.remoting.tls.TlsSettings;
import io.petrel.store.BrokerRole;
import io.petrel.store.DefaultMessageStore;
import io.petrel.store.DelayLevels;
import io.petrel.store.DiskUsage;
import io.petrel.store.MessageStore;
import io.petrel.store.MessageStoreConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds, starts and stops one broker: store, config managers, client registry, request processors on their
 * pools, the main and fast servers, NameServer registration and the periodic tasks. Holds no logic of its own.
 */
public final class BrokerController {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerController.class);

    private final BrokerConfigStore configs;
    /** The settings the broker was built with; what may change at run time is read from {@link #configs}. */
    private final BrokerConfig config;
    private final NettyServerConfig serverConfig;
    private final NettyClientConfig clientConfig;
    private final MessageStoreConfig storeConfig;
    private final Clock clock;
    private static final int DEFAULT_HA_LISTEN_PORT = 10912;
    /** How often the plain ACL files are looked at for changes. */
    private static final long ACL_POLL_MS = 500;
    private final AtomicInteger state = new AtomicInteger();
    /** A topic change whose registration no NameServer confirmed: the next periodic one carries a new version. */
    private final AtomicBoolean unconfirmedChange = new AtomicBoolean();
    private final List<ExecutorService> pools = new ArrayList<>();

    private TopicConfigManager topics;
    private SubscriptionGroupManager groups;
    private ConsumerOffsetManager offsets;
    private ProducerManager producers;
    private ConsumerManager consumers;
    private BrokerStats stats;
    private MessageStore store;
    private PullRequestHoldService holdService;
    /** Plain ACL when {@code aclEnable=true}, else null. */
    private PlainAclStore acl;
    private NettyRemotingServer server;
    private NettyRemotingServer fastServer;
    private NettyRemotingClient client;
    private BrokerOuterAPI outerApi;
    private ScheduledExecutorService scheduler;
    private io.petrel.broker.latency.BrokerFastFailure fastFailure;
    private DelayOffsetTable delayOffsets;
    private ScheduleMessageService scheduleService;
    private TimerMessageService timerService;
    private TransactionCheckService transactionCheck;
    private MessageRequestModes requestModes;
    private PopReviveService popRevive;
    private volatile PopProcessor popProcessor;
    private volatile List<String> nameServers = List.of();
    private HaServer haServer;
    private HaClient haClient;
    /** The master's main address from the last register reply (a slave's config sync target). */
    private volatile String masterAddr;

    /**
     * @param configFile where runtime config updates are written (the {@code -c} file the settings came from, or
     *                   {@link BrokerConfigStore#defaultFile})
     */
    public BrokerController(BrokerSettings settings, Path configFile, Clock clock) {
        this.configs = new BrokerConfigStore(settings, configFile, clock);
        this.config = settings.broker();
        this.serverConfig = settings.server();
        this.clientConfig = settings.client();
        this.storeConfig = settings.store();
        this.clock = clock;
    }

    public void start() throws IOException {
        if (!state.compareAndSet(0, 1)) {
            throw new IllegalStateException("broker already started or stopped");
        }
        try {
            buildManagers();
            buildStore();
            buildServers();
            startAcl();
            store.start();
            // Servers bind first so that an ephemeral listenPort is known to the processors (the store host);
            // nobody knows this broker's address before it registers with the NameServers below.
            server.start();
            fastServer.start();
            startHa();
            registerProcessors();
            client.start();
            updateNameServers(config.getNamesrvAddr());
            startSchedules();
            startBackgroundServices();
            configs.addListener((changed, now) -> configChanged(changed.keySet(), now.broker()));
            registerAll(false);
        } catch (IOException | RuntimeException e) {
            shutdown();
            throw e;
        }
    }

    private void buildManagers() {
        Path configDir = storeConfig.storePathRootDir().resolve("config");
        topics = new TopicConfigManager(configs, new JsonConfigFile(configDir.resolve("topics.json")), clock);
        groups = new SubscriptionGroupManager(configs, new JsonConfigFile(configDir.resolve("subscriptionGroup.json")),
            clock);
        offsets = new ConsumerOffsetManager(new JsonConfigFile(configDir.resolve("consumerOffset.json")));
        topics.load();
        groups.load();
        offsets.load();
        delayOffsets = new DelayOffsetTable(new JsonConfigFile(configDir.resolve("delayOffset.json")));
        delayOffsets.load();
        requestModes = new MessageRequestModes(new JsonConfigFile(configDir.resolve("messageRequestMode.json")),
            this::topicReadQueues, group -> {
                ConsumerGroupInfo g = consumers.group(group);
                return g == null ? null : g.clientIds();
            });
        requestModes.load();
        topics.setChangeListener(this::registerChanged);
        stats = new BrokerStats(config.getBrokerClusterName(), clock);
        producers = new ProducerManager();
    }

    private void buildStore() throws IOException {
        DefaultMessageStore dms = new DefaultMessageStore(storeConfig, clock, (topic, queueId, offset, tagsCode, time) -> {
            PullRequestHoldService hold = holdService;
            if (hold != null) {
                hold.messageArriving(topic, queueId, offset, tagsCode);
            }
            PopProcessor pop = popProcessor;
            if (pop != null) {
                pop.messageArriving(topic);
            }

        }, DiskUsage.FILE_SYSTEM);
        store = dms;
        if (!store.load()) {
            LOG.warn("the last shutdown was not clean: the store recovered its tail");
        }
    }

    private void buildServers() {
        server = new NettyRemotingServer(serverConfig, channelEvents());
        NettyServerConfig fastConfig = fastServerConfig();
        fastServer = new NettyRemotingServer(fastConfig, channelEvents());
        client = new NettyRemotingClient(clientConfig);
        ExecutorService registerPool = pool("BrokerOuterAPI", 4, 32);
        outerApi = new BrokerOuterAPI(client, registerPool);
        consumers = new ConsumerManager(new ConsumerIdsChangeNotifier(configs, groups, this::pushOneway));
    }

    /** Loads the plain ACL files and puts the access check in front of both servers, when ACL is on. */
    private void startAcl() {
        if (!config.isAclEnable()) {
            return;
        }
        acl = new PlainAclStore(Path.of(config.getRocketmqHome()), config.getPlainAclFile(), clock);
        acl.start();
        AclValidatorHook hook = new AclValidatorHook(acl);
        server.registerIncomingRPCHook(hook);
        fastServer.registerIncomingRPCHook(hook);
        LOG.info("plain ACL on: {}", acl.defaultFile());
    }

    /**
     * The HA port listens on every broker, as in 4.9.7 (listen port + 1); every put on a master wakes the senders
     * at once. A slave follows its master. The HA port takes TLS as the remoting port does ({@code tls.server.mode}),
     * and a slave connects with TLS when the broker's own client does ({@code useTLS}, as for its NameServer link).
     */
    private void startHa() throws IOException {
        TlsSettings tls = serverConfig.getTls() != null ? serverConfig.getTls() : TlsSettings.fromSystemProperties();
        ServerTls haTls;
        try {
            haTls = new ServerTls(tls, System::currentTimeMillis, SslProvider.JDK);
        } catch (SSLException e) {
            throw new IOException("TLS on the HA port: " + e.getMessage(), e);
        }
        haServer = new HaServer(store, storeConfig, haTls);
        haServer.start(serverConfig.getBindAddress(), RegistrationRules.haPort(serverConfig.getListenPort()));
        // only a haListenPort someone set is worth a word: the default (10912) goes with the default listenPort
        if (serverConfig.getListenPort() != 0 && storeConfig.haListenPort() != DEFAULT_HA_LISTEN_PORT
            && storeConfig.haListenPort() != haServer.localPort()) {
            LOG.warn("haListenPort={} is not used: the HA port is listenPort + 1 = {}, as in RocketMQ 4.9.7",
                storeConfig.haListenPort(), haServer.localPort());
        }
        store.replicas().setTransferWakeup(haServer::dataArrived);
        if (storeConfig.brokerRole() == BrokerRole.SLAVE) {
            haClient = new HaClient(store, storeConfig, clientConfig.isUseTLS()
                ? (clientConfig.getTls() != null ? clientConfig.getTls() : TlsSettings.fromSystemProperties()) : null);
            haClient.start();
        }
    }

    private NettyServerConfig fastServerConfig() {
        NettyServerConfig c = new NettyServerConfig();
        c.setBindAddress(serverConfig.getBindAddress());
        c.setListenPort(serverConfig.getListenPort() <= 2 ? 0 : serverConfig.getListenPort() - 2);
        c.setServerSelectorThreads(1);
        c.setServerChannelMaxIdleTimeSeconds(serverConfig.getServerChannelMaxIdleTimeSeconds());
        c.setUseEpollNativeSelector(serverConfig.isUseEpollNativeSelector());
        c.setMaxFrameLength(serverConfig.getMaxFrameLength());
        return c;
    }

    private ChannelEventListener channelEvents() {
        return new ChannelEventListener() {
            @Override
            public void onChannelClose(String remoteAddr, Channel channel) {
                gone(channel);
            }

            @Override
            public void onChannelIdle(String remoteAddr, Channel channel) {
                gone(channel);
            }

            @Override
            public void onChannelException(String remoteAddr, Channel channel) {
                gone(channel);
            }

            private void gone(Channel channel) {
                producers.channelClosed(channel);
                consumers.channelClosed(channel);
            }
        };
    }

    private ThreadPoolExecutor pool(String name, int threads, int queue) {
        ThreadPoolExecutor p = BoundedExecutors.fixed(name, threads, queue);
        pools.add(p);
        return p;
    }

    private void registerProcessors() {
        InetSocketAddress storeHost = new InetSocketAddress(config.getBrokerIP1(), server.localPort());
        timerService = new TimerMessageService(store, clock, new JsonConfigFile(storeConfig.storePathRootDir()
            .resolve("config").resolve("timerDelivery.json")));
        timerService.load();
        BrokerProcessors.Parts parts = new BrokerProcessors.Parts(configs, config, storeConfig, topics, groups,
            offsets, producers, consumers, stats, store, delayOffsets, storeHost, brokerAddr(), server::invokeSync,
            this::pushOneway, acl != null ? acl : AclStore.disabled(), clock, timerService, this::haStatus);
        BrokerProcessors.Built built = BrokerProcessors.build(parts, this::pool,
            List.of(BrokerProcessors.Registrar.of(server, true), BrokerProcessors.Registrar.of(fastServer, false)));
        holdService = built.holdService();
        fastFailure = built.fastFailure();
        registerPop(storeHost);
        buildBackgroundServices(storeHost);
    }

    /** The brokers with readable queues of {@code topic}, from the NameServer's route; empty when unknown. */
    /**
     * The read queue count of each broker serving {@code topic} (readable, with read queues), from the NameServer's
     * route; when that cannot be had, this broker's own topic config; empty when neither knows the topic.
     */
    private SortedMap<String, Integer> topicReadQueues(String topic) {
        SortedMap<String, Integer> queues = new TreeMap<>();
        NettyRemotingClient c = client;
        if (c != null && !nameServers.isEmpty()) {
            try {
                RemotingCommand response = c.invokeSync(null, RemotingCommand.createRequest(
                    RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader(topic, null)), 3000);
                if (response.code() == ResponseCode.SUCCESS && response.body() != null) {
                    for (QueueData q : TopicRouteData.decode(response.body()).queueDatas()) {
                        if (PermName.isReadable(q.perm()) && q.readQueueNums() > 0) {
                            queues.put(q.brokerName(), q.readQueueNums());
                        }
                    }
                }
            } catch (Exception e) {
                LOG.warn("the route of {} could not be had from the NameServer: {}", topic, e.toString());
            }
        }
        if (queues.isEmpty()) {
            TopicConfig own = topics.select(topic);
            if (own != null && PermName.isReadable(own.perm()) && own.readQueueNums() > 0) {
                queues.put(config.getBrokerName(), own.readQueueNums());
            }
        }
        return queues;
    }

    /** 5.x Pop consumption and broker-side assignment, on the main port (the fast port serves no reads). */
    private void registerPop(InetSocketAddress storeHost) {
        ScheduledExecutorService popTimer = backgroundThread("PopLongPollingService");
        ThreadPoolExecutor popPool = pool("PopMessageThread", config.getPullMessageThreadPoolNums(),
            config.getPullThreadPoolQueueCapacity());
        PopProcessor pop = new PopProcessor(configs, topics, groups, offsets, store, storeHost, clock, popTimer,
            popPool, new JsonConfigFile(storeConfig.storePathRootDir().resolve("config")
                .resolve("consumerOrderInfo.json")));
        popProcessor = pop;
        ThreadPoolExecutor ackPool = pool("AckMessageThread", config.getPullMessageThreadPoolNums(),
            config.getPullThreadPoolQueueCapacity());
        server.registerProcessor(RequestCode.POP_MESSAGE, pop, popPool);
        server.registerProcessor(RequestCode.NOTIFICATION, pop, popPool);
        server.registerProcessor(RequestCode.POLLING_INFO, pop, popPool);
        // An ack only appends a record, as a send does: on the I/O thread when sends are (one per message popped).
        Executor acks = config.isSendMessageOnIoThread() ? Runnable::run : ackPool;
        server.registerProcessor(RequestCode.ACK_MESSAGE, pop, acks);
        server.registerProcessor(RequestCode.BATCH_ACK_MESSAGE, pop, acks);
        server.registerProcessor(RequestCode.CHANGE_MESSAGE_INVISIBLETIME, pop, acks);
        server.registerProcessor(RequestCode.QUERY_ASSIGNMENT, requestModes, ackPool);
        server.registerProcessor(RequestCode.SET_MESSAGE_REQUEST_MODE, requestModes, ackPool);
        popRevive = new PopReviveService(pop::reviveTopic, pop.reviveQueueNums(), topics, groups, offsets, store,
            storeHost, clock);
    }

    /** Delay delivery and transaction checks; built on every broker, run only on masters. */
    private void buildBackgroundServices(InetSocketAddress storeHost) {
        scheduleService = new ScheduleMessageService(store, DelayLevels.parse(storeConfig.messageDelayLevel()),
            delayOffsets, clock, stats);
        TransactionCheckService.Limits limits = new TransactionCheckService.Limits(config.getTransactionTimeOut(),
            config.getTransactionCheckMax(), storeConfig.fileReservedTimeHours() * 3_600_000L);
        transactionCheck = new TransactionCheckService(store, offsets, topics,
            new ProducerCheckSender(producers, this::pushOneway), limits, clock, stats);
    }

    private void startBackgroundServices() {
        if (storeConfig.brokerRole() == BrokerRole.SLAVE) {
            return;
        }
        ScheduledExecutorService delivery = backgroundThread("ScheduleMessageService");
        scheduleDelivery(delivery, 1000);
        delivery.scheduleAtFixedRate(safely("persist delay offsets", delayOffsets::persist),
            config.getFlushDelayOffsetInterval(), config.getFlushDelayOffsetInterval(), TimeUnit.MILLISECONDS);
        ScheduledExecutorService timers = backgroundThread("TimerMessageService");
        scheduleTimerPass(timers, 1000);
        timers.scheduleAtFixedRate(safely("persist timer delivery", timerService::persist),
            config.getFlushDelayOffsetInterval(), config.getFlushDelayOffsetInterval(), TimeUnit.MILLISECONDS);
        backgroundThread("TransactionalMessageCheckService").scheduleWithFixedDelay(
            safely("check transactions", transactionCheck::doWork), config.getTransactionCheckInterval(),
            config.getTransactionCheckInterval(), TimeUnit.MILLISECONDS);
        backgroundThread("PopReviveService").scheduleWithFixedDelay(safely("revive pops", popRevive::reviveOnce),
            1000, 1000, TimeUnit.MILLISECONDS);
    }

    private void pushOneway(Channel channel, io.petrel.remoting.protocol.RemotingCommand command) throws Exception {
        server.invokeOneway(channel, command, 3000);
    }

    private void startSchedules() {
        scheduler = Executors.newScheduledThreadPool(2, new NamedThreadFactory("BrokerScheduler"));
        scheduler.scheduleAtFixedRate(safely("register", this::registerPeriodically),
            10_000, config.registerPeriodMillis(), TimeUnit.MILLISECONDS);
        // From one interval after start (4.9.7 waits 10 s first, so a crash in those seconds lost every commit).
        scheduler.scheduleAtFixedRate(safely("persist offsets", offsets::persist),
            config.getFlushConsumerOffsetInterval(), config.getFlushConsumerOffsetInterval(), TimeUnit.MILLISECONDS);
        if (popProcessor != null) {
            scheduler.scheduleAtFixedRate(safely("persist orderly pop batches", popProcessor::persistOrderInfo),
                config.getFlushConsumerOffsetInterval(), config.getFlushConsumerOffsetInterval(),
                TimeUnit.MILLISECONDS);
        }
        scheduler.scheduleAtFixedRate(safely("scan clients", () -> {
            long now = clock.millis();
            producers.scanExpired(now, config.getChannelExpiredTimeoutMillis());
            consumers.scanExpired(now, config.getChannelExpiredTimeoutMillis());
        }), 10_000, 10_000, TimeUnit.MILLISECONDS);
        stats.scheduleOn(scheduler);
        if (storeConfig.brokerRole() == BrokerRole.SLAVE) {
            SlaveSynchronize sync = new SlaveSynchronize(topics, offsets, delayOffsets, groups, client,
                () -> masterAddr, brokerAddr(), 3000);
            scheduler.scheduleAtFixedRate(safely("sync config from the master", sync::syncAll), 3_000, 10_000,
                TimeUnit.MILLISECONDS);
        } else {
            scheduler.scheduleAtFixedRate(safely("slave lag", () -> {
                long best = store.replicas().bestAckedOffset();
                if (best >= 0) {
                    LOG.info("Slave fall behind master: {} bytes", store.getMaxPhyOffset() - best);
                }
            }), 60_000, 60_000, TimeUnit.MILLISECONDS);
        }
        scheduler.scheduleAtFixedRate(safely("store stats", () -> store.stats().sample(clock)), 0, 1000,
            TimeUnit.MILLISECONDS);
        if (fastFailure != null) {
            // its own thread: the check runs several times a second, and on a pool of two each run would wake both
            scheduleFastFailure(backgroundThread("BrokerFastFailureScheduler"), 1000);
        }
        if (acl != null) {
            scheduler.scheduleWithFixedDelay(safely("watch ACL files", acl::pollStep), ACL_POLL_MS, ACL_POLL_MS,
                TimeUnit.MILLISECONDS);
        }
        long holdCheck = config.isLongPollingEnable() ? 5000 : config.getShortPollingTimeMills();
        scheduler.scheduleAtFixedRate(safely("long polling", holdService::checkAll), holdCheck, holdCheck,
            TimeUnit.MILLISECONDS);
    }

    /**
     * A single-thread scheduler named {@code name}, stopped with the broker; a run scheduled but not yet begun when
     * the broker stops is dropped (the next pass or check of a stopping broker), so that stopping never waits for it.
     */
    private ScheduledExecutorService backgroundThread(String name) {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, new NamedThreadFactory(name));
        e.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        pools.add(e);
        return e;
    }

    /** One delay-level pass after {@code delayMillis}, then the next after the pause the service asks for. */
    private void scheduleDelivery(ScheduledExecutorService delivery, long delayMillis) {
        schedulePasses(delivery, "deliver delayed messages", scheduleService::doWork,
            scheduleService::nextPassDelayMillis, ScheduleMessageService.PASS_INTERVAL_MS, delayMillis);
    }

    /** One timer pass after {@code delayMillis}, then the next after the pause the service asks for. */
    private void scheduleTimerPass(ScheduledExecutorService timers, long delayMillis) {
        schedulePasses(timers, "deliver timer messages", timerService::doWork, timerService::nextPassDelayMillis,
            100, delayMillis);
    }

    /**
     * Runs {@code pass} after {@code delayMillis}, then again after the pause {@code nextDelay} asks for
     * ({@code fallbackMillis} when asking fails), until the executor stops.
     */
    private void schedulePasses(ScheduledExecutorService executor, String what, Runnable pass,
                                java.util.function.LongSupplier nextDelay, long fallbackMillis, long delayMillis) {
        Runnable safePass = safely(what, pass);
        try {
            executor.schedule(() -> {
                safePass.run();
                long next = fallbackMillis;
                try {
                    next = nextDelay.getAsLong();
                } catch (RuntimeException e) {
                    LOG.warn("{}: checking for the next pass failed; next pass in {} ms", what, next, e);
                }
                schedulePasses(executor, what, pass, nextDelay, fallbackMillis, next);
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            // the pool is stopping with the broker
        }
    }

    private void scheduleFastFailure(ScheduledExecutorService on, long delayMillis) {
        Runnable step = safely("fast failure", fastFailure::step);
        try {
            on.schedule(() -> {
                step.run();
                scheduleFastFailure(on, fastFailure.nextDelayMillis());
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            // the scheduler is stopping with the broker
        }
    }

    private Runnable safely(String what, java.util.function.IntSupplier task) {
        return safely(what, (Runnable) task::getAsInt);
    }

    private Runnable safely(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("periodic task '{}' failed", what, e);
            }
        };
    }

    private void updateNameServers(String addrs) {
        List<String> list = new ArrayList<>();
        if (addrs != null) {
            for (String a : addrs.split(";")) {
                if (!a.isBlank()) {
                    list.add(a.trim());
                }
            }
        }
        nameServers = List.copyOf(list);
        client.updateNameServerAddressList(nameServers);
    }

    /**
     * A runtime config update: a new NameServer list is used from now on; a permission change is announced with a
     * new topic data version so that the NameServers rebuild this broker's queue data.
     */
    private void configChanged(java.util.Set<String> keys, BrokerConfig now) {
        if (keys.contains("namesrvAddr")) {
            updateNameServers(now.getNamesrvAddr());
        }
        if (keys.contains("brokerPermission") || keys.contains("namesrvAddr")) {
            topics.newDataVersion();
            registerAll(false);
        }
    }

    /** The settings in force, updated at run time by UPDATE_BROKER_CONFIG. */
    public BrokerConfigStore configs() {
        return configs;
    }

    /** Registers with every NameServer; the first answer's order-topic settings are applied. */
    public void registerAll(boolean oneway) {
        register(topics.serializeWrapper(), oneway);
    }

    /**
     * Registers one changed topic with the table's new data version, as 4.9.7's incremental registration does: the
     * NameServers add or update the topics a registration carries and keep the rest, so a topic change costs the
     * same whatever the number of topics. A change whose registration no NameServer confirmed (one-way, or failed)
     * is made good by the next periodic registration, under a new data version so that the whole table is applied.
     */
    private void registerChanged(TopicConfig changed, boolean oneway) {
        if (changed == null) {
            registerAll(oneway);
            return;
        }
        if (!register(new TopicConfigSerializeWrapper(
            Map.of(changed.topicName(), changed), topics.dataVersion()), oneway)) {
            unconfirmedChange.set(true);
        }
    }

    /** The 30-second registration of the whole table; first a new data version if a change went unconfirmed. */
    private void registerPeriodically() {
        boolean bump = unconfirmedChange.getAndSet(false);
        if (bump) {
            topics.newDataVersion();
        }
        if (!register(topics.serializeWrapper(), false) && bump) {
            unconfirmedChange.set(true);
        }
    }

    /** @return whether every NameServer answered (never for a one-way registration) */
    private boolean register(TopicConfigSerializeWrapper table, boolean oneway) {
        if (nameServers.isEmpty() || state.get() != 1) {
            return false;
        }
        BrokerConfig live = configs.get();
        TopicConfigSerializeWrapper wrapper = RegistrationRules.topicsToRegister(table,
            live.getBrokerPermission());
        List<RegisterResult> results = outerApi.registerAll(nameServers, identity(), wrapper, oneway,
            live.getRegisterBrokerTimeoutMills(), live.isCompressedRegister());
        if (!results.isEmpty()) {
            RegisterResult first = results.get(0);
            topics.applyOrderTopics(first.orderTopics());
            if (haClient != null) {
                haClient.updateMasterAddress(first.haServerAddr());
                if (first.masterAddr() != null && !first.masterAddr().isBlank()) {
                    masterAddr = first.masterAddr();
                }
            }
        }
        return !oneway && results.size() == nameServers.size();
    }

    private BrokerOuterAPI.BrokerIdentity identity() {
        return RegistrationRules.identity(config, storeConfig.brokerRole(), server.localPort(), haServer.localPort());
    }

    public void shutdown() {
        int previous = state.getAndSet(2);
        if (previous == 2) {
            return;
        }
        if (previous == 1 && outerApi != null && client != null && server != null) {
            state.set(1);
            try {
                outerApi.unregisterAll(nameServers, identity(), 3000);
            } catch (RuntimeException e) {
                LOG.warn("unregister failed", e);
            }
            state.set(2);
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (haClient != null) {
            haClient.shutdown();
        }
        if (haServer != null) {
            haServer.shutdown();
        }
        if (fastServer != null) {
            fastServer.shutdown();
        }
        if (server != null) {
            server.shutdown();
        }
        if (client != null) {
            client.shutdown();
        }
        for (ExecutorService p : pools) {
            BoundedExecutors.shutdown(p, 3000);
        }
        persistQuietly();
        if (store != null) {
            store.shutdown();
        }
        LOG.info("broker {} shut down", config.getBrokerName());
    }

    private void persistQuietly() {
        try {
            if (offsets != null) {
                offsets.persist();
            }
            if (topics != null) {
                topics.persist();
            }
            if (groups != null) {
                groups.persist();
            }
            if (popProcessor != null) {
                popProcessor.persistOrderInfo();
            }
            if (timerService != null && storeConfig.brokerRole() != BrokerRole.SLAVE) {
                timerService.persist();
            }
            if (delayOffsets != null && storeConfig.brokerRole() != BrokerRole.SLAVE) {
                delayOffsets.persist();
            }
        } catch (RuntimeException e) {
            LOG.error("persisting broker config at shutdown failed", e);
        }
    }

    /** The main port actually bound. */
    public int listenPort() {
        return server.localPort();
    }

    public int fastListenPort() {
        return fastServer.localPort();
    }

    public String brokerAddr() {
        return config.getBrokerIP1() + ":" + server.localPort();
    }

    /** The port the HA service listens on. */
    public int haListenPort() {
        return haServer.localPort();
    }

    /** 5.x's HA status (GET_BROKER_HA_STATUS): a slave's link to its master, or a master's slaves. */
    private byte[] haStatus() {
        HaClient client = haClient;
        return client != null ? client.status() : haServer.status(store.getMaxPhyOffset());
    }

    /** A slave's HA link to its master (null on a master). */
    public HaClient haClient() {
        return haClient;
    }

    /** The master's HA service. */
    public HaServer haServer() {
        return haServer;
    }

    public MessageStore store() {
        return store;
    }

    public TopicConfigManager topics() {
        return topics;
    }

    public ConsumerOffsetManager offsets() {
        return offsets;
    }

    public SubscriptionGroupManager subscriptionGroups() {
        return groups;
    }
}
