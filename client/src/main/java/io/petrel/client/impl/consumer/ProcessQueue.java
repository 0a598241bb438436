package io.petrel.client.impl.consumer;

import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The messages of one queue pulled and not yet consumed, by queue offset, with the counters flow control reads.
 * For orderly consumption it also holds the batch being consumed and the broker lock's state. Thread-safe.
 */
public class ProcessQueue {
    /** A broker queue lock is good for this long after it was taken or renewed. */
    public static final long REBALANCE_LOCK_MAX_LIVE_TIME =
        Long.parseLong(System.getProperty("rocketmq.client.rebalance.lockMaxLiveTime", "30000"));
    public static final long REBALANCE_LOCK_INTERVAL =
        Long.parseLong(System.getProperty("rocketmq.client.rebalance.lockInterval", "20000"));
    private static final long PULL_MAX_IDLE_TIME =
        Long.parseLong(System.getProperty("rocketmq.client.pull.pullMaxIdleTime", "120000"));

    private final ReadWriteLock treeMapLock = new ReentrantReadWriteLock();
    private final TreeMap<Long, MessageExt> msgTreeMap = new TreeMap<>();
    private final TreeMap<Long, MessageExt> consumingMsgOrderlyTreeMap = new TreeMap<>();
    private final AtomicLong msgCount = new AtomicLong();
    private final AtomicLong msgSize = new AtomicLong();
    private final ReentrantLock consumeLock = new ReentrantLock();
    private volatile long queueOffsetMax;
    private volatile boolean dropped;
    private volatile long lastPullTimestamp = System.currentTimeMillis();
    private volatile long lastConsumeTimestamp = System.currentTimeMillis();
    private volatile boolean locked;
    private volatile long lastLockTimestamp = System.currentTimeMillis();
    private volatile boolean consuming;
    private volatile long msgAccCnt;

    public boolean isLockExpired() {
        return System.currentTimeMillis() - lastLockTimestamp > REBALANCE_LOCK_MAX_LIVE_TIME;
    }

    public boolean isPullExpired() {
        return System.currentTimeMillis() - lastPullTimestamp > PULL_MAX_IDLE_TIME;
    }

    /** Adds pulled messages; @return whether a consume request should be dispatched (orderly: none running). */
    public boolean putMessage(List<MessageExt> msgs) {
        boolean dispatch = false;
        treeMapLock.writeLock().lock();
        try {
            int added = 0;
            for (MessageExt m : msgs) {
                if (msgTreeMap.put(m.getQueueOffset(), m) == null) {
                    added++;
                    queueOffsetMax = m.getQueueOffset();
                    msgSize.addAndGet(m.getBody() == null ? 0 : m.getBody().length);
                }
            }
            msgCount.addAndGet(added);
            if (!msgTreeMap.isEmpty() && !consuming) {
                dispatch = true;
                consuming = true;
            }
            if (!msgs.isEmpty()) {
                String max = msgs.get(msgs.size() - 1).getProperty(MessageProperties.MAX_OFFSET);
                if (max != null) {
                    long acc = Long.parseLong(max) - msgs.get(msgs.size() - 1).getQueueOffset();
                    msgAccCnt = Math.max(acc, 0);
                }
            }
        } finally {
            treeMapLock.writeLock().unlock();
        }
        return dispatch;
    }

    /** Offset span between the first and last cached message. */
    public long getMaxSpan() {
        treeMapLock.readLock().lock();
        try {
            return msgTreeMap.isEmpty() ? 0 : msgTreeMap.lastKey() - msgTreeMap.firstKey();
        } finally {
            treeMapLock.readLock().unlock();
        }
    }

    /**
     * Removes consumed messages; @return the offset to commit: the first still cached, or one past the highest
     * offset ever cached when none is left; -1 when nothing was cached.
     */
    public long removeMessage(List<MessageExt> msgs) {
        long now = System.currentTimeMillis();
        treeMapLock.writeLock().lock();
        try {
            lastConsumeTimestamp = now;
            if (msgTreeMap.isEmpty()) {
                return -1;
            }
            long result = queueOffsetMax + 1;
            int removed = 0;
            for (MessageExt m : msgs) {
                if (msgTreeMap.remove(m.getQueueOffset()) != null) {
                    removed--;
                    msgSize.addAndGet(-(m.getBody() == null ? 0 : m.getBody().length));
                }
            }
            msgCount.addAndGet(removed);
            if (!msgTreeMap.isEmpty()) {
                result = msgTreeMap.firstKey();
            }
            return result;
        } finally {
            treeMapLock.writeLock().unlock();
        }
    }

    /** Orderly: the next {@code batchSize} messages, moved to the consuming map; empty ends consumption. */
    public List<MessageExt> takeMessages(int batchSize) {
        List<MessageExt> out = new ArrayList<>(batchSize);
        long now = System.currentTimeMillis();
        treeMapLock.writeLock().lock();
        try {
            lastConsumeTimestamp = now;
            for (int i = 0; i < batchSize && !msgTreeMap.isEmpty(); i++) {
                Map.Entry<Long, MessageExt> e = msgTreeMap.pollFirstEntry();
                out.add(e.getValue());
                consumingMsgOrderlyTreeMap.put(e.getKey(), e.getValue());
            }
            if (out.isEmpty()) {
                consuming = false;
            }
        } finally {
            treeMapLock.writeLock().unlock();
        }
        return out;
    }

