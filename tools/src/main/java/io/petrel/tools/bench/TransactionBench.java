package io.petrel.tools.bench;

import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.producer.LocalTransactionState;
import io.petrel.client.producer.SendStatus;
import io.petrel.client.producer.TransactionListener;
import io.petrel.client.producer.TransactionMQProducer;
import io.petrel.client.producer.TransactionSendResult;
import io.petrel.common.message.Message;
import io.petrel.common.message.MessageExt;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code mqbench tproducer}: {@code threads} threads send transactional messages until stopped. The local
 * transaction commits, rolls back ({@code sendRollbackRate}) or stays unknown ({@code sendUnknownRate}); the
 * broker's later checks are answered the same way with the check rates, and counted.
 */
final class TransactionBench {
    private static final long BACKOFF_MS = 1000;

    private final BenchOptions.Transaction options;
    private final BenchStats stats;
    private final BenchRun run;

    private TransactionBench(BenchOptions.Transaction options, BenchStats stats, BenchRun run) {
        this.options = options;
        this.stats = stats;
        this.run = run;
    }

    static void run(BenchOptions.Transaction o, PrintStream out) throws Exception {
        out.printf("topic: %s threadCount: %d messageSize: %d sendRollbackRate: %s sendUnknownRate: %s "
                + "checkRollbackRate: %s checkUnknownRate: %s batchId: %d sendInterval: %d%n", o.topic(), o.threads(),
            o.messageSize(), o.sendRollbackRate(), o.sendUnknownRate(), o.checkRollbackRate(), o.checkUnknownRate(),
            o.batchId(), o.sendIntervalMs());
        LongAdder checks = new LongAdder();
        TransactionMQProducer producer = new TransactionMQProducer("benchmark_transaction_producer",
            BenchOptions.Credentials.hook(o.acl()));
        if (o.namesrvAddr() != null) {
            producer.setNamesrvAddr(o.namesrvAddr());
        }
        producer.setInstanceName(Long.toString(System.nanoTime()));
        producer.setTransactionListener(listener(o, checks));
        producer.start();
        BenchStats stats = new BenchStats(System.nanoTime());
        BenchRun run = new BenchRun(stats, "Send", out, System::nanoTime).withCounter("Checks", checks::sum);
        TransactionBench bench = new TransactionBench(o, stats, run);
        run.runSenders(o.threads(), () -> bench.sendLoop(producer), producer::shutdown);
    }

    /** Picks an outcome: roll back with {@code rollbackRate}, unknown with {@code unknownRate}, else commit. */
    static LocalTransactionState outcome(double draw, double rollbackRate, double unknownRate) {
        if (draw < rollbackRate) {
            return LocalTransactionState.ROLLBACK_MESSAGE;
        }
        return draw < rollbackRate + unknownRate ? LocalTransactionState.UNKNOW : LocalTransactionState.COMMIT_MESSAGE;
    }

    private static TransactionListener listener(BenchOptions.Transaction o, LongAdder checks) {
        return new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return outcome(ThreadLocalRandom.current().nextDouble(), o.sendRollbackRate(), o.sendUnknownRate());
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                checks.increment();
                return outcome(ThreadLocalRandom.current().nextDouble(), o.checkRollbackRate(),
                    o.checkUnknownRate());
            }
        };
    }

    private void sendLoop(TransactionMQProducer producer) {
        byte[] body = new byte[options.messageSize()];
        Arrays.fill(body, (byte) 'a');
        while (run.running() && !Thread.currentThread().isInterrupted()) {
            Message msg = new Message(options.topic(), body);
            msg.putUserProperty("batchId", Long.toString(options.batchId()));
            long begin = System.nanoTime();
            try {
                TransactionSendResult result = producer.sendMessageInTransaction(msg, null);
                if (result.getSendStatus() == SendStatus.SEND_OK) {
                    stats.success((System.nanoTime() - begin) / 1000);
                } else {
                    stats.responseFailure();
                }
                if (options.sendIntervalMs() > 0) {
                    Thread.sleep(options.sendIntervalMs());
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (e.getCause() instanceof MQBrokerException) {
                    stats.responseFailure();
                } else {
                    stats.failure();
                    sleepQuietly(BACKOFF_MS);
                }
            }
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
