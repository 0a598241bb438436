package io.petrel.tools.bench;

import io.petrel.client.consumer.DefaultMQPushConsumer;
import io.petrel.client.consumer.MessageSelector;
import io.petrel.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.petrel.client.consumer.listener.MessageListenerConcurrently;
import io.petrel.common.message.MessageExt;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code mqbench consumer}: a push consumer that counts every message; the latency is from the message's birth on
 * the producer to its consumption here (both wall clocks, so millisecond resolution and subject to clock skew
 * between hosts). A share {@code failRate} of the messages is answered with RECONSUME_LATER and counted as failed.
 * Runs until stopped.
 */
final class ConsumerBench {
    private ConsumerBench() {
    }

    static void run(BenchOptions.Consumer o, PrintStream out) throws Exception {
        String group = o.groupSuffix() ? o.group() + "_" + (System.currentTimeMillis() % 100) : o.group();
        out.printf("topic: %s, threadCount %d, group: %s, filterType: %s, expression: %s, failRate: %s%n",
            o.topic(), o.threads(), group, o.filterType(), o.expressionFile(), o.failRate());
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group, BenchOptions.Credentials.hook(o.acl()));
        if (o.namesrvAddr() != null) {
            consumer.setNamesrvAddr(o.namesrvAddr());
        }
        consumer.setInstanceName(Long.toString(System.nanoTime()));
        consumer.setConsumeThreadMin(o.threads());
        consumer.setConsumeThreadMax(o.threads());
        consumer.subscribe(o.topic(), selector(o, out));
        BenchStats stats = new BenchStats(System.nanoTime());
        consumer.registerMessageListener(listener(stats, o.failRate()));
        BenchRun run = new BenchRun(stats, "Consume(B2C)", out, System::nanoTime);
        run.start(consumer::shutdown);
        consumer.start();
        out.println("Consumer Started.");
    }

    private static MessageSelector selector(BenchOptions.Consumer o, PrintStream out) throws Exception {
        if (o.filterType() == null) {
            return MessageSelector.byTag("*");
        }
        String expression = Files.readString(Path.of(o.expressionFile()), StandardCharsets.UTF_8).trim();
        out.printf("Expression: %s%n", expression);
        return "SQL92".equals(o.filterType()) ? MessageSelector.bySql(expression) : MessageSelector.byTag(expression);
    }

    private static MessageListenerConcurrently listener(BenchStats stats, double failRate) {
        return (msgs, context) -> {
            long now = System.currentTimeMillis();
            for (MessageExt msg : msgs) {
                stats.success((now - msg.getBornTimestamp()) * 1000);
            }
            if (failRate > 0 && ThreadLocalRandom.current().nextDouble() < failRate) {
                stats.failure();
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        };
    }
}
