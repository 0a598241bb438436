package io.petrel.client.consumer.rebalance;

import io.petrel.client.consumer.AllocateMessageQueueStrategy;
import io.petrel.common.message.MessageQueue;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The argument checks every built-in strategy makes first. */
public abstract class AbstractAllocateMessageQueueStrategy implements AllocateMessageQueueStrategy {
    private static final Logger LOG = LoggerFactory.getLogger(AbstractAllocateMessageQueueStrategy.class);

    /**
     * @return false (after logging) when {@code currentCID} is not among {@code cidAll}: the caller then allocates
     *     nothing
     * @throws IllegalArgumentException when the consumer id is empty or either list is null or empty
     */
    public boolean check(String consumerGroup, String currentCID, List<MessageQueue> mqAll, List<String> cidAll) {
        if (currentCID == null || currentCID.isEmpty()) {
            throw new IllegalArgumentException("currentCID is empty");
        }
        if (mqAll == null || mqAll.isEmpty()) {
            throw new IllegalArgumentException("mqAll is null or mqAll empty");
        }
        if (cidAll == null || cidAll.isEmpty()) {
            throw new IllegalArgumentException("cidAll is null or cidAll empty");
        }
        if (!cidAll.contains(currentCID)) {
            LOG.info("[BUG] ConsumerGroup: {} The consumerId: {} not in cidAll: {}", consumerGroup, currentCID, cidAll);
            return false;
        }
        return true;
    }
}
