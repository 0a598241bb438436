package io.petrel.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SYNC_FLUSH group commit. Writers queue "flushed past X" requests; each {@link #step()} of the service's thread takes
 * all queued requests, flushes once for all of them (twice at most, to cover a record in the next file) and completes
 * every request whose offset is flushed with PUT_OK, or with FLUSH_DISK_TIMEOUT once its deadline has passed.
 *
 * <p>A writer on an event loop names the loop ({@link #request(long, Executor)}): its requests wait on that thread
 * until the loop has served what it read, then one flush on the loop covers them all and completes them there, so
 * their answers leave without a hand-off to the service's thread and back. A loop that finds another flush running
 * waits for it (a flush covers everything appended before it began, so usually the loop's requests too) and flushes
 * only what it left. When the disk's flushes have lately taken longer than {@link #LOOP_FLUSH_LIMIT_NANOS} (a loop
 * serves other connections too), loops hand their requests to the service instead. Thread-safe.
 */
public final class GroupCommitService {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitService.class);
    /** Flushes slower than this on average are left to the service's own thread. */
    static final long LOOP_FLUSH_LIMIT_NANOS = 2_000_000L;
    static final long RETRY_WAIT_MS = 10;
    static final long IDLE_WAIT_MS = 1000;

    private record Request(long nextOffset, long deadlineMs, CompletableFuture<PutMessageStatus> future) {
    }

    private final MappedFileQueue files;
    private final StoreCheckpoint checkpoint;
    private final Clock clock;
    private final long timeoutMs;
    private final ServiceLoop service;
    /** Held by whoever flushes: an event loop or the service. */
    private final ReentrantLock flushing = new ReentrantLock();
    private List<Request> writeRequests = new ArrayList<>();
    private volatile boolean running;
    /** Set once shutdown has taken the last queued requests; guarded by this. */
    private boolean stopped;
    /** Moving average of one flush's duration, read without the lock. */
    private volatile long averageFlushNanos;
    private volatile long loopFlushes;
    /** Each event loop thread's requests not yet flushed; a flush task is scheduled on the loop while it has any. */
    private final ThreadLocal<List<Request>> loopRequests = ThreadLocal.withInitial(ArrayList::new);

    public GroupCommitService(MappedFileQueue files, StoreCheckpoint checkpoint, Clock clock, long timeoutMs) {
        this.files = files;
        this.checkpoint = checkpoint;
        this.clock = clock;
        this.timeoutMs = timeoutMs;
        this.service = new ServiceLoop("GroupCommitService", this::waitMs, this::step);
    }

    public void start() {
        running = true;
        service.start();
    }

    public CompletableFuture<PutMessageStatus> request(long nextOffset) {
        return request(nextOffset, null);
    }

    /**
     * A request from a writer running on {@code loop} (null: any other thread): the flush may run on the loop once
     * it has served what it read, for all the requests it took meanwhile.
     */
    public CompletableFuture<PutMessageStatus> request(long nextOffset, Executor loop) {
        Request r = new Request(nextOffset, clock.millis() + timeoutMs, new CompletableFuture<>());
        if (loop != null && running && averageFlushNanos <= LOOP_FLUSH_LIMIT_NANOS) {
            List<Request> pending = loopRequests.get();
            pending.add(r);
            if (pending.size() == 1) {
                try {
                    loop.execute(this::flushOnLoop);
                } catch (RejectedExecutionException e) {
                    pending.remove(r);
                    queue(List.of(r));
                }
            }
            return r.future();
        }
        queue(List.of(r));
        return r.future();
    }

    /** Runs on an event loop after its reads: one flush for the loop's requests unless another flush covered them. */
    private void flushOnLoop() {
        List<Request> pending = loopRequests.get();
        List<Request> batch = new ArrayList<>(pending);
        pending.clear();
        if (batch.isEmpty()) {
            return;
        }
        if (!running) {
            queue(batch);
            return;
        }
        long highest = highest(batch);
        if (files.flushedWhere() < highest) {
            flushing.lock();
            try {
                if (files.flushedWhere() < highest) {
                    flushUpTo(highest);
                    loopFlushes++;
                }
            } catch (RuntimeException e) {
                LOG.error("flushing the CommitLog on an event loop failed; the group commit service retries", e);
            } finally {
                flushing.unlock();
            }
        }
        List<Request> left = new ArrayList<>();
        for (Request r : batch) {
            if (files.flushedWhere() >= r.nextOffset()) {
                r.future().complete(PutMessageStatus.PUT_OK);
            } else {
                left.add(r);
            }
        }
        if (!left.isEmpty()) {
            queue(left);
        }
    }

    private void queue(List<Request> requests) {
        synchronized (this) {
            if (!stopped) {
                writeRequests.addAll(requests);
                service.wakeup();
                return;
            }
        }
        completeAtShutdown(requests);
    }

    private void completeAtShutdown(List<Request> requests) {
        for (Request r : requests) {
            r.future().complete(files.flushedWhere() >= r.nextOffset() ? PutMessageStatus.PUT_OK
                : PutMessageStatus.FLUSH_DISK_TIMEOUT);
        }
    }

    private static long highest(List<Request> requests) {
        long highest = 0;
        for (Request r : requests) {
            highest = Math.max(highest, r.nextOffset());
        }
        return highest;
    }

    /** How many flushes ran on an event loop rather than on the service's thread. */
    public long loopFlushes() {
        return loopFlushes;
    }

    /** Wakes the service without a request (a put that does not wait). */
    public void wakeup() {
        service.wakeup();
    }

    /** Flushes (twice at most) until {@code nextOffset} is on disk; the caller holds {@link #flushing}. */
    private void flushUpTo(long nextOffset) {
        for (int i = 0; i < 2 && files.flushedWhere() < nextOffset; i++) {
            long begin = System.nanoTime();
            files.flush(0);
            long took = System.nanoTime() - begin;
            averageFlushNanos += (took - averageFlushNanos) / 8;
        }
        MappedFile last = files.lastFile();
        if (last != null && last.storeTimestamp() > 0) {
            checkpoint.setPhysicMsgTimestamp(last.storeTimestamp());
        }
    }

    /**
     * The service's pause after a step that completed nothing: 10 ms while requests wait (their data not yet
     * flushable, or a flush failed), else 1 s. Every queued request wakes the service, so an idle broker's thread
     * wakes once a second rather than a hundred times.
     */
    synchronized long waitMs() {
        return writeRequests.isEmpty() ? IDLE_WAIT_MS : RETRY_WAIT_MS;
    }

    public long step() {
        List<Request> batch;
        synchronized (this) {
            if (writeRequests.isEmpty()) {
                return 0;
            }
            batch = writeRequests;
            writeRequests = new ArrayList<>();
        }
        List<Request> again = new ArrayList<>();
        long now = clock.millis();
        flushing.lock();
        try {
            flushUpTo(highest(batch));
        } finally {
            flushing.unlock();
        }
        for (Request r : batch) {
            if (files.flushedWhere() >= r.nextOffset()) {
                r.future().complete(PutMessageStatus.PUT_OK);
            } else if (now >= r.deadlineMs()) {
                r.future().complete(PutMessageStatus.FLUSH_DISK_TIMEOUT);
            } else {
                again.add(r);
            }
        }
        if (!again.isEmpty()) {
            synchronized (this) {
                again.addAll(writeRequests);
                writeRequests = again;
            }
        }
        return batch.size() - again.size();
    }

    /** Stops the thread, flushes and completes whatever is still waiting. */
    public void shutdown() {
        running = false;
        service.shutdown(5_000);
        flushing.lock();
        try {
            flushUpTo(Long.MAX_VALUE);
        } finally {
            flushing.unlock();
        }
        List<Request> left;
        synchronized (this) {
            left = writeRequests;
            writeRequests = new ArrayList<>();
            stopped = true;
        }
        completeAtShutdown(left);
    }
}
