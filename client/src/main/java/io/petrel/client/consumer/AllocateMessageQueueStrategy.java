package io.petrel.client.consumer;

import io.petrel.common.message.MessageQueue;
import java.util.List;

/**
 * Decides which of a topic's queues one consumer of a group pulls. Every consumer of the group runs the same strategy
 * on the same sorted inputs, so the shares add up without coordination.
 */
public interface AllocateMessageQueueStrategy {
    /**
     * @param consumerGroup the group being rebalanced
     * @param currentCID this consumer's client id
     * @param mqAll all queues of the topic, sorted
     * @param cidAll client ids of the group's consumers, sorted
     * @return the queues {@code currentCID} should pull
     */
    List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll, List<String> cidAll);

    /** The strategy's name as consumers report it in their running info. */
    String getName();
}
