package io.petrel.broker.pull;

import io.petrel.store.MessageStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polling: pulls that found nothing wait here per queue. New messages (from the store's dispatch) wake the
 * matching ones at once; {@link #checkAll()} (every 5 s, or every second with short polling) wakes those whose
 * queue moved on and those past their deadline. Woken pulls are handed to {@code rerun}, which runs them once
 * more without parking. Thread-safe.
 */
public final class PullRequestHoldService {
    private static final Logger LOG = LoggerFactory.getLogger(PullRequestHoldService.class);

    private final Map<String, List<HeldPull>> held = new ConcurrentHashMap<>();
    private final MessageStore store;
    private final Clock clock;
    private final Consumer<HeldPull> rerun;

    public PullRequestHoldService(MessageStore store, Clock clock, Consumer<HeldPull> rerun) {
        this.store = store;
        this.clock = clock;
        this.rerun = rerun;
    }

    private static String key(String topic, int queueId) {
        return topic + "@" + queueId;
    }

    void hold(String topic, int queueId, HeldPull pull) {
        List<HeldPull> list = held.computeIfAbsent(key(topic, queueId), k -> new ArrayList<>());
        synchronized (list) {
            list.add(pull);
        }
    }

    /** Store dispatch callback: the queue's max offset is now {@code maxOffset}. */
    public void messageArriving(String topic, int queueId, long maxOffset, Long tagsCode) {
        List<HeldPull> list = held.get(key(topic, queueId));
        if (list == null) {
            return;
        }
        List<HeldPull> wake = new ArrayList<>();
        long now = clock.millis();
        synchronized (list) {
            for (Iterator<HeldPull> it = list.iterator(); it.hasNext(); ) {
                HeldPull p = it.next();
                boolean hasData = maxOffset > p.pullOffset() && p.matches(tagsCode);
                if (hasData || now >= p.deadlineMillis() || !p.channel().isActive()) {
                    it.remove();
                    wake.add(p);
                }
            }
        }
        for (HeldPull p : wake) {
            if (p.channel().isActive()) {
                rerun.accept(p);
            }
        }
    }

    /** One pass over every parked pull (the periodic check). */
    public void checkAll() {
        for (String k : held.keySet()) {
            int at = k.lastIndexOf('@');
            String topic = k.substring(0, at);
            int queueId = Integer.parseInt(k.substring(at + 1));
            try {
                messageArriving(topic, queueId, store.getMaxOffsetInQueue(topic, queueId), null);
            } catch (RuntimeException e) {
                LOG.warn("long-polling check of {} failed", k, e);
            }
        }
        held.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty();
            }
        });
    }

    public int heldCount() {
        int n = 0;
        for (List<HeldPull> list : held.values()) {
            synchronized (list) {
                n += list.size();
            }
        }
        return n;
    }
}
