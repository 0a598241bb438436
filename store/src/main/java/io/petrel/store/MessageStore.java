package io.petrel.store;

import io.petrel.common.message.MessageExt;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongPredicate;

/** What the broker needs from the store. Lifecycle: {@link #load()}, {@link #start()}, {@link #shutdown()}. */
public interface MessageStore {
    /** Maps files and recovers; returns whether the last exit was normal. */
    boolean load() throws IOException;

    void start() throws IOException;

    void shutdown();

    /** Stores a message; the future completes once the put is kept as the request asks (flushed, replicated). */
    default CompletableFuture<PutMessageResult> asyncPutMessage(PutRequest request) {
        return asyncPutMessage(request, null);
    }

    /**
     * Stores a message for a writer running on the event loop {@code loop} (the caller must be that loop's thread;
     * null: any other thread). With SYNC_FLUSH the flush it waits for may run on that loop once it has served what
     * it read, one flush for every put it took meanwhile, and the future then completes on the loop. Without such a
     * flush, a loop that took many puts in one turn dispatches them to the ConsumeQueues itself after the turn.
     */
    CompletableFuture<PutMessageResult> asyncPutMessage(PutRequest request, Executor loop);

    /** Stores a batch as individual records, all in one CommitLog file; completes as {@link #asyncPutMessage}. */
    default CompletableFuture<PutMessageResult> asyncPutMessages(BatchPutRequest batch) {
        return asyncPutMessages(batch, null);
    }

    /** A batch from a writer on an event loop, as {@link #asyncPutMessage(PutRequest, Executor)}. */
    CompletableFuture<PutMessageResult> asyncPutMessages(BatchPutRequest batch, Executor loop);

    /**
     * Up to {@code maxMsgNums} records of a queue from {@code offset}; {@code tagsFilter} (may be
     * null) selects by ConsumeQueue tags code. Null when the store is shut down.
     */
    GetMessageResult getMessage(String group, String topic, int queueId, long offset, int maxMsgNums, LongPredicate tagsFilter);

    long getMaxOffsetInQueue(String topic, int queueId);

    /** Messages currently in the queue (max - min offset). */
    long getMessageTotalInQueue(String topic, int queueId);

    /** Whether the record at this queue offset is beyond what is expected to be in memory. */
    boolean checkInDiskByConsumeOffset(String topic, int queueId, long consumeOffset);

    /**
     * Deletes the ConsumeQueues of these topics and forgets their queue offsets (CommitLog data stays), safely
     * while dispatch and pulls run: a re-created topic starts at queue offset 0. Returns the queues deleted.
     */
    int deleteTopics(java.util.Set<String> topics);

    /** Deletes the ConsumeQueues of every topic not in {@code keep} (system queues excepted); returns how many. */
    int cleanUnusedTopics(java.util.Set<String> keep);

    /** Deletes ConsumeQueues whose every entry points below the CommitLog's min offset; returns how many. */
    int cleanExpiredConsumeQueues();

    /** Deletes expired CommitLog files now (and in the next runs) as if the delete hour had come. */
    long deleteExpiredFilesManually();

    /** Up to {@code count} entries of a queue from logical offset {@code index}; null when the queue does not exist. */
    ConsumeQueueEntries queryConsumeQueue(String topic, int queueId, long index, int count);

    long getMinOffsetInQueue(String topic, int queueId);

    long getCommitLogOffsetInQueue(String topic, int queueId, long consumeQueueOffset);

    long getOffsetInQueueByTime(String topic, int queueId, long timestamp);

    MessageExt lookMessageByOffset(long commitLogOffset);

    QueryMessageResult queryMessage(String topic, String key, int maxNum, long begin, long end);

    long getMinPhyOffset();

    long getMaxPhyOffset();

    long getEarliestMessageTime();

    long getEarliestMessageTime(String topic, int queueId);

    long getMessageStoreTimeStamp(String topic, int queueId, long consumeQueueOffset);

    long dispatchBehindBytes();

    boolean isOSPageCacheBusy();

    Map<String, String> getRuntimeInfo();

    /** The store's put and get counters; its owner calls {@link StoreStats#sample} every second. */
    StoreStats stats();

    /** Raw CommitLog bytes from {@code offset} to the written end of its file (replication); null if none. Release it. */
    SelectedBuffer getCommitLogData(long offset);

    /** The slaves of a master, as its HA transport reports them, and the puts waiting for them. */
    Replicas replicas();

    /** Appends replicated CommitLog bytes at exactly the current end and lets dispatch index them. */
    boolean appendToCommitLog(long startOffset, byte[] data, int offset, int length);
}
