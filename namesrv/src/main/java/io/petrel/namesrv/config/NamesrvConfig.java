package io.petrel.namesrv.config;

import io.petrel.remoting.netty.NettyServerConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every NameServer setting, typed and validated once by {@link NamesrvConfigMapper}. Immutable. Key names are
 * RocketMQ's ({@code listenPort}, {@code kvConfigPath}, {@code orderMessageEnable}, ...), so existing
 * {@code namesrv.conf} files work unchanged.
 *
 * @param effective every key with the value in force, in definition order (what {@code -p} prints and
 *                  GET_NAMESRV_CONFIG returns)
 */
public record NamesrvConfig(
    String rocketmqHome,
    String kvConfigPath,
    String configStorePath,
    String productEnvName,
    boolean clusterTest,
    boolean orderMessageEnable,
    long scanNotActiveBrokerIntervalMs,
    long brokerChannelExpiredMs,
    String bindAddress,
    int listenPort,
    int serverWorkerThreads,
    int serverCallbackExecutorThreads,
    int serverSelectorThreads,
    int serverOnewaySemaphoreValue,
    int serverAsyncSemaphoreValue,
    int serverChannelMaxIdleTimeSeconds,
    int serverSocketSndBufSize,
    int serverSocketRcvBufSize,
    int serverSocketBacklog,
    int writeBufferHighWaterMark,
    int writeBufferLowWaterMark,
    int maxFrameLength,
    boolean serverPooledByteBufAllocatorEnable,
    boolean useEpollNativeSelector,
    Map<String, String> effective) {

    public NamesrvConfig {
        effective = Collections.unmodifiableMap(new LinkedHashMap<>(effective));
    }

    /** The keys {@code -m} prints. */
    public static final java.util.List<String> IMPORTANT_KEYS = java.util.List.of("rocketmqHome", "kvConfigPath",
        "configStorePath", "listenPort", "orderMessageEnable", "serverWorkerThreads");

    /** Settings for the remoting server; a fresh mutable copy each call. */
    public NettyServerConfig toNettyServerConfig() {
        NettyServerConfig n = new NettyServerConfig();
        n.setBindAddress(bindAddress);
        n.setListenPort(listenPort);
        n.setServerWorkerThreads(serverWorkerThreads);
        n.setServerCallbackExecutorThreads(serverCallbackExecutorThreads);
        n.setServerSelectorThreads(serverSelectorThreads);
        n.setServerOnewaySemaphoreValue(serverOnewaySemaphoreValue);
        n.setServerAsyncSemaphoreValue(serverAsyncSemaphoreValue);
        n.setServerChannelMaxIdleTimeSeconds(serverChannelMaxIdleTimeSeconds);
        n.setServerSocketSndBufSize(serverSocketSndBufSize);
        n.setServerSocketRcvBufSize(serverSocketRcvBufSize);
        n.setServerSocketBacklog(serverSocketBacklog);
        n.setWriteBufferHighWaterMark(writeBufferHighWaterMark);
        n.setWriteBufferLowWaterMark(writeBufferLowWaterMark);
        n.setMaxFrameLength(maxFrameLength);
        n.setServerPooledByteBufAllocatorEnable(serverPooledByteBufAllocatorEnable);
        n.setUseEpollNativeSelector(useEpollNativeSelector);
        return n;
    }

    /** {@code key=value} lines of every setting, as GET_NAMESRV_CONFIG answers. */
    public String toPropertiesText() {
        StringBuilder sb = new StringBuilder();
        effective.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }
}
