package io.petrel.broker.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON config file under {@code <storeRoot>/config/} with a {@code .bak} copy of the previous version, as
 * RocketMQ brokers keep them: a write goes to a temp file first, the old file becomes {@code .bak}, the temp file
 * is moved in place; a load that cannot parse the file falls back to {@code .bak}. A store of the content this
 * object last wrote, while the file is still there, writes nothing (the broker persists its offset tables every few
 * seconds whether or not they changed). Thread-safe.
 */
public final class JsonConfigFile {
    private static final Logger LOG = LoggerFactory.getLogger(JsonConfigFile.class);
    private final Path path;
    private byte[] lastStored;

    public JsonConfigFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /**
     * Parses the file (or its backup when the file is missing or unreadable) with {@code parser}.
     *
     * @return the parsed value, or null when neither file exists
     * @throws IllegalStateException when files exist but neither parses
     */
    public <T> T load(Function<byte[], T> parser) {
        Path backup = backupPath();
        RuntimeException failure = null;
        for (Path candidate : new Path[] {path, backup}) {
            if (!Files.exists(candidate)) {
                continue;
            }
            try {
                byte[] bytes = Files.readAllBytes(candidate);
                if (bytes.length == 0) {
                    continue;
                }
                T value = parser.apply(bytes);
                if (candidate == backup) {
                    LOG.warn("{} unreadable, loaded its backup {}", path, backup);
                }
                return value;
            } catch (IOException e) {
                failure = new UncheckedIOException("cannot read " + candidate, e);
            } catch (RuntimeException e) {
                failure = new IllegalStateException("cannot parse " + candidate + ": " + e.getMessage(), e);
                LOG.warn("cannot parse {}: {}", candidate, e.getMessage());
            }
        }
        if (failure != null) {
            throw failure;
        }
        return null;
    }

    public synchronized void store(byte[] content) {
        if (lastStored != null && java.util.Arrays.equals(lastStored, content) && Files.exists(path)) {
            return;
        }
        lastStored = null;
        try {
            Files.createDirectories(path.getParent());
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.write(tmp, content);
            if (Files.exists(path)) {
                Files.copy(path, backupPath(), StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
            lastStored = content;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    private Path backupPath() {
        return path.resolveSibling(path.getFileName() + ".bak");
    }
}
