package io.petrel.client.common;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;

/**
 * A round-robin position per thread, so concurrent senders spread over queues without sharing a counter. Each thread
 * starts at a random point; {@link #incrementAndGet()} never returns a negative value. Thread-safe.
 */
public final class ThreadLocalIndex {
    private static final int POSITIVE_MASK = 0x7FFFFFFF;

    /** One mutable int per thread; avoids boxing on every call. */
    private final ThreadLocal<int[]> index;

    public ThreadLocalIndex() {
        this(() -> ThreadLocalRandom.current().nextInt());
    }

    /** @param start gives each thread's starting point (its first call returns that value plus one, masked) */
    public ThreadLocalIndex(IntSupplier start) {
        this.index = ThreadLocal.withInitial(() -> new int[] {Math.abs(start.getAsInt())});
    }

    public int incrementAndGet() {
        int[] cell = index.get();
        return ++cell[0] & POSITIVE_MASK;
    }

    @Override
    public String toString() {
        return "ThreadLocalIndex{" + index.get()[0] + "}";
    }
}
