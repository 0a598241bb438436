package io.petrel.broker.client;

import io.petrel.common.message.MessageQueue;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Queue locks for orderly consumption: a queue of a group is held by one client id at a time; a lock not renewed
 * within the expiry can be taken by another client. Locks live in memory only. Thread-safe (per-group
 * synchronisation).
 */
public final class RebalanceLockManager {
    private record Lock(String clientId, long lastRenewMillis) {
    }

    private final ConcurrentHashMap<String, Map<MessageQueue, Lock>> byGroup = new ConcurrentHashMap<>();
    private final long expiryMillis;

    public RebalanceLockManager(long expiryMillis) {
        this.expiryMillis = expiryMillis;
    }

    /** Locks what can be locked for {@code clientId}; returns the queues it now holds among those asked for. */
    public Set<MessageQueue> tryLock(String group, Set<MessageQueue> queues, String clientId, long nowMillis) {
        Map<MessageQueue, Lock> locks = byGroup.computeIfAbsent(group, g -> new ConcurrentHashMap<>());
        Set<MessageQueue> granted = new HashSet<>();
        synchronized (locks) {
            for (MessageQueue mq : queues) {
                Lock current = locks.get(mq);
                boolean free = current == null || current.clientId.equals(clientId)
                    || nowMillis - current.lastRenewMillis > expiryMillis;
                if (free) {
                    locks.put(mq, new Lock(clientId, nowMillis));
                    granted.add(mq);
                }
            }
        }
        return granted;
    }

    public void unlock(String group, Set<MessageQueue> queues, String clientId) {
        Map<MessageQueue, Lock> locks = byGroup.get(group);
        if (locks == null) {
            return;
        }
        synchronized (locks) {
            for (MessageQueue mq : queues) {
                Lock current = locks.get(mq);
                if (current != null && current.clientId.equals(clientId)) {
                    locks.remove(mq);
                }
            }
        }
    }

    public boolean isLockedBy(String group, MessageQueue mq, String clientId, long nowMillis) {
        Map<MessageQueue, Lock> locks = byGroup.get(group);
        if (locks == null) {
            return false;
        }
        synchronized (locks) {
            Lock current = locks.get(mq);
            return current != null && current.clientId.equals(clientId)
                && nowMillis - current.lastRenewMillis <= expiryMillis;
        }
    }
}
