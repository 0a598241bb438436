package io.petrel.client.consumer.rebalance;

import io.petrel.common.consumer.QueueAllocation;
import io.petrel.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.List;

/** Dealt like cards: consumer {@code i} of {@code n} gets queues {@code i, i+n, i+2n, ...}. Stateless. */
public class AllocateMessageQueueAveragelyByCircle extends AbstractAllocateMessageQueueStrategy {
    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll,
                                       List<String> cidAll) {
        if (!check(consumerGroup, currentCID, mqAll, cidAll)) {
            return new ArrayList<>();
        }
        return QueueAllocation.byCircle(mqAll, cidAll.size(), cidAll.indexOf(currentCID));
    }

    @Override
    public String getName() {
        return QueueAllocation.AVG_BY_CIRCLE;
    }
}
