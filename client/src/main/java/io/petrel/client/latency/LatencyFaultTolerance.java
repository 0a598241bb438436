package io.petrel.client.latency;

/**
 * Remembers which brokers answered slowly or failed, and keeps them out of queue selection for a while.
 *
 * @param <T> broker identity, usually the broker name
 */
public interface LatencyFaultTolerance<T> {
    /** Records a send's latency; {@code name} is unavailable for {@code notAvailableDuration} ms from now. */
    void updateFaultItem(T name, long currentLatency, long notAvailableDuration);

    /** True when nothing is recorded for {@code name} or its unavailable period has passed. */
    boolean isAvailable(T name);

    void remove(T name);

    /** Some recorded broker from the better half (available first, then lowest latency); null when none recorded. */
    T pickOneAtLeast();
}
