package io.petrel.store;

/**
 * Run-time flags that decide whether the store accepts puts: disk full, ConsumeQueue or index
 * write errors, shut down. Thread-safe (volatile fields).
 */
public final class StoreState {
    private volatile boolean diskFull;
    private volatile boolean logicsQueueError;
    private volatile boolean indexError;
    private volatile boolean shutdown = true;

    public boolean isDiskFull() { return diskFull; }
    public void setDiskFull(boolean v) { diskFull = v; }
    public boolean isLogicsQueueError() { return logicsQueueError; }
    public void setLogicsQueueError(boolean v) { logicsQueueError = v; }
    public boolean isIndexError() { return indexError; }
    public void setIndexError(boolean v) { indexError = v; }
    public boolean isShutdown() { return shutdown; }
    public void setShutdown(boolean v) { shutdown = v; }

    public boolean isWriteable() {
        return !diskFull && !logicsQueueError && !indexError;
    }

    /** Why puts are refused, for the remark of SERVICE_NOT_AVAILABLE. */
    public String notWriteableReason() {
        if (diskFull) {
            return "the broker's disk is full";
        }
        if (logicsQueueError) {
            return "ConsumeQueue write error";
        }
        return indexError ? "index write error" : "";
    }
}
