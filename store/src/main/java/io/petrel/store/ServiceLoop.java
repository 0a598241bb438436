package io.petrel.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin loop around a background service's step: runs {@code step} until shut down, waiting between steps (up
 * to what {@code waitMs} answers, asked after each step that did nothing) unless {@link #wakeup()} is called or the
 * step reports work (return value &gt; 0). A wake-up between a step and its wait is not lost: the wait is skipped.
 * Exceptions from a step are logged and counted, never kill the loop. Thread-safe: start, wakeup and shutdown may
 * be called from any thread.
 */
public final class ServiceLoop {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceLoop.class);

    private final String name;
    private final LongSupplier step;
    private final LongSupplier waitMs;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private volatile boolean stopped;
    private boolean notified;
    private Thread thread;
    private volatile long errors;

    public ServiceLoop(String name, long idleWaitMs, LongSupplier step) {
        this(name, () -> idleWaitMs, step);
    }

    /**
     * A loop whose wait after an idle step is {@code waitMs}'s answer at that moment: a service that only needs
     * its timer while something is pending (and is woken when something arrives) can wait long in between.
     */
    public ServiceLoop(String name, LongSupplier waitMs, LongSupplier step) {
        this.name = name;
        this.waitMs = waitMs;
        this.step = step;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (!stopped) {
            long work;
            try {
                work = step.getAsLong();
            } catch (RuntimeException | Error e) {
                errors++;
                LOG.error("{} step failed", name, e);
                work = 0;
            }
            if (work <= 0) {
                waitForRunning();
            }
        }
    }

    private void waitForRunning() {
        // asked outside the lock: the service's answer may take its own locks, which its wakers hold while waking
        long wait = waitMs.getAsLong();
        lock.lock();
        try {
            if (!notified && !stopped) {
                signal.await(wait, TimeUnit.MILLISECONDS);
            }
            notified = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        } finally {
            lock.unlock();
        }
    }

    public void wakeup() {
        lock.lock();
        try {
            notified = true;
            signal.signal();
        } finally {
            lock.unlock();
        }
    }

    public boolean isStopped() {
        return stopped;
    }

    public long errors() {
        return errors;
    }

    /** Stops the loop and waits up to {@code timeoutMs} for the thread; safe to call twice. */
    public void shutdown(long timeoutMs) {
        Thread t;
        synchronized (this) {
            stopped = true;
            t = thread;
        }
        wakeup();
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(timeoutMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
