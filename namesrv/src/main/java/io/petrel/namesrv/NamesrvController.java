package io.petrel.namesrv;

import io.netty.channel.Channel;
import io.petrel.common.util.BoundedExecutors;
import io.petrel.common.util.NamedThreadFactory;
import io.petrel.namesrv.config.NamesrvConfig;
import io.petrel.namesrv.config.NamesrvConfigStore;
import io.petrel.namesrv.kvconfig.KVConfigManager;
import io.petrel.namesrv.processor.BrokerRequestProcessor;
import io.petrel.namesrv.processor.EncodedRouteCache;
import io.petrel.namesrv.processor.InlineExecutor;
import io.petrel.namesrv.processor.KvConfigProcessor;
import io.petrel.namesrv.processor.NamesrvConfigProcessor;
import io.petrel.namesrv.processor.RouteAdminProcessor;
import io.petrel.namesrv.processor.RouteInfoProcessor;
import io.petrel.namesrv.processor.RouteQueryProcessor;
import io.petrel.namesrv.route.RouteInfoManager;
import io.petrel.remoting.ChannelEventListener;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.netty.NettyRemotingServer;
import io.petrel.remoting.protocol.RequestCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds, starts and stops one NameServer: route tables, KV store, remoting server with its processors, and the
 * liveness scan. Several controllers may run in one JVM (no shared state). {@link #start()} once;
 * {@link #shutdown()} is idempotent and also cleans up after a failed start.
 */
public final class NamesrvController {
    private static final Logger LOG = LoggerFactory.getLogger(NamesrvController.class);
    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int STOPPED = 2;
    private static final int BROKER_REQUEST_THREADS = 2;
    private static final int QUEUE_CAPACITY = 10_000;

    private final NamesrvConfigStore configs;
    private final LongSupplier clock;
    private final AtomicInteger state = new AtomicInteger(NEW);
    private RouteInfoManager routes;
    private KVConfigManager kv;
    private NettyRemotingServer server;
    private ExecutorService queryExecutor;
    private ExecutorService brokerExecutor;
    private ScheduledExecutorService scheduler;

    public NamesrvController(NamesrvConfigStore configs, LongSupplier clockMillis) {
        this.configs = configs;
        this.clock = clockMillis;
    }

    public void start() {
        if (!state.compareAndSet(NEW, RUNNING)) {
            throw new IllegalStateException("NameServer already started or stopped");
        }
        try {
            NamesrvConfig config = configs.current();
            routes = new RouteInfoManager(clock);
            kv = new KVConfigManager(Path.of(config.kvConfigPath()));
            kv.load();
            startServer(config);
            scheduleScan(config);
        } catch (IOException e) {
            shutdown();
            throw new UncheckedIOException("cannot load KV config", e);
        } catch (RuntimeException e) {
            shutdown();
            throw e;
        }
    }

    private void startServer(NamesrvConfig config) {
        queryExecutor = BoundedExecutors.fixed("NamesrvQuery", config.serverWorkerThreads(), QUEUE_CAPACITY);
        brokerExecutor = BoundedExecutors.fixed("NamesrvBrokerRequest", BROKER_REQUEST_THREADS, QUEUE_CAPACITY);
        server = new NettyRemotingServer(config.toNettyServerConfig(), new BrokerChannelListener(routes));
        register(new BrokerRequestProcessor(routes, kv), brokerExecutor, RequestCode.REGISTER_BROKER,
            RequestCode.UNREGISTER_BROKER, RequestCode.QUERY_DATA_VERSION);
        EncodedRouteCache cache = new EncodedRouteCache(routes, kv, () -> configs.current().orderMessageEnable());
        // Cached routes are answered on the I/O thread; misses go to the query pool.
        register(new RouteInfoProcessor(cache, queryExecutor), new InlineExecutor(), RequestCode.GET_ROUTEINFO_BY_TOPIC);
        register(new RouteQueryProcessor(routes), queryExecutor, RequestCode.GET_BROKER_CLUSTER_INFO, RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER,
            RequestCode.GET_TOPICS_BY_CLUSTER, RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS,
            RequestCode.GET_UNIT_TOPIC_LIST, RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST,
            RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST);
        register(new RouteAdminProcessor(routes), queryExecutor, RequestCode.DELETE_TOPIC_IN_NAMESRV,
            RequestCode.WIPE_WRITE_PERM_OF_BROKER, RequestCode.ADD_WRITE_PERM_OF_BROKER);
        register(new KvConfigProcessor(kv), queryExecutor, RequestCode.PUT_KV_CONFIG, RequestCode.GET_KV_CONFIG,
            RequestCode.DELETE_KV_CONFIG, RequestCode.GET_KVLIST_BY_NAMESPACE);
        register(new NamesrvConfigProcessor(configs), queryExecutor, RequestCode.UPDATE_NAMESRV_CONFIG,
            RequestCode.GET_NAMESRV_CONFIG);
        server.start();
    }

    private void register(RequestProcessor processor, ExecutorService executor, int... codes) {
        for (int code : codes) {
            server.registerProcessor(code, processor, executor);
        }
    }

    private void scheduleScan(NamesrvConfig config) {
        scheduler = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("NamesrvScan"));
        long expiredMs = config.brokerChannelExpiredMs();
        scheduler.scheduleAtFixedRate(() -> {
            try {
                routes.scanNotActiveBrokers(expiredMs);
            } catch (RuntimeException e) {
                LOG.error("broker liveness scan failed", e);
            }
        }, Math.min(5_000, config.scanNotActiveBrokerIntervalMs()), config.scanNotActiveBrokerIntervalMs(),
            TimeUnit.MILLISECONDS);
    }

    /** The port the server listens on (resolved when {@code listenPort} was 0). */
    public int listenPort() {
        return server.localPort();
    }

    public RouteInfoManager routes() {
        return routes;
    }

    public KVConfigManager kvConfig() {
        return kv;
    }

    public NamesrvConfigStore configs() {
        return configs;
    }

    public void shutdown() {
        if (state.getAndSet(STOPPED) == STOPPED) {
            return;
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (server != null) {
            server.shutdown();
        }
        BoundedExecutors.shutdown(queryExecutor, 3000);
        BoundedExecutors.shutdown(brokerExecutor, 3000);
        LOG.info("NameServer stopped");
    }

    /** Drops the broker behind a channel the moment the channel closes, fails or idles out. */
    private record BrokerChannelListener(RouteInfoManager routes) implements ChannelEventListener {
        @Override
        public void onChannelClose(String remoteAddr, Channel channel) {
            routes.onChannelDestroy(channel);
        }

        @Override
        public void onChannelException(String remoteAddr, Channel channel) {
            routes.onChannelDestroy(channel);
        }

        @Override
        public void onChannelIdle(String remoteAddr, Channel channel) {
            routes.onChannelDestroy(channel);
        }
    }
}
