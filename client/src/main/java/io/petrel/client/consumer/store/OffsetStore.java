package io.petrel.client.consumer.store;

import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.exception.MQClientException;
import io.petrel.common.message.MessageQueue;
import io.petrel.remoting.exception.RemotingException;
import java.util.Map;
import java.util.Set;

/** The consumed offsets of one consumer group: in memory, persisted to the broker or to a local file. */
public interface OffsetStore {
    void load() throws MQClientException;

    void updateOffset(MessageQueue mq, long offset, boolean increaseOnly);

    /** @return the offset, -1 when none is stored, -2 (or less) when it could not be read */
    long readOffset(MessageQueue mq, ReadOffsetType type);

    void persistAll(Set<MessageQueue> mqs);

    void persist(MessageQueue mq);

    void removeOffset(MessageQueue mq);

    Map<MessageQueue, Long> cloneOffsetTable(String topic);

    void updateConsumeOffsetToBroker(MessageQueue mq, long offset, boolean isOneway)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;
}
