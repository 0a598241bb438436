/**
 * The message store: RocketMQ 4.9.7's on-disk format (CommitLog, ConsumeQueue, IndexFile,
 * checkpoint, abort and lock files), byte for byte.
 *
 * <h2>Ladder</h2>
 * {@link io.petrel.store.MappedFile} (one mapped file) → {@link io.petrel.store.MappedFileQueue}
 * (a stream of files) → {@link io.petrel.store.CommitLog} / {@link io.petrel.store.ConsumeQueue} /
 * {@link io.petrel.store.IndexFile} → {@link io.petrel.store.DefaultMessageStore}, which builds,
 * starts and stops everything. Each on-disk format has one owner class with the layout in its
 * Javadoc: {@code StoredMessageCodec} (common module), {@link io.petrel.store.ConsumeQueueEntry},
 * {@link io.petrel.store.IndexFile}, {@link io.petrel.store.StoreCheckpoint}.
 *
 * <h2>Threads</h2>
 * Writers (callers of put) encode outside the lock and append under the CommitLog lock;
 * {@code AllocateMappedFileService} creates the next CommitLog file; {@code ReputMessageService}
 * dispatches records to ConsumeQueues and the index (the only writer of both);
 * {@code FlushCommitLogService} (ASYNC_FLUSH) or {@code GroupCommitService} (SYNC_FLUSH: a writer on an
 * event loop flushes on that loop once it has served its reads, one flush for all it took; the service's thread
 * flushes for everyone else);
 * {@code CommitRealTimeService} (write-buffer pool only); {@code FlushConsumeQueueService};
 * {@code CleanService} (retention, disk-full check). Every service is a step function run by a
 * {@link io.petrel.store.ServiceLoop}; tests call the steps directly.
 *
 * <h2>Lock order</h2>
 * CommitLog append lock → MappedFileQueue file creation (allocator future). A MappedFile's
 * monitor (commit, cleanup) and an IndexFile's monitor are leaves: nothing else is taken while
 * holding them. The store's own monitor (start/shutdown) is taken before any service is stopped.
 */
package io.petrel.store;
