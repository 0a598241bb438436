package io.petrel.broker.schedule;

import com.alibaba.fastjson2.JSONArray;
import io.petrel.broker.config.JsonConfigFile;
import io.petrel.broker.inner.InnerMessage;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.StoredMessageCodec;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import io.petrel.store.GetMessageResult;
import io.petrel.store.MessageStore;
import io.petrel.store.PutMessageResult;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers timer messages (5.x's {@code TIMER_DELIVER_MS}, {@code TIMER_DELAY_SEC}, {@code TIMER_DELAY_MS}): the
 * send path parks such a message in queue 0 of {@code rmq_sys_wheel_timer} with its delivery time in
 * {@code TIMER_OUT_MS} and its real topic and queue in {@code REAL_TOPIC} / {@code REAL_QID}; this service reads
 * the parked records in queue order into a time-ordered index (delivery time, queue offset and CommitLog offset:
 * no body is held) and, once a message is due, stores a copy in its real topic and queue, with
 * {@code TIMER_ENQUEUE_MS} and {@code TIMER_DEQUEUE_MS} set; the stored copy keeps {@code REAL_TOPIC} and
 * {@code REAL_QID}, as a 5.3.1 broker's delivered copy does (checked against one).
 *
 * <p>Progress survives restarts: {@code config/timerDelivery.json} keeps the watermark (the lowest queue offset not
 * delivered yet) and the offsets above it already delivered, which a restart reads again from the watermark and
 * skips. Deliveries come out of queue order (a message parked for a day holds the watermark while later ones go
 * out), so when more than {@link #MAX_DELIVERED_ABOVE_WATERMARK} offsets pile up above it, the message holding it is
 * parked again at the end of the queue (its {@code TIMER_ROLL_TIMES} one higher) and the watermark moves on. A
 * crash between a delivery and the next write of the file delivers that message again after the restart.
 *
 * <p>A parked message with {@code TIMER_DEL_UNIQKEY} is a cancellation, as in 5.3: it is never delivered itself, and
 * a message parked for the same delivery time whose {@code UNIQ_KEY} it names is dropped instead of delivered (at one
 * time, messages go before cancellations, so a cancellation read before its time stops its message whatever order
 * they were parked in).
 *
 * <p>{@link #doWork()} is one pass; the broker runs it on masters only, on a thread of its own, after the pause
 * {@link #nextPassDelayMillis()} gives. Thread-safe (one pass at a time; the shutdown's {@link #persist()} waits for
 * it).
 */
public final class TimerMessageService {
    public static final String TIMER_TOPIC = "rmq_sys_wheel_timer";
    static final int MAX_DELIVERED_ABOVE_WATERMARK = 100_000;
    static final long PASS_INTERVAL_MS = 100;
    static final long MAX_IDLE_PASS_MS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(TimerMessageService.class);
    private static final String WHAT = "TimerDelivery";
    private static final int BATCH = 32;
    /** Records read into the index per pass at most, so that one pass does not hold deliveries back for long. */
    private static final int SCAN_PER_PASS = 4096;

    /** A parked record; {@code cancels} is the {@code TIMER_DEL_UNIQKEY} of a cancellation, else null. */
    private record Parked(long deliverMs, long queueOffset, long commitLogOffset, String cancels) {
        boolean isCancellation() {
            return cancels != null;
        }
    }

    /**
     * What 5.3's GET_BROKER_RUNTIME_INFO tells of its timer: seconds the delivery is behind its due messages
     * ({@code timerReadBehind}), parked records not read yet ({@code timerOffsetBehind}), messages parked
     * ({@code timerCongestNum}), and messages parked and delivered per second over the last ten seconds.
     */
    public record Figures(long readBehindSeconds, long offsetBehind, long parked, float enqueueTps,
                          float dequeueTps) {
    }

    /** Rates are taken over windows of this length and read as 0 once the last window is older than 13 s. */
    static final long RATE_WINDOW_MS = 10_000;

    private final MessageStore store;
    private final Clock clock;
    private final JsonConfigFile file;
    private final int maxDeliveredAboveWatermark;
    /** Due order: by time; at one time the messages before the cancellations that may name them. */
    private final PriorityQueue<Parked> byTime = new PriorityQueue<>(Comparator.comparingLong(Parked::deliverMs)
        .thenComparing(Parked::isCancellation).thenComparingLong(Parked::queueOffset));
    /** The same parked records by queue offset: the first is the one holding the watermark. */
    private final TreeMap<Long, Parked> byOffset = new TreeMap<>();
    private final TreeSet<Long> deliveredAbove = new TreeSet<>();
    /** The unique keys cancelled at each delivery time, from the cancellations read so far. */
    private final Map<Long, Map<String, Integer>> cancelledAt = new HashMap<>();
    /** Records in the index per delivery time (cancellations too), read by the send path without the lock. */
    private final ConcurrentHashMap<Long, Integer> parkedPerTime = new ConcurrentHashMap<>();
    private volatile long scanned;
    private boolean changed;
    private volatile int parkedCount;
    private volatile long earliestDueMs = Long.MAX_VALUE;
    private long enqueued;
    private long dequeued;
    private long windowStartMs = -1;
    private long windowEnqueued;
    private long windowDequeued;
    private volatile float enqueueTps;
    private volatile float dequeueTps;
    private volatile long ratesAtMs;

    public TimerMessageService(MessageStore store, Clock clock, JsonConfigFile file) {
        this(store, clock, file, MAX_DELIVERED_ABOVE_WATERMARK);
    }

    TimerMessageService(MessageStore store, Clock clock, JsonConfigFile file, int maxDeliveredAboveWatermark) {
        this.store = store;
        this.clock = clock;
        this.file = file;
        this.maxDeliveredAboveWatermark = maxDeliveredAboveWatermark;
    }

    /** What {@code timerDelivery.json} holds. */
    private record Progress(long watermark, TreeSet<Long> delivered) {
        static Progress decode(byte[] json) {
            return JsonBodies.decode(json, WHAT, root -> {
                TreeSet<Long> delivered = new TreeSet<>();
                JSONArray list = root.getJSONArray("delivered");
                if (list != null) {
                    for (int i = 0; i < list.size(); i++) {
                        delivered.add(list.getLongValue(i));
                    }
                }
                return new Progress(JsonBodies.longOr(root, "watermark", 0, WHAT), delivered);
            });
        }
    }

    /** Reads the progress file: parked records are read again from its watermark. */
    public synchronized void load() {
        Progress p = file.load(Progress::decode);
        scanned = p == null ? 0 : p.watermark();
        deliveredAbove.clear();
        if (p != null) {
            deliveredAbove.addAll(p.delivered().tailSet(scanned));
        }
        byTime.clear();
        byOffset.clear();
        cancelledAt.clear();
        parkedPerTime.clear();
        updateFigures(clock.millis());
    }

    /** The lowest queue offset not delivered yet: the first parked record's, or the next to read. */
    synchronized long watermark() {
        return byOffset.isEmpty() ? scanned : byOffset.firstKey();
    }

    /**
     * Records parked for delivery at {@code deliverMs} (a time rounded as the send path rounds it), cancellations
     * included, as far as the index has read: what 5.3's {@code timerCongestNumEachSlot} is compared with.
     * Does not wait for a pass.
     */
    public int parkedAt(long deliverMs) {
        Integer n = parkedPerTime.get(deliverMs);
        return n == null ? 0 : n;
    }

    /** Messages parked and not delivered yet, as far as the index has read. */
    public synchronized int pending() {
        return byTime.size();
    }

    /** One pass: reads newly parked records, delivers what is due; returns how many were delivered. */
    public synchronized int doWork() {
        scan();
        long before = dequeued;
        long now = clock.millis();
        while (!byTime.isEmpty() && byTime.peek().deliverMs() <= now) {
            Parked p = byTime.peek();
            if (p.isCancellation()) {
                uncancel(p); // never delivered itself
            } else if (!deliver(p, now)) {
                break; // the put failed: the next pass tries again
            }
            unindex(byTime.poll());
            settled(p.queueOffset());
        }
        rollWhileTooManyDelivered();
        updateFigures(now);
        return (int) (dequeued - before);
    }

    /** The timer figures of GET_BROKER_RUNTIME_INFO; does not wait for a pass. */
    public Figures figures() {
        long now = clock.millis();
        long due = earliestDueMs;
        boolean fresh = now - ratesAtMs <= RATE_WINDOW_MS + 3_000;
        return new Figures(due <= now ? (now - due) / 1000 : 0,
            Math.max(0, store.getMaxOffsetInQueue(TIMER_TOPIC, 0) - scanned), parkedCount,
            fresh ? enqueueTps : 0f, fresh ? dequeueTps : 0f);
    }

    private void updateFigures(long now) {
        parkedCount = byTime.size() - cancelledAt.values().stream().flatMap(k -> k.values().stream())
            .mapToInt(Integer::intValue).sum();
        earliestDueMs = byTime.isEmpty() ? Long.MAX_VALUE : byTime.peek().deliverMs();
        if (windowStartMs < 0) {
            windowStartMs = now;
            windowEnqueued = enqueued;
            windowDequeued = dequeued;
        } else if (now - windowStartMs >= RATE_WINDOW_MS) {
            float seconds = (now - windowStartMs) / 1000f;
            enqueueTps = (enqueued - windowEnqueued) / seconds;
            dequeueTps = (dequeued - windowDequeued) / seconds;
            ratesAtMs = now;
            windowStartMs = now;
            windowEnqueued = enqueued;
            windowDequeued = dequeued;
        }
    }

    /** {@value #PASS_INTERVAL_MS} ms while records wait to be read or a delivery is near; at most 1 s otherwise. */
    public synchronized long nextPassDelayMillis() {
        if (store.getMaxOffsetInQueue(TIMER_TOPIC, 0) > scanned) {
            return PASS_INTERVAL_MS;
        }
        if (byTime.isEmpty()) {
            return MAX_IDLE_PASS_MS;
        }
        long untilDue = byTime.peek().deliverMs() - clock.millis();
        return Math.max(PASS_INTERVAL_MS, Math.min(MAX_IDLE_PASS_MS, untilDue));
    }

    private void scan() {
        long max = store.getMaxOffsetInQueue(TIMER_TOPIC, 0);
        int read = 0;
        while (scanned < max && read < SCAN_PER_PASS) {
            GetMessageResult r = store.getMessage(TIMER_TOPIC, TIMER_TOPIC, 0, scanned, BATCH, null);
            if (r == null) {
                return;
            }
            try {
                List<ByteBuffer> records = r.messageBuffers();
                List<Long> queueOffsets = r.queueOffsets();
                for (int i = 0; i < records.size(); i++) {
                    long queueOffset = queueOffsets.get(i);
                    if (!deliveredAbove.contains(queueOffset)) {
                        index(records.get(i), queueOffset);
                    }
                }
                read += records.size();
                if (r.nextBeginOffset() <= scanned) {
                    return;
                }
                scanned = r.nextBeginOffset();
            } finally {
                r.release();
            }
        }
    }

    private void index(ByteBuffer record, long queueOffset) {
        MessageExt m = StoredMessageCodec.decode(record.duplicate(), false, false);
        long deliverMs;
        try {
            deliverMs = Long.parseLong(m.getProperty(MessageProperties.TIMER_OUT_MS));
        } catch (NumberFormatException e) {
            LOG.error("timer message {} at offset {} has no valid TIMER_OUT_MS; delivering it now", m.getMsgId(),
                queueOffset);
            deliverMs = 0;
        }
        Parked p = new Parked(deliverMs, queueOffset, m.getCommitLogOffset(),
            m.getProperty(MessageProperties.TIMER_DEL_UNIQKEY));
        byTime.add(p);
        byOffset.put(queueOffset, p);
        parkedPerTime.merge(deliverMs, 1, Integer::sum);
        if (p.isCancellation()) {
            cancelledAt.computeIfAbsent(deliverMs, t -> new HashMap<>()).merge(p.cancels(), 1, Integer::sum);
        } else {
            enqueued++;
        }
    }

    private void unindex(Parked p) {
        parkedPerTime.computeIfPresent(p.deliverMs(), (t, n) -> n <= 1 ? null : n - 1);
    }

    /** A cancellation is done with once its time has passed: the messages it could name were handled before it. */
    private void uncancel(Parked p) {
        Map<String, Integer> keys = cancelledAt.get(p.deliverMs());
        if (keys != null && keys.merge(p.cancels(), -1, Integer::sum) <= 0) {
            keys.remove(p.cancels());
            if (keys.isEmpty()) {
                cancelledAt.remove(p.deliverMs());
            }
        }
    }

    /**
     * Stores the copy in the real topic (counted in {@code dequeued}); true too when there is nothing to store (gone,
     * invalid, cancelled), false when the put failed and must be retried.
     */
    private boolean deliver(Parked p, long now) {
        MessageExt parked = store.lookMessageByOffset(p.commitLogOffset());
        if (parked == null) {
            LOG.warn("timer message at CommitLog offset {} is gone; skipped", p.commitLogOffset());
            return true;
        }
        String realTopic = parked.getProperty(MessageProperties.REAL_TOPIC);
        String realQueue = parked.getProperty(MessageProperties.REAL_QID);
        if (realTopic == null || realQueue == null || !realQueue.matches("\\d{1,9}")) {
            LOG.error("discarding timer message {} without a valid REAL_TOPIC/REAL_QID", parked.getMsgId());
            return true;
        }
        Map<String, Integer> cancelled = cancelledAt.get(p.deliverMs());
        String key = parked.getProperty(MessageProperties.UNIQ_KEY);
        if (cancelled != null && key != null && cancelled.containsKey(key)) {
            LOG.info("timer message {} for {} cancelled by TIMER_DEL_UNIQKEY; not delivered", key, realTopic);
            return true;
        }
        InnerMessage copy = InnerMessage.copyOf(parked, false);
        copy.setTopic(realTopic);
        copy.setQueueId(Integer.parseInt(realQueue));
        copy.putProperty(MessageProperties.TIMER_ENQUEUE_MS, Long.toString(parked.getStoreTimestamp()));
        copy.putProperty(MessageProperties.TIMER_DEQUEUE_MS, Long.toString(now));
        PutMessageResult result = copy.putInto(store);
        if (!result.isOk()) {
            LOG.warn("delivering timer message {} to {} failed: {}", parked.getMsgId(), realTopic, result.status());
            return false;
        }
        dequeued++;
        return true;
    }

    /** A parked record is done with (delivered, skipped or rolled): the watermark moves past what is settled. */
    private void settled(long queueOffset) {
        byOffset.remove(queueOffset);
        deliveredAbove.add(queueOffset);
        deliveredAbove.headSet(watermark()).clear();
        changed = true;
    }

    /**
     * While too many delivered offsets sit above the watermark, parks the message holding the watermark again at
     * the end of the queue (a new record, read later like any other) and settles the old record.
     */
    private void rollWhileTooManyDelivered() {
        while (deliveredAbove.size() > maxDeliveredAboveWatermark && !byOffset.isEmpty()) {
            Parked oldest = byOffset.firstEntry().getValue();
            if (!roll(oldest)) {
                return;
            }
            byTime.remove(oldest);
            unindex(oldest);
            if (oldest.isCancellation()) {
                uncancel(oldest); // its new record names the key again when it is read
            }
            settled(oldest.queueOffset());
        }
    }

    private boolean roll(Parked p) {
        MessageExt parked = store.lookMessageByOffset(p.commitLogOffset());
        if (parked == null) {
            return true;
        }
        InnerMessage again = InnerMessage.copyOf(parked, false);
        again.setTopic(TIMER_TOPIC);
        again.setQueueId(0);
        String rolls = parked.getProperty(MessageProperties.TIMER_ROLL_TIMES);
        again.putProperty(MessageProperties.TIMER_ROLL_TIMES,
            Integer.toString(rolls == null || !rolls.matches("\\d{1,9}") ? 1 : Integer.parseInt(rolls) + 1));
        PutMessageResult result = again.putInto(store);
        if (!result.isOk()) {
            LOG.warn("parking timer message {} again failed: {}", parked.getMsgId(), result.status());
            return false;
        }
        return true;
    }

    /** Writes the watermark and the offsets delivered above it, when they changed. */
    public synchronized void persist() {
        if (!changed) {
            return;
        }
        long watermark = watermark();
        JsonWriter out = new JsonWriter(64 + deliveredAbove.size() * 8);
        out.beginObject().name("delivered").beginArray();
        for (long offset : deliveredAbove.tailSet(watermark)) {
            out.value(offset);
        }
        out.endArray().field("watermark", watermark).endObject();
        file.store(out.toBytes());
        changed = false;
    }
}
