package io.petrel.client.latency;

import io.petrel.client.common.ThreadLocalIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Fault items in a concurrent map, each replaced whole on update, so readers never see a latency paired with another
 * update's deadline. Thread-safe.
 *
 * @param <T> broker identity
 */
public final class LatencyFaultToleranceImpl<T> implements LatencyFaultTolerance<T> {
    private static final Comparator<Snapshot<?>> BEST_FIRST = Comparator
        .comparing((Snapshot<?> s) -> !s.available())
        .thenComparingLong(Snapshot::latency)
        .thenComparingLong(Snapshot::availableFromMs);

    private final ConcurrentHashMap<T, FaultItem> items = new ConcurrentHashMap<>(16);
    private final LongSupplier clockMs;
    private final ThreadLocalIndex whichItemWorst;

    public LatencyFaultToleranceImpl() {
        this(System::currentTimeMillis);
    }

    public LatencyFaultToleranceImpl(LongSupplier clockMs) {
        this(clockMs, new ThreadLocalIndex());
    }

    /** @param whichItemWorst rotates {@link #pickOneAtLeast()} over the better half */
    public LatencyFaultToleranceImpl(LongSupplier clockMs, ThreadLocalIndex whichItemWorst) {
        this.clockMs = clockMs;
        this.whichItemWorst = whichItemWorst;
    }

    @Override
    public void updateFaultItem(T name, long currentLatency, long notAvailableDuration) {
        items.put(name, new FaultItem(currentLatency, clockMs.getAsLong() + notAvailableDuration));
    }

    @Override
    public boolean isAvailable(T name) {
        FaultItem item = name == null ? null : items.get(name);
        return item == null || item.isAvailable(clockMs.getAsLong());
    }

    @Override
    public void remove(T name) {
        if (name != null) {
            items.remove(name);
        }
    }

    @Override
    public T pickOneAtLeast() {
        long now = clockMs.getAsLong();
        List<Snapshot<T>> all = new ArrayList<>(items.size());
        items.forEach((name, item) -> all.add(new Snapshot<>(name, item.isAvailable(now), item.latency(),
            item.availableFromMs())));
        if (all.isEmpty()) {
            return null;
        }
        all.sort(BEST_FIRST);
        int half = all.size() / 2;
        if (half <= 0) {
            return all.get(0).name();
        }
        return all.get(whichItemWorst.incrementAndGet() % half).name();
    }

    @Override
    public String toString() {
        return "LatencyFaultToleranceImpl{" + items + "}";
    }

    /** Last latency seen and the time the broker becomes usable again. */
    private record FaultItem(long latency, long availableFromMs) {
        boolean isAvailable(long nowMs) {
            return nowMs - availableFromMs >= 0;
        }
    }

    /** One item as seen at one instant, for sorting. */
    private record Snapshot<T>(T name, boolean available, long latency, long availableFromMs) {
    }
}
