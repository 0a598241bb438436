package io.petrel.client.consumer;

import io.petrel.common.message.MessageQueue;
import java.util.Set;

/** Told when the queues of a topic a lite-pull consumer watches change. */
public interface TopicMessageQueueChangeListener {
    void onChanged(String topic, Set<MessageQueue> messageQueues);
}
