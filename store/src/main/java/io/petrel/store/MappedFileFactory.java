package io.petrel.store;

import java.io.IOException;
import java.nio.file.Path;

/** Creates the next file of a {@link MappedFileQueue}: directly, or through the pre-allocator. */
@FunctionalInterface
public interface MappedFileFactory {
    MappedFile create(Path path, long fileFromOffset, int fileSize) throws IOException;

    MappedFileFactory DIRECT = MappedFile::open;
}
