package io.petrel.client.impl.consumer;

import io.petrel.client.consumer.MessageQueueListener;
import io.petrel.client.consumer.store.OffsetStore;
import io.petrel.common.message.MessageQueue;
import java.util.Set;

/**
 * Rebalance of a pull consumer: the queues of its registered topics are shared out in the group and each change is
 * told to the application's listener; the application pulls them itself, from the offsets it chooses.
 */
public class RebalancePullImpl extends RebalanceActiveImpl {
    private final DefaultMQPullConsumerImpl impl;

    public RebalancePullImpl(DefaultMQPullConsumerImpl impl) {
        this.impl = impl;
    }

    @Override
    OffsetStore offsetStore() {
        return impl.getOffsetStore();
    }

    @Override
    MessageQueueListener listener() {
        return impl.consumer().getMessageQueueListener();
    }

    @Override
    void take(String topic, Set<MessageQueue> mqDivided) {
    }

    /** The application chooses where to pull from. */
    @Override
    public long computePullFromWhere(MessageQueue mq) {
        return 0;
    }
}
