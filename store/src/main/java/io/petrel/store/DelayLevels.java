package io.petrel.store;

import java.util.Arrays;

/** The delay levels of {@code messageDelayLevel} ("1s 5s ... 2h"), in milliseconds, level 1 first. */
public final class DelayLevels {
    private final long[] delaysMs;

    private DelayLevels(long[] delaysMs) {
        this.delaysMs = delaysMs;
    }

    public static DelayLevels parse(String text) {
        String[] parts = text.trim().split("\\s+");
        long[] delays = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.length() < 2) {
                throw new IllegalArgumentException("invalid store config 'messageDelayLevel': bad level '" + p + "'");
            }
            long unit = switch (p.charAt(p.length() - 1)) {
                case 's' -> 1000L;
                case 'm' -> 60_000L;
                case 'h' -> 3_600_000L;
                case 'd' -> 86_400_000L;
                default -> throw new IllegalArgumentException("invalid store config 'messageDelayLevel': bad unit in '" + p + "'");
            };
            try {
                delays[i] = Long.parseLong(p.substring(0, p.length() - 1)) * unit;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid store config 'messageDelayLevel': bad number in '" + p + "'", e);
            }
        }
        return new DelayLevels(delays);
    }

    public int maxLevel() {
        return delaysMs.length;
    }

    /** Delivery time of a message stored at {@code storeTimestamp} with {@code level}; unknown levels add 1 s. */
    public long deliverTime(int level, long storeTimestamp) {
        int clamped = Math.min(level, delaysMs.length);
        return clamped >= 1 ? storeTimestamp + delaysMs[clamped - 1] : storeTimestamp + 1000;
    }

    @Override
    public String toString() {
        return Arrays.toString(delaysMs);
    }
}
