package io.petrel.remoting.netty;

import io.petrel.common.config.ConfigException;
import io.petrel.common.config.ConfigReader;
import io.petrel.remoting.tls.TlsSettings;

/** Reads the remoting server and client keys (RocketMQ's names) with their ranges; the defaults are the beans'. */
public final class NettyConfigs {
    private static final int MAX_THREADS = 1024;

    private NettyConfigs() {
    }

    /** The server keys, {@code listenPort} defaulting to {@code defaultPort}. */
    public static NettyServerConfig server(ConfigReader r, int defaultPort) {
        NettyServerConfig d = new NettyServerConfig();
        NettyServerConfig n = new NettyServerConfig();
        n.setBindAddress(r.nonBlank("bindAddress", d.getBindAddress()));
        n.setListenPort(r.intKey("listenPort", defaultPort, 0, 65535));
        n.setServerWorkerThreads(r.intKey("serverWorkerThreads", d.getServerWorkerThreads(), 1, MAX_THREADS));
        n.setServerCallbackExecutorThreads(r.intKey("serverCallbackExecutorThreads",
            d.getServerCallbackExecutorThreads(), 0, MAX_THREADS));
        n.setServerSelectorThreads(r.intKey("serverSelectorThreads", d.getServerSelectorThreads(), 1, 256));
        n.setServerOnewaySemaphoreValue(r.intKey("serverOnewaySemaphoreValue", d.getServerOnewaySemaphoreValue(), 1,
            Integer.MAX_VALUE));
        n.setServerAsyncSemaphoreValue(r.intKey("serverAsyncSemaphoreValue", d.getServerAsyncSemaphoreValue(), 1,
            Integer.MAX_VALUE));
        n.setServerChannelMaxIdleTimeSeconds(r.intKey("serverChannelMaxIdleTimeSeconds",
            d.getServerChannelMaxIdleTimeSeconds(), 0, Integer.MAX_VALUE));
        n.setServerSocketSndBufSize(r.intKey("serverSocketSndBufSize", d.getServerSocketSndBufSize(), 0,
            Integer.MAX_VALUE));
        n.setServerSocketRcvBufSize(r.intKey("serverSocketRcvBufSize", d.getServerSocketRcvBufSize(), 0,
            Integer.MAX_VALUE));
        n.setWriteBufferHighWaterMark(r.intKey("writeBufferHighWaterMark", d.getWriteBufferHighWaterMark(), 0,
            Integer.MAX_VALUE));
        n.setWriteBufferLowWaterMark(r.intKey("writeBufferLowWaterMark", d.getWriteBufferLowWaterMark(), 0,
            Integer.MAX_VALUE));
        n.setServerSocketBacklog(r.intKey("serverSocketBacklog", d.getServerSocketBacklog(), 1, Integer.MAX_VALUE));
        n.setServerPooledByteBufAllocatorEnable(r.bool("serverPooledByteBufAllocatorEnable",
            d.isServerPooledByteBufAllocatorEnable()));
        n.setUseEpollNativeSelector(r.bool("useEpollNativeSelector", d.isUseEpollNativeSelector()));
        n.setMaxFrameLength(r.intKey("maxFrameLength", d.getMaxFrameLength(), 1024, Integer.MAX_VALUE));
        n.setServerMaxIncompleteFrameBytes(r.longKey("serverMaxIncompleteFrameBytes",
            d.getServerMaxIncompleteFrameBytes(), 0, Long.MAX_VALUE));
        r.require(n.getWriteBufferLowWaterMark() <= n.getWriteBufferHighWaterMark()
                || n.getWriteBufferHighWaterMark() == 0, "writeBufferLowWaterMark",
            "must not exceed writeBufferHighWaterMark (" + n.getWriteBufferHighWaterMark() + ")");
        return n;
    }

    /**
     * The client keys. {@code useEpollNativeSelector} and {@code maxFrameLength} are shared with the server keys
     * when {@link #server} read them first on the same reader.
     */
    public static NettyClientConfig client(ConfigReader r) {
        NettyClientConfig d = new NettyClientConfig();
        NettyClientConfig n = new NettyClientConfig();
        n.setClientWorkerThreads(r.intKey("clientWorkerThreads", d.getClientWorkerThreads(), 1, MAX_THREADS));
        n.setClientCallbackExecutorThreads(r.intKey("clientCallbackExecutorThreads",
            d.getClientCallbackExecutorThreads(), 1, MAX_THREADS));
        n.setClientSelectorThreads(r.intKey("clientSelectorThreads", d.getClientSelectorThreads(), 1, 256));
        n.setClientOnewaySemaphoreValue(r.intKey("clientOnewaySemaphoreValue", d.getClientOnewaySemaphoreValue(), 1,
            Integer.MAX_VALUE));
        n.setClientAsyncSemaphoreValue(r.intKey("clientAsyncSemaphoreValue", d.getClientAsyncSemaphoreValue(), 1,
            Integer.MAX_VALUE));
        n.setConnectTimeoutMillis(r.intKey("connectTimeoutMillis", d.getConnectTimeoutMillis(), 1,
            Integer.MAX_VALUE));
        n.setClientChannelMaxIdleTimeSeconds(r.intKey("clientChannelMaxIdleTimeSeconds",
            d.getClientChannelMaxIdleTimeSeconds(), 0, Integer.MAX_VALUE));
        n.setClientSocketSndBufSize(r.intKey("clientSocketSndBufSize", d.getClientSocketSndBufSize(), 0,
            Integer.MAX_VALUE));
        n.setClientSocketRcvBufSize(r.intKey("clientSocketRcvBufSize", d.getClientSocketRcvBufSize(), 0,
            Integer.MAX_VALUE));
        n.setClientPooledByteBufAllocatorEnable(r.bool("clientPooledByteBufAllocatorEnable",
            d.isClientPooledByteBufAllocatorEnable()));
        n.setClientCloseSocketIfTimeout(r.bool("clientCloseSocketIfTimeout", d.isClientCloseSocketIfTimeout()));
        n.setUseEpollNativeSelector(r.bool("useEpollNativeSelector", d.isUseEpollNativeSelector()));
        n.setMaxFrameLength(r.intKey("maxFrameLength", d.getMaxFrameLength(), 1024, Integer.MAX_VALUE));
        boolean tlsByDefault;
        try {
            tlsByDefault = TlsSettings.serverSideClientDefault(System::getProperty);
        } catch (IllegalArgumentException e) {
            // The cause says what is wrong without the key, which ConfigException puts in front.
            throw new ConfigException(TlsSettings.SERVER_MODE, e.getCause() != null ? e.getCause().getMessage()
                : e.getMessage());
        }
        n.setUseTLS(r.bool("useTLS", tlsByDefault));
        return n;
    }
}
