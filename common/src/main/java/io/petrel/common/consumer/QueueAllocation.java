package io.petrel.common.consumer;

import java.util.ArrayList;
import java.util.List;

/**
 * The two built-in ways of sharing a topic's queues among a group's consumers, as pure functions of the sorted
 * queue and consumer lists: the client's rebalance strategies and the broker's assignment for Pop groups use them.
 */
public final class QueueAllocation {
    /** The name clients send for {@link #averagely}. */
    public static final String AVG = "AVG";
    /** The name clients send for {@link #byCircle}. */
    public static final String AVG_BY_CIRCLE = "AVG_BY_CIRCLE";

    private QueueAllocation() {
    }

    /**
     * Contiguous ranges: with 8 queues and 3 consumers, the first gets queues 0-2, the second 3-5, the third 6-7.
     * Consumers beyond the queue count get nothing.
     *
     * @param index the consumer's place in the consumer list of {@code consumers} entries
     */
    public static <Q> List<Q> averagely(List<Q> queues, int consumers, int index) {
        int n = queues.size();
        int mod = n % consumers;
        boolean takesExtra = mod > 0 && index < mod;
        int share = n <= consumers ? 1 : n / consumers + (takesExtra ? 1 : 0);
        int start = takesExtra ? index * share : index * share + mod;
        int range = Math.min(share, n - start);
        List<Q> result = new ArrayList<>(Math.max(range, 0));
        for (int i = 0; i < range; i++) {
            result.add(queues.get((start + i) % n));
        }
        return result;
    }

    /** Dealt like cards: consumer {@code index} of {@code consumers} gets queues {@code index, index + consumers, ...}. */
    public static <Q> List<Q> byCircle(List<Q> queues, int consumers, int index) {
        List<Q> result = new ArrayList<>();
        for (int i = index; i < queues.size(); i += consumers) {
            result.add(queues.get(i));
        }
        return result;
    }
}
