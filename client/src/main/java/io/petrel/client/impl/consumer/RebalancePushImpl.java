package io.petrel.client.impl.consumer;

import io.petrel.client.consumer.AllocateMessageQueueStrategy;
import io.petrel.client.consumer.store.OffsetStore;
import io.petrel.client.consumer.store.ReadOffsetType;
import io.petrel.client.impl.MQClientInstance;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.message.MessageQueue;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rebalance of a push consumer: new queues start where the group's offset (or ConsumeFromWhere) says. */
public class RebalancePushImpl extends RebalanceImpl {
    private static final Logger LOG = LoggerFactory.getLogger(RebalancePushImpl.class);
    private static final long UNLOCK_DELAY_MILLIS = Long.parseLong(
        System.getProperty("rocketmq.client.unlockDelayTimeMills", "20000"));

    private final DefaultMQPushConsumerImpl impl;

    public RebalancePushImpl(DefaultMQPushConsumerImpl impl) {
        super(null, null, null, null);
        this.impl = impl;
    }

    public RebalancePushImpl(String group, MessageModel model, AllocateMessageQueueStrategy strategy,
                             MQClientInstance instance, DefaultMQPushConsumerImpl impl) {
        super(group, model, strategy, instance);
        this.impl = impl;
    }

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_PASSIVELY;
    }

    @Override
    public void messageQueueChanged(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mqDivided) {
        instance.sendHeartbeatToAllBrokerWithLock();
    }

    @Override
    public boolean removeUnnecessaryMessageQueue(MessageQueue mq, ProcessQueue pq) {
        OffsetStore store = impl.getOffsetStore();
        store.persist(mq);
        store.removeOffset(mq);
        if (!impl.isConsumeOrderly() || messageModel != MessageModel.CLUSTERING) {
            return true;
        }
        try {
            if (pq.getConsumeLock().tryLock(1000, TimeUnit.MILLISECONDS)) {
                try {
                    if (pq.hasTempMessage()) {
                        LOG.info("{} still has messages, unlocking it in {} ms", mq, UNLOCK_DELAY_MILLIS);
                        instance.scheduler().schedule(() -> unlock(mq, true), UNLOCK_DELAY_MILLIS,
                            TimeUnit.MILLISECONDS);
                    } else {
                        unlock(mq, true);
                    }
                    return true;
                } finally {
                    pq.getConsumeLock().unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public void removeDirtyOffset(MessageQueue mq) {
        impl.getOffsetStore().removeOffset(mq);
    }

    @Override
    public long computePullFromWhere(MessageQueue mq) {
        return startOffset(mq, impl.getOffsetStore().readOffset(mq, ReadOffsetType.READ_FROM_STORE),
            impl.consumer().getConsumeFromWhere(), impl.consumer().getConsumeTimestamp());
    }

    @Override
    public void dispatchPullRequest(List<PullRequest> pullRequestList) {
        for (PullRequest pr : pullRequestList) {
            impl.executePullRequestImmediately(pr);
        }
    }
}
