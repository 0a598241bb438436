package io.petrel.test.bench;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** The timed send loops the benchmarks share, for any client. */
final class SendLoops {
    static final int BODY = 1024;
    private static final int MAX_SAMPLES_PER_THREAD = 2_000_000;

    private SendLoops() {
    }

    /** One synchronous send of {@code body}. */
    interface SyncSender {
        void send(byte[] body) throws Exception;
    }

    /** One asynchronous send of {@code body}, reporting to exactly one of the two. */
    interface AsyncSender {
        void send(byte[] body, Runnable ok, Runnable failed) throws Exception;
    }

    /**
     * Sends from {@code threads} threads for {@code seconds}; a failed send is counted and the thread goes on.
     *
     * @return {count, p50 micros, p99 micros, p999 micros, max micros, failures}
     */
    static long[] sync(SyncSender sender, int threads, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong failures = new AtomicLong();
        long[][] lat = new long[threads][];
        int[] counts = new int[threads];
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int id = t;
            new Thread(() -> {
                long[] l = new long[16_384];
                int n = 0;
                byte[] body = new byte[BODY];
                try {
                    while (!stop.get()) {
                        long b = System.nanoTime();
                        try {
                            sender.send(body);
                        } catch (Exception e) {
                            if (failures.incrementAndGet() <= 3) {
                                System.out.println("send failed: " + e);
                            }
                            continue;
                        }
                        if (n == l.length && n < MAX_SAMPLES_PER_THREAD) {
                            l = Arrays.copyOf(l, Math.min(n * 2, MAX_SAMPLES_PER_THREAD));
                        }
                        if (n < l.length) {
                            l[n++] = System.nanoTime() - b;
                        }
                    }
                } finally {
                    lat[id] = l;
                    counts[id] = n;
                    done.countDown();
                }
            }).start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(lat[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        if (total == 0) {
            return new long[] {0, 0, 0, 0, 0, failures.get()};
        }
        return new long[] {total, all[total / 2] / 1000, all[(int) (total * 0.99)] / 1000,
            all[(int) (total * 0.999)] / 1000, all[total - 1] / 1000, failures.get()};
    }

    /** Keeps {@code window} sends in flight for {@code seconds}; @return {msgs/s, messages sent, failed sends} */
    static double[] async(AsyncSender sender, int seconds, int window) throws Exception {
        Semaphore inFlight = new Semaphore(window);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        byte[] body = new byte[BODY];
        long end = System.currentTimeMillis() + seconds * 1000L;
        long begin = System.nanoTime();
        while (System.currentTimeMillis() < end) {
            inFlight.acquire();
            sender.send(body, () -> {
                ok.incrementAndGet();
                inFlight.release();
            }, () -> {
                failed.incrementAndGet();
                inFlight.release();
            });
        }
        inFlight.acquire(window);
        double elapsed = (System.nanoTime() - begin) / 1e9;
        if (failed.get() > 0) {
            System.out.println("async send failures: " + failed.get());
        }
        return new double[] {ok.get() / elapsed, ok.get(), failed.get()};
    }
}
