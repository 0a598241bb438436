package io.petrel.test.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.store.DefaultMessageStore;
import io.petrel.test.namesrv.PetrelNamesrv;
import io.petrel.test.official.ClosingTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A SYNC_FLUSH Petrel broker under the official 4.9.7 client: every send from many threads at once is answered
 * SEND_OK only once its record is on disk, and the flushes run on the event loops that took the sends (one flush
 * for what a loop read at once) rather than one hand-off per send.
 */
@Timeout(180)
class SyncFlushAgainstPetrelBrokerTest extends ClosingTest {
    @Test
    void concurrentSyncSendsAreFlushedBeforeTheirAnswerOnTheLoopsThatTookThem() throws Exception {
        PetrelNamesrv namesrv = open.add(PetrelNamesrv.start(dir.resolve("namesrv")));
        Properties extra = new Properties();
        extra.setProperty("flushDiskType", "SYNC_FLUSH");
        PetrelBroker broker = open.add(PetrelBroker.start(dir.resolve("store"), "petrel-sf", namesrv.address(), extra));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> namesrv.hasRoute("TBW102"));
        DefaultMQProducer producer = new DefaultMQProducer("PG_SYNC_FLUSH");
        producer.setNamesrvAddr(namesrv.address());
        producer.setInstanceName("p-" + System.nanoTime());
        producer.start();
        open.add(producer::shutdown);
        DefaultMessageStore store = (DefaultMessageStore) broker.controller().store();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        open.add(senders::shutdownNow);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            sent.add(senders.submit(() -> {
                int ok = 0;
                for (int i = 0; i < 40; i++) {
                    byte[] body = ("durable " + thread + "-" + i).getBytes(StandardCharsets.UTF_8);
                    SendResult r = producer.send(new Message("SYNC_FLUSH_TOPIC", body));
                    assertEquals(SendStatus.SEND_OK, r.getSendStatus());
                    long flushed = store.commitLog().files().flushedWhere();
                    long recordAt = Long.parseLong(r.getOffsetMsgId().substring(16), 16);
                    assertTrue(flushed > recordAt, "answered before its record at " + recordAt + " was flushed ("
                        + flushed + ")");
                    ok++;
                }
                return ok;
            }));
        }
        int total = 0;
        for (Future<Integer> f : sent) {
            total += f.get(120, TimeUnit.SECONDS);
        }
        assertEquals(320, total);
        assertTrue(store.groupCommit().loopFlushes() > 0, "no flush ran on an event loop");
        assertTrue(store.commitLog().files().flushedWhere() >= store.commitLog().maxOffset());
    }
}
