package io.petrel.common.body;

/** Enum members read by name, as 4.9.7 peers write them; a missing name reads as null. */
final class Enums {
    private Enums() {
    }

    static <E extends Enum<E>> E read(Class<E> type, String name, String what) {
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": unknown " + type.getSimpleName() + " " + name);
        }
    }

    static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
