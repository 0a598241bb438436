package io.petrel.client.impl.consumer;

import io.petrel.common.message.MessageQueue;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The queues a lite-pull consumer owns, each with its cache, pause flag and three offsets: where the next pull
 * starts, how far the application has polled, and a pending seek.
 */
public class AssignedMessageQueue {
    /** State of one assigned queue. */
    public static final class QueueState {
        final ProcessQueue processQueue = new ProcessQueue();
        volatile boolean paused;
        volatile long pullOffset = -1;
        volatile long consumeOffset = -1;
        volatile long seekOffset = -1;
    }

    private final ConcurrentMap<MessageQueue, QueueState> states = new ConcurrentHashMap<>();

    public Set<MessageQueue> messageQueues() {
        return new HashSet<>(states.keySet());
    }

    public QueueState state(MessageQueue mq) {
        return states.get(mq);
    }

    public boolean isPaused(MessageQueue mq) {
        QueueState s = states.get(mq);
        return s != null && s.paused;
    }

    public void pause(Collection<MessageQueue> mqs) {
        mqs.forEach(mq -> {
            QueueState s = states.get(mq);
            if (s != null) {
                s.paused = true;
            }
        });
    }

    public void resume(Collection<MessageQueue> mqs) {
        mqs.forEach(mq -> {
            QueueState s = states.get(mq);
            if (s != null) {
                s.paused = false;
            }
        });
    }

    public ProcessQueue processQueue(MessageQueue mq) {
        QueueState s = states.get(mq);
        return s == null ? null : s.processQueue;
    }

    public long pullOffset(MessageQueue mq) {
        QueueState s = states.get(mq);
        return s == null ? -1 : s.pullOffset;
    }

    public void updatePullOffset(MessageQueue mq, long offset, ProcessQueue pq) {
        QueueState s = states.get(mq);
        if (s != null && s.processQueue == pq) {
            s.pullOffset = offset;
        }
    }

    public long consumeOffset(MessageQueue mq) {
        QueueState s = states.get(mq);
        return s == null ? -1 : s.consumeOffset;
    }

    public void updateConsumeOffset(MessageQueue mq, long offset) {
        QueueState s = states.get(mq);
        if (s != null) {
            s.consumeOffset = offset;
        }
    }

    public long seekOffset(MessageQueue mq) {
        QueueState s = states.get(mq);
        return s == null ? -1 : s.seekOffset;
    }

    public void setSeekOffset(MessageQueue mq, long offset) {
        QueueState s = states.get(mq);
        if (s != null) {
            s.seekOffset = offset;
        }
    }

    /** Makes {@code assigned} the queues of {@code topic} (all topics when null); dropped ones are released. */
    public void updateAssignedMessageQueue(String topic, Collection<MessageQueue> assigned) {
        states.entrySet().removeIf(e -> {
            boolean ofTopic = topic == null || e.getKey().topic().equals(topic);
            if (ofTopic && !assigned.contains(e.getKey())) {
                e.getValue().processQueue.setDropped(true);
                return true;
            }
            return false;
        });
        for (MessageQueue mq : assigned) {
            states.computeIfAbsent(mq, k -> new QueueState());
        }
    }

    public void removeAssignedMessageQueue(String topic) {
        states.entrySet().removeIf(e -> {
            if (e.getKey().topic().equals(topic)) {
                e.getValue().processQueue.setDropped(true);
                return true;
            }
            return false;
        });
    }
}
