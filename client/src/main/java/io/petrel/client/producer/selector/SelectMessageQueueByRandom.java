package io.petrel.client.producer.selector;

import io.petrel.client.producer.MessageQueueSelector;
import io.petrel.common.message.Message;
import io.petrel.common.message.MessageQueue;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** A uniformly random queue; the argument is ignored. Thread-safe. */
public class SelectMessageQueueByRandom implements MessageQueueSelector {
    @Override
    public MessageQueue select(List<MessageQueue> mqs, Message msg, Object arg) {
        return mqs.get(ThreadLocalRandom.current().nextInt(mqs.size()));
    }
}
