package io.petrel.store;

/** Told about every message the dispatch service makes visible (long polling uses it). */
@FunctionalInterface
public interface MessageArrivingListener {
    void arriving(String topic, int queueId, long logicOffset, long tagsCode, long storeTimestamp);
}
