package io.petrel.client.impl.consumer;

import io.petrel.client.consumer.MessageQueueListener;
import io.petrel.client.consumer.store.OffsetStore;
import io.petrel.client.consumer.store.ReadOffsetType;
import io.petrel.common.message.MessageQueue;
import java.util.Set;

/** Rebalance of a lite-pull consumer in subscribe mode: the queues it gains are handed to its pull tasks. */
public class RebalanceLitePullImpl extends RebalanceActiveImpl {
    private final DefaultLitePullConsumerImpl impl;

    public RebalanceLitePullImpl(DefaultLitePullConsumerImpl impl) {
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
        impl.updateAssignedQueues(topic, mqDivided);
    }

    @Override
    public long computePullFromWhere(MessageQueue mq) {
        return startOffset(mq, impl.getOffsetStore().readOffset(mq, ReadOffsetType.MEMORY_FIRST_THEN_STORE),
            impl.consumer().getConsumeFromWhere(), impl.consumer().getConsumeTimestamp());
    }
}
