package io.petrel.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates CommitLog files ahead of the writer: a request for file X also queues X + fileSize, so
 * the next file usually exists (and is optionally warmed) when the current one fills.
 * {@link #step()} creates one queued file; {@link #start()} runs it on a thread.
 * Thread-safe.
 */
public final class AllocateMappedFileService implements MappedFileFactory {
    private static final Logger LOG = LoggerFactory.getLogger(AllocateMappedFileService.class);
    private static final long WAIT_MS = 5_000;

    private record Request(Path path, long fromOffset, int size) {
    }

    private final boolean warm;
    private final TransientStorePool pool;
    private final Map<Path, CompletableFuture<MappedFile>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final ServiceLoop loop;
    private volatile boolean running;

    /** {@code pool} may be null (no write buffers). */
    public AllocateMappedFileService(boolean warm, TransientStorePool pool) {
        this.warm = warm;
        this.pool = pool;
        this.loop = new ServiceLoop("AllocateMappedFileService", 1000, this::step);
    }

    public void start() {
        running = true;
        loop.start();
    }

    @Override
    public MappedFile create(Path path, long fromOffset, int size) throws IOException {
        if (!running) {
            return open(path, fromOffset, size);
        }
        CompletableFuture<MappedFile> wanted = enqueue(new Request(path, fromOffset, size));
        long next = fromOffset + size;
        enqueue(new Request(path.resolveSibling(MappedFile.fileName(next)), next, size));
        loop.wakeup();
        try {
            MappedFile f = wanted.get(WAIT_MS, TimeUnit.MILLISECONDS);
            pending.remove(path);
            return f;
        } catch (TimeoutException e) {
            throw new IOException("create mapped file " + path + " timed out", e);
        } catch (ExecutionException e) {
            throw new IOException("create mapped file " + path + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating " + path, e);
        }
    }

    private CompletableFuture<MappedFile> enqueue(Request r) {
        return pending.computeIfAbsent(r.path(), p -> {
            queue.add(r);
            return new CompletableFuture<>();
        });
    }

    /** Creates one queued file. Returns 1 if a file was made, 0 if nothing was queued. */
    public long step() {
        Request r = queue.poll();
        if (r == null) {
            return 0;
        }
        CompletableFuture<MappedFile> f = pending.get(r.path());
        if (f == null) {
            return 1;
        }
        try {
            f.complete(open(r.path(), r.fromOffset(), r.size()));
        } catch (IOException | RuntimeException e) {
            LOG.error("pre-allocating {} failed", r.path(), e);
            pending.remove(r.path());
            f.completeExceptionally(e);
        }
        return 1;
    }

    private MappedFile open(Path path, long fromOffset, int size) throws IOException {
        MappedFile f = MappedFile.open(path, fromOffset, size, pool);
        if (warm) {
            f.warm();
        }
        return f;
    }

    /** Stops the thread and unmaps files made ahead but never handed out (they stay on disk). */
    public void shutdown() {
        running = false;
        loop.shutdown(5_000);
        for (CompletableFuture<MappedFile> f : pending.values()) {
            MappedFile made = f.getNow(null);
            if (made != null) {
                made.shutdown(0, System.currentTimeMillis());
            }
        }
        pending.clear();
        queue.clear();
    }
}
