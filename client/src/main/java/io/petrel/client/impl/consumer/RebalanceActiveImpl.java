package io.petrel.client.impl.consumer;

import io.petrel.client.consumer.MessageQueueListener;
import io.petrel.client.consumer.store.OffsetStore;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.message.MessageQueue;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebalance of the consumers whose application drives the pulls (lite pull and pull): each change of a topic's
 * share is taken by the consumer and told to the application's listener; a queue given up has its offset committed
 * and forgotten.
 */
abstract class RebalanceActiveImpl extends RebalanceImpl {
    private static final Logger LOG = LoggerFactory.getLogger(RebalanceActiveImpl.class);

    RebalanceActiveImpl() {
        super(null, null, null, null);
    }

    abstract OffsetStore offsetStore();

    abstract MessageQueueListener listener();

    /** The consumer's own use of its new share of {@code topic}, before the listener hears of it. */
    abstract void take(String topic, Set<MessageQueue> mqDivided);

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_ACTIVELY;
    }

    @Override
    public void messageQueueChanged(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mqDivided) {
        take(topic, mqDivided);
        MessageQueueListener listener = listener();
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
        offsetStore().persist(mq);
        offsetStore().removeOffset(mq);
        return true;
    }

    @Override
    public void removeDirtyOffset(MessageQueue mq) {
        offsetStore().removeOffset(mq);
    }

    /** The application's pulls, or the consumer's own pull tasks, start from the share; nothing to dispatch. */
    @Override
    public void dispatchPullRequest(List<PullRequest> pullRequestList) {
    }
}
