package io.petrel.remoting.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.petrel.remoting.tls.TlsContexts;
import io.petrel.remoting.tls.TlsSettings;
import javax.net.ssl.SSLException;
import io.petrel.common.util.BoundedExecutors;
import io.petrel.common.util.NamedThreadFactory;
import io.petrel.common.util.NetAddresses;
import io.petrel.remoting.ChannelEventListener;
import io.petrel.remoting.InvokeCallback;
import io.petrel.remoting.RPCHook;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.exception.RemotingConnectException;
import io.petrel.remoting.exception.RemotingException;
import io.petrel.remoting.exception.RemotingSendRequestException;
import io.petrel.remoting.exception.RemotingTimeoutException;
import io.petrel.remoting.protocol.RemotingCommand;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remoting client: one channel per remote address, reused by every call; synchronous, asynchronous and
 * oneway calls; a NameServer address list with failover (calls with a null address go to the NameServer in
 * use, and move on to the next one when it cannot be reached). Calls it makes are tracked by
 * {@code InFlightCalls}; requests the remote side sends it go through a {@code RequestDispatcher}. Thread-safe.
 */
public class NettyRemotingClient {
    private static final Logger LOG = LoggerFactory.getLogger(NettyRemotingClient.class);
    private static final long LOCK_TIMEOUT_MILLIS = 3000;

