package io.petrel.client.consumer.rebalance;

import io.petrel.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.List;

/** Dealt like cards: consumer {@code i} of {@code n} gets queues {@code i, i+n, i+2n, ...}. Stateless. */
public class AllocateMessageQueueAveragelyByCircle extends AbstractAllocateMessageQueueStrategy {
    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll,
                                       List<String> cidAll) {
        List<MessageQueue> result = new ArrayList<>();
        if (!check(consumerGroup, currentCID, mqAll, cidAll)) {
            return result;
        }
        int index = cidAll.indexOf(currentCID);
        for (int i = index; i < mqAll.size(); i += cidAll.size()) {
            result.add(mqAll.get(i));
        }
        return result;
    }

    @Override
    public String getName() {
        return "AVG_BY_CIRCLE";
    }
}
