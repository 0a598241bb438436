package io.petrel.store;

import java.util.Locale;

/** Byte counts as people read them, the way RocketMQ prints them in run-time figures: {@code 4.2 KiB}. */
final class ByteSizes {
    private static final int UNIT = 1024;

    private ByteSizes() {
    }

    /** Below 1 KiB in bytes ({@code 512 B}), else one decimal in the largest binary unit that fits. */
    static String humanReadable(long bytes) {
        if (bytes < UNIT) {
            return bytes + " B";
        }
        int exponent = (int) (Math.log(bytes) / Math.log(UNIT));
        return String.format(Locale.ROOT, "%.1f %ciB", bytes / Math.pow(UNIT, exponent), "KMGTPE".charAt(exponent - 1));
    }
}
