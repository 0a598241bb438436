package io.petrel.store;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** Used fraction (0..1) of the partition holding a path; replaceable in tests. */
@FunctionalInterface
public interface DiskUsage {
    double usedRatio(Path path);

    /** The real partition: ceil((total - free) * 100 / ((total - free) + usable)) / 100. */
    DiskUsage FILE_SYSTEM = path -> {
        try {
            Path existing = path;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                return -1;
            }
            FileStore store = Files.getFileStore(existing);
            long total = store.getTotalSpace();
            long used = total - store.getUnallocatedSpace();
            long usable = store.getUsableSpace();
            long denominator = used + usable;
            return denominator == 0 ? -1 : Math.ceil(used * 100.0 / denominator) / 100.0;
        } catch (IOException e) {
            return -1;
        }
    };
}
