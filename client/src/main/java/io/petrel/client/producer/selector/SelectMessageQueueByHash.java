package io.petrel.client.producer.selector;

import io.petrel.client.producer.MessageQueueSelector;
import io.petrel.common.message.Message;
import io.petrel.common.message.MessageQueue;
import java.util.List;

/** The queue at {@code |arg.hashCode() % size|}: equal arguments always land on the same queue. Stateless. */
public class SelectMessageQueueByHash implements MessageQueueSelector {
    @Override
    public MessageQueue select(List<MessageQueue> mqs, Message msg, Object arg) {
        int value = arg.hashCode() % mqs.size();
        return mqs.get(Math.abs(value));
    }
}
