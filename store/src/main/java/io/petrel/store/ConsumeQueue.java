package io.petrel.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ConsumeQueue of one topic-queue: a stream of {@link ConsumeQueueEntry}s in
 * {@code consumequeue/<topic>/<queueId>/}. Logical offset i = entry i.
 *
 * <p>Thread-safety: entries are written by the dispatch thread only (or by recovery before
 * start); readers take {@link SelectedBuffer}s below the write position. Everything that touches
 * the mapped files without holding them (appending, retention, truncation) and {@link #destroy()}
 * run under this object's monitor, so a queue deleted while dispatch and pulls run is never
 * unmapped under an append, and a destroyed queue takes no more entries (they are dropped).
 */
public final class ConsumeQueue {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumeQueue.class);

    private final String topic;
    private final int queueId;
    private final MappedFileQueue files;
    private final ByteBuffer entryBuffer = ByteBuffer.allocate(ConsumeQueueEntry.SIZE);
    private volatile long maxPhysicOffset = -1;
    private volatile long minLogicOffset;
    private boolean destroyed;

    public ConsumeQueue(String topic, int queueId, Path dir, int fileSize) {
        this.topic = topic;
        this.queueId = queueId;
        this.files = new MappedFileQueue(dir, fileSize, MappedFileFactory.DIRECT);
    }

    public String topic() {
        return topic;
    }

    public int queueId() {
        return queueId;
    }

    MappedFileQueue files() {
        return files;
    }

    public void load() throws IOException {
        files.load();
    }

    /** Finds the real end: scans from the third-to-last file up to the first invalid entry. */
    public void recover() {
        List<MappedFile> all = files.files();
        if (all.isEmpty()) {
            return;
        }
        int index = Math.max(0, all.size() - 3);
        long processOffset = all.get(index).fileFromOffset();
        long maxPhy = -1;
        for (; index < all.size(); index++) {
            MappedFile f = all.get(index);
            int pos = 0;
            for (; pos + ConsumeQueueEntry.SIZE <= f.fileSize(); pos += ConsumeQueueEntry.SIZE) {
                long off = f.getLong(pos);
                int size = f.getInt(pos + 8);
                if (off < 0 || size <= 0) {
                    break;
                }
                if (size != ConsumeQueueEntry.FILLER_SIZE) {
                    maxPhy = off + size;
                }
            }
            processOffset = f.fileFromOffset() + pos;
            if (pos < f.fileSize()) {
                break;
            }
        }
        maxPhysicOffset = maxPhy;
        files.setFlushedWhere(processOffset);
        files.truncateDirty(processOffset);
    }

    /** Highest {@code offset + size} of any entry (-1 if none). */
    public long maxPhysicOffset() {
        return maxPhysicOffset;
    }

    /**
     * Appends the entry for logical offset {@code cqOffset}; entries already covered are skipped.
     * Returns false if the entry could not be written.
     */
    public synchronized boolean putEntry(long phyOffset, int size, long tagsCode, long cqOffset) {
        if (destroyed || phyOffset + size <= maxPhysicOffset) {
            return true;
        }
        long expected = cqOffset * ConsumeQueueEntry.SIZE;
        MappedFile f;
        try {
            boolean fresh = files.lastFile() == null;
            f = files.lastFileOrCreate(expected);
            if (fresh && expected != 0 && f.wrotePosition() == 0) {
                fillPreBlank(f, expected);
            }
        } catch (IOException e) {
            LOG.error("cannot create ConsumeQueue file for {}-{}", topic, queueId, e);
            return false;
        }
        long current = f.fileFromOffset() + f.wrotePosition();
        if (cqOffset != 0 && expected < current) {
            return true;
        }
        if (expected != current) {
            LOG.warn("logic queue order maybe wrong {}-{}: expected {} current {}", topic, queueId, expected, current);
        }
        entryBuffer.clear();
        new ConsumeQueueEntry(phyOffset, size, tagsCode).write(entryBuffer);
        entryBuffer.flip();
        f.appendSmall(entryBuffer);
        maxPhysicOffset = phyOffset + size;
        return true;
    }

    private void fillPreBlank(MappedFile f, long untilWhere) {
        ByteBuffer filler = ByteBuffer.allocate(ConsumeQueueEntry.SIZE);
        int until = (int) (untilWhere % files.fileSize());
        for (int i = 0; i < until; i += ConsumeQueueEntry.SIZE) {
            filler.clear();
            ConsumeQueueEntry.FILLER.write(filler);
            filler.flip();
            f.appendSmall(filler);
        }
        minLogicOffset = untilWhere;
    }

    /**
     * Up to {@code count} entries from logical offset {@code index}, within the file holding it; null when that
     * offset has no entry (below the min offset, at or past the end, or its file is gone).
     */
    public List<ConsumeQueueEntry> entries(long index, int count) {
        SelectedBuffer sb = index < 0 ? null : entriesFrom(index);
        if (sb == null) {
            return null;
        }
        try {
            ByteBuffer b = sb.buffer();
            int n = (int) Math.min(Math.max(count, 0), b.limit() / ConsumeQueueEntry.SIZE);
            List<ConsumeQueueEntry> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(ConsumeQueueEntry.read(b, i * ConsumeQueueEntry.SIZE));
            }
            return out;
        } finally {
            sb.release();
        }
    }

    /** Entries from logical offset {@code index} to the end of their file; null if none. */
    public SelectedBuffer entriesFrom(long index) {
        long offset = index * ConsumeQueueEntry.SIZE;
        if (offset < minLogicOffset) {
            return null;
        }
        MappedFile f = files.findByOffset(offset, false);
        return f == null ? null : f.select((int) (offset % files.fileSize()));
    }

    public ConsumeQueueEntry entryAt(long index) {
        SelectedBuffer sb = entriesFrom(index);
        if (sb == null) {
            return null;
        }
        try {
            return sb.size() < ConsumeQueueEntry.SIZE ? null : ConsumeQueueEntry.read(sb.buffer(), 0);
        } finally {
            sb.release();
        }
    }

    public long minOffsetInQueue() {
        return minLogicOffset / ConsumeQueueEntry.SIZE;
    }

    public long maxOffsetInQueue() {
        return files.maxOffset() / ConsumeQueueEntry.SIZE;
    }

    /** Sets the min logical offset to the first entry whose CommitLog offset is at least {@code minPhy}. */
    public void correctMinOffset(long minPhy) {
        MappedFile first = files.firstFile();
        if (first == null) {
            return;
        }
        SelectedBuffer sb = first.select(0);
        if (sb == null) {
            minLogicOffset = first.fileFromOffset();
            return;
        }
        try {
            ByteBuffer b = sb.buffer();
            for (int pos = 0; pos + ConsumeQueueEntry.SIZE <= b.limit(); pos += ConsumeQueueEntry.SIZE) {
                ConsumeQueueEntry e = ConsumeQueueEntry.read(b, pos);
                if (e.size() != ConsumeQueueEntry.FILLER_SIZE && e.commitLogOffset() >= minPhy) {
                    minLogicOffset = first.fileFromOffset() + pos;
                    return;
                }
            }
            minLogicOffset = first.fileFromOffset() + b.limit();
        } finally {
            sb.release();
        }
    }

    /** Drops entries that reference CommitLog bytes at or after {@code phyEnd} (logically only). */
    public synchronized void truncateDirty(long phyEnd) {
        while (true) {
            MappedFile last = files.lastFile();
            if (last == null) {
                maxPhysicOffset = -1;
                return;
            }
            int pos = last.wrotePosition();
            long keepUntil = -1;
            long newMax = -1;
            for (int p = 0; p + ConsumeQueueEntry.SIZE <= pos; p += ConsumeQueueEntry.SIZE) {
                long off = last.getLong(p);
                int size = last.getInt(p + 8);
                if (size == ConsumeQueueEntry.FILLER_SIZE) {
                    keepUntil = p + ConsumeQueueEntry.SIZE;
                    continue;
                }
                if (off + size > phyEnd) {
                    break;
                }
                keepUntil = p + ConsumeQueueEntry.SIZE;
                newMax = off + size;
            }
            if (keepUntil > 0 || files.files().size() == 1) {
                last.setWrotePosition((int) Math.max(keepUntil, 0));
                last.setFlushedPosition(Math.min(last.flushedPosition(), last.wrotePosition()));
                files.setFlushedWhere(Math.min(files.flushedWhere(), last.fileFromOffset() + last.wrotePosition()));
                maxPhysicOffset = newMax >= 0 ? newMax : findLastPhyEnd();
                return;
            }
            files.files().remove(last);
            last.discard();
        }
    }

    private long findLastPhyEnd() {
        ConsumeQueueEntry e = maxOffsetInQueue() > 0 ? entryAt(maxOffsetInQueue() - 1) : null;
        return e == null || e.size() == ConsumeQueueEntry.FILLER_SIZE ? -1 : e.commitLogOffset() + e.size();
    }

    /** Deletes leading files whose last entry is below {@code minPhy} (never the last file). */
    public synchronized int deleteExpired(long minPhy) {
        int deleted = 0;
        List<MappedFile> all = files.files();
        while (all.size() > 1) {
            MappedFile f = all.get(0);
            int lastEntry = f.fileSize() - ConsumeQueueEntry.SIZE;
            long lastOff = f.getLong(lastEntry);
            if (lastOff + f.getInt(lastEntry + 8) > minPhy && f.getInt(lastEntry + 8) != ConsumeQueueEntry.FILLER_SIZE) {
                break;
            }
            files.discardFirst(f);
            deleted++;
        }
        correctMinOffset(minPhy);
        return deleted;
    }

    public boolean flush(int leastPages) {
        return files.flush(leastPages);
    }

    public void shutdown(long nowMs) {
        files.shutdown(nowMs);
    }

    /**
     * Deletes the queue's files and directory for good. Pulls reading it keep their slices mapped until they
     * release them; entries dispatched to this object afterwards are dropped.
     */
    public synchronized void destroy() {
        destroyed = true;
        files.destroy();
        maxPhysicOffset = -1;
        minLogicOffset = 0;
    }
}
