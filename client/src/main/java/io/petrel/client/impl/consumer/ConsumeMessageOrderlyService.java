package io.petrel.client.impl.consumer;

import io.petrel.client.consumer.DefaultMQPushConsumer;
import io.petrel.client.consumer.listener.ConsumeOrderlyContext;
import io.petrel.client.consumer.listener.ConsumeOrderlyStatus;
import io.petrel.client.consumer.listener.MessageListenerOrderly;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.MessageQueue;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orderly consumption: one consume request at a time per queue, only while this client holds the queue's broker
 * lock (clustering); a failed batch suspends the queue and is consumed again, until its retries run out and it goes
 * to the dead-letter queue through the broker.
 */
public class ConsumeMessageOrderlyService implements ConsumeMessageService {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumeMessageOrderlyService.class);
    private static final long MAX_TIME_CONSUME_CONTINUOUSLY =
        Long.parseLong(System.getProperty("rocketmq.client.maxTimeConsumeContinuously", "60000"));

    private final DefaultMQPushConsumerImpl impl;
    private final DefaultMQPushConsumer consumer;
    private final MessageListenerOrderly listener;
    private final ThreadPoolExecutor consumeExecutor;
    private final ScheduledExecutorService scheduler;
    private final ConsumeThreads threads;
    private final MessageQueueLock messageQueueLock = new MessageQueueLock();
    private volatile boolean stopped;

    public ConsumeMessageOrderlyService(DefaultMQPushConsumerImpl impl, MessageListenerOrderly listener) {
        this.impl = impl;
        this.consumer = impl.consumer();
        this.listener = listener;
        this.threads = new ConsumeThreads(consumer);
        this.consumeExecutor = threads.pool;
        this.scheduler = threads.scheduler;
    }

    @Override
    public void start() {
        if (consumer.getMessageModel() == MessageModel.CLUSTERING) {
            scheduler.scheduleAtFixedRate(() -> {
                try {
                    impl.rebalance().lockAll();
                } catch (RuntimeException e) {
                    LOG.warn("renewing queue locks failed", e);
                }
            }, 1000, ProcessQueue.REBALANCE_LOCK_INTERVAL, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void shutdown(long awaitTerminateMillis) {
        stopped = true;
        threads.shutdown(awaitTerminateMillis);
        if (consumer.getMessageModel() == MessageModel.CLUSTERING) {
            impl.rebalance().unlockAll(false);
        }
    }

    @Override
    public int getCorePoolSize() {
        return consumeExecutor.getCorePoolSize();
    }

    @Override
    public void submitConsumeRequest(List<MessageExt> msgs, ProcessQueue pq, MessageQueue mq, boolean dispatch) {
        if (dispatch) {
            submit(pq, mq);
        }
    }

    private void submit(ProcessQueue pq, MessageQueue mq) {
        try {
            consumeExecutor.execute(() -> consume(pq, mq));
        } catch (RejectedExecutionException e) {
            LOG.debug("consumer stopped, {} not consumed", mq);
        }
    }

    private void submitLater(ProcessQueue pq, MessageQueue mq, long delayMillis) {
        long delay = delayMillis == -1 ? consumer.getSuspendCurrentQueueTimeMillis()
            : Math.min(Math.max(delayMillis, 10), 30_000);
        try {
            scheduler.schedule(() -> submit(pq, mq), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("consumer stopped, {} not resubmitted", mq);
        }
    }

    private void tryLockLaterAndReconsume(ProcessQueue pq, MessageQueue mq, long delayMillis) {
        try {
            scheduler.schedule(() -> {
                if (impl.rebalance().lock(mq)) {
                    submitLater(pq, mq, 10);
                } else {
                    submitLater(pq, mq, 3000);
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("consumer stopped, {} not relocked", mq);
        }
    }

    private void consume(ProcessQueue pq, MessageQueue mq) {
        if (pq.isDropped()) {
            return;
        }
        boolean clustering = consumer.getMessageModel() == MessageModel.CLUSTERING;
        synchronized (messageQueueLock.fetchLockObject(mq)) {
            if (clustering && (!pq.isLocked() || pq.isLockExpired())) {
                tryLockLaterAndReconsume(pq, mq, 100);
                return;
            }
            long begin = System.currentTimeMillis();
            while (!stopped && !pq.isDropped()) {
                if (clustering && (!pq.isLocked() || pq.isLockExpired())) {
                    tryLockLaterAndReconsume(pq, mq, 10);
                    return;
                }
                if (System.currentTimeMillis() - begin > MAX_TIME_CONSUME_CONTINUOUSLY) {
                    submitLater(pq, mq, 10);
                    return;
                }
                List<MessageExt> msgs = pq.takeMessages(Math.max(1, consumer.getConsumeMessageBatchMaxSize()));
                if (msgs.isEmpty()) {
                    return;
                }
                if (!consumeBatch(msgs, pq, mq)) {
                    return;
                }
            }
        }
    }

    /** @return whether to go on with the next batch of this queue */
    private boolean consumeBatch(List<MessageExt> msgs, ProcessQueue pq, MessageQueue mq) {
        impl.resetRetryAndNamespace(msgs);
        ConsumeOrderlyContext context = new ConsumeOrderlyContext(mq);
        ConsumeOrderlyStatus status = null;
        long begin = System.currentTimeMillis();
        pq.getConsumeLock().lock();
        try {
            if (pq.isDropped()) {
                return false;
            }
            status = listener.consumeMessage(Collections.unmodifiableList(msgs), context);
        } catch (Throwable e) {
            LOG.warn("orderly listener of {} threw on {}", consumer.getConsumerGroup(), mq, e);
        } finally {
            pq.getConsumeLock().unlock();
        }
        impl.stats().onConsume(mq.topic(), System.currentTimeMillis() - begin, msgs.size(),
            status == ConsumeOrderlyStatus.SUCCESS || status == ConsumeOrderlyStatus.COMMIT);
        if (status == null || status == ConsumeOrderlyStatus.ROLLBACK) {
            status = status == null ? ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT : status;
        }
        return processConsumeResult(msgs, status, context, pq, mq);
    }

    private boolean processConsumeResult(List<MessageExt> msgs, ConsumeOrderlyStatus status,
                                         ConsumeOrderlyContext context, ProcessQueue pq, MessageQueue mq) {
        boolean goOn = true;
        long commitOffset = -1;
        if (status == ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT) {
            if (suspendable(msgs, mq)) {
                pq.makeMessageToConsumeAgain(msgs);
                submitLater(pq, mq, context.getSuspendCurrentQueueTimeMillis());
                goOn = false;
            } else {
                commitOffset = pq.commit();
            }
        } else if (context.isAutoCommit() || status == ConsumeOrderlyStatus.COMMIT
            || status == ConsumeOrderlyStatus.SUCCESS) {
            commitOffset = pq.commit();
        } else {
            pq.rollback();
            submitLater(pq, mq, context.getSuspendCurrentQueueTimeMillis());
            goOn = false;
        }
        if (commitOffset >= 0 && !pq.isDropped()) {
            impl.getOffsetStore().updateOffset(mq, commitOffset, false);
        }
        return goOn;
    }

    /**
     * Counts one more try for each message; messages out of tries are sent back to the broker (which dead-letters
     * them). @return true when some message is to be consumed again here
     */
    private boolean suspendable(List<MessageExt> msgs, MessageQueue mq) {
        boolean again = false;
        int max = consumer.getMaxReconsumeTimes() == -1 ? Integer.MAX_VALUE : consumer.getMaxReconsumeTimes();
        for (MessageExt m : msgs) {
            if (m.getReconsumeTimes() >= max) {
                m.putProperty(MessageProperties.RECONSUME_TIME, Integer.toString(m.getReconsumeTimes()));
                if (!impl.sendMessageBack(m, -1, mq.brokerName())) {
                    again = true;
                    m.setReconsumeTimes(m.getReconsumeTimes() + 1);
                }
            } else {
                again = true;
                m.setReconsumeTimes(m.getReconsumeTimes() + 1);
            }
        }
        return again;
    }

    /**
     * Consumes one message now, on the caller's thread, for CONSUME_MESSAGE_DIRECTLY; the listener may turn
     * {@code context}'s auto-commit off.
     */
    public ConsumeOrderlyStatus consumeDirectly(MessageExt msg, ConsumeOrderlyContext context) {
        List<MessageExt> msgs = new java.util.ArrayList<>(List.of(msg));
        impl.resetRetryAndNamespace(msgs);
        return listener.consumeMessage(msgs, context);
    }
}