    /** Orderly: the batch being consumed is done; @return the offset to commit, -1 when nothing was consumed. */
    public long commit() {
        treeMapLock.writeLock().lock();
        try {
            if (consumingMsgOrderlyTreeMap.isEmpty()) {
                return -1;
            }
            long offset = consumingMsgOrderlyTreeMap.lastKey();
            msgCount.addAndGet(-consumingMsgOrderlyTreeMap.size());
            for (MessageExt m : consumingMsgOrderlyTreeMap.values()) {
                msgSize.addAndGet(-(m.getBody() == null ? 0 : m.getBody().length));
            }
            consumingMsgOrderlyTreeMap.clear();
            return offset + 1;
        } finally {
            treeMapLock.writeLock().unlock();
        }
    }

    /** Orderly: puts a failed batch back to be consumed again first. */
    public void makeMessageToConsumeAgain(List<MessageExt> msgs) {
        treeMapLock.writeLock().lock();
        try {
            for (MessageExt m : msgs) {
                consumingMsgOrderlyTreeMap.remove(m.getQueueOffset());
                msgTreeMap.put(m.getQueueOffset(), m);
            }
        } finally {
            treeMapLock.writeLock().unlock();
        }
    }

    /** Orderly: puts the batch in consumption back (a rebalance took the queue away or auto-commit is off). */
    public void rollback() {
        treeMapLock.writeLock().lock();
        try {
            msgTreeMap.putAll(consumingMsgOrderlyTreeMap);
            consumingMsgOrderlyTreeMap.clear();
        } finally {
            treeMapLock.writeLock().unlock();
        }
    }

    /** Messages whose consumption started more than {@code timeoutMillis} ago, oldest first (at most 16). */
    public List<MessageExt> expiredMessages(long timeoutMillis) {
        List<MessageExt> out = new ArrayList<>();
        long now = System.currentTimeMillis();
        treeMapLock.readLock().lock();
        try {
            for (MessageExt m : msgTreeMap.values()) {
                String started = m.getProperty(MessageProperties.CONSUME_START_TIME);
                if (out.size() >= 16 || started == null || now - Long.parseLong(started) <= timeoutMillis) {
                    break;
                }
                out.add(m);
            }
        } finally {
            treeMapLock.readLock().unlock();
        }
        return out;
    }

    public void clear() {
        treeMapLock.writeLock().lock();
        try {
            msgTreeMap.clear();
            consumingMsgOrderlyTreeMap.clear();
            msgCount.set(0);
            msgSize.set(0);
            queueOffsetMax = 0;
        } finally {
            treeMapLock.writeLock().unlock();
        }
    }

    public boolean hasTempMessage() {
        treeMapLock.readLock().lock();
        try {
            return !msgTreeMap.isEmpty();
        } finally {
            treeMapLock.readLock().unlock();
        }
    }

    public long firstOffset() {
        treeMapLock.readLock().lock();
        try {
            return msgTreeMap.isEmpty() ? -1 : msgTreeMap.firstKey();
        } finally {
            treeMapLock.readLock().unlock();
        }
    }

    public long lastOffset() {
        treeMapLock.readLock().lock();
        try {
            return msgTreeMap.isEmpty() ? -1 : msgTreeMap.lastKey();
        } finally {
            treeMapLock.readLock().unlock();
        }
    }

    public int consumingCount() {
        treeMapLock.readLock().lock();
        try {
            return consumingMsgOrderlyTreeMap.size();
        } finally {
            treeMapLock.readLock().unlock();
        }
    }

    public AtomicLong getMsgCount() {
        return msgCount;
    }

    public AtomicLong getMsgSize() {
        return msgSize;
    }

    public ReentrantLock getConsumeLock() {
        return consumeLock;
    }

    public boolean isDropped() {
        return dropped;
    }

    public void setDropped(boolean dropped) {
        this.dropped = dropped;
    }

    public boolean isLocked() {
        return locked;
    }

    public void setLocked(boolean locked) {
        this.locked = locked;
    }

    public long getLastLockTimestamp() {
        return lastLockTimestamp;
    }

    public void setLastLockTimestamp(long lastLockTimestamp) {
        this.lastLockTimestamp = lastLockTimestamp;
    }

    public long getLastPullTimestamp() {
        return lastPullTimestamp;
    }

    public void setLastPullTimestamp(long lastPullTimestamp) {
        this.lastPullTimestamp = lastPullTimestamp;
    }

    public long getLastConsumeTimestamp() {
        return lastConsumeTimestamp;
    }

    public long getMsgAccCnt() {
        return msgAccCnt;
    }

    public boolean isConsuming() {
        return consuming;
    }
}
