package io.petrel.namesrv.config;

import io.petrel.common.config.ConfigException;
import io.petrel.common.config.ConfigReader;
import io.petrel.remoting.netty.NettyConfigs;
import io.petrel.remoting.netty.NettyServerConfig;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The one place that turns NameServer properties into a {@link NamesrvConfig}: knows every key's type, default
 * and range, resolves environment-derived defaults (home directories) from the given {@link Environment}, and
 * reports keys it does not know. A bad value raises {@link ConfigException} naming the key.
 */
public final class NamesrvConfigMapper {
    /** Where environment-derived defaults come from. */
    public record Environment(String userHome, String rocketmqHome) {
        /** The JVM's: {@code user.home}, and {@code rocketmq.home.dir} or {@code ROCKETMQ_HOME}. */
        public static Environment current() {
            String home = System.getProperty("rocketmq.home.dir", System.getenv("ROCKETMQ_HOME"));
            return new Environment(System.getProperty("user.home"), home);
        }
    }

    /** A mapped config and the keys that were given but mean nothing here. */
    public record Result(NamesrvConfig config, Set<String> unknownKeys) {
    }

    private final Environment env;

    public NamesrvConfigMapper(Environment env) {
        this.env = env;
    }

    public Result map(Properties props) {
        ConfigReader r = new ConfigReader(props);
        String namesrvDir = env.userHome() + File.separator + "namesrv" + File.separator;
        String rocketmqHome = r.string("rocketmqHome", env.rocketmqHome() == null ? "" : env.rocketmqHome());
        String kvConfigPath = r.string("kvConfigPath", namesrvDir + "kvConfig.json");
        String configStorePath = r.string("configStorePath", namesrvDir + "namesrv.properties");
        String productEnvName = r.string("productEnvName", "center");
        boolean clusterTest = r.bool("clusterTest", false);
        boolean orderMessageEnable = r.bool("orderMessageEnable", false);
        long scanInterval = r.longKey("scanNotActiveBrokerInterval", 10_000, 100, Long.MAX_VALUE);
        long channelExpired = r.longKey("brokerChannelExpiredTime", 120_000, 1_000, Long.MAX_VALUE);
        NettyServerConfig n = NettyConfigs.server(r, 9876);
        NamesrvConfig c = new NamesrvConfig(rocketmqHome, kvConfigPath, configStorePath, productEnvName, clusterTest,
            orderMessageEnable, scanInterval, channelExpired, n.getBindAddress(), n.getListenPort(),
            n.getServerWorkerThreads(), n.getServerCallbackExecutorThreads(), n.getServerSelectorThreads(),
            n.getServerOnewaySemaphoreValue(), n.getServerAsyncSemaphoreValue(), n.getServerChannelMaxIdleTimeSeconds(),
            n.getServerSocketSndBufSize(), n.getServerSocketRcvBufSize(), n.getServerSocketBacklog(),
            n.getWriteBufferHighWaterMark(), n.getWriteBufferLowWaterMark(), n.getMaxFrameLength(),
            n.isServerPooledByteBufAllocatorEnable(), n.isUseEpollNativeSelector(), r.effective());
        return new Result(c, r.unknown());
    }

    /** Merges {@code updates} over the values in force and maps the result (used by UPDATE_NAMESRV_CONFIG). */
    public Result update(NamesrvConfig current, Properties updates) {
        Properties merged = new Properties();
        merged.putAll(current.effective());
        merged.putAll(updates);
        return map(merged);
    }

    /** Helper for callers that print unknown keys. */
    public static List<String> describeUnknown(Set<String> keys) {
        List<String> lines = new ArrayList<>();
        for (String k : keys) {
            lines.add("unknown NameServer setting ignored: " + k);
        }
        return lines;
    }
}
