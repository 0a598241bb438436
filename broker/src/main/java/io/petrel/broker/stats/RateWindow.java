package io.petrel.broker.stats;

import java.util.ArrayDeque;
import java.util.Deque;

/** Per-second rates of a growing counter over the last 10 s, 1 min and 10 min, from periodic samples. */
final class RateWindow {
    private record Sample(long millis, long value) {
    }

    private static final long[] WINDOWS_MS = {10_000, 60_000, 600_000};
    private final Deque<Sample> samples = new ArrayDeque<>();

    synchronized void sample(long nowMillis, long value) {
        samples.addLast(new Sample(nowMillis, value));
        while (samples.size() > 2 && samples.peekFirst().millis < nowMillis - WINDOWS_MS[2] - 10_000) {
            samples.removeFirst();
        }
    }

    synchronized String describe() {
        StringBuilder sb = new StringBuilder();
        for (long window : WINDOWS_MS) {
            sb.append(String.format(java.util.Locale.ROOT, "%.2f", rate(window))).append(' ');
        }
        return sb.toString();
    }

    private double rate(long windowMs) {
        if (samples.size() < 2) {
            return 0.0;
        }
        Sample last = samples.peekLast();
        Sample first = samples.peekFirst();
        for (Sample s : samples) {
            if (s.millis >= last.millis - windowMs) {
                first = s;
                break;
            }
        }
        long span = last.millis - first.millis;
        return span <= 0 ? 0.0 : (last.value - first.value) * 1000.0 / span;
    }
}
