package io.petrel.remoting.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.internal.PlatformDependent;
import io.petrel.remoting.tls.ServerTls;
import io.petrel.remoting.tls.TlsSettings;
import javax.net.ssl.SSLException;
import io.petrel.common.util.BoundedExecutors;
import io.petrel.common.util.NamedThreadFactory;
import io.petrel.common.util.NetAddresses;
import io.petrel.remoting.ChannelEventListener;
import io.petrel.remoting.InvokeCallback;
import io.petrel.remoting.RPCHook;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.exception.RemotingException;
import io.petrel.remoting.protocol.RemotingCommand;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remoting server: accepts connections, serves requests through registered processors and can call its
 * clients back (oneway pushes, requests forwarded to a client). Requests it serves go through a
 * {@code RequestDispatcher}; calls it makes are tracked by {@code InFlightCalls}. Life cycle: construct, register
 * processors, {@link #start()}, {@link #shutdown()} (idempotent).
 */
public class NettyRemotingServer {
    private static final Logger LOG = LoggerFactory.getLogger(NettyRemotingServer.class);
    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int STOPPED = 2;
    /** Unsent answer bytes at which a connection stops being read, unless writeBufferHighWaterMark is set. */
    static final int DEFAULT_HIGH_WATER_MARK = 4 * 1024 * 1024;
    /** ... and at which it is read again. */
    static final int DEFAULT_LOW_WATER_MARK = 1024 * 1024;
    private static final long AUTO_INCOMPLETE_FRAME_MIN = 64L * 1024 * 1024;

    private final NettyServerConfig config;
    private final RpcHooks hooks = new RpcHooks();
    private final RpcHooks incomingHooks = new RpcHooks();
    private final RequestDispatcher requests = new RequestDispatcher(hooks, incomingHooks);
    private final InFlightCalls calls;
    private final ChannelEventDispatcher events;
    private final AtomicInteger state = new AtomicInteger(NEW);
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private ExecutorService publicExecutor;
    private ScheduledExecutorService scanner;
    private Channel serverChannel;
    private int port;
    private volatile IncompleteFrameBudget incompleteFrames;

    public NettyRemotingServer(NettyServerConfig config, ChannelEventListener listener) {
        this.config = config;
        this.calls = new InFlightCalls(config.getServerAsyncSemaphoreValue(), config.getServerOnewaySemaphoreValue());
        this.events = new ChannelEventDispatcher(listener, "ServerChannelEvents");
    }

    public NettyRemotingServer(NettyServerConfig config) {
        this(config, null);
    }

    /** Serves {@code code} with {@code processor} on {@code executor} (a bounded pool; full means SYSTEM_BUSY). */
    public void registerProcessor(int code, RequestProcessor processor, Executor executor) {
        requests.registerProcessor(code, processor, executor != null ? executor : publicExecutor());
    }

    /** Serves every code that has no processor of its own. */
    public void registerDefaultProcessor(RequestProcessor processor, ExecutorService executor) {
        requests.registerDefaultProcessor(processor, executor != null ? executor : publicExecutor());
    }

    public void registerRPCHook(RPCHook hook) {
        hooks.register(hook);
    }

    /**
     * Adds a hook that runs only before the requests this server serves, ahead of the other hooks, and never
     * around the calls it makes to its clients: where RocketMQ 4.9.7 brokers put their access validator. A hook
     * refuses a request by throwing {@link io.petrel.remoting.exception.RequestRefusedException}.
     */
    public void registerIncomingRPCHook(RPCHook hook) {
        incomingHooks.register(hook);
    }

    private synchronized ExecutorService publicExecutor() {
        if (publicExecutor == null) {
            int threads = config.getServerCallbackExecutorThreads() > 0 ? config.getServerCallbackExecutorThreads() : 4;
            publicExecutor = BoundedExecutors.fixed("RemotingServerPublic", threads, 10_000);
        }
        return publicExecutor;
    }

    public void start() {
        if (!state.compareAndSet(NEW, RUNNING)) {
            throw new IllegalStateException("server already started or stopped");
        }
        ServerTls tls;
        try {
            tls = new ServerTls(config.getTls() != null ? config.getTls() : TlsSettings.fromSystemProperties(),
                System::currentTimeMillis);
        } catch (SSLException | IllegalArgumentException e) {
            shutdown();
            throw new IllegalStateException("TLS: " + e.getMessage(), e);
        }
        NettyTransport transport = NettyTransport.choose(config.isUseEpollNativeSelector());
        bossGroup = transport.newGroup(1, "RemotingServerBoss", false);
        workerGroup = transport.newGroup(config.getServerSelectorThreads(), "RemotingServerSelector", false);
        calls.callbackExecutor(publicExecutor());
        events.start();
        RemotingChannelHandler handler = new RemotingChannelHandler(requests, calls, events, "server");
        IncompleteFrameBudget budget = new IncompleteFrameBudget(incompleteFrameLimit(config),
            System::currentTimeMillis);
        incompleteFrames = budget;
        ServerBootstrap bootstrap = new ServerBootstrap().group(bossGroup, workerGroup)
            .channel(transport.serverChannelClass())
            .option(ChannelOption.SO_BACKLOG, config.getServerSocketBacklog())
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, false)
            .childOption(ChannelOption.ALLOCATOR, config.isServerPooledByteBufAllocatorEnable()
                ? PooledByteBufAllocator.DEFAULT : UnpooledByteBufAllocator.DEFAULT)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(
                        tls.newDetector(),
                        // Answers written while a read is served (requests run on the I/O thread) go out in one
                        // flush when the read completes; outside a read a flush is not delayed.
                        new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES,
                            false),
                        new IdleStateHandler(0, 0, config.getServerChannelMaxIdleTimeSeconds()),
                        new NettyFrameDecoder(config.getMaxFrameLength(), budget),
                        NettyFrameEncoder.INSTANCE,
                        handler);
                }
            });
        applySocketOptions(bootstrap);
        try {
            serverChannel = bootstrap.bind(config.getBindAddress(), config.getListenPort()).syncUninterruptibly()
                .channel();
        } catch (RuntimeException e) {
            shutdown();
            throw new IllegalStateException("cannot listen on " + config.getBindAddress() + ":"
                + config.getListenPort() + ": " + e.getMessage(), e);
        }
        port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        scanner = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("RemotingServerScanner"));
        scanner.scheduleAtFixedRate(this::scanSafely, 3, 1, TimeUnit.SECONDS);
        LOG.info("remoting server listening on {}:{} ({})", config.getBindAddress(), port,
            transport.isEpoll() ? "epoll" : "nio");
    }

    private void applySocketOptions(ServerBootstrap bootstrap) {
        if (config.getServerSocketSndBufSize() > 0) {
            bootstrap.childOption(ChannelOption.SO_SNDBUF, config.getServerSocketSndBufSize());
        }
        if (config.getServerSocketRcvBufSize() > 0) {
            bootstrap.childOption(ChannelOption.SO_RCVBUF, config.getServerSocketRcvBufSize());
        }
        // A connection stops being read while this much of its answers waits unsent (RemotingChannelHandler).
        boolean configured = config.getWriteBufferLowWaterMark() > 0 && config.getWriteBufferHighWaterMark() > 0;
        bootstrap.childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, configured
            ? new WriteBufferWaterMark(config.getWriteBufferLowWaterMark(), config.getWriteBufferHighWaterMark())
            : new WriteBufferWaterMark(DEFAULT_LOW_WATER_MARK, DEFAULT_HIGH_WATER_MARK));
    }

    private void scanSafely() {
        try {
            calls.scanTimedOut(System.currentTimeMillis());
        } catch (RuntimeException e) {
            LOG.warn("response table scan failed", e);
        }
    }

    /** The port actually bound (useful with listenPort 0). */
    /** {@code serverMaxIncompleteFrameBytes}, or when 0 a quarter of the direct memory limit, at least 64 MiB. */
    static long incompleteFrameLimit(NettyServerConfig config) {
        return config.getServerMaxIncompleteFrameBytes() > 0 ? config.getServerMaxIncompleteFrameBytes()
            : Math.max(AUTO_INCOMPLETE_FRAME_MIN, PlatformDependent.maxDirectMemory() / 4);
    }

    /** Bytes held now in frames that have begun to arrive and are not complete, on all connections; 0 before start. */
    public long incompleteFrameBytes() {
        IncompleteFrameBudget b = incompleteFrames;
        return b == null ? 0 : b.held();
    }

    public int localPort() {
        return port;
    }

    /** Calls a connected client and waits for its answer. */
    public RemotingCommand invokeSync(Channel channel, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingException {
        String addr = NetAddresses.format(channel.remoteAddress());
        hooks.before(addr, request);
        RemotingCommand response = calls.invokeSync(channel, addr, request, timeoutMillis);
        hooks.after(addr, request, response);
        return response;
    }

    public void invokeAsync(Channel channel, RemotingCommand request, long timeoutMillis, InvokeCallback callback)
        throws InterruptedException, RemotingException {
        String addr = NetAddresses.format(channel.remoteAddress());
        hooks.before(addr, request);
        calls.invokeAsync(channel, addr, request, timeoutMillis, callback);
    }

    public void invokeOneway(Channel channel, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingException {
        String addr = NetAddresses.format(channel.remoteAddress());
        hooks.before(addr, request);
        calls.invokeOneway(channel, addr, request, timeoutMillis);
    }

    public void shutdown() {
        int previous = state.getAndSet(STOPPED);
        if (previous == STOPPED) {
            return;
        }
        if (scanner != null) {
            scanner.shutdownNow();
        }
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly(3000);
        }
        if (bossGroup != null) {
            bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5000);
        }
        if (workerGroup != null) {
            workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5000);
        }
        calls.failAll("server shut down");
        events.shutdown();
        BoundedExecutors.shutdown(publicExecutor, 3000);
        if (previous == RUNNING) {
            LOG.info("remoting server on port {} shut down", port);
        }
    }
}
