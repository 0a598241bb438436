package io.petrel.store;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the CommitLog behind the writer and hands every record to the dispatcher
 * (ConsumeQueue, index, arriving listener). {@link #step()} dispatches what is readable in the
 * file holding the dispatch offset; the loop runs it, then pauses 1 ms (or until woken).
 * Thread-safety: the dispatch offset is only moved by the step's thread (or before start).
 */
public final class ReputService {
    private static final Logger LOG = LoggerFactory.getLogger(ReputService.class);

    private final CommitLog commitLog;
    private final RecordReader reader;
    private final Consumer<DispatchRequest> dispatcher;
    private final ServiceLoop loop;
    private volatile long reputFromOffset;
    private long lastInvalidOffset = -1;

    public ReputService(CommitLog commitLog, RecordReader reader, Consumer<DispatchRequest> dispatcher) {
        this.commitLog = commitLog;
        this.reader = reader;
        this.dispatcher = dispatcher;
        // Pause 1 ms after every pass, even a busy one: dispatching in larger batches leaves the
        // writers more CPU than chasing every record as it lands (measured on 2 cores).
        this.loop = new ServiceLoop("ReputMessageService", 1, () -> {
            step();
            return 0;
        });
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

    public void start() {
        loop.start();
    }

    public void wakeup() {
        loop.wakeup();
    }

    /** Dispatches readable records of one file; returns the number of bytes consumed. */
    public synchronized long step() {
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
            from = dispatchBuffer(sb, from);
        } finally {
            sb.release();
        }
        reputFromOffset = from;
        return from - start;
    }

    private long dispatchBuffer(SelectedBuffer sb, long from) {
        ByteBuffer b = sb.buffer();
        int pos = 0;
        while (pos < b.limit()) {
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

    public void shutdown() {
        loop.shutdown(5_000);
    }
}
