package io.petrel.client.consumer.rebalance;

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
        List<MessageQueue> result = new ArrayList<>();
        if (!check(consumerGroup, currentCID, mqAll, cidAll)) {
            return result;
        }
        int index = cidAll.indexOf(currentCID);
        int queues = mqAll.size();
        int consumers = cidAll.size();
        int mod = queues % consumers;
        boolean takesExtra = mod > 0 && index < mod;
        int share = queues <= consumers ? 1 : queues / consumers + (takesExtra ? 1 : 0);
        int start = takesExtra ? index * share : index * share + mod;
        int range = Math.min(share, queues - start);
        for (int i = 0; i < range; i++) {
            result.add(mqAll.get((start + i) % queues));
        }
        return result;
    }

    @Override
    public String getName() {
        return "AVG";
    }
}
