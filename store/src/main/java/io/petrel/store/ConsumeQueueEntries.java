package io.petrel.store;

import java.util.List;

/**
 * A look into one ConsumeQueue (QUERY_CONSUME_QUEUE): its min and max logical offsets and the entries asked for,
 * or null {@code entries} when the asked index has none.
 */
public record ConsumeQueueEntries(long minOffset, long maxOffset, List<ConsumeQueueEntry> entries) {
    public ConsumeQueueEntries {
        entries = entries == null ? null : List.copyOf(entries);
    }
}
