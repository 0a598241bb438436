package io.petrel.client.impl.consumer;

import io.petrel.client.consumer.MessageQueueListener;
import io.petrel.client.consumer.store.ReadOffsetType;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.message.MessageQueue;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rebalance of a lite-pull consumer in subscribe mode: the queues it gains are handed to its pull tasks. */
public class RebalanceLitePullImpl extends RebalanceImpl {
    private static final Logger LOG = LoggerFactory.getLogger(RebalanceLitePullImpl.class);

    private final DefaultLitePullConsumerImpl impl;

    public RebalanceLitePullImpl(DefaultLitePullConsumerImpl impl) {
        super(null, null, null, null);
        this.impl = impl;
    }

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_ACTIVELY;
    }

    @Override
    public void messageQueueChanged(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mqDivided) {
        impl.updateAssignedQueues(topic, mqDivided);
        MessageQueueListener listener = impl.consumer().getMessageQueueListener();
        if (listener != null) {
            try {
                listener.messageQueueChanged(topic, mqAll, mqDivided);
            } catch (RuntimeException e) {
                LOG.error("messageQueueChanged of {} threw", topic, e);
            }
        }
    }

    @Override
    public boolean removeUnnecessaryMessageQueue(MessageQueue mq, ProcessQueue pq) {
        impl.getOffsetStore().persist(mq);
        impl.getOffsetStore().removeOffset(mq);
        return true;
    }

    @Override
    public void removeDirtyOffset(MessageQueue mq) {
        impl.getOffsetStore().removeOffset(mq);
    }

    @Override
    public long computePullFromWhere(MessageQueue mq) {
        return startOffset(mq, impl.getOffsetStore().readOffset(mq, ReadOffsetType.MEMORY_FIRST_THEN_STORE),
            impl.consumer().getConsumeFromWhere(), impl.consumer().getConsumeTimestamp());
    }

    /** Lite pull starts its own pull tasks from {@link #messageQueueChanged}; nothing to dispatch here. */
    @Override
    public void dispatchPullRequest(List<PullRequest> pullRequestList) {
    }
}
