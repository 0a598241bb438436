package io.petrel.client.impl;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every consumer's rebalance every {@code rocketmq.client.rebalance.waitInterval} ms (20 s by default) and at
 * once when woken (a group's members changed). One thread.
 */
final class RebalanceService implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RebalanceService.class);
    static final long WAIT_INTERVAL = Long.getLong("rocketmq.client.rebalance.waitInterval", 20_000);

    private final Runnable rebalance;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeup = lock.newCondition();
    private boolean woken;
    private volatile boolean stopped;
    private Thread thread;

    RebalanceService(Runnable rebalance) {
        this.rebalance = rebalance;
    }

    void start(String clientId) {
        thread = new Thread(this, "RebalanceService-" + clientId);
        thread.setDaemon(true);
        thread.start();
    }

    void wakeup() {
        lock.lock();
        try {
            woken = true;
            wakeup.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void shutdown() {
        stopped = true;
        wakeup();
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void run() {
        while (!stopped) {
            waitForRunning();
            if (stopped) {
                return;
            }
            try {
                rebalance.run();
            } catch (RuntimeException e) {
                LOG.warn("rebalance failed", e);
            }
        }
    }

    private void waitForRunning() {
        lock.lock();
        try {
            long left = TimeUnit.MILLISECONDS.toNanos(WAIT_INTERVAL);
            while (!woken && !stopped && left > 0) {
                left = wakeup.awaitNanos(left);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        } finally {
            lock.unlock();
        }
    }
}
