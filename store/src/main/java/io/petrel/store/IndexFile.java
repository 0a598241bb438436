package io.petrel.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * One index file: a hash table from {@code topic#key} to CommitLog offsets.
 * <pre>
 * 0          40                          40 + 4*slots                   40 + 4*slots + 20*entries
 * +----------+---------------------------+-------------------------------+
 * | header   | hash slots (int each)     | entries (20 bytes each)       |
 * +----------+---------------------------+-------------------------------+
 * header: 0 beginTimestamp long | 8 endTimestamp long | 16 beginPhyOffset long
 *         24 endPhyOffset long  | 32 hashSlotCount int | 36 indexCount int
 * slot s:  int number of the newest entry of the chain (0 = empty)
 * entry n: int keyHash | long phyOffset | int timeDiff (s since beginTimestamp) | int prevIndex
 * </pre>
 * Entries are numbered from 1 (entry 0 unused); indexCount = entries + 1. Default geometry
 * 5,000,000 slots and 20,000,000 entries (420,000,040 bytes). Named by local creation time
 * {@code yyyyMMddHHmmssSSS}.
 *
 * <p>Thread-safety: one writer (the dispatch thread); queries are synchronized with it.
 */
public final class IndexFile {
    public static final int HEADER_SIZE = 40;
    public static final int SLOT_SIZE = 4;
    public static final int ENTRY_SIZE = 20;

    private final int slotNum;
    private final int indexNum;
    private final MappedFile file;
    /** Set under this object's monitor, which reads and writes hold: no access after the file is unmapped. */
    private boolean closed;
    private long beginTimestamp;
    private long endTimestamp;
    private long beginPhyOffset;
    private long endPhyOffset;
    private int hashSlotCount;
    private int indexCount = 1;

    private IndexFile(MappedFile file, int slotNum, int indexNum) {
        this.file = file;
        this.slotNum = slotNum;
        this.indexNum = indexNum;
    }

    public static int fileSize(int slotNum, int indexNum) {
        return HEADER_SIZE + slotNum * SLOT_SIZE + indexNum * ENTRY_SIZE;
    }

    /** Opens (or creates) the file; a new file starts with begin = end = the given values. */
    public static IndexFile open(Path path, int slotNum, int indexNum, long lastEndPhyOffset, long lastEndTimestamp,
                                 boolean create) throws IOException {
        IndexFile f = new IndexFile(MappedFile.open(path, 0, fileSize(slotNum, indexNum)), slotNum, indexNum);
        f.file.setWrotePosition(f.file.fileSize());
        if (create) {
            f.beginPhyOffset = f.endPhyOffset = lastEndPhyOffset;
            f.beginTimestamp = f.endTimestamp = lastEndTimestamp;
            f.writeHeader();
        } else {
            f.readHeader();
        }
        return f;
    }

    private void readHeader() {
        beginTimestamp = file.getLong(0);
        endTimestamp = file.getLong(8);
        beginPhyOffset = file.getLong(16);
        endPhyOffset = file.getLong(24);
        hashSlotCount = file.getInt(32);
        indexCount = Math.max(1, file.getInt(36));
    }

    private void writeHeader() {
        ByteBuffer h = ByteBuffer.allocate(HEADER_SIZE);
        h.putLong(beginTimestamp).putLong(endTimestamp).putLong(beginPhyOffset).putLong(endPhyOffset)
            .putInt(hashSlotCount).putInt(indexCount).flip();
        file.write(0, h);
    }

    public static int keyHash(String key) {
        int h = Math.abs(key.hashCode());
        return h < 0 ? 0 : h;
    }

    public boolean isFull() {
        return indexCount >= indexNum;
    }

    /** Adds {@code key}; false if the file is full. */
    public synchronized boolean put(String key, long phyOffset, long storeTimestamp) {
        if (closed || isFull()) {
            return false;
        }
        int hash = keyHash(key);
        int slotAt = HEADER_SIZE + (hash % slotNum) * SLOT_SIZE;
        int prev = file.getInt(slotAt);
        if (prev <= 0 || prev > indexCount) {
            prev = 0;
        }
        long diff = beginTimestamp <= 0 ? 0 : (storeTimestamp - beginTimestamp) / 1000;
        int timeDiff = (int) Math.max(0, Math.min(Integer.MAX_VALUE, diff));
        ByteBuffer e = ByteBuffer.allocate(ENTRY_SIZE);
        e.putInt(hash).putLong(phyOffset).putInt(timeDiff).putInt(prev).flip();
        file.write(entryPosition(indexCount), e);
        file.write(slotAt, ByteBuffer.allocate(SLOT_SIZE).putInt(0, indexCount));
        if (indexCount <= 1) {
            beginPhyOffset = phyOffset;
            beginTimestamp = storeTimestamp;
        }
        if (prev == 0) {
            hashSlotCount++;
        }
        indexCount++;
        endPhyOffset = phyOffset;
        endTimestamp = storeTimestamp;
        writeHeader();
        return true;
    }

    private int entryPosition(int n) {
        return HEADER_SIZE + slotNum * SLOT_SIZE + n * ENTRY_SIZE;
    }

    /** Adds to {@code out} the offsets stored for {@code key} with a time in [begin, end]. */
    public synchronized void select(List<Long> out, String key, int maxNum, long begin, long end) {
        if (closed) {
            return;
        }
        int hash = keyHash(key);
        int slotValue = file.getInt(HEADER_SIZE + (hash % slotNum) * SLOT_SIZE);
        if (slotValue <= 0 || slotValue > indexCount || indexCount <= 1) {
            return;
        }
        int n = slotValue;
        while (out.size() < maxNum) {
            int at = entryPosition(n);
            int entryHash = file.getInt(at);
            long phy = file.getLong(at + 4);
            int timeDiff = file.getInt(at + 12);
            int prev = file.getInt(at + 16);
            if (timeDiff < 0) {
                break;
            }
            long time = beginTimestamp + timeDiff * 1000L;
            if (entryHash == hash && time >= begin && time <= end) {
                out.add(phy);
            }
            if (prev <= 0 || prev > indexCount || prev == n || time < begin) {
                break;
            }
            n = prev;
        }
    }

    public boolean overlaps(long begin, long end) {
        return beginTimestamp <= end && endTimestamp >= begin;
    }

    public void flush() {
        file.setFlushedPosition(0);
        file.flush(0);
    }

    public synchronized void destroy() {
        closed = true;
        file.destroy(0, System.currentTimeMillis());
    }

    public synchronized void shutdown() {
        closed = true;
        file.shutdown(0, System.currentTimeMillis());
    }

    public Path path() {
        return file.path();
    }

    public synchronized long beginTimestamp() { return beginTimestamp; }
    public synchronized long endTimestamp() { return endTimestamp; }
    public synchronized long beginPhyOffset() { return beginPhyOffset; }
    public synchronized long endPhyOffset() { return endPhyOffset; }
    public synchronized int hashSlotCount() { return hashSlotCount; }
    public synchronized int indexCount() { return indexCount; }
}
