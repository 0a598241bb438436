package io.petrel.remoting.protocol;

/** Receives a custom header's fields, in declaration order; null values are skipped. */
@FunctionalInterface
public interface HeaderWriter {
    void put(String key, String value);

    default void put(String key, Integer value) {
        if (value != null) {
            put(key, value.toString());
        }
    }

    default void put(String key, Long value) {
        if (value != null) {
            put(key, value.toString());
        }
    }

    default void put(String key, Boolean value) {
        if (value != null) {
            put(key, value.toString());
        }
    }
}
