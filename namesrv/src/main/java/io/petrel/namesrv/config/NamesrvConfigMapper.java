package io.petrel.namesrv.config;

import io.petrel.common.config.ConfigException;
import io.petrel.common.config.ConfigReader;
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
        NamesrvConfig c = new NamesrvConfig(
            r.string("rocketmqHome", env.rocketmqHome() == null ? "" : env.rocketmqHome()),
            r.string("kvConfigPath", namesrvDir + "kvConfig.json"),
            r.string("configStorePath", namesrvDir + "namesrv.properties"),
            r.string("productEnvName", "center"),
            r.bool("clusterTest", false),
            r.bool("orderMessageEnable", false),
            r.longKey("scanNotActiveBrokerInterval", 10_000, 100, Long.MAX_VALUE),
            r.longKey("brokerChannelExpiredTime", 120_000, 1_000, Long.MAX_VALUE),
            r.string("bindAddress", "0.0.0.0"),
            r.intKey("listenPort", 9876, 0, 65535),
            r.intKey("serverWorkerThreads", 8, 1, 1024),
            r.intKey("serverCallbackExecutorThreads", 0, 0, 1024),
            r.intKey("serverSelectorThreads", 3, 1, 256),
            r.intKey("serverOnewaySemaphoreValue", 256, 1, Integer.MAX_VALUE),
            r.intKey("serverAsyncSemaphoreValue", 64, 1, Integer.MAX_VALUE),
            r.intKey("serverChannelMaxIdleTimeSeconds", 120, 0, Integer.MAX_VALUE),
            r.intKey("serverSocketSndBufSize", 0, 0, Integer.MAX_VALUE),
            r.intKey("serverSocketRcvBufSize", 0, 0, Integer.MAX_VALUE),
            r.bool("serverPooledByteBufAllocatorEnable", true),
            r.bool("useEpollNativeSelector", true),
            r.effective());
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
