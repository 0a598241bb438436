package io.petrel.test.official;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;

/**
 * Threads that sync-send through one official producer until stopped, each message keyed {@code k-<n>}, and record
 * the key of every message acknowledged SEND_OK; a failed send (refused, cut by a kill) promises nothing and is not
 * recorded. For kill rounds: start, kill something, {@link #stop}.
 */
public final class AckingSenders {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final CountDownLatch done;

    private AckingSenders(int threads) {
        done = new CountDownLatch(threads);
    }

    /**
     * @param seq    the shared key counter (keys stay unique across rounds)
     * @param acked  where acknowledged keys go
     * @param message the message for a key
     */
    public static AckingSenders start(DefaultMQProducer producer, int threads, AtomicInteger seq, Set<String> acked,
                                      Function<String, Message> message) {
        AckingSenders s = new AckingSenders(threads);
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    while (!s.stop.get()) {
                        String key = "k-" + seq.incrementAndGet();
                        try {
                            SendResult r = producer.send(message.apply(key));
                            if (r.getSendStatus() == SendStatus.SEND_OK) {
                                acked.add(key);
                                s.acknowledged.incrementAndGet();
                            }
                        } catch (Exception e) {
                            // refused or cut by a kill: not acknowledged, nothing promised
                        }
                    }
                } finally {
                    s.done.countDown();
                }
            }, "acking-sender-" + t);
            th.setDaemon(true);
            th.start();
        }
        return s;
    }

    /** Messages acknowledged by these senders. */
    public int acknowledged() {
        return acknowledged.get();
    }

    /** Stops the senders; true when all finished within {@code wait}. */
    public boolean stop(Duration wait) throws InterruptedException {
        stop.set(true);
        return done.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }
}
