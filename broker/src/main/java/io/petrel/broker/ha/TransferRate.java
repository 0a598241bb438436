package io.petrel.broker.ha;

/** Bytes moved in the last whole second (5.x's {@code transferredByteInSecond}). Thread-safe. */
final class TransferRate {
    private long second = Long.MIN_VALUE;
    private long inSecond;
    private long lastSecond;

    synchronized void add(long bytes, long nowMillis) {
        roll(nowMillis / 1000);
        inSecond += bytes;
    }

    /** Bytes of the second before the current one (0 when nothing moved then). */
    synchronized long perSecond(long nowMillis) {
        roll(nowMillis / 1000);
        return lastSecond;
    }

    private void roll(long now) {
        if (now != second) {
            lastSecond = now == second + 1 ? inSecond : 0;
            inSecond = 0;
            second = now;
        }
    }
}
