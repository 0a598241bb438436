package io.petrel.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * SYNC_FLUSH group commit: writers queue "flushed past X" requests; each {@link #step()} takes
 * all queued requests, flushes (twice at most, to cover a record in the next file) and
 * completes every request whose offset is flushed with PUT_OK, or with FLUSH_DISK_TIMEOUT once
 * its deadline has passed. Thread-safe.
 */
public final class GroupCommitService {
    private record Request(long nextOffset, long deadlineMs, CompletableFuture<PutMessageStatus> future) {
    }

    private final MappedFileQueue files;
    private final StoreCheckpoint checkpoint;
    private final Clock clock;
    private final long timeoutMs;
    private final ServiceLoop loop;
    private List<Request> writeRequests = new ArrayList<>();

    public GroupCommitService(MappedFileQueue files, StoreCheckpoint checkpoint, Clock clock, long timeoutMs) {
        this.files = files;
        this.checkpoint = checkpoint;
        this.clock = clock;
        this.timeoutMs = timeoutMs;
        this.loop = new ServiceLoop("GroupCommitService", 10, this::step);
    }

    public void start() {
        loop.start();
    }

    public CompletableFuture<PutMessageStatus> request(long nextOffset) {
        CompletableFuture<PutMessageStatus> f = new CompletableFuture<>();
        synchronized (this) {
            writeRequests.add(new Request(nextOffset, clock.millis() + timeoutMs, f));
        }
        loop.wakeup();
        return f;
    }

    /** Wakes the service without a request (a put that does not wait). */
    public void wakeup() {
        loop.wakeup();
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
        for (Request r : batch) {
            for (int i = 0; i < 2 && files.flushedWhere() < r.nextOffset(); i++) {
                files.flush(0);
            }
            if (files.flushedWhere() >= r.nextOffset()) {
                r.future().complete(PutMessageStatus.PUT_OK);
            } else if (now >= r.deadlineMs()) {
                r.future().complete(PutMessageStatus.FLUSH_DISK_TIMEOUT);
            } else {
                again.add(r);
            }
        }
        MappedFile last = files.lastFile();
        if (last != null && last.storeTimestamp() > 0) {
            checkpoint.setPhysicMsgTimestamp(last.storeTimestamp());
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
        loop.shutdown(5_000);
        files.flush(0);
        files.flush(0);
        List<Request> left;
        synchronized (this) {
            left = writeRequests;
            writeRequests = new ArrayList<>();
        }
        for (Request r : left) {
            r.future().complete(files.flushedWhere() >= r.nextOffset() ? PutMessageStatus.PUT_OK
                : PutMessageStatus.FLUSH_DISK_TIMEOUT);
        }
    }
}
