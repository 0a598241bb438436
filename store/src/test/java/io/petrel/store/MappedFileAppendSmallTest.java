package io.petrel.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFileAppendSmallTest {
    private static final int SIZE = 3 * MappedFile.OS_PAGE_SIZE;

    @TempDir
    Path dir;

    /** Entries that start pages, straddle them and sit inside them: the mapping and the file hold what was written. */
    @Test
    void smallAppendsAcrossPagesLandInTheMappingAndTheFile() throws Exception {
        byte[] expected = new byte[SIZE - SIZE % 20];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (i * 31 + 7);
        }
        Path path = dir.resolve("00000000000000000000");
        MappedFile f = MappedFile.open(path, 0, SIZE);
        try {
            for (int at = 0; at < expected.length; at += 20) {
                ByteBuffer entry = ByteBuffer.wrap(expected, at, 20);
                f.appendSmall(entry);
                assertEquals(0, entry.remaining());
                assertEquals(at + 20, f.wrotePosition());
                // what readers see through the mapping right after the append
                assertEquals(ByteBuffer.wrap(expected, at, 4).getInt(), f.getInt(at));
                assertEquals(ByteBuffer.wrap(expected, at + 12, 8).getLong(), f.getLong(at + 12));
            }
            f.setWrotePosition(40);
            f.appendSmall(ByteBuffer.wrap(expected, 40, 20));
            assertEquals(60, f.wrotePosition());
            f.flush(0);
        } finally {
            f.shutdown(0, 0);
        }
        byte[] onDisk = Files.readAllBytes(path);
        assertEquals(SIZE, onDisk.length);
        byte[] head = new byte[expected.length];
        System.arraycopy(onDisk, 0, head, 0, head.length);
        assertArrayEquals(expected, head);
    }

    /** Records appended through the channel, across page ends: readers see them in the mapping, a flush puts them on disk. */
    @Test
    void appendsThroughTheChannelLandInTheMappingAndTheFile() throws Exception {
        byte[] expected = new byte[SIZE - 100];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (i * 17 + 3);
        }
        Path path = dir.resolve("00000000000000000000");
        MappedFile f = MappedFile.open(path, 0, SIZE);
        try {
            for (int at = 0; at < expected.length; at += 1000) {
                int len = Math.min(1000, expected.length - at);
                ByteBuffer record = ByteBuffer.wrap(expected, at, len);
                f.append(record, true);
                assertEquals(0, record.remaining());
                assertEquals(at + len, f.wrotePosition());
                assertEquals(ByteBuffer.wrap(expected, at, 4).getInt(), f.getInt(at));
                assertEquals(ByteBuffer.wrap(expected, at + len - 8, 8).getLong(), f.getLong(at + len - 8));
            }
            assertEquals(expected.length, f.flush(0));
        } finally {
            f.shutdown(0, 0);
        }
        byte[] onDisk = Files.readAllBytes(path);
        byte[] head = new byte[expected.length];
        System.arraycopy(onDisk, 0, head, 0, head.length);
        assertArrayEquals(expected, head);
    }
}
