package io.petrel.client.consumer.listener;

import io.petrel.common.message.MessageExt;
import java.util.List;

/** Consumes each queue's messages in queue order, one batch at a time per queue. */
public interface MessageListenerOrderly extends MessageListener {
    ConsumeOrderlyStatus consumeMessage(List<MessageExt> msgs, ConsumeOrderlyContext context);
}
