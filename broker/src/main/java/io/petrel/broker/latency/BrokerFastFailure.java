package io.petrel.broker.latency;

import io.petrel.remoting.netty.RequestTask;
import io.petrel.store.MessageStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Load shedding, one {@link #step()} every 10 ms while a watched queue holds requests: while the store's append lock is congested, every queued send is
 * answered busy at once; otherwise a queued request that has waited longer than its pool's limit is answered busy
 * instead of being run late (a client would have timed out anyway).
 */
public final class BrokerFastFailure {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerFastFailure.class);
    static final String PC_BUSY = "[PCBUSY_CLEAN_QUEUE]broker busy, start flow control for a while, period in queue: "
        + "%sms, size of queue: %d";
    static final String TIMEOUT = "[TIMEOUT_CLEAN_QUEUE]broker busy, start flow control for a while, period in "
        + "queue: %sms, size of queue: %d";

    /** A pool and how long a request may wait in its queue. */
    public record WatchedPool(ThreadPoolExecutor pool, long maxWaitMillis) {
    }

    static final long BUSY_PERIOD_MS = 10;
    static final long MAX_IDLE_PERIOD_MS = 1000;

    private final MessageStore store;
    private final ThreadPoolExecutor sendPool;
    private final List<WatchedPool> pools;
    private final Clock clock;

    public BrokerFastFailure(MessageStore store, ThreadPoolExecutor sendPool, List<WatchedPool> pools, Clock clock) {
        this.store = store;
        this.sendPool = sendPool;
        this.pools = pools;
        this.clock = clock;
    }

    /**
     * The pause before the next step: 10 ms while a watched queue holds a request. While all are empty, the
     * shortest wait limit (at most 1 s): a request queued after this step cannot have waited longer than that by
     * the next one, so none is answered later than with 10 ms steps, and an idle broker wakes a few times a
     * second rather than 100.
     */
    public long nextDelayMillis() {
        if (!sendPool.getQueue().isEmpty()) {
            return BUSY_PERIOD_MS;
        }
        long idle = MAX_IDLE_PERIOD_MS;
        for (WatchedPool w : pools) {
            if (!w.pool().getQueue().isEmpty()) {
                return BUSY_PERIOD_MS;
            }
            idle = Math.min(idle, w.maxWaitMillis());
        }
        return Math.max(BUSY_PERIOD_MS, idle);
    }

    /** @return how many requests were answered busy */
    public int step() {
        long now = clock.millis();
        int rejected = 0;
        if (store.isOSPageCacheBusy()) {
            rejected += RequestTask.rejectAll(sendPool.getQueue(), now, PC_BUSY);
        }
        for (WatchedPool w : pools) {
            rejected += RequestTask.rejectExpired(w.pool().getQueue(), now, w.maxWaitMillis(), TIMEOUT);
        }
        if (rejected > 0) {
            LOG.warn("answered {} queued requests busy (flow control)", rejected);
        }
        return rejected;
    }
}
