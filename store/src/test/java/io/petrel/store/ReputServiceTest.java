package io.petrel.store;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReputServiceTest {
    @TempDir
    Path root;

    /**
     * The idle bound is an hour here, so every record can only have been dispatched because the append woke the
     * parked thread: several rounds of "park, append, dispatched" with no timed wake-up in between.
     */
    @Test
    void aParkedServiceIsWokenByEachAppend() {
        MessageStoreConfig config = TestMessages.smallConfig(root).build();
        MappedFileQueue files = new MappedFileQueue(root.resolve("commitlog"), config.mappedFileSizeCommitLog(),
            MappedFileFactory.DIRECT);
        DelayLevels delays = DelayLevels.parse(config.messageDelayLevel());
        CommitLog log = new CommitLog(config, files, Clock.systemUTC(), delays);
        List<DispatchRequest> seen = new CopyOnWriteArrayList<>();
        ReputService reput = new ReputService(log, new RecordReader(delays), seen::add, TimeUnit.HOURS.toNanos(1));
        reput.setReputFromOffset(0);
        reput.start();
        try {
            for (int i = 1; i <= 5; i++) {
                await().atMost(Duration.ofSeconds(10)).until(reput::isParked);
                PutMessageResult r = log.append(PutRequest.of(TestMessages.message("WAKE", 0, "m" + i)));
                reput.appended();
                int expected = i;
                await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == expected);
                assertEquals(r.wroteOffset(), seen.get(i - 1).commitLogOffset());
            }
            assertEquals(log.maxOffset(), reput.reputFromOffset());
            assertEquals(0, reput.errors());
        } finally {
            reput.shutdown();
            files.shutdown(0);
        }
    }
}
