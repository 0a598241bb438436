package io.petrel.client.impl.consumer;

import io.petrel.common.message.MessageQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** One monitor per queue, so that one orderly consume request at a time runs for a queue. */
public class MessageQueueLock {
    private final ConcurrentMap<MessageQueue, Object> locks = new ConcurrentHashMap<>();

    public Object fetchLockObject(MessageQueue mq) {
        return locks.computeIfAbsent(mq, k -> new Object());
    }
}
