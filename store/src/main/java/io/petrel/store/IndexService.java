package io.petrel.store;

import io.petrel.common.message.MessageSysFlag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index files under {@code index/}: builds {@code topic#UNIQ_KEY} and {@code topic#key}
 * entries for dispatched records and answers key queries (newest file first).
 * Thread-safety: one writer (dispatch); queries may run concurrently.
 */
public final class IndexService {
    private static final Logger LOG = LoggerFactory.getLogger(IndexService.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final Path dir;
    private final int slotNum;
    private final int indexNum;
    private final Clock clock;
    private final StoreCheckpoint checkpoint;
    private final List<IndexFile> files = new CopyOnWriteArrayList<>();

    public IndexService(Path dir, int slotNum, int indexNum, Clock clock, StoreCheckpoint checkpoint) {
        this.dir = dir;
        this.slotNum = slotNum;
        this.indexNum = indexNum;
        this.clock = clock;
        this.checkpoint = checkpoint;
    }

    /** Loads index files; after a crash, files newer than the checkpoint's index time are deleted. */
    public void load(boolean lastExitOk) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches("\\d{17}(_\\d+)?"))
                .sorted().forEach(paths::add);
        }
        for (Path p : paths) {
            IndexFile f = IndexFile.open(p, slotNum, indexNum, 0, 0, false);
            if (!lastExitOk && f.endTimestamp() > checkpoint.indexMsgTimestamp()) {
                LOG.info("deleting index file {} written after the last checkpoint", p);
                f.destroy();
                continue;
            }
            files.add(f);
        }
    }

    public void buildIndex(DispatchRequest req) {
        if (MessageSysFlag.transactionType(req.sysFlag()) == MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            return;
        }
        IndexFile f = writableFile();
        if (f == null || req.commitLogOffset() < f.endPhyOffset()) {
            return;
        }
        if (req.uniqKey() != null) {
            f = put(f, req.topic() + "#" + req.uniqKey(), req);
        }
        if (req.keys() != null) {
            for (String key : req.keys().split(" ")) {
                if (!key.isEmpty() && f != null) {
                    f = put(f, req.topic() + "#" + key, req);
                }
            }
        }
    }

    private IndexFile put(IndexFile f, String key, DispatchRequest req) {
        IndexFile target = f;
        for (int attempt = 0; attempt < 3 && target != null; attempt++) {
            if (target.put(key, req.commitLogOffset(), req.storeTimestamp())) {
                return target;
            }
            target = writableFile();
        }
        LOG.error("index entry for {} could not be written", key);
        return target;
    }

    private IndexFile writableFile() {
        IndexFile last = files.isEmpty() ? null : files.get(files.size() - 1);
        if (last != null && !last.isFull()) {
            return last;
        }
        long endPhy = last == null ? 0 : last.endPhyOffset();
        long endTs = last == null ? 0 : last.endTimestamp();
        String name = LocalDateTime.now(clock).format(NAME);
        Path path = dir.resolve(name);
        while (Files.exists(path)) {
            path = dir.resolve(name + "_" + files.size());
        }
        try {
            IndexFile created = IndexFile.open(path, slotNum, indexNum, endPhy, endTs, true);
            files.add(created);
            if (last != null) {
                last.flush();
                checkpoint.setIndexMsgTimestamp(last.endTimestamp());
                checkpoint.flush();
            }
            return created;
        } catch (IOException e) {
            LOG.error("cannot create index file {}", path, e);
            return null;
        }
    }

    /** Physical offsets for {@code topic#key} stored in [begin, end], newest files first. */
    public List<Long> query(String topic, String key, int maxNum, long begin, long end) {
        List<Long> out = new ArrayList<>();
        String full = topic + "#" + key;
        for (int i = files.size() - 1; i >= 0 && out.size() < maxNum; i--) {
            IndexFile f = files.get(i);
            if (f.overlaps(begin, end)) {
                f.select(out, full, maxNum, begin, end);
            }
            if (f.beginTimestamp() < begin) {
                break;
            }
        }
        return out;
    }

    public long lastUpdateTimestamp() {
        return files.isEmpty() ? 0 : files.get(files.size() - 1).endTimestamp();
    }

    public long lastUpdatePhyOffset() {
        return files.isEmpty() ? 0 : files.get(files.size() - 1).endPhyOffset();
    }

    /** Deletes files (never the last) whose end offset is below the CommitLog's min offset. */
    public int deleteExpired(long minPhy) {
        int deleted = 0;
        while (files.size() > 1 && files.get(0).endPhyOffset() < minPhy) {
            IndexFile f = files.remove(0);
            f.destroy();
            deleted++;
        }
        return deleted;
    }

    /** Drops index files that start beyond {@code phyEnd} (after CommitLog truncation). */
    public void truncate(long phyEnd) {
        for (IndexFile f : List.copyOf(files)) {
            if (f.beginPhyOffset() >= phyEnd && f.indexCount() > 1) {
                files.remove(f);
                f.destroy();
            }
        }
    }

    public List<IndexFile> files() {
        return files;
    }

    public void shutdown() {
        for (IndexFile f : files) {
            f.shutdown();
        }
    }

    public void destroy() {
        for (IndexFile f : files) {
            f.destroy();
        }
        files.clear();
    }
}
