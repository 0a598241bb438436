package io.petrel.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An unbounded byte stream stored as consecutive {@link MappedFile}s of one size in one
 * directory, each named by its start offset.
 *
 * <p>Thread-safety: one writer creates and appends; readers use the copy-on-write file list;
 * deletion and truncation run on the writer's side (recovery before start, or the clean service
 * which only removes files the writer no longer touches).
 */
public final class MappedFileQueue {
    private static final Logger LOG = LoggerFactory.getLogger(MappedFileQueue.class);

    private final Path dir;
    private final int fileSize;
    private final MappedFileFactory factory;
    private final List<MappedFile> files = new CopyOnWriteArrayList<>();
    private volatile long flushedWhere;
    private volatile long committedWhere;

    public MappedFileQueue(Path dir, int fileSize, MappedFileFactory factory) {
        this.dir = dir;
        this.fileSize = fileSize;
        this.factory = factory;
    }

    /** Maps every file of the directory; each must have exactly the configured size. */
    public void load() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        List<Path> leftovers = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (name.matches("\\d{20}")) {
                    paths.add(p);
                } else if (name.endsWith(MappedFile.TMP_SUFFIX)) {
                    leftovers.add(p);
                }
            }
        }
        for (Path p : leftovers) {
            LOG.info("removing {} left by a crash during file creation", p);
            Files.deleteIfExists(p);
        }
        java.util.Collections.sort(paths);
        for (Path p : paths) {
            long size = Files.size(p);
            if (size != fileSize) {
                throw new IOException(p + " has length " + size + ", expected " + fileSize
                    + " (check the mapped file size setting)");
            }
            MappedFile f = MappedFile.open(p, Long.parseLong(p.getFileName().toString()), fileSize);
            f.setWrotePosition(fileSize);
            f.setFlushedPosition(fileSize);
            files.add(f);
        }
    }

    public Path dir() {
        return dir;
    }

    public int fileSize() {
        return fileSize;
    }

    public List<MappedFile> files() {
        return files;
    }

    /** The first file, or null; safe while another thread removes files (a deletion may empty the list). */
    public MappedFile firstFile() {
        try {
            return files.isEmpty() ? null : files.get(0);
        } catch (IndexOutOfBoundsException emptiedMeanwhile) {
            return null;
        }
    }

    /** The last file, or null; safe while another thread removes files between the size and the read. */
    public MappedFile lastFile() {
        while (true) {
            int n = files.size();
            if (n == 0) {
                return null;
            }
            try {
                return files.get(n - 1);
            } catch (IndexOutOfBoundsException shrunkMeanwhile) {
                // a file was removed after the size was read: look again
            }
        }
    }

    /** The last file, or a new one if there is none or the last is full. */
    public MappedFile lastFileOrCreate(long startOffset) throws IOException {
        MappedFile last = lastFile();
        long createAt;
        if (last == null) {
            createAt = startOffset - startOffset % fileSize;
        } else if (last.isFull()) {
            createAt = last.fileFromOffset() + fileSize;
        } else {
            return last;
        }
        MappedFile f = factory.create(dir.resolve(MappedFile.fileName(createAt)), createAt, fileSize);
        if (last == null) {
            flushedWhere = createAt;
            committedWhere = createAt;
        }
        files.add(f);
        return f;
    }

    public MappedFile findByOffset(long offset, boolean firstIfNotFound) {
        MappedFile first = firstFile();
        if (first == null) {
            return null;
        }
        long index = offset / fileSize - first.fileFromOffset() / fileSize;
        if (index >= 0 && index < files.size()) {
            try {
                MappedFile f = files.get((int) index);
                if (offset >= f.fileFromOffset() && offset < f.fileFromOffset() + fileSize) {
                    return f;
                }
            } catch (IndexOutOfBoundsException e) {
                // a concurrent deletion shrank the list; fall through to the scan
            }
        }
        for (MappedFile f : files) {
            if (offset >= f.fileFromOffset() && offset < f.fileFromOffset() + fileSize) {
                return f;
            }
        }
        return firstIfNotFound ? first : null;
    }

    public long minOffset() {
        MappedFile first = firstFile();
        return first == null ? 0 : first.fileFromOffset();
    }

    /** End of what readers may see (committed bytes when a write buffer is in use). */
    public long maxOffset() {
        MappedFile last = lastFile();
        return last == null ? 0 : last.fileFromOffset() + last.readPosition();
    }

    /** End of what the writer has appended (may be ahead of {@link #maxOffset()}). */
    public long maxWrittenOffset() {
        MappedFile last = lastFile();
        return last == null ? 0 : last.fileFromOffset() + last.wrotePosition();
    }

    public long flushedWhere() {
        return flushedWhere;
    }

    public long committedWhere() {
        return committedWhere;
    }

    public void setFlushedWhere(long offset) {
        flushedWhere = offset;
        committedWhere = offset;
    }

    /**
     * Commits write-buffer bytes of the file holding the commit point to its channel. Returns
     * true when nothing was committed.
     */
    public boolean commit(int leastPages) throws IOException {
        MappedFile f = findByOffset(committedWhere, committedWhere == 0);
        if (f == null) {
            return true;
        }
        long where = f.fileFromOffset() + f.commit(leastPages);
        boolean idle = where == committedWhere;
        committedWhere = where;
        return idle;
    }

    public long rollNextFile(long offset) {
        return offset + fileSize - offset % fileSize;
    }

    /** Flushes the file holding the flush point. Returns true when nothing was flushed. */
    public boolean flush(int leastPages) {
        MappedFile f = findByOffset(flushedWhere, flushedWhere == 0);
        if (f == null) {
            return true;
        }
        long where = f.fileFromOffset() + f.flush(leastPages);
        boolean idle = where == flushedWhere;
        flushedWhere = where;
        return idle;
    }

    /** Sets the logical end to {@code offset}: later files are deleted, the containing file cut. */
    public void truncateDirty(long offset) {
        List<MappedFile> remove = new ArrayList<>();
        for (MappedFile f : files) {
            long end = f.fileFromOffset() + fileSize;
            if (end <= offset) {
                continue;
            }
            if (f.fileFromOffset() <= offset) {
                int pos = (int) (offset - f.fileFromOffset());
                f.setWrotePosition(pos);
                f.setFlushedPosition(Math.min(f.flushedPosition(), pos));
            } else {
                remove.add(f);
            }
        }
        for (MappedFile f : remove) {
            f.destroy(1000, System.currentTimeMillis());
            files.remove(f);
        }
        if (flushedWhere > offset) {
            flushedWhere = offset;
        }
        if (committedWhere > offset) {
            committedWhere = offset;
        }
    }

    /** Removes the first file from the list and deletes it (retention). */
    public boolean deleteFirst(MappedFile f, long intervalForciblyMs, long nowMs) {
        if (!f.destroy(intervalForciblyMs, nowMs)) {
            return false;
        }
        files.remove(f);
        return true;
    }

    /** Removes the first file from the list and discards it ({@link MappedFile#discard()}: safe under readers). */
    public void discardFirst(MappedFile f) {
        if (files.remove(f)) {
            f.discard();
        }
    }

    public void shutdown(long nowMs) {
        for (MappedFile f : files) {
            f.shutdown(0, nowMs);
        }
    }

    /**
     * Removes every file (see {@link MappedFile#discard()}: readers holding one keep it mapped until they let go)
     * and the directory. The writer must have stopped.
     */
    public void destroy() {
        List<MappedFile> all = new ArrayList<>(files);
        files.clear();
        for (MappedFile f : all) {
            f.discard();
        }
        flushedWhere = 0;
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.debug("directory {} not removed", dir, e);
        }
    }
}
