package io.petrel.client.consumer.store;

/** Where an offset store looks an offset up. */
public enum ReadOffsetType {
    READ_FROM_MEMORY,
    READ_FROM_STORE,
    MEMORY_FIRST_THEN_STORE
}
