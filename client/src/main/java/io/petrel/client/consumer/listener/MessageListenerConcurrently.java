package io.petrel.client.consumer.listener;

import io.petrel.common.message.MessageExt;
import java.util.List;

/** Consumes batches on many threads, in no particular order. */
public interface MessageListenerConcurrently extends MessageListener {
    ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> msgs, ConsumeConcurrentlyContext context);
}
