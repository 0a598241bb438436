package io.petrel.broker.stats;

/**
 * What a {@link StatsItem} window says: the amount added over the window, per second, per call, and the
 * number of calls. An empty window reads as all zeros.
 */
public record StatsSnapshot(long sum, double tps, double avgpt, long times) {
    public static final StatsSnapshot EMPTY = new StatsSnapshot(0, 0, 0, 0);
}
