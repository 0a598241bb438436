package io.petrel.client.impl.consumer;

import io.petrel.common.message.MessageQueue;

/** The next pull of one queue for a push consumer: where to pull from and the queue's cache. */
public class PullRequest {
    private final String consumerGroup;
    private final MessageQueue messageQueue;
    private final ProcessQueue processQueue;
    private volatile long nextOffset;
    private volatile boolean lockedFirst;

    public PullRequest(String consumerGroup, MessageQueue messageQueue, ProcessQueue processQueue, long nextOffset) {
        this.consumerGroup = consumerGroup;
        this.messageQueue = messageQueue;
        this.processQueue = processQueue;
        this.nextOffset = nextOffset;
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public MessageQueue getMessageQueue() {
        return messageQueue;
    }

    public ProcessQueue getProcessQueue() {
        return processQueue;
    }

    public long getNextOffset() {
        return nextOffset;
    }

    public void setNextOffset(long nextOffset) {
        this.nextOffset = nextOffset;
    }

    public boolean isLockedFirst() {
        return lockedFirst;
    }

    public void setLockedFirst(boolean lockedFirst) {
        this.lockedFirst = lockedFirst;
    }

    @Override
    public String toString() {
        return "PullRequest [consumerGroup=" + consumerGroup + ", messageQueue=" + messageQueue + ", nextOffset="
            + nextOffset + "]";
    }
}
