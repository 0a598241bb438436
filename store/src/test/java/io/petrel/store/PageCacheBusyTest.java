package io.petrel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The append lock's hold time, which the store turns into OS_PAGECACHE_BUSY back-pressure. */
class PageCacheBusyTest {
    @TempDir
    Path root;

    @Test
    void lockHeldTimeGrowsWhileAnAppendIsStuck() throws Exception {
        MutableClock clock = new MutableClock(5_000_000L);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MappedFileFactory stuck = (path, from, size) -> {
            entered.countDown();
            try {
                assertTrue(release.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return MappedFile.open(path, from, size);
        };
        MessageStoreConfig config = TestMessages.smallConfig(root).build();
        MappedFileQueue files = new MappedFileQueue(root.resolve("commitlog"), config.mappedFileSizeCommitLog(), stuck);
        CommitLog log = new CommitLog(config, files, clock, DelayLevels.parse(config.messageDelayLevel()));
        CompletableFuture<PutMessageResult> put = CompletableFuture.supplyAsync(
            () -> log.append(PutRequest.of(TestMessages.message("BUSY", 0, "slow"))));
        try {
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            assertEquals(0, log.lockHeldMs());
            clock.advance(1500);
            assertEquals(1500, log.lockHeldMs());
            assertTrue(log.lockHeldMs() > config.osPageCacheBusyTimeOutMs());
        } finally {
            release.countDown();
        }
        assertTrue(put.get(10, TimeUnit.SECONDS).isOk());
        Awaitility.await().until(() -> log.lockHeldMs() == 0);
        files.shutdown(clock.millis());
    }
}