    private final NettyClientConfig config;
    private final RpcHooks hooks = new RpcHooks();
    private final RequestDispatcher requests = new RequestDispatcher(hooks);
    private final InFlightCalls calls;
    private final ChannelEventDispatcher events;
    private final ConcurrentHashMap<String, ChannelFuture> channels = new ConcurrentHashMap<>();
    private final ReentrantLock channelsLock = new ReentrantLock();
    private final AtomicReference<List<String>> nameServers = new AtomicReference<>(List.of());
    private final AtomicReference<String> chosenNameServer = new AtomicReference<>();
    private final AtomicInteger nameServerIndex = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));
    private final AtomicInteger state = new AtomicInteger();
    private EventLoopGroup group;
    private Bootstrap bootstrap;
    private ExecutorService callbackExecutor;
    private ScheduledExecutorService scanner;

    public NettyRemotingClient(NettyClientConfig config, ChannelEventListener listener) {
        this.config = config;
        this.calls = new InFlightCalls(config.getClientAsyncSemaphoreValue(), config.getClientOnewaySemaphoreValue());
        this.events = new ChannelEventDispatcher(listener, "ClientChannelEvents");
    }

    public NettyRemotingClient(NettyClientConfig config) {
        this(config, null);
    }

    public void start() {
        if (!state.compareAndSet(0, 1)) {
            throw new IllegalStateException("client already started or stopped");
        }
        SslContext ssl = null;
        if (config.isUseTLS()) {
            try {
                ssl = TlsContexts.client(config.getTls() != null ? config.getTls()
                    : TlsSettings.fromSystemProperties());
            } catch (SSLException | IllegalArgumentException e) {
                state.set(2);
                throw new IllegalStateException("TLS: " + e.getMessage(), e);
            }
        }
        SslContext tlsContext = ssl;
        NettyTransport transport = NettyTransport.choose(config.isUseEpollNativeSelector());
        group = transport.newGroup(config.getClientSelectorThreads(), "RemotingClientSelector", true);
        callbackExecutor = BoundedExecutors.fixed("RemotingClientCallback",
            Math.max(1, config.getClientCallbackExecutorThreads()), 100_000);
        calls.callbackExecutor(callbackExecutor);
        events.start();
        RemotingChannelHandler handler = new RemotingChannelHandler(requests, calls, events, "client");
        bootstrap = new Bootstrap().group(group).channel(transport.channelClass())
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, false)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, config.getConnectTimeoutMillis())
            .option(ChannelOption.ALLOCATOR, config.isClientPooledByteBufAllocatorEnable()
                ? PooledByteBufAllocator.DEFAULT : UnpooledByteBufAllocator.DEFAULT)
            .handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    if (tlsContext != null) {
                        ch.pipeline().addLast(tlsContext.newHandler(ch.alloc()));
                    }
                    ch.pipeline().addLast(
                        new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES,
                            true),
                        new IdleStateHandler(0, 0, config.getClientChannelMaxIdleTimeSeconds()),
                        new NettyFrameDecoder(config.getMaxFrameLength()),
                        NettyFrameEncoder.INSTANCE,
                        handler);
                }
            });
        if (config.getClientSocketSndBufSize() > 0) {
            bootstrap.option(ChannelOption.SO_SNDBUF, config.getClientSocketSndBufSize());
        }
        if (config.getClientSocketRcvBufSize() > 0) {
            bootstrap.option(ChannelOption.SO_RCVBUF, config.getClientSocketRcvBufSize());
        }
        scanner = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("RemotingClientScanner"));
        scanner.scheduleAtFixedRate(this::scanSafely, 3, 1, TimeUnit.SECONDS);
    }

    private void scanSafely() {
        try {
            calls.scanTimedOut(System.currentTimeMillis());
        } catch (RuntimeException e) {
            LOG.warn("response table scan failed", e);
        }
    }

    /** Serves requests the remote side sends to this client (e.g. broker pushes). */
    public void registerProcessor(int code, RequestProcessor processor, ExecutorService executor) {
        requests.registerProcessor(code, processor, java.util.Objects.requireNonNull(executor, "executor"));
    }

    public void registerRPCHook(RPCHook hook) {
        hooks.register(hook);
    }

    /** Replaces the NameServer list; the one in use is kept while it is still listed. */
    public void updateNameServerAddressList(List<String> addrs) {
        List<String> copy = List.copyOf(addrs);
        List<String> old = nameServers.getAndSet(copy);
        String chosen = chosenNameServer.get();
        if (chosen != null && !copy.contains(chosen)) {
            chosenNameServer.compareAndSet(chosen, null);
        }
        if (!copy.equals(old)) {
            LOG.info("name server address list updated: {}", copy);
        }
    }

    public List<String> getNameServerAddressList() {
        return nameServers.get();
    }

    // ---- calls ----------------------------------------------------------------------------------------

    /** @param addr {@code host:port}, or null for the NameServer in use */
    public RemotingCommand invokeSync(String addr, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingException {
        long begin = System.nanoTime();
        Channel channel = channelFor(addr);
        String target = addr != null ? addr : NetAddresses.format(channel.remoteAddress());
        hooks.before(target, request);
        long left = timeoutMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
        if (left <= 0) {
            throw new RemotingTimeoutException("invokeSync to " + target + ": timeout spent connecting");
        }
        try {
            RemotingCommand response = calls.invokeSync(channel, target, request, left);
            hooks.after(target, request, response);
            return response;
        } catch (RemotingTimeoutException e) {
            if (config.isClientCloseSocketIfTimeout()) {
                closeChannel(target, channel);
            }
            throw e;
        } catch (RemotingSendRequestException e) {
            closeChannel(target, channel);
            throw e;
        }
    }

    public void invokeAsync(String addr, RemotingCommand request, long timeoutMillis, InvokeCallback callback)
        throws InterruptedException, RemotingException {
        Channel channel = channelFor(addr);
        String target = addr != null ? addr : NetAddresses.format(channel.remoteAddress());
        hooks.before(target, request);
        InvokeCallback withHooks = (response, error) -> {
            if (response != null) {
                hooks.after(target, request, response);
            }
            callback.onComplete(response, error);
        };
        calls.invokeAsync(channel, target, request, timeoutMillis, withHooks);
    }

    public void invokeOneway(String addr, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingException {
        Channel channel = channelFor(addr);
        String target = addr != null ? addr : NetAddresses.format(channel.remoteAddress());
        hooks.before(target, request);
        calls.invokeOneway(channel, target, request, timeoutMillis);
    }

    // ---- channels -------------------------------------------------------------------------------------

    private Channel channelFor(String addr) throws InterruptedException, RemotingConnectException {
        if (state.get() != 1) {
            throw new RemotingConnectException(addr == null ? "<name server>" : addr,
                new IllegalStateException("client not running"));
        }
        return addr == null ? nameServerChannel() : channel(addr);
    }

    private Channel nameServerChannel() throws InterruptedException, RemotingConnectException {
        String chosen = chosenNameServer.get();
        if (chosen != null) {
            Channel ch = activeChannel(chosen);
            if (ch != null) {
                return ch;
            }
        }
        List<String> list = nameServers.get();
        if (list.isEmpty()) {
            throw new RemotingConnectException("<name server>", new IllegalStateException("no name server set"));
        }
        RemotingConnectException last = null;
        for (int i = 0; i < list.size(); i++) {
            String addr = list.get(Math.floorMod(nameServerIndex.getAndIncrement(), list.size()));
            try {
                Channel ch = channel(addr);
                chosenNameServer.set(addr);
                return ch;
            } catch (RemotingConnectException e) {
                last = e;
                LOG.warn("name server {} unreachable, trying the next one", addr);
            }
        }
        throw last;
    }

    private Channel activeChannel(String addr) {
        ChannelFuture f = channels.get(addr);
        return f != null && f.channel().isActive() ? f.channel() : null;
    }

    private Channel channel(String addr) throws InterruptedException, RemotingConnectException {
        Channel existing = activeChannel(addr);
        if (existing != null) {
            return existing;
        }
        ChannelFuture future;
        if (!channelsLock.tryLock(LOCK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            throw new RemotingConnectException(addr, new IllegalStateException("channel table lock timeout"));
        }
        try {
            future = channels.get(addr);
            if (future == null || (future.isDone() && !future.channel().isActive())) {
                future = bootstrap.connect(NetAddresses.parse(addr));
                channels.put(addr, future);
                ChannelFuture mine = future;
                future.channel().closeFuture().addListener(x -> channels.remove(addr, mine));
            }
        } catch (IllegalArgumentException e) {
            throw new RemotingConnectException(addr, e);
        } finally {
            channelsLock.unlock();
        }
        if (!future.await(config.getConnectTimeoutMillis() + 500L)) {
            throw new RemotingConnectException(addr, new java.net.SocketTimeoutException("connect timeout"));
        }
        if (!future.isSuccess() || !future.channel().isActive()) {
            throw new RemotingConnectException(addr, future.cause());
        }
        return future.channel();
    }

    /** Closes the channel to {@code addr} if it is still {@code channel}; the next call reconnects. */
    public void closeChannel(String addr, Channel channel) {
        ChannelFuture f = channels.get(addr);
        if (f != null && f.channel() == channel) {
            channels.remove(addr, f);
        }
        channel.close();
    }

    public void shutdown() {
        if (state.getAndSet(2) != 1) {
            return;
        }
        if (scanner != null) {
            scanner.shutdownNow();
        }
        for (ChannelFuture f : channels.values()) {
            f.channel().close();
        }
        channels.clear();
        calls.failAll("client shut down");
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5000);
        }
        events.shutdown();
        BoundedExecutors.shutdown(callbackExecutor, 3000);
    }
}
