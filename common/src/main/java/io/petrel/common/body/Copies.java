package io.petrel.common.body;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Unmodifiable copies that keep iteration order (the order a body is written in) and refuse nulls. */
final class Copies {
    private Copies() {
    }

    static <K, V> Map<K, V> map(Map<K, V> in, String what) {
        Map<K, V> out = new LinkedHashMap<>();
        if (in != null) {
            in.forEach((k, v) -> out.put(Objects.requireNonNull(k, () -> what + ": null key"),
                Objects.requireNonNull(v, () -> what + ": null value for " + k)));
        }
        return Collections.unmodifiableMap(out);
    }

    static <E> Set<E> set(Set<E> in, String what) {
        Set<E> out = new LinkedHashSet<>();
        if (in != null) {
            in.forEach(e -> out.add(Objects.requireNonNull(e, () -> what + ": null element")));
        }
        return Collections.unmodifiableSet(out);
    }
}
