package io.petrel.store;

/** When a put is acknowledged relative to the CommitLog flush. */
public enum FlushDiskType {
    ASYNC_FLUSH,
    SYNC_FLUSH
}
