package io.petrel.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a master's store knows of its slaves, as the broker's HA transport tells it, and the puts of a SYNC_MASTER
 * that wait for one of them.
 *
 * <p>Each slave connection is a {@link Link}: where the master began sending on it, how far it has sent and how far
 * the slave has acknowledged. A put of the CommitLog range {@code [from, to)} is replicated once one link that began
 * at or below {@code from} has acknowledged {@code to}. An acknowledgement only counts up to what the master sent on
 * that link, so a slave that reports more than it was sent (a diverged slave after a master crash, or any peer on
 * the HA port writing numbers) never confirms a put: the bytes it holds there are not this master's.
 *
 * <p>A put finds a slave available when a link is open and the best acknowledged offset is less than
 * {@code fallBehindMax} bytes behind the put's end; otherwise it completes at once with SLAVE_NOT_AVAILABLE. A
 * waiting put completes with PUT_OK when replicated, FLUSH_SLAVE_TIMEOUT after {@code timeoutMs}. Thread-safe.
 */
public final class Replicas {
    static final long DEADLINE_CHECK_MS = 10;
    static final long IDLE_WAIT_MS = 1000;
    /** One slave connection. Its numbers only grow. */
    public static final class Link {
        private final long start;
        private volatile long sentEnd;
        private volatile long acked;

        private Link(long start) {
            this.start = start;
            this.sentEnd = start;
            this.acked = start;
        }

        /** Where the master began sending on this link. */
        public long start() {
            return start;
        }

        /** The end of what the slave acknowledged of the data sent on this link. */
        public long acked() {
            return acked;
        }

        boolean covers(long from, long to) {
            return start <= from && acked >= to;
        }
    }

    private record Wait(long from, long to, long deadlineMs, CompletableFuture<PutMessageStatus> future) {
    }

    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicLong confirmed = new AtomicLong();
    private final long fallBehindMax;
    private final long timeoutMs;
    /** The pause between deadline checks while no put waits: 1 s, or a put's timeout when that is shorter. */
    private final long idleWaitMs;
    private final Clock clock;
    private final ServiceLoop loop;
    private List<Wait> waits = new ArrayList<>();
    private volatile Runnable transferWakeup = () -> { };

    public Replicas(long fallBehindMax, long timeoutMs, Clock clock) {
        this.fallBehindMax = fallBehindMax;
        this.timeoutMs = timeoutMs;
        this.idleWaitMs = Math.max(DEADLINE_CHECK_MS, Math.min(IDLE_WAIT_MS, timeoutMs));
        this.clock = clock;
        this.loop = new ServiceLoop("ReplicaWaitService", this::waitMs, this::step);
    }

    public void start() {
        loop.start();
    }

    /** Called after every append on a master, so that the transport sends the data now, not at its next poll. */
    public void setTransferWakeup(Runnable wakeup) {
        transferWakeup = wakeup;
    }

    /** New CommitLog data on a master: wakes the transport. */
    void appended() {
        transferWakeup.run();
    }

    /** A slave connection on which the master begins sending at {@code start}. */
    public Link open(long start) {
        Link l = new Link(start);
        links.add(l);
        return l;
    }

    /** The master sent the link's data up to {@code end}. */
    public void sent(Link link, long end) {
        if (end > link.sentEnd) {
            link.sentEnd = end;
        }
    }

    /** The slave reported holding everything below {@code reported}; counts up to what was sent on the link. */
    public void acked(Link link, long reported) {
        long ack = Math.min(reported, link.sentEnd);
        if (ack > link.acked) {
            link.acked = ack;
            confirmed.accumulateAndGet(ack, Math::max);
            // completed here, on the transport's thread: no hand-off to the service, which only keeps deadlines
            step();
        }
    }

    /** The connection is gone; puts it acknowledged are completed first. */
    public void close(Link link) {
        step();
        links.remove(link);
    }

    public int linkCount() {
        return links.size();
    }

    /** The highest CommitLog offset a slave acknowledged as this master's data (0 before any). */
    public long confirmedOffset() {
        return confirmed.get();
    }

    /** The best acknowledged offset of the links open now, or -1 without a link. */
    public long bestAckedOffset() {
        long best = -1;
        for (Link l : links) {
            best = Math.max(best, l.acked);
        }
        return best;
    }

    /**
     * The service's pause between deadline checks: 10 ms while puts wait; else up to 1 s (never longer than a
     * put's timeout, so a put that starts waiting just after the service paused is still answered on time).
     */
    synchronized long waitMs() {
        return waits.isEmpty() ? idleWaitMs : DEADLINE_CHECK_MS;
    }

    /** Completes when {@code [from, to)} is replicated, or at once with SLAVE_NOT_AVAILABLE. */
    public CompletableFuture<PutMessageStatus> await(long from, long to) {
        long best = bestAckedOffset();
        if (best < 0 || to - best >= fallBehindMax) {
            return CompletableFuture.completedFuture(PutMessageStatus.SLAVE_NOT_AVAILABLE);
        }
        if (covered(from, to)) {
            return CompletableFuture.completedFuture(PutMessageStatus.PUT_OK);
        }
        CompletableFuture<PutMessageStatus> f = new CompletableFuture<>();
        synchronized (this) {
            waits.add(new Wait(from, to, clock.millis() + timeoutMs, f));
        }
        return f;
    }

    private boolean covered(long from, long to) {
        for (Link l : links) {
            if (l.covers(from, to)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Completes the waits that are replicated or past their deadline; returns how many. Called on every
     * acknowledgement and by the service (deadlines), every 10 ms while puts wait.
     */
    public synchronized long step() {
        if (waits.isEmpty()) {
            return 0;
        }
        long now = clock.millis();
        int before = waits.size();
        List<Wait> again = new ArrayList<>();
        for (Wait w : waits) {
            if (covered(w.from(), w.to())) {
                w.future().complete(PutMessageStatus.PUT_OK);
            } else if (now >= w.deadlineMs()) {
                w.future().complete(PutMessageStatus.FLUSH_SLAVE_TIMEOUT);
            } else {
                again.add(w);
            }
        }
        waits = again;
        return before - again.size();
    }

    /** Stops the service; what still waits completes as replicated or not. */
    public void shutdown() {
        loop.shutdown(5_000);
        List<Wait> left;
        synchronized (this) {
            left = waits;
            waits = new ArrayList<>();
        }
        for (Wait w : left) {
            w.future().complete(covered(w.from(), w.to()) ? PutMessageStatus.PUT_OK
                : PutMessageStatus.FLUSH_SLAVE_TIMEOUT);
        }
    }
}
