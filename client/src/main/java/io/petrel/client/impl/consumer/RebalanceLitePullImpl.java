package io.petrel.client.impl.consumer;

import io.petrel.client.consumer.MessageQueueListener;
import io.petrel.client.consumer.store.ReadOffsetType;
import io.petrel.client.exception.MQClientException;
import io.petrel.common.heartbeat.ConsumeFromWhere;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.topic.TopicValidator;
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
        try {
            long last = impl.getOffsetStore().readOffset(mq, ReadOffsetType.MEMORY_FIRST_THEN_STORE);
            if (last >= 0) {
                return last;
            }
            if (last != -1) {
                return -1;
            }
            boolean retryTopic = mq.topic().startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX);
            ConsumeFromWhere where = impl.consumer().getConsumeFromWhere();
            return switch (where) {
                case CONSUME_FROM_FIRST_OFFSET -> 0;
                case CONSUME_FROM_TIMESTAMP -> retryTopic ? instance.getMQAdminImpl().maxOffset(mq)
                    : instance.getMQAdminImpl().searchOffset(mq,
                    RebalancePushImpl.parseTimestamp(impl.consumer().getConsumeTimestamp()));
                default -> retryTopic ? 0 : instance.getMQAdminImpl().maxOffset(mq);
            };
        } catch (MQClientException e) {
            LOG.warn("start offset of {} unknown: {}", mq, e.getErrorMessage());
            return -1;
        }
    }

    /** Lite pull starts its own pull tasks from {@link #messageQueueChanged}; nothing to dispatch here. */
    @Override
    public void dispatchPullRequest(List<PullRequest> pullRequestList) {
    }
}
