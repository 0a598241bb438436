package io.petrel.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fixed-size file of a stream (CommitLog, ConsumeQueue), named by the 20-digit stream offset
 * of its first byte and memory-mapped whole.
 *
 * <p>Thread-safety: a single writer appends (the CommitLog append lock, or the dispatch thread);
 * {@code wrotePosition} is volatile so readers see every byte below it. Readers {@link #hold()}
 * the file while using a {@link SelectedBuffer}; the mapping is released when the last holder
 * lets go after {@link #shutdown(long, long)} (or forcibly after the given interval).
 */
public final class MappedFile {
    private static final Logger LOG = LoggerFactory.getLogger(MappedFile.class);
    public static final int OS_PAGE_SIZE = 4096;
    /** Suffix of a file still being created; such files are ignored and removed at load. */
    public static final String TMP_SUFFIX = ".creating";

    private final Path path;
    private final long fileFromOffset;
    private final int fileSize;
    private FileChannel channel;
    private MappedByteBuffer mapped;
    private volatile int wrotePosition;
    private volatile int committedPosition;
    private volatile int flushedPosition;
    private volatile ByteBuffer writeBuffer;
    private TransientStorePool pool;
    private boolean channelWrites;
    /** Whether {@link #appendSmall} has written the page holding the write position since this file was opened. */
    private boolean pagePrimed;
    private volatile long storeTimestamp;
    private final AtomicLong refCount = new AtomicLong(1);
    private volatile boolean available = true;
    private volatile boolean cleanedUp;
    private volatile long firstShutdownTimeMs;
    private volatile boolean deleteWhenUnmapped;

    private MappedFile(Path path, long fileFromOffset, int fileSize) {
        this.path = path;
        this.fileFromOffset = fileFromOffset;
        this.fileSize = fileSize;
    }

    public static String fileName(long offset) {
        return String.format("%020d", offset);
    }

    /**
     * Like {@link #open(Path, long, int)}, but appends go to a buffer borrowed from {@code pool}
     * (if one is free) and reach the file through {@link #commit(int)}.
     */
    public static MappedFile open(Path path, long fileFromOffset, int fileSize, TransientStorePool pool) throws IOException {
        MappedFile f = open(path, fileFromOffset, fileSize);
        if (pool != null) {
            ByteBuffer buffer = pool.borrow();
            if (buffer != null) {
                f.pool = pool;
                f.writeBuffer = buffer;
                f.channelWrites = true;
            }
        }
        return f;
    }

    /** Creates (sparse, full length) or opens the file at {@code path} and maps it. */
    public static MappedFile open(Path path, long fileFromOffset, int fileSize) throws IOException {
        MappedFile f = new MappedFile(path, fileFromOffset, fileSize);
        if (!Files.exists(path)) {
            createFullLength(path, fileSize);
        }
        f.channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            f.mapped = f.channel.map(FileChannel.MapMode.READ_WRITE, 0, fileSize);
        } catch (IOException | RuntimeException e) {
            f.channel.close();
            throw e;
        }
        return f;
    }

    /**
     * Creates the file at its full length under a temporary name and renames it into place, so a
     * crash never leaves a short file that would make the store refuse to load.
     */
    private static void createFullLength(Path path, int fileSize) throws IOException {
        Files.createDirectories(path.getParent());
        Path tmp = path.resolveSibling(path.getFileName() + TMP_SUFFIX);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.allocate(1), fileSize - 1L);
        }
        Files.move(tmp, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public Path path() {
        return path;
    }

    public long fileFromOffset() {
        return fileFromOffset;
    }

    public int fileSize() {
        return fileSize;
    }

    public int wrotePosition() {
        return wrotePosition;
    }

    public void setWrotePosition(int position) {
        wrotePosition = position;
        pagePrimed = false;
        if (writeBuffer == null) {
            committedPosition = position;
        }
    }

    /** Bytes readers may see: everything written, or only what was committed from a write buffer. */
    public int readPosition() {
        return writeBuffer == null ? wrotePosition : committedPosition;
    }

    public boolean hasWriteBuffer() {
        return writeBuffer != null;
    }

    /** Marks the file full after a blank record; a reused write buffer's tail is zeroed first. */
    public void markFull() {
        ByteBuffer wb = writeBuffer;
        if (wb != null) {
            for (int i = wrotePosition; i < fileSize; i++) {
                wb.put(i, (byte) 0);
            }
        }
        wrotePosition = fileSize;
        if (wb == null) {
            committedPosition = fileSize;
        }
    }

    /**
     * Writes [committed, wrote) of the write buffer to the file channel when at least
     * {@code leastPages} pages are pending (0 = anything, or the file is full); the buffer goes
     * back to the pool once the whole file is committed. Returns the committed position.
     */
    public synchronized int commit(int leastPages) throws IOException {
        ByteBuffer wb = writeBuffer;
        if (wb == null) {
            return wrotePosition;
        }
        int write = wrotePosition;
        int committed = committedPosition;
        if (write > committed && worthFlushing(write, committed, leastPages)) {
            ByteBuffer part = wb.slice(committed, write - committed);
            int at = committed;
            while (part.hasRemaining()) {
                at += channel.write(part, at);
            }
            committedPosition = write;
        }
        if (committedPosition == fileSize) {
            writeBuffer = null;
            pool.giveBack(wb);
        }
        return committedPosition;
    }

    public int flushedPosition() {
        return flushedPosition;
    }

    public void setFlushedPosition(int position) {
        flushedPosition = position;
    }

    public boolean isFull() {
        return wrotePosition == fileSize;
    }

    public int remaining() {
        return fileSize - wrotePosition;
    }

    /** Store timestamp of the newest record appended (CommitLog only), for the checkpoint. */
    public long storeTimestamp() {
        return storeTimestamp;
    }

    public void setStoreTimestamp(long ts) {
        storeTimestamp = ts;
    }

    /** Appends {@code src}'s remaining bytes at the write position. Single writer only. */
    public void append(ByteBuffer src) {
        append(src, false);
    }

    /**
     * Appends {@code src}'s remaining bytes at the write position, through the file channel when {@code
     * throughChannel} (and the file has no write buffer): a store through the mapping makes the kernel mark the
     * whole page-cache folio it lands in dirty (up to 2 MiB where readahead built large folios), so that each flush
     * writes megabytes and write-protects the mapping again, while a channel write dirties only the blocks it
     * covers. Worth it where every append is flushed on its own (SYNC_FLUSH). Readers see the bytes through the
     * mapping either way. Single writer only.
     */
    public void append(ByteBuffer src, boolean throughChannel) {
        int pos = wrotePosition;
        int len = src.remaining();
        if (pos + len > fileSize) {
            throw new IllegalStateException("append of " + len + " bytes at " + pos + " overflows " + path);
        }
        ByteBuffer wb = writeBuffer;
        if (throughChannel && wb == null) {
            writeThroughChannel(src, pos);
            return;
        }
        (wb != null ? wb : mapped).put(pos, src, src.position(), len);
        src.position(src.position() + len);
        wrotePosition = pos + len;
        if (wb == null) {
            committedPosition = pos + len;
        }
    }

    /**
     * Appends a small record (a ConsumeQueue entry) at the write position. Bytes for a page this mapping has not
     * written yet go through the file channel: a fault on an uncached page of a sparse file makes the kernel read
     * around it (read_ahead_kb, several MiB on some disks) and zero all of that for a file that gets a few bytes
     * at a time, while a channel write fills one page. Later records on that page go through the mapping. The
     * bytes on disk are the same either way. Single writer only.
     */
    public void appendSmall(ByteBuffer src) {
        int pos = wrotePosition;
        int len = src.remaining();
        if (writeBuffer != null || len == 0 || (pos % OS_PAGE_SIZE != 0 && pos / OS_PAGE_SIZE == (pos + len - 1)
            / OS_PAGE_SIZE && pagePrimed)) {
            append(src);
            return;
        }
        if (pos + len > fileSize) {
            throw new IllegalStateException("append of " + len + " bytes at " + pos + " overflows " + path);
        }
        writeThroughChannel(src, pos);
        pagePrimed = true;
    }

    /** Writes {@code src} at {@code pos} through the file channel and moves the write position past it. */
    private void writeThroughChannel(ByteBuffer src, int pos) {
        int at = pos;
        try {
            while (src.hasRemaining()) {
                at += channel.write(src, at);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + path + " at " + pos + " failed", e);
        }
        wrotePosition = at;
        committedPosition = at;
    }

    /** Writes {@code src} at an absolute position without moving the write position. */
    public void write(int position, ByteBuffer src) {
        mapped.put(position, src, src.position(), src.remaining());
    }

    /** Reads at an absolute position; the caller must hold the file or own it. */
    public int getInt(int position) {
        return mapped.getInt(position);
    }

    public long getLong(int position) {
        return mapped.getLong(position);
    }

    /**
     * Forces dirty pages when at least {@code leastPages} pages are dirty (0 = anything dirty, or
     * the file is full). Returns the flushed position.
     */
    public int flush(int leastPages) {
        int write = readPosition();
        int flushed = flushedPosition;
        if (write <= flushed || !worthFlushing(write, flushed, leastPages)) {
            return flushed;
        }
        if (hold()) {
            try {
                if (channelWrites) {
                    channel.force(false);
                } else {
                    mapped.force(flushed, write - flushed);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("flushing " + path + " failed", e);
            } finally {
                release();
            }
            flushedPosition = write;
        }
        return flushedPosition;
    }

    private boolean worthFlushing(int write, int flushed, int leastPages) {
        if (write == fileSize || leastPages <= 0) {
            return true;
        }
        return write / OS_PAGE_SIZE - flushed / OS_PAGE_SIZE >= leastPages;
    }

    /** Touches one byte per page so a new file is backed by memory before it is written. */
    public void warm() {
        for (int i = 0; i < fileSize; i += OS_PAGE_SIZE) {
            mapped.put(i, (byte) 0);
        }
    }

    /** A read-only view of [pos, pos+size) that keeps the file mapped until released; null if gone. */
    public SelectedBuffer select(int pos, int size) {
        if (pos < 0 || size < 0 || pos + size > readPosition() || !hold()) {
            return null;
        }
        return new SelectedBuffer(fileFromOffset + pos, mapped.slice(pos, size), this);
    }

    /** From {@code pos} up to the write position. */
    public SelectedBuffer select(int pos) {
        int write = readPosition();
        return pos < write ? select(pos, write - pos) : null;
    }

    public boolean hold() {
        while (true) {
            long c = refCount.get();
            if (c <= 0 || !available) {
                return false;
            }
            if (refCount.compareAndSet(c, c + 1)) {
                return true;
            }
        }
    }

    public void release() {
        if (refCount.decrementAndGet() == 0) {
            cleanup();
        }
    }

    private synchronized void cleanup() {
        if (cleanedUp) {
            return;
        }
        ByteBuffer wb = writeBuffer;
        if (wb != null) {
            writeBuffer = null;
            pool.giveBack(wb);
        }
        Unmapper.unmap(mapped);
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing {} failed", path, e);
        }
        cleanedUp = true;
        if (deleteWhenUnmapped) {
            deletePath();
        }
    }

    /**
     * Removes the file for good while readers may still be using it: no new holds are granted, the
     * name is unlinked at once (a POSIX file system keeps the mapping valid), and the mapping is
     * released when the last holder lets go. Unlike {@link #destroy(long, long)} it never unmaps
     * under a reader's feet and never leaves the name behind for a new file of the same offset to
     * reopen. The owner must have stopped appending. Safe to call twice.
     */
    public synchronized void discard() {
        if (available) {
            available = false;
            release();
        }
        if (!deletePath()) {
            deleteWhenUnmapped = true;
        }
    }

    private boolean deletePath() {
        try {
            Files.deleteIfExists(path);
            return true;
        } catch (IOException e) {
            LOG.warn("cannot delete {} yet; retrying once it is unmapped", path, e);
            return false;
        }
    }

    /**
     * Stops new holds; the mapping is released when the last holder lets go. It is never unmapped while held:
     * a reader of an unmapped buffer crashes the JVM. ({@code intervalForciblyMs} only matters to
     * {@link #destroy(long, long)}.)
     */
    public void shutdown(long intervalForciblyMs, long nowMs) {
        if (available) {
            available = false;
            firstShutdownTimeMs = nowMs;
            release();
        }
    }

    public boolean isAvailable() {
        return available;
    }

    public boolean isCleanedUp() {
        return cleanedUp;
    }

    /**
     * Shuts down and deletes the file once unmapped. When readers still hold it {@code intervalForciblyMs} after
     * the first attempt, the name is unlinked anyway and the mapping left to the last of them
     * ({@link #discard()}). Returns whether the file is gone from the directory.
     */
    public boolean destroy(long intervalForciblyMs, long nowMs) {
        shutdown(intervalForciblyMs, nowMs);
        if (cleanedUp) {
            try {
                Files.deleteIfExists(path);
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + path, e);
            }
        }
        if (nowMs - firstShutdownTimeMs >= intervalForciblyMs) {
            LOG.warn("{} is still held by {} readers after {} ms: unlinking it, unmapped when they let go", path,
                refCount.get(), nowMs - firstShutdownTimeMs);
            discard();
            return true;
        }
        return false;
    }

    public long lastModifiedMs() {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
