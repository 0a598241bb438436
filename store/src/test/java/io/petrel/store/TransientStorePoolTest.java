package io.petrel.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.message.MessageExt;
import io.petrel.common.message.StoredMessageCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** transientStorePoolEnable: appends go to off-heap buffers, readers see committed bytes only. */
class TransientStorePoolTest {
    @TempDir
    Path root;

    @Test
    void onlyCommittedBytesAreVisibleAndBuffersGoBackWhenAFileIsDone() throws Exception {
        TransientStorePool pool = new TransientStorePool(1, 4096);
        pool.init();
        MappedFile f = MappedFile.open(root.resolve("00000000000000000000"), 0, 4096, pool);
        try {
            assertTrue(f.hasWriteBuffer());
            assertEquals(0, pool.availableCount());
            byte[] data = "committed-later".getBytes(StandardCharsets.UTF_8);
            f.append(ByteBuffer.wrap(data));
            assertNull(f.select(0, data.length), "not committed yet");
            assertEquals(0, Files.readAllBytes(f.path())[0]);
            assertEquals(data.length, f.commit(0));
            SelectedBuffer sb = f.select(0, data.length);
            assertNotNull(sb);
            sb.release();
            assertArrayEquals(data, Arrays.copyOf(Files.readAllBytes(f.path()), data.length));
            f.markFull();
            f.commit(0);
            assertEquals(4096, f.readPosition());
            assertEquals(1, pool.availableCount(), "buffer returned once the file is committed");
            assertTrue(Arrays.equals(new byte[4096 - data.length], Arrays.copyOfRange(Files.readAllBytes(f.path()), data.length, 4096)));
        } finally {
            f.shutdown(0, 0);
            pool.destroy();
        }
    }

    @Test
    void storeWithWriteBuffersServesAndRecoversEverything() throws Exception {
        MessageStoreConfig config = TestMessages.smallConfig(root).mappedFileSizeCommitLog(4096)
            .transientStorePoolEnable(true).transientStorePoolSize(2).commitIntervalCommitLogMs(20)
            .commitCommitLogThoroughIntervalMs(20).build();
        DefaultMessageStore store = new DefaultMessageStore(config, Clock.systemUTC());
        try {
            store.load();
            store.start();
            for (int i = 0; i < 150; i++) {
                assertTrue(store.putMessage(TestMessages.message("POOL", i % 3, "pooled-" + i + "-" + "p".repeat(i % 50))).isOk());
            }
            Awaitility.await().until(() -> store.getMaxOffsetInQueue("POOL", 0) == 50
                && store.getMaxOffsetInQueue("POOL", 1) == 50 && store.getMaxOffsetInQueue("POOL", 2) == 50);
        } finally {
            store.shutdown();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(root.resolve("commitlog"))) {
            files = s.filter(p -> p.getFileName().toString().matches("\\d{20}")).sorted().toList();
        }
        assertTrue(files.size() > 4, "more files than pooled buffers");
        DefaultMessageStore reopened = new DefaultMessageStore(config, Clock.systemUTC());
        try {
            assertTrue(reopened.load());
            reopened.start();
            for (int q = 0; q < 3; q++) {
                for (long off = 0; off < 50; off++) {
                    MessageExt m = reopened.lookMessageByOffset(reopened.getCommitLogOffsetInQueue("POOL", q, off));
                    int i = (int) (off * 3 + q);
                    assertEquals("pooled-" + i + "-" + "p".repeat(i % 50), new String(m.getBody(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            reopened.shutdown();
        }
        for (Path p : files.subList(0, files.size() - 2)) {
            byte[] bytes = Files.readAllBytes(p);
            ByteBuffer b = ByteBuffer.wrap(bytes);
            int pos = 0;
            while (b.getInt(pos + 4) == StoredMessageCodec.MESSAGE_MAGIC) {
                pos += b.getInt(pos);
            }
            assertEquals(StoredMessageCodec.BLANK_MAGIC, b.getInt(pos + 4), p.toString());
            assertTrue(Arrays.equals(new byte[4096 - pos - 8], Arrays.copyOfRange(bytes, pos + 8, 4096)), "clean tail " + p);
        }
    }
}
