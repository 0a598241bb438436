package io.petrel.test.ha;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * An application's consumer on the official 4.9.7 client: a push consumer of one topic from its first offset,
 * refreshing routes every second and persisting offsets every second, that counts how often each key arrived.
 */
final class RecordingConsumer implements AutoCloseable {
    private final DefaultMQPushConsumer consumer;
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();

    RecordingConsumer(String namesrv, String group, String topic) throws MQClientException {
        consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(namesrv);
        consumer.setInstanceName("c-" + System.nanoTime());
        consumer.setPollNameServerInterval(1000);
        consumer.setPersistConsumerOffsetInterval(1000);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                seen.computeIfAbsent(m.getKeys(), k -> new AtomicInteger()).incrementAndGet();
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
    }

    boolean hasAll(Set<String> keys) {
        return seen.keySet().containsAll(keys);
    }

    int distinct() {
        return seen.size();
    }

    /** Deliveries beyond the first, over all keys. */
    int duplicates() {
        return seen.values().stream().mapToInt(c -> c.get() - 1).sum();
    }

    @Override
    public void close() {
        consumer.shutdown();
    }
}
