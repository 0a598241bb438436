package io.petrel.client.consumer.rebalance;

import io.petrel.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Consumers on a {@link ConsistentHashRing}, each with {@code virtualNodeCnt} points (default 10); a queue goes to the
 * consumer owning its text {@code "MessageQueue [topic=T, brokerName=B, queueId=N]"}, the form RocketMQ 4.9.7 hashes.
 * Adding or removing a consumer moves only that consumer's share. Thread-safe: each call builds its own ring.
 */
public class AllocateMessageQueueConsistentHash extends AbstractAllocateMessageQueueStrategy {
    private final int virtualNodeCnt;
    private final Supplier<ToLongFunction<String>> hashFunctions;

    public AllocateMessageQueueConsistentHash() {
        this(10);
    }

    public AllocateMessageQueueConsistentHash(int virtualNodeCnt) {
        this(virtualNodeCnt, ConsistentHashRing::md5Hash);
    }

    /** @param hashFunctions makes a hash function for each allocation (one that may keep state, like a digest) */
    public AllocateMessageQueueConsistentHash(int virtualNodeCnt, Supplier<ToLongFunction<String>> hashFunctions) {
        if (virtualNodeCnt < 0) {
            throw new IllegalArgumentException("illegal virtualNodeCnt :" + virtualNodeCnt);
        }
        this.virtualNodeCnt = virtualNodeCnt;
        this.hashFunctions = hashFunctions;
    }

    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll,
                                       List<String> cidAll) {
        List<MessageQueue> result = new ArrayList<>();
        if (!check(consumerGroup, currentCID, mqAll, cidAll)) {
            return result;
        }
        ConsistentHashRing ring = new ConsistentHashRing(hashFunctions.get());
        for (String cid : cidAll) {
            ring.addNode(cid, virtualNodeCnt);
        }
        for (MessageQueue mq : mqAll) {
            if (currentCID.equals(ring.route(ringKey(mq)))) {
                result.add(mq);
            }
        }
        return result;
    }

    /** The text RocketMQ 4.9.7's {@code MessageQueue.toString()} gives, which is what it places on the ring. */
    static String ringKey(MessageQueue mq) {
        return mq.toString();
    }

    @Override
    public String getName() {
        return "CONSISTENT_HASH";
    }
}
