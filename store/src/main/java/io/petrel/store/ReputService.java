package io.petrel.store;

import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the CommitLog behind the writer and hands every record to the dispatcher
 * (ConsumeQueue, index, arriving listener). {@link #step()} dispatches what is readable in the
 * file holding the dispatch offset. The service thread runs steps every 1 ms while records keep coming, so that
 * they are dispatched in batches; after 50 ms without a record it parks until {@link #appended()} reports new
 * readable bytes (a writer wakes it only while it is parked: once per quiet spell, never once per record).
 *
 * <p>A writer on an event loop names the loop instead ({@link #appendedOnLoop(Executor, int)}): when the loop's turn
 * appended at least {@link #LOOP_STEP_MIN_RECORDS} records, the loop dispatches them itself once it has served what
 * it read and written the answers, in one step, while they are still in its cache and without a wake-up of the
 * service thread (on 2 cores each of those delays the loop's next read). A loop never waits for a step that
 * another thread runs, and takes at most {@link #LOOP_STEP_MAX_BYTES} at a time; whatever it leaves, and the
 * records of smaller turns, are the service thread's, which it wakes if parked.
 * Thread-safety: one step runs at a time; the dispatch offset is only moved by a step (or before start).
 */
public final class ReputService {
    private static final Logger LOG = LoggerFactory.getLogger(ReputService.class);
    private static final long BUSY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** How long the service keeps polling after the last record before it parks until an append wakes it. */
    private static final long QUIET_BEFORE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /**
     * A bound on a parked wait, so that a missed wake-up (a bug) would cost latency, never a stuck queue; an idle
     * broker's dispatch thread wakes this often.
     */
    private static final long DEFAULT_IDLE_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /**
     * The fewest records a loop's turn must have appended for the loop to dispatch them: a step has a cost of its
     * own, and below this the service thread's 1 ms polls gather more records per step (measured on 2 cores: sync
     * sends from 16 threads cost the broker more CPU per message when each turn's few records were dispatched on
     * the loop, async sends with many in flight less).
     */
    static final int LOOP_STEP_MIN_RECORDS = 32;
    /** The most an event loop dispatches in one go, so that a backlog never holds up its reads for long. */
    static final int LOOP_STEP_MAX_BYTES = 1 << 20;

    private final CommitLog commitLog;
    private final RecordReader reader;
    private final Consumer<DispatchRequest> dispatcher;
    private final long idleParkNanos;
    private volatile long reputFromOffset;
    private volatile Thread thread;
    /** Set by the service thread just before it parks with nothing to dispatch; cleared by whoever wakes it. */
    private volatile boolean parked;
    private volatile boolean stopped;
    /** Held by the step that runs; a loop that finds it held leaves the work to the service thread. */
    private final ReentrantLock stepLock = new ReentrantLock();
    /** The calling event loop's appends since its dispatch task was queued; 0: no task queued. */
    private final ThreadLocal<int[]> loopAppends = ThreadLocal.withInitial(() -> new int[1]);
    private volatile long loopSteps;
    private final AtomicLong errors = new AtomicLong();
    private long lastWorkNanos;
    private long lastInvalidOffset = -1;

    public ReputService(CommitLog commitLog, RecordReader reader, Consumer<DispatchRequest> dispatcher) {
        this(commitLog, reader, dispatcher, DEFAULT_IDLE_PARK_NANOS);
    }

    ReputService(CommitLog commitLog, RecordReader reader, Consumer<DispatchRequest> dispatcher, long idleParkNanos) {
        this.commitLog = commitLog;
        this.reader = reader;
        this.dispatcher = dispatcher;
        this.idleParkNanos = idleParkNanos;
    }

    public void setReputFromOffset(long offset) {
        reputFromOffset = offset;
    }

    public long reputFromOffset() {
        return reputFromOffset;
    }

    public long behindBytes() {
        return commitLog.maxOffset() - reputFromOffset;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        Thread t = new Thread(this::run, "ReputMessageService");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void run() {
        while (!stopped) {
            long work;
            try {
                work = step();
            } catch (RuntimeException | Error e) {
                errors.incrementAndGet();
                LOG.error("dispatch step failed", e);
                work = 0;
            }
            long now = System.nanoTime();
            if (work > 0) {
                lastWorkNanos = now;
            }
            if (work > 0 || now - lastWorkNanos < QUIET_BEFORE_PARK_NANOS) {
                // While records keep coming, poll every 1 ms: dispatching in batches leaves the writers more CPU
                // than a wake-up per record (measured on 2 cores).
                LockSupport.parkNanos(BUSY_PAUSE_NANOS);
            } else {
                parkUntilAppended();
            }
        }
    }

    private void parkUntilAppended() {
        parked = true;
        // Re-check after publishing the flag: a writer that appended before it saw the flag has not woken us.
        // Bytes that a step could not take (a record still being written, an invalid one) are retried after the
        // busy pause rather than at once.
        if (!stopped) {
            LockSupport.parkNanos(commitLog.maxOffset() <= reputFromOffset ? idleParkNanos : BUSY_PAUSE_NANOS);
        }
        parked = false;
    }

    /** Tells the service that readable bytes were added; wakes its thread only if it is parked. */
    public void appended() {
        if (parked) {
            parked = false;
            Thread t = thread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /**
     * Tells the service that a writer running on {@code loop} added {@code records} readable records: once the loop
     * has served its reads, it dispatches them or leaves them to the service thread (one task queued per loop until
     * it runs). Before start, or when the loop refuses the task, this is {@link #appended()}.
     */
    public void appendedOnLoop(Executor loop, int records) {
        if (thread == null || stopped) {
            appended();
            return;
        }
        int[] appends = loopAppends.get();
        boolean queued = appends[0] > 0;
        appends[0] += Math.max(1, records);
        if (queued) {
            return;
        }
        try {
            loop.execute(this::dispatchOnLoop);
        } catch (RejectedExecutionException e) {
            appends[0] = 0;
            appended();
        }
    }

    private void dispatchOnLoop() {
        int[] appends = loopAppends.get();
        int records = appends[0];
        appends[0] = 0;
        if (records < LOOP_STEP_MIN_RECORDS || stopped || !stepLock.tryLock()) {
            // A small turn is left to the service thread, whose polls gather more records per step. A step running
            // elsewhere (the service thread's or another loop's) may have looked before these records came.
            appended();
            return;
        }
        try {
            long left = LOOP_STEP_MAX_BYTES;
            for (long n = 1; n > 0 && left > 0; left -= n) {
                n = stepLocked(left); // more than one step only where a file ends
            }
            loopSteps++;
        } catch (RuntimeException | Error e) {
            errors.incrementAndGet();
            LOG.error("dispatch step on an event loop failed; the service thread retries", e);
        } finally {
            stepLock.unlock();
        }
        if (commitLog.maxOffset() > reputFromOffset) {
            appended();
        }
    }

    /** Dispatch steps run on event loops so far. */
    long loopSteps() {
        return loopSteps;
    }

    /** Whether the service thread is parked (or about to park) with nothing to dispatch. */
    boolean isParked() {
        return parked;
    }

    /** Failed steps so far (each logged). */
    public long errors() {
        return errors.get();
    }

    /** Dispatches readable records of one file; returns the number of bytes consumed. */
    public long step() {
        stepLock.lock();
        try {
            return stepLocked(Long.MAX_VALUE);
        } finally {
            stepLock.unlock();
        }
    }

    /** Dispatches readable records of one file, stopping after the record that reaches {@code maxBytes}. */
    private long stepLocked(long maxBytes) {
        long from = reputFromOffset;
        long min = commitLog.minOffset();
        if (min > from) {
            LOG.warn("dispatch offset {} below CommitLog min offset {}, jumping", from, min);
            from = min;
        }
        if (from >= commitLog.maxOffset()) {
            reputFromOffset = from;
            return 0;
        }
        SelectedBuffer sb = commitLog.selectFrom(from);
        if (sb == null) {
            reputFromOffset = from;
            return 0;
        }
        long start = from;
        try {
            from = dispatchBuffer(sb, from, maxBytes);
        } finally {
            sb.release();
        }
        reputFromOffset = from;
        return from - start;
    }

    private long dispatchBuffer(SelectedBuffer sb, long from, long maxBytes) {
        ByteBuffer b = sb.buffer();
        int pos = 0;
        while (pos < b.limit() && pos < maxBytes) {
            DispatchRequest req = reader.check(b, pos, false);
            if (req.isMessage()) {
                dispatcher.accept(req);
                pos += req.size();
            } else if (req.isBlank()) {
                return commitLog.rollNextFile(from);
            } else if (req.isIncomplete()) {
                break;
            } else if (req.size() > 0) {
                LOG.error("skipping record of {} bytes with a wrong length at {}", req.size(), sb.startOffset() + pos);
                pos += req.size();
            } else {
                reportInvalid(sb.startOffset() + pos);
                break;
            }
        }
        return sb.startOffset() + pos;
    }

    private void reportInvalid(long offset) {
        if (offset != lastInvalidOffset) {
            lastInvalidOffset = offset;
            LOG.error("invalid record at {}; dispatch waits", offset);
        }
    }

    /** Runs steps on the caller's thread until dispatch has caught up with the CommitLog. */
    public void catchUp() {
        while (step() > 0) {
            // keep going
        }
    }

    /** Stops the service thread and waits up to 5 s for it; safe to call twice. */
    public void shutdown() {
        stopped = true;
        Thread t = thread;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        LockSupport.unpark(t);
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
