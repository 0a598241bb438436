package io.petrel.client.consumer;

import io.petrel.common.message.MessageQueue;
import java.util.Set;

/** Told when a rebalance changes the queues of a topic assigned to this consumer. */
public interface MessageQueueListener {
    void messageQueueChanged(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mqDivided);
}
