package io.petrel.client.impl.consumer;

import io.petrel.client.consumer.DefaultMQPushConsumer;
import io.petrel.client.consumer.listener.ConsumeConcurrentlyContext;
import io.petrel.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.petrel.client.consumer.listener.MessageListenerConcurrently;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Concurrent consumption: batches of up to {@code consumeMessageBatchMaxSize} run on the consume thread pool; failed
 * messages go back to the broker for a later retry (or, if that fails, are consumed again here after 5 s); the
 * queue's offset moves to the oldest message still cached.
 */
public class ConsumeMessageConcurrentlyService implements ConsumeMessageService {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumeMessageConcurrentlyService.class);

    private final DefaultMQPushConsumerImpl impl;
    private final DefaultMQPushConsumer consumer;
    private final MessageListenerConcurrently listener;
    private final ThreadPoolExecutor consumeExecutor;
    private final ScheduledExecutorService scheduler;
    private final ConsumeThreads threads;

    public ConsumeMessageConcurrentlyService(DefaultMQPushConsumerImpl impl, MessageListenerConcurrently listener) {
        this.impl = impl;
        this.consumer = impl.consumer();
        this.listener = listener;
        this.threads = new ConsumeThreads(consumer);
        this.consumeExecutor = threads.pool;
        this.scheduler = threads.scheduler;
    }

    @Override
    public void start() {
        long period = consumer.getConsumeTimeout();
        scheduler.scheduleAtFixedRate(this::cleanExpiredMsg, period, period, TimeUnit.MINUTES);
    }

    @Override
    public void shutdown(long awaitTerminateMillis) {
        threads.shutdown(awaitTerminateMillis);
    }

    @Override
    public int getCorePoolSize() {
        return consumeExecutor.getCorePoolSize();
    }

    @Override
    public void submitConsumeRequest(List<MessageExt> msgs, ProcessQueue pq, MessageQueue mq, boolean dispatch) {
        int batch = Math.max(1, consumer.getConsumeMessageBatchMaxSize());
        for (int from = 0; from < msgs.size(); from += batch) {
            List<MessageExt> part = new ArrayList<>(msgs.subList(from, Math.min(from + batch, msgs.size())));
            submit(part, pq, mq);
        }
    }

    private void submit(List<MessageExt> msgs, ProcessQueue pq, MessageQueue mq) {
        try {
            consumeExecutor.execute(() -> consume(msgs, pq, mq));
        } catch (RejectedExecutionException e) {
            submitLater(msgs, pq, mq);
        }
    }

    private void submitLater(List<MessageExt> msgs, ProcessQueue pq, MessageQueue mq) {
        try {
            scheduler.schedule(() -> submit(msgs, pq, mq), 5000, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("consumer stopped, {} messages of {} not retried here", msgs.size(), mq);
        }
    }

    private void consume(List<MessageExt> msgs, ProcessQueue pq, MessageQueue mq) {
        if (pq.isDropped()) {
            return;
        }
        impl.resetRetryAndNamespace(msgs);
        String now = Long.toString(System.currentTimeMillis());
        for (MessageExt m : msgs) {
            m.putProperty(MessageProperties.CONSUME_START_TIME, now);
        }
        ConsumeConcurrentlyContext context = new ConsumeConcurrentlyContext(mq);
        ConsumeConcurrentlyStatus status = null;
        long begin = System.currentTimeMillis();
        try {
            status = listener.consumeMessage(java.util.Collections.unmodifiableList(msgs), context);
        } catch (Throwable e) {
            LOG.warn("listener of {} threw on {} messages of {}", consumer.getConsumerGroup(), msgs.size(), mq, e);
        }
        impl.stats().onConsume(mq.topic(), System.currentTimeMillis() - begin, msgs.size(),
            status == ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        if (status == null) {
            status = ConsumeConcurrentlyStatus.RECONSUME_LATER;
        }
        if (!pq.isDropped()) {
            processConsumeResult(status, context, msgs, pq, mq);
        }
    }

    private void processConsumeResult(ConsumeConcurrentlyStatus status, ConsumeConcurrentlyContext context,
                                      List<MessageExt> msgs, ProcessQueue pq, MessageQueue mq) {
        int ackIndex = status == ConsumeConcurrentlyStatus.CONSUME_SUCCESS
            ? Math.min(context.getAckIndex(), msgs.size() - 1) : -1;
        List<MessageExt> retryHere = new ArrayList<>();
        if (consumer.getMessageModel() == MessageModel.BROADCASTING) {
            for (int i = ackIndex + 1; i < msgs.size(); i++) {
                LOG.warn("BROADCASTING, the message consume failed, drop it, {}", msgs.get(i));
            }
        } else {
            for (int i = ackIndex + 1; i < msgs.size(); i++) {
                MessageExt m = msgs.get(i);
                if (!impl.sendMessageBack(m, context.getDelayLevelWhenNextConsume(), mq.brokerName())) {
                    m.setReconsumeTimes(m.getReconsumeTimes() + 1);
                    retryHere.add(m);
                }
            }
        }
        List<MessageExt> done = new ArrayList<>(msgs);
        done.removeAll(retryHere);
        if (!retryHere.isEmpty()) {
            submitLater(retryHere, pq, mq);
        }
        long offset = pq.removeMessage(done);
        if (offset >= 0 && !pq.isDropped()) {
            impl.getOffsetStore().updateOffset(mq, offset, true);
        }
    }

    /** Sends back messages whose consumption has run past {@code consumeTimeout} minutes. */
    private void cleanExpiredMsg() {
        long timeoutMillis = TimeUnit.MINUTES.toMillis(consumer.getConsumeTimeout());
        impl.rebalance().getProcessQueueTable().forEach((mq, pq) -> {
            for (MessageExt m : pq.expiredMessages(timeoutMillis)) {
                if (impl.sendMessageBack(m, 3, mq.brokerName())) {
                    long offset = pq.removeMessage(List.of(m));
                    LOG.info("sent back {} of {}: consumption timed out", m.getMsgId(), mq);
                    if (offset >= 0 && !pq.isDropped()) {
                        impl.getOffsetStore().updateOffset(mq, offset, true);
                    }
                }
            }
        });
    }

    /** Consumes one message now, on the caller's thread, for CONSUME_MESSAGE_DIRECTLY. */
    public ConsumeConcurrentlyStatus consumeDirectly(MessageExt msg, MessageQueue mq) {
        List<MessageExt> msgs = new ArrayList<>(List.of(msg));
        impl.resetRetryAndNamespace(msgs);
        return listener.consumeMessage(msgs, new ConsumeConcurrentlyContext(mq));
    }
}
