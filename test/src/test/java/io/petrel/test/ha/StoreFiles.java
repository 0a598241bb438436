package io.petrel.test.ha;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/** Compares a slave's store files with its master's, byte for byte. */
final class StoreFiles {
    private StoreFiles() {
    }

    /** Files under {@code dir} (recursively), relative to it, sorted; empty when it does not exist. */
    static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What differs: every CommitLog file of the slave against the master's file of that name, and every
     * ConsumeQueue file of {@code topic} on the master against the slave's. Empty when identical.
     */
    static List<String> differences(Path masterStore, Path slaveStore, String topic) {
        List<String> diffs = new ArrayList<>();
        List<Path> slaveLog = files(slaveStore.resolve("commitlog"));
        if (slaveLog.isEmpty()) {
            diffs.add("the slave has no CommitLog yet");
        }
        for (Path f : slaveLog) {
            compare(masterStore.resolve("commitlog").resolve(f), slaveStore.resolve("commitlog").resolve(f), diffs);
        }
        Path cq = Path.of("consumequeue", topic);
        List<Path> queues = files(masterStore.resolve(cq));
        if (queues.isEmpty()) {
            diffs.add("the master has no ConsumeQueue of " + topic);
        }
        for (Path f : queues) {
            compare(masterStore.resolve(cq).resolve(f), slaveStore.resolve(cq).resolve(f), diffs);
        }
        return diffs;
    }

    private static void compare(Path master, Path slave, List<String> diffs) {
        try {
            if (!Files.exists(slave) || !Files.exists(master)) {
                Path present = Files.exists(slave) ? slave : master;
                if (!allZero(present)) {
                    diffs.add((Files.exists(slave) ? master : slave) + " is missing");
                }
                return;
            }
            long at = Files.mismatch(master, slave);
            if (at != -1) {
                diffs.add(slave + " differs from the master's at byte " + at + ": master " + hex(master, at)
                    + ", slave " + hex(slave, at));
            }
        } catch (IOException e) {
            diffs.add(slave + ": " + e);
        }
    }

    /** A file created ahead of need (the next CommitLog file) and not written yet. */
    private static boolean allZero(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    /** The 20 bytes (one ConsumeQueue entry) around {@code at}, in hex. */
    private static String hex(Path file, long at) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(20);
            ch.read(b, at - at % 20);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < b.position(); i++) {
                sb.append(String.format("%02x", b.get(i)));
            }
            return sb.toString();
        }
    }

    /** Waits until {@link #differences} is empty; fails with the last differences seen. */
    static void awaitIdentical(Path masterStore, Path slaveStore, String topic, Duration timeout) {
        List<List<String>> last = new ArrayList<>(List.of(List.of()));
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
                List<String> d = differences(masterStore, slaveStore, topic);
                last.set(0, d);
                return d.isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("slave store not identical to the master's: " + last.get(0), e);
        }
    }
}
