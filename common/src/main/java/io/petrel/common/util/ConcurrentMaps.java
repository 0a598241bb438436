package io.petrel.common.util;

import java.util.Map;
import java.util.concurrent.ConcurrentMap;

/** Helpers for tables that readers use while they change. */
public final class ConcurrentMaps {
    private ConcurrentMaps() {
    }

    /**
     * Makes {@code target} hold exactly the entries of {@code source}: puts first, then drops the keys
     * {@code source} lacks, so a key present on both sides never disappears for a concurrent reader.
     */
    public static <K, V> void replaceContents(ConcurrentMap<K, V> target, Map<? extends K, ? extends V> source) {
        target.putAll(source);
        target.keySet().retainAll(source.keySet());
    }
}
