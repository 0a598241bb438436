package io.petrel.client.consumer.rebalance;

import io.petrel.common.consumer.QueueAllocation;
import io.petrel.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.List;

/**
 * Contiguous ranges: with 8 queues and 3 consumers, the first gets queues 0-2, the second 3-5, the third 6-7.
 * Consumers beyond the queue count get nothing. Stateless.
 */
public class AllocateMessageQueueAveragely extends AbstractAllocateMessageQueueStrategy {
    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll,
                                       List<String> cidAll) {
        if (!check(consumerGroup, currentCID, mqAll, cidAll)) {
            return new ArrayList<>();
        }
        return QueueAllocation.averagely(mqAll, cidAll.size(), cidAll.indexOf(currentCID));
    }

    @Override
    public String getName() {
        return QueueAllocation.AVG;
    }
}
