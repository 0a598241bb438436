package io.petrel.client.impl.consumer;

import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageQueue;
import java.util.List;

/** Runs a push consumer's listener over pulled messages. */
public interface ConsumeMessageService {
    void start();

    void shutdown(long awaitTerminateMillis);

    void submitConsumeRequest(List<MessageExt> msgs, ProcessQueue pq, MessageQueue mq, boolean dispatchToConsume);

    int getCorePoolSize();
}
