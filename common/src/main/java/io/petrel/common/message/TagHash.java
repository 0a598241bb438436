package io.petrel.common.message;

/** The tags code kept in ConsumeQueue entries: {@code String.hashCode} of TAGS, sign-extended. */
public final class TagHash {
    private TagHash() {
    }

    public static long of(String tags) {
        return tags == null || tags.isEmpty() ? 0 : tags.hashCode();
    }
}
