package io.petrel.tools.bench;

import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.producer.DefaultMQProducer;
import io.petrel.client.producer.SendCallback;
import io.petrel.client.producer.SendResult;
import io.petrel.common.message.Message;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code mqbench producer}: {@code threads} threads send as fast as they can (or one thread with at most
 * {@value #MAX_IN_FLIGHT} asynchronous sends outstanding), single messages or batches, until
 * {@code messageQuantity} sends are done (0: until stopped).
 */
final class ProducerBench {
    static final int MAX_IN_FLIGHT = 10_000;
    private static final long BACKOFF_MS = 1000;

    private final BenchOptions.Producer options;
    private final BenchStats stats;
    private final BenchRun run;
    private final AtomicLong tickets = new AtomicLong();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

    private ProducerBench(BenchOptions.Producer options, BenchStats stats, BenchRun run) {
        this.options = options;
        this.stats = stats;
        this.run = run;
    }

    static void run(BenchOptions.Producer o, PrintStream out) throws Exception {
        out.printf("topic: %s threadCount: %d messageSize: %d keyEnable: %s propertySize: %d tagCount: %d "
                + "delayEnable: %s delayLevel: %d asyncEnable: %s batchSize: %d messageQuantity: %d%n",
            o.topic(), o.threads(), o.messageSize(), o.keyEnable(), o.propertySize(), o.tagCount(), o.delayEnable(),
            o.delayLevel(), o.asyncEnable(), o.batchSize(), o.messageQuantity());
        DefaultMQProducer producer = new DefaultMQProducer("benchmark_producer",
            BenchOptions.Credentials.hook(o.acl()));
        if (o.namesrvAddr() != null) {
            producer.setNamesrvAddr(o.namesrvAddr());
        }
        producer.setInstanceName(Long.toString(System.nanoTime()));
        producer.setCompressMsgBodyOverHowmuch(Integer.MAX_VALUE);
        producer.start();
        BenchStats stats = new BenchStats(System.nanoTime());
        BenchRun run = new BenchRun(stats, o.batchSize() > 1 ? "Send(batch)" : "Send", out, System::nanoTime);
        ProducerBench bench = new ProducerBench(o, stats, run);
        if (run.runSenders(o.threads(), () -> bench.sendLoop(producer), producer::shutdown)) {
            bench.inFlight.tryAcquire(MAX_IN_FLIGHT, 30, TimeUnit.SECONDS);
            run.finish();
            producer.shutdown();
        }
    }


    private void sendLoop(DefaultMQProducer producer) {
        byte[] body = new byte[options.messageSize()];
        Arrays.fill(body, (byte) 'a');
        long quantity = options.messageQuantity();
        while (run.running() && (quantity == 0 || tickets.incrementAndGet() <= quantity)) {
            List<Message> batch = new ArrayList<>(options.batchSize());
            for (int i = 0; i < options.batchSize(); i++) {
                batch.add(MessageFactory.build(options, body, System.currentTimeMillis()));
            }
            long begin = System.nanoTime();
            try {
                send(producer, batch, begin);
            } catch (MQBrokerException e) {
                stats.responseFailure();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                stats.failure();
                backOff();
            }
        }
    }

    private void send(DefaultMQProducer producer, List<Message> batch, long beginNanos) throws Exception {
        if (options.asyncEnable()) {
            inFlight.acquire();
            SendCallback callback = new SendCallback() {
                @Override
                public void onSuccess(SendResult sendResult) {
                    stats.success(micros(beginNanos));
                    inFlight.release(); // after counting: the end of the run waits for every permit
                }

                @Override
                public void onException(Throwable e) {
                    stats.failure();
                    inFlight.release();
                }
            };
            try {
                if (batch.size() == 1) {
                    producer.send(batch.get(0), callback);
                } else {
                    producer.send(batch, callback);
                }
            } catch (Exception e) {
                inFlight.release();
                throw e;
            }
            return;
        }
        if (batch.size() == 1) {
            producer.send(batch.get(0));
        } else {
            producer.send(batch);
        }
        stats.success(micros(beginNanos));
    }

    private static long micros(long beginNanos) {
        return (System.nanoTime() - beginNanos) / 1000;
    }

    private void backOff() {
        try {
            Thread.sleep(BACKOFF_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
