package io.petrel.broker.admin;

import io.petrel.broker.config.BrokerConfig;
import io.petrel.broker.schedule.DelayOffsetTable;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.config.PropertiesBinder;
import io.petrel.common.route.KVTable;
import io.petrel.common.topic.TopicValidator;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RemotingVersion;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.GetBrokerConfigResponseHeader;
import io.petrel.store.MessageStore;
import io.petrel.store.StoreStats;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/** GET_BROKER_RUNTIME_INFO, GET_BROKER_CONFIG and UPDATE_BROKER_CONFIG. */
public final class BrokerInfoAdmin {
    /** Queue depths of the broker's request pools, for the runtime figures. */
    public record PoolDepths(java.util.concurrent.ThreadPoolExecutor send, int sendCapacity,
                             java.util.concurrent.ThreadPoolExecutor pull, int pullCapacity,
                             java.util.concurrent.ThreadPoolExecutor query, int queryCapacity,
                             java.util.concurrent.ThreadPoolExecutor endTransaction) {
    }

    private static String size(java.util.concurrent.ThreadPoolExecutor pool) {
        return Integer.toString(pool.getQueue().size());
    }

    private String headWait(java.util.concurrent.ThreadPoolExecutor pool) {
        return Long.toString(io.petrel.remoting.netty.RequestTask.headWaitMillis(pool.getQueue(), clock.millis()));
    }

    private final BrokerConfig config;
    private final Map<String, Object> settings;
    private final TopicConfigManager topics;
    private final MessageStore store;
    private final DelayOffsetTable delayOffsets;
    private final PoolDepths pools;
    private final Clock clock;
    private final long bootMillis;

    /** @param settings every settings object whose keys GET/UPDATE_BROKER_CONFIG expose, by a name for logs */
    public BrokerInfoAdmin(BrokerConfig config, Map<String, Object> settings, TopicConfigManager topics,
                           MessageStore store, DelayOffsetTable delayOffsets, PoolDepths pools, Clock clock,
                           long bootMillis) {
        this.config = config;
        this.settings = settings;
        this.topics = topics;
        this.store = store;
        this.delayOffsets = delayOffsets;
        this.pools = pools;
        this.clock = clock;
        this.bootMillis = bootMillis;
    }

    public void registerInto(AdminBrokerProcessor processor) {
        processor.register(RequestCode.GET_BROKER_RUNTIME_INFO, (ch, req) -> runtimeInfo())
            .register(RequestCode.GET_BROKER_CONFIG, (ch, req) -> brokerConfig())
            .register(RequestCode.UPDATE_BROKER_CONFIG, (ch, req) -> updateConfig(req));
    }

    private RemotingCommand runtimeInfo() {
        Map<String, String> kv = new TreeMap<>(store.getRuntimeInfo());
        kv.put("brokerVersionDesc", "V4_9_7");
        kv.put("brokerVersion", Integer.toString(RemotingVersion.CURRENT));
        kv.put("bootTimestamp", Long.toString(bootMillis));
        kv.put("runtime", uptime(clock.millis() - bootMillis));
        StoreStats storeStats = store.stats();
        StoreStats.DayTotals days = storeStats.dayTotals();
        kv.put("msgPutTotalTodayNow", Long.toString(storeStats.putMessagesTotal()));
        kv.put("msgPutTotalTodayMorning", Long.toString(days.putTodayMorning()));
        kv.put("msgPutTotalYesterdayMorning", Long.toString(days.putYesterdayMorning()));
        kv.put("msgGetTotalTodayNow", Long.toString(storeStats.getTransferredTotal()));
        kv.put("msgGetTotalTodayMorning", Long.toString(days.getTodayMorning()));
        kv.put("msgGetTotalYesterdayMorning", Long.toString(days.getYesterdayMorning()));
        fillPools(kv);
        kv.put("startAcceptSendRequestTimeStamp", Long.toString(config.getStartAcceptSendRequestTimeStamp()));
        delayOffsets.snapshot().forEach((level, offset) -> kv.put("scheduleMessageOffset_" + level,
            offset + "," + store.getMaxOffsetInQueue(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC, level - 1)));
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(new KVTable(kv).encode());
    }

    /** Queue depth, capacity and the wait of the oldest request, of each request pool admins watch. */
    private void fillPools(Map<String, String> kv) {
        kv.put("sendThreadPoolQueueSize", size(pools.send()));
        kv.put("sendThreadPoolQueueCapacity", Integer.toString(pools.sendCapacity()));
        kv.put("sendThreadPoolQueueHeadWaitTimeMills", headWait(pools.send()));
        kv.put("pullThreadPoolQueueSize", size(pools.pull()));
        kv.put("pullThreadPoolQueueCapacity", Integer.toString(pools.pullCapacity()));
        kv.put("pullThreadPoolQueueHeadWaitTimeMills", headWait(pools.pull()));
        kv.put("queryThreadPoolQueueSize", size(pools.query()));
        kv.put("queryThreadPoolQueueCapacity", Integer.toString(pools.queryCapacity()));
        kv.put("queryThreadPoolQueueHeadWaitTimeMills", headWait(pools.query()));
        kv.put("EndTransactionQueueSize", size(pools.endTransaction()));
        kv.put("EndTransactionThreadPoolQueueCapacity", Integer.toString(config.getEndTransactionPoolQueueCapacity()));
    }

    static String uptime(long millis) {
        long s = millis / 1000;
        return String.format("[ %d days, %d hours, %d minutes, %d seconds ]", s / 86400, (s % 86400) / 3600,
            (s % 3600) / 60, s % 60);
    }

    private RemotingCommand brokerConfig() {
        StringBuilder sb = new StringBuilder();
        Map<String, String> all = new TreeMap<>();
        for (Object target : settings.values()) {
            all.putAll(PropertiesBinder.describe(target));
        }
        all.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        String version = new String(topics.dataVersion().encode(), StandardCharsets.UTF_8);
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null, new GetBrokerConfigResponseHeader(version))
            .body(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Applies {@code key=value} lines to the live settings objects. Values are checked as at start-up; a change
     * to a setting read only at start-up (ports, paths, thread counts) takes effect after a restart.
     */
    private RemotingCommand updateConfig(RemotingCommand req) throws IOException {
        if (req.body() == null) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "no properties in the body");
        }
        Properties props = new Properties();
        props.load(new StringReader(new String(req.body(), StandardCharsets.UTF_8)));
        Set<String> unknown;
        try {
            unknown = new PropertiesBinder().bind(props, settings.values().toArray());
        } catch (io.petrel.common.config.ConfigException e) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        String remark = unknown.isEmpty() ? null : "unknown keys ignored: " + unknown;
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, remark);
    }
}
