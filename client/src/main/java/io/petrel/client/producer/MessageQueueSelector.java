package io.petrel.client.producer;

import io.petrel.common.message.Message;
import io.petrel.common.message.MessageQueue;
import java.util.List;

/** Picks the queue for one send, typically so related messages share a queue and keep their order. */
public interface MessageQueueSelector {
    /**
     * @param mqs the topic's publishable queues
     * @param msg the message being sent
     * @param arg the argument given to {@code send}, such as an order id
     */
    MessageQueue select(List<MessageQueue> mqs, Message msg, Object arg);
}
