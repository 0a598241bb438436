package io.petrel.client.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ThreadLocalIndexTest {
    @Test
    void countsUpFromTheStartPoint() {
        ThreadLocalIndex index = new ThreadLocalIndex(() -> 5);
        assertEquals(6, index.incrementAndGet());
        assertEquals(7, index.incrementAndGet());
    }

    @Test
    void neverNegative() {
        ThreadLocalIndex atMax = new ThreadLocalIndex(() -> Integer.MAX_VALUE);
        assertEquals(0, atMax.incrementAndGet());
        assertEquals(1, atMax.incrementAndGet());
        ThreadLocalIndex atMin = new ThreadLocalIndex(() -> Integer.MIN_VALUE);
        assertEquals(1, atMin.incrementAndGet());
        ThreadLocalIndex negative = new ThreadLocalIndex(() -> -10);
        assertEquals(11, negative.incrementAndGet());
    }

    @Test
    void eachThreadHasItsOwnPosition() throws Exception {
        AtomicInteger starts = new AtomicInteger(100);
        ThreadLocalIndex index = new ThreadLocalIndex(() -> starts.getAndAdd(100));
        assertEquals(101, index.incrementAndGet());
        int[] other = new int[2];
        Thread t = new Thread(() -> {
            other[0] = index.incrementAndGet();
            other[1] = index.incrementAndGet();
        });
        t.start();
        t.join();
        assertEquals(201, other[0]);
        assertEquals(202, other[1]);
        assertEquals(102, index.incrementAndGet());
    }
}
