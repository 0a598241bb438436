package io.petrel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mapped file is never unmapped while a reader holds it, however it is deleted. */
class MappedFileReleaseTest {
    @TempDir
    Path dir;

    private MappedFile fileWithData() throws Exception {
        MappedFile f = MappedFile.open(dir.resolve(MappedFile.fileName(0)), 0, 4096);
        f.append(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        return f;
    }

    @Test
    void retentionWaitsForReadersThenUnlinksWithoutUnmapping() throws Exception {
        MappedFile f = fileWithData();
        SelectedBuffer reader = f.select(0);

        assertFalse(f.destroy(1000, 10_000), "held: not yet");
        assertTrue(Files.exists(f.path()));
        assertNull(f.select(0), "no new readers once deletion started");
        assertTrue(f.destroy(1000, 11_000), "the interval is over: the name goes");
        assertFalse(Files.exists(f.path()));
        assertFalse(f.isCleanedUp(), "but the reader's mapping stays");
        assertEquals(0x0102030405060708L, reader.buffer().getLong(0));

        reader.release();
        assertTrue(f.isCleanedUp());
    }

    @Test
    void anUnheldFileGoesAtOnce() throws Exception {
        MappedFile f = fileWithData();
        assertTrue(f.destroy(120_000, 0));
        assertTrue(f.isCleanedUp());
        assertFalse(Files.exists(f.path()));
    }

    @Test
    void discardUnlinksAtOnceAndUnmapsOnTheLastRelease() throws Exception {
        MappedFile f = fileWithData();
        SelectedBuffer first = f.select(0);
        SelectedBuffer second = f.select(4);

        f.discard();
        f.discard();

        assertFalse(Files.exists(f.path()));
        first.release();
        assertFalse(f.isCleanedUp());
        assertEquals(0x05060708, second.buffer().getInt(0));
        second.release();
        assertTrue(f.isCleanedUp());
    }
}
