package io.petrel.broker.admin;

import io.petrel.broker.config.BrokerConfig;
import io.petrel.broker.schedule.DelayOffsetTable;
import io.petrel.broker.schedule.TimerMessageService;
import io.petrel.common.route.KVTable;
import io.petrel.common.topic.TopicValidator;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RemotingVersion;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.store.MessageStore;
import io.petrel.store.StoreStats;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** GET_BROKER_RUNTIME_INFO: the store's figures, rates, day totals and request queue depths. */
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

    private final Supplier<BrokerConfig> config;
    private final MessageStore store;
    private final DelayOffsetTable delayOffsets;
    private final PoolDepths pools;
    private final Supplier<TimerMessageService.Figures> timers;
    private final Clock clock;
    private final long bootMillis;
    private final boolean master;

    /**
     * @param timers the timer service's figures, given to 5.x callers
     * @param master whether this broker is a master: 5.x tools read it as {@code brokerActive}
     */
    public BrokerInfoAdmin(Supplier<BrokerConfig> config, MessageStore store, DelayOffsetTable delayOffsets,
                           PoolDepths pools, Supplier<TimerMessageService.Figures> timers, Clock clock,
                           long bootMillis, boolean master) {
        this.config = config;
        this.store = store;
        this.delayOffsets = delayOffsets;
        this.pools = pools;
        this.timers = timers;
        this.clock = clock;
        this.bootMillis = bootMillis;
        this.master = master;
    }

    public void registerInto(AdminBrokerProcessor processor) {
        processor.register(RequestCode.GET_BROKER_RUNTIME_INFO, (ch, req) -> runtimeInfo(req.version()));
    }

    /**
     * 4.9.7's keys; a 5.x caller also gets {@code brokerActive} (true on a master, whose schedule and transaction
     * services run, as a 5.3 broker without a controller says), which the 5.x {@code clusterList} shows.
     */
    private RemotingCommand runtimeInfo(int callerVersion) {
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
        if (callerVersion >= RemotingVersion.V5_0_0) {
            kv.put("brokerActive", Boolean.toString(master));
            fillTimer(kv);
        }
        kv.put("startAcceptSendRequestTimeStamp", Long.toString(config.get().getStartAcceptSendRequestTimeStamp()));
        delayOffsets.snapshot().forEach((level, offset) -> kv.put("scheduleMessageOffset_" + level,
            offset + "," + store.getMaxOffsetInQueue(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC, level - 1)));
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(new KVTable(kv).encode());
    }

    /**
     * 5.3's timer keys, which the 5.x {@code clusterList} shows in its #Timer(Progress) column: zeros where the timer
     * service does not run (timerWheelEnable=false, as 5.3 gives them, or a slave).
     */
    private void fillTimer(Map<String, String> kv) {
        TimerMessageService.Figures f = master && config.get().isTimerWheelEnable() ? timers.get()
            : new TimerMessageService.Figures(0, 0, 0, 0f, 0f);
        kv.put("timerReadBehind", Long.toString(f.readBehindSeconds()));
        kv.put("timerOffsetBehind", Long.toString(f.offsetBehind()));
        kv.put("timerCongestNum", Long.toString(f.parked()));
        kv.put("timerEnqueueTps", Float.toString(f.enqueueTps()));
        kv.put("timerDequeueTps", Float.toString(f.dequeueTps()));
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
        kv.put("EndTransactionThreadPoolQueueCapacity", Integer.toString(config.get().getEndTransactionPoolQueueCapacity()));
    }

    static String uptime(long millis) {
        long s = millis / 1000;
        return String.format("[ %d days, %d hours, %d minutes, %d seconds ]", s / 86400, (s % 86400) / 3600,
            (s % 3600) / 60, s % 60);
    }
}
