package io.petrel.store;

import io.petrel.common.message.MessageExt;
import io.petrel.common.topic.TopicValidator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store: wires CommitLog, ConsumeQueues, index, checkpoint and the background services, and
 * implements {@link MessageStore}. Builds and owns its parts; the parts never see this class.
 * Thread-safe after {@link #start()}.
 */
public final class DefaultMessageStore implements MessageStore {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultMessageStore.class);

    /** Topics whose queues exist without a topic config of their own (4.9.7's list). */
    private static final Set<String> KEPT_WITHOUT_CONFIG =
        Set.of(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC, TopicValidator.RMQ_SYS_TRANS_OP_HALF_TOPIC);

    private final MessageStoreConfig config;
    private final Clock clock;
    private final MessageArrivingListener listener;
    private final StoreState state = new StoreState();
    private final TransientStorePool pool;
    private final AllocateMappedFileService allocator;
    private final CommitRealTimeService commitService;
    private final CommitLog commitLog;
    private final ConsumeQueueTable queues;
    private final StoreCheckpoint checkpoint;
    private final IndexService index;
    private final ReputService reput;
    private final FlushCommitLogService asyncFlush;
    private final GroupCommitService groupCommit;
    private final FlushConsumeQueueService cqFlush;
    private final CleanService clean;
    private final MessageReader reader;
    private final StoreStats stats;
    /**
     * Held while an entry goes into a ConsumeQueue and while queues are deleted. Lock order: this lock, then the
     * CommitLog's append lock.
     */
    private final ReentrantLock dispatchLock = new ReentrantLock();
    /**
     * Queues deleted while records numbered for them may still wait for dispatch: queue key to the CommitLog
     * offset below which the dispatcher drops their entries (else a re-created queue would start past 0).
     * Guarded by {@link #dispatchLock}.
     */
    private final Map<QueueRef, Long> dispatchFences = new HashMap<>();
    private final Replicas replicas;
    private FileChannel lockChannel;
    private FileLock lock;
    private boolean lastExitOk = true;
    private long reputStart;
    private boolean started;

    public DefaultMessageStore(MessageStoreConfig config, Clock clock, MessageArrivingListener listener, DiskUsage diskUsage) {
        this.config = config;
        this.clock = clock;
        this.listener = listener;
        DelayLevels delays = DelayLevels.parse(config.messageDelayLevel());
        this.pool = config.isTransientStorePoolActive()
            ? new TransientStorePool(config.transientStorePoolSize(), config.mappedFileSizeCommitLog()) : null;
        this.allocator = new AllocateMappedFileService(config.warmMappedFileEnable(), pool);
        this.commitLog = new CommitLog(config,
            new MappedFileQueue(config.storePathCommitLog(), config.mappedFileSizeCommitLog(), allocator), clock, delays);
        this.queues = new ConsumeQueueTable(config.storePathConsumeQueue(), config.mappedFileSizeConsumeQueue());
        this.checkpoint = new StoreCheckpoint(config.checkpointPath());
        this.index = new IndexService(config.storePathIndex(), config.maxHashSlotNum(), config.maxIndexNum(), clock, checkpoint);
        this.reput = new ReputService(commitLog, new RecordReader(delays), this::dispatch);
        this.stats = new StoreStats(reput::behindBytes);
        this.asyncFlush = new FlushCommitLogService(commitLog.files(), checkpoint, config, clock);
        this.groupCommit = new GroupCommitService(commitLog.files(), checkpoint, clock, config.syncFlushTimeoutMs());
        this.cqFlush = new FlushConsumeQueueService(queues, checkpoint, config, clock);
        this.commitService = new CommitRealTimeService(commitLog.files(), config, clock, () -> {
            asyncFlush.wakeup();
            reput.appended();
        });
        this.clean = new CleanService(config, commitLog, queues, index, diskUsage, clock, state);
        this.reader = new MessageReader(config, commitLog, queues);
        this.replicas = new Replicas(config.haSlaveFallbehindMax(), config.slaveTimeoutMs(), clock);
    }

    private record QueueRef(String topic, int queueId) {
    }

    public DefaultMessageStore(MessageStoreConfig config, Clock clock) {
        this(config, clock, null, DiskUsage.FILE_SYSTEM);
    }

    @Override
    public boolean load() throws IOException {
        lastExitOk = !Files.exists(config.abortPath());
        LOG.info("loading store {} (last exit {})", config.storePathRootDir(), lastExitOk ? "normal" : "abnormal");
        Files.createDirectories(config.storePathRootDir());
        if (lock == null) {
            takeLock();
        }
        commitLog.files().load();
        queues.load();
        checkpoint.load();
        index.load(lastExitOk);
        recover();
        return lastExitOk;
    }

    private void recover() {
        long cqMax = queues.recoverAll();
        boolean safeIndex = config.messageIndexEnable() && config.messageIndexSafe();
        CommitLog.RecoveryResult r = commitLog.recover(!lastExitOk, checkpoint.minTimestamp(safeIndex));
        if (commitLog.files().files().isEmpty()) {
            queues.destroyAll();
        } else if (cqMax >= r.end()) {
            LOG.info("ConsumeQueues reference {} beyond the CommitLog end {}: truncating them", cqMax, r.end());
            queues.truncateDirty(r.end());
        }
        rebuildQueueTable();
        long clMin = Math.max(0, commitLog.minOffset());
        reputStart = Math.max(clMin, queues.maxPhysicOffset());
        if (!lastExitOk) {
            reputStart = Math.max(clMin, Math.min(reputStart, r.scanStart()));
        }
    }

    private void rebuildQueueTable() {
        long clMin = Math.max(0, commitLog.minOffset());
        commitLog.queueOffsets().clear();
        for (ConsumeQueue cq : queues.all()) {
            cq.correctMinOffset(clMin);
            commitLog.queueOffsets().set(cq.topic(), cq.queueId(), cq.maxOffsetInQueue());
        }
    }

    @Override
    public synchronized void start() throws IOException {
        if (started) {
            return;
        }
        if (lock == null) {
            takeLock();
        }
        try {
            reput.setReputFromOffset(reputStart);
            reput.catchUp();
            rebuildQueueTable();
            startServices();
            Files.write(config.abortPath(), new byte[0]);
        } catch (IOException | RuntimeException e) {
            LOG.error("store start failed, stopping what was started", e);
            stopServices();
            releaseLock();
            throw e;
        }
        state.setShutdown(false);
        started = true;
    }

    private void startServices() {
        if (pool != null) {
            pool.init();
            commitService.start();
        }
        allocator.start();
        if (config.flushDiskType() == FlushDiskType.SYNC_FLUSH) {
            groupCommit.start();
        } else {
            asyncFlush.start();
        }
        cqFlush.start();
        if (config.brokerRole() == BrokerRole.SYNC_MASTER) {
            replicas.start();
        }
        reput.start();
        clean.start();
    }

    /** Taken before anything is read, so a second store can never recover files another one is writing. */
    private void takeLock() throws IOException {
        lockChannel = FileChannel.open(config.lockPath(), StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock(0, 1, false);
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("Lock failed, MQ already started: " + config.lockPath());
        }
        lockChannel.write(ByteBuffer.wrap("lock".getBytes(StandardCharsets.US_ASCII)), 0);
        lockChannel.force(true);
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            LOG.warn("releasing the store lock failed", e);
        }
        lock = null;
        lockChannel = null;
    }

    /**
     * Stops the services (dispatch drained, everything committed and flushed), unmaps every file
     * and removes {@code abort} when the store is consistent. Also releases a store that was only
     * loaded. Safe to call twice.
     */
    @Override
    public synchronized void shutdown() {
        boolean wasStarted = started;
        started = false;
        state.setShutdown(true);
        if (wasStarted) {
            stopServices();
        }
        closeFiles();
        if (wasStarted) {
            try {
                if (state.isWriteable() && reput.behindBytes() == 0) {
                    Files.deleteIfExists(config.abortPath());
                }
            } catch (IOException e) {
                LOG.warn("removing {} failed", config.abortPath(), e);
            }
        }
        releaseLock();
    }

    private void stopServices() {
        clean.shutdown();
        commitService.shutdown();
        reput.shutdown();
        for (int i = 0; i < 5000 && reput.behindBytes() > 0 && reput.step() > 0; i++) {
            // drain what is left to dispatch
        }
        asyncFlush.shutdown();
        groupCommit.shutdown();
        replicas.shutdown();
        cqFlush.shutdown();
        allocator.shutdown();
    }

    private void closeFiles() {
        long now = clock.millis();
        checkpoint.shutdown();
        commitLog.shutdown(now);
        queues.shutdown(now);
        index.shutdown();
        if (pool != null) {
            pool.destroy();
        }
    }

    void dispatch(DispatchRequest req) {
        if (RecordReader.isDispatchedToConsumeQueue(req.sysFlag())) {
            putConsumeQueueEntry(req);
            checkpoint.setLogicsMsgTimestamp(req.storeTimestamp());
        }
        if (config.messageIndexEnable()) {
            index.buildIndex(req);
        }
        if (listener != null && config.brokerRole() != BrokerRole.SLAVE) {
            listener.arriving(req.topic(), req.queueId(), req.consumeQueueOffset() + 1, req.tagsCode(), req.storeTimestamp());
        }
    }

    private void putConsumeQueueEntry(DispatchRequest req) {
        dispatchLock.lock();
        try {
            if (!dispatchFences.isEmpty()) {
                dispatchFences.values().removeIf(end -> end <= req.commitLogOffset());
                Long end = dispatchFences.get(new QueueRef(req.topic(), req.queueId()));
                if (end != null && req.commitLogOffset() < end) {
                    return;
                }
            }
            ConsumeQueue cq = queues.findOrCreate(req.topic(), req.queueId());
            if (!cq.putEntry(req.commitLogOffset(), req.size(), req.tagsCode(), req.consumeQueueOffset())) {
                state.setLogicsQueueError(true);
            }
        } finally {
            dispatchLock.unlock();
        }
    }

    /**
     * Deletes queues (all of the topic's when {@code queueId} is null) while appends, dispatch and pulls go on.
     * ConsumeQueue dispatch pauses meanwhile: the queue offsets are forgotten under the append lock, records
     * numbered before that are fenced off from dispatch, and the queues leave the table and their files are
     * discarded before a record numbered afterwards can create them anew (in the same directory, under the same
     * file names). Pulls keep the slices they hold.
     */
    private int deleteQueues(String topic, Integer queueId) {
        dispatchLock.lock();
        try {
            Set<Integer> ids = queueId != null ? Set.of(queueId) : queueIdsOf(topic);
            long end = commitLog.forgetQueueOffsets(topic, ids);
            for (int id : ids) {
                dispatchFences.merge(new QueueRef(topic, id), end, Math::max);
            }
            List<ConsumeQueue> removed = queues.remove(topic, queueId);
            for (ConsumeQueue cq : removed) {
                cq.destroy();
                LOG.info("ConsumeQueue {}-{} deleted", cq.topic(), cq.queueId());
            }
            queues.removeTopicDirIfEmpty(topic);
            return removed.size();
        } finally {
            dispatchLock.unlock();
        }
    }

    /** Queue ids the topic has in the table or in the CommitLog's offset table (appended, not yet dispatched). */
    private Set<Integer> queueIdsOf(String topic) {
        Set<Integer> ids = new TreeSet<>(commitLog.queueIdsOf(topic));
        for (ConsumeQueue cq : queues.all()) {
            if (cq.topic().equals(topic)) {
                ids.add(cq.queueId());
            }
        }
        return ids;
    }

    private PutMessageResult checkStoreStatus() {
        if (state.isShutdown()) {
            return PutMessageResult.failure(PutMessageStatus.SERVICE_NOT_AVAILABLE, "message store has shut down");
        }
        if (config.brokerRole() == BrokerRole.SLAVE) {
            return PutMessageResult.failure(PutMessageStatus.SERVICE_NOT_AVAILABLE, "message store is a slave");
        }
        if (!state.isWriteable()) {
            return PutMessageResult.failure(PutMessageStatus.SERVICE_NOT_AVAILABLE,
                "message store is not writeable: " + state.notWriteableReason());
        }
        if (isOSPageCacheBusy()) {
            return PutMessageResult.failure(PutMessageStatus.OS_PAGECACHE_BUSY,
                "[PC_SYNCHRONIZED]broker busy, start flow control for a while");
        }
        return null;
    }

    @Override
    public CompletableFuture<PutMessageResult> asyncPutMessage(PutRequest request, Executor loop) {
        PutMessageResult refused = checkStoreStatus();
        if (refused != null) {
            return CompletableFuture.completedFuture(refused);
        }
        long begin = System.nanoTime();
        PutMessageResult result = commitLog.append(request);
        stats.recordPut(result, System.nanoTime() - begin);
        return afterAppend(result, request.waitStoreOk(), loop);
    }

    @Override
    public CompletableFuture<PutMessageResult> asyncPutMessages(BatchPutRequest batch, Executor loop) {
        PutMessageResult refused = checkStoreStatus();
        if (refused != null) {
            return CompletableFuture.completedFuture(refused);
        }
        String wait = io.petrel.common.message.PropertiesCodec.find(batch.batchProperties(), "WAIT");
        long begin = System.nanoTime();
        PutMessageResult result = commitLog.appendBatch(batch);
        stats.recordPut(result, System.nanoTime() - begin);
        return afterAppend(result, wait == null || Boolean.parseBoolean(wait), loop);
    }

    /** Stores a producer's message and waits for the outcome (tools and tests; the broker never blocks on a put). */
    public PutMessageResult putMessage(MessageExt msg) {
        return asyncPutMessage(PutRequest.of(msg)).join();
    }

    /** Stores a batch and waits for the outcome (tools and tests). */
    public PutMessageResult putMessages(BatchPutRequest batch) {
        return asyncPutMessages(batch).join();
    }

    /**
     * What follows an append that must be kept: with SYNC_FLUSH the flush, on a SYNC_MASTER a slave holding the
     * record, both at once; a replication failure outranks a flush failure, as in 4.9.7.
     */
    private CompletableFuture<PutMessageResult> afterAppend(PutMessageResult result, boolean wait, Executor loop) {
        if (!result.isOk()) {
            return CompletableFuture.completedFuture(result);
        }
        replicas.appended();
        long end = result.wroteOffset() + result.wroteBytes();
        CompletableFuture<PutMessageStatus> flushed = null;
        if (config.flushDiskType() == FlushDiskType.SYNC_FLUSH) {
            if (wait) {
                flushed = groupCommit.request(end, loop);
            } else {
                groupCommit.wakeup();
            }
        }
        // A loop that flushes for its answers keeps to that: the service thread dispatches meanwhile on the other core.
        if (pool == null) {
            if (loop != null && flushed == null) {
                reput.appendedOnLoop(loop, result.msgNum());
            } else {
                reput.appended();
            }
        }
        CompletableFuture<PutMessageStatus> replicated =
            wait && config.brokerRole() == BrokerRole.SYNC_MASTER ? replicas.await(result.wroteOffset(), end) : null;
        if (flushed == null && replicated == null) {
            return CompletableFuture.completedFuture(result);
        }
        if (replicated == null) {
            return flushed.thenApply(s -> s == PutMessageStatus.PUT_OK ? result : result.withStatus(s));
        }
        if (flushed == null) {
            return replicated.thenApply(s -> s == PutMessageStatus.PUT_OK ? result : result.withStatus(s));
        }
        return flushed.thenCombine(replicated, (f, r) -> r != PutMessageStatus.PUT_OK ? result.withStatus(r)
            : f != PutMessageStatus.PUT_OK ? result.withStatus(f) : result);
    }

    @Override
    public GetMessageResult getMessage(String group, String topic, int queueId, long offset, int maxMsgNums,
                                       LongPredicate tagsFilter) {
        if (state.isShutdown()) {
            return null;
        }
        long begin = System.nanoTime();
        GetMessageResult r = reader.getMessage(topic, queueId, offset, maxMsgNums, tagsFilter);
        stats.recordGet(r, System.nanoTime() - begin);
        return r;
    }

    @Override
    public long getMaxOffsetInQueue(String topic, int queueId) {
        ConsumeQueue cq = queues.find(topic, queueId);
        return cq == null ? 0 : cq.maxOffsetInQueue();
    }

    @Override
    public long getMessageTotalInQueue(String topic, int queueId) {
        ConsumeQueue cq = queues.find(topic, queueId);
        return cq == null ? -1 : cq.maxOffsetInQueue() - cq.minOffsetInQueue();
    }

    @Override
    public boolean checkInDiskByConsumeOffset(String topic, int queueId, long consumeOffset) {
        long phy = getCommitLogOffsetInQueue(topic, queueId, consumeOffset);
        long memory = config.physicalMemoryBytes() * config.accessMessageInMemoryMaxRatio() / 100;
        return commitLog.maxOffset() - phy > memory;
    }

    @Override
    public int deleteTopics(Set<String> topics) {
        int deleted = 0;
        for (String topic : topics) {
            deleted += deleteQueues(topic, null);
        }
        return deleted;
    }

    @Override
    public int cleanUnusedTopics(Set<String> keep) {
        int deleted = 0;
        for (String topic : queues.topics()) {
            if (!keep.contains(topic) && !KEPT_WITHOUT_CONFIG.contains(topic) && !topic.startsWith(TopicValidator.LMQ_PREFIX)) {
                deleted += deleteQueues(topic, null);
            }
        }
        return deleted;
    }

    @Override
    public int cleanExpiredConsumeQueues() {
        long minPhy = commitLog.minOffset();
        int deleted = 0;
        for (ConsumeQueue cq : queues.all()) {
            long last = cq.maxPhysicOffset();
            if (!RecordReader.SCHEDULE_TOPIC.equals(cq.topic()) && last != -1 && last < minPhy) {
                LOG.info("ConsumeQueue {}-{} only references CommitLog data below {}: deleting it", cq.topic(),
                    cq.queueId(), minPhy);
                deleted += deleteQueues(cq.topic(), cq.queueId());
            }
        }
        return deleted;
    }

    @Override
    public long deleteExpiredFilesManually() {
        return clean.deleteManually();
    }

    @Override
    public ConsumeQueueEntries queryConsumeQueue(String topic, int queueId, long index, int count) {
        ConsumeQueue cq = queues.find(topic, queueId);
        if (cq == null) {
            return null;
        }
        return new ConsumeQueueEntries(cq.minOffsetInQueue(), cq.maxOffsetInQueue(), cq.entries(index, count));
    }

    @Override
    public long getMinOffsetInQueue(String topic, int queueId) {
        ConsumeQueue cq = queues.find(topic, queueId);
        return cq == null ? -1 : cq.minOffsetInQueue();
    }

    @Override
    public long getCommitLogOffsetInQueue(String topic, int queueId, long consumeQueueOffset) {
        ConsumeQueue cq = queues.find(topic, queueId);
        ConsumeQueueEntry e = cq == null ? null : cq.entryAt(consumeQueueOffset);
        return e == null ? 0 : e.commitLogOffset();
    }

    @Override
    public long getOffsetInQueueByTime(String topic, int queueId, long timestamp) {
        return reader.offsetByTime(topic, queueId, timestamp);
    }

    @Override
    public MessageExt lookMessageByOffset(long commitLogOffset) {
        return commitLog.lookMessage(commitLogOffset);
    }

    @Override
    public QueryMessageResult queryMessage(String topic, String key, int maxNum, long begin, long end) {
        int limit = Math.min(maxNum, config.maxMsgsNumBatch());
        List<MessageExt> found = new ArrayList<>();
        for (long offset : new TreeSet<>(index.query(topic, key, limit, begin, end))) {
            MessageExt m = commitLog.lookMessage(offset);
            if (m != null) {
                found.add(m);
            }
        }
        return new QueryMessageResult(found, index.lastUpdateTimestamp(), index.lastUpdatePhyOffset());
    }

    @Override
    public long getMinPhyOffset() {
        return commitLog.minOffset();
    }

    @Override
    public long getMaxPhyOffset() {
        return commitLog.maxOffset();
    }

    @Override
    public long getEarliestMessageTime() {
        long min = commitLog.minOffset();
        return min < 0 ? -1 : commitLog.storeTimestampAt(min, 76);
    }

    @Override
    public long getEarliestMessageTime(String topic, int queueId) {
        return getMessageStoreTimeStamp(topic, queueId, getMinOffsetInQueue(topic, queueId));
    }

    @Override
    public long getMessageStoreTimeStamp(String topic, int queueId, long consumeQueueOffset) {
        ConsumeQueue cq = queues.find(topic, queueId);
        ConsumeQueueEntry e = cq == null || consumeQueueOffset < 0 ? null : cq.entryAt(consumeQueueOffset);
        return e == null ? -1 : commitLog.storeTimestampAt(e.commitLogOffset(), e.size());
    }

    @Override
    public long dispatchBehindBytes() {
        return reput.behindBytes();
    }

    @Override
    public boolean isOSPageCacheBusy() {
        long held = commitLog.lockHeldMs();
        return held > config.osPageCacheBusyTimeOutMs() && held < 10_000_000;
    }

    @Override
    public StoreStats stats() {
        return stats;
    }

    @Override
    public Map<String, String> getRuntimeInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        stats.fill(info);
        info.put("commitLogMinOffset", String.valueOf(commitLog.minOffset()));
        info.put("commitLogMaxOffset", String.valueOf(commitLog.maxOffset()));
        info.put("dispatchBehindBytes", String.valueOf(reput.behindBytes()));
        String commitLogRatio = String.valueOf(DiskUsage.FILE_SYSTEM.usedRatio(config.storePathCommitLog()));
        info.put("commitLogDiskRatio", commitLogRatio);
        info.put("commitLogDiskRatio_" + config.storePathCommitLog(), commitLogRatio);
        info.put("consumeQueueDiskRatio",
            String.valueOf(DiskUsage.FILE_SYSTEM.usedRatio(config.storePathConsumeQueue())));
        info.put("pageCacheLockTimeMills", String.valueOf(commitLog.lockHeldMs()));
        info.put("earliestMessageTimeStamp", String.valueOf(getEarliestMessageTime()));
        // RocketMQ reports "no limit" when no transient pool is in use
        info.put("remainTransientStoreBufferNumbs",
            String.valueOf(pool == null ? Integer.MAX_VALUE : pool.availableCount()));
        fillUnflushed(info);
        return info;
    }

    /** Bytes not yet flushed (and, with a transient pool, not yet committed), and the store root's capacity. */
    private void fillUnflushed(Map<String, String> info) {
        MappedFileQueue files = commitLog.files();
        if (config.transientStorePoolEnable()) {
            info.put("remainHowManyDataToCommit",
                ByteSizes.humanReadable(files.maxWrittenOffset() - files.committedWhere()));
        }
        info.put("remainHowManyDataToFlush", ByteSizes.humanReadable(commitLog.maxOffset() - files.flushedWhere()));
        java.io.File root = config.storePathRootDir().toFile();
        if (root.exists()) {
            info.put("commitLogDirCapacity", String.format("Total : %s, Free : %s.",
                ByteSizes.humanReadable(root.getTotalSpace()), ByteSizes.humanReadable(root.getUsableSpace())));
        }
    }

    @Override
    public SelectedBuffer getCommitLogData(long offset) {
        return state.isShutdown() ? null : commitLog.selectFrom(offset);
    }

    @Override
    public boolean appendToCommitLog(long startOffset, byte[] data, int offset, int length) {
        if (state.isShutdown()) {
            return false;
        }
        try {
            boolean ok = commitLog.appendRaw(startOffset, ByteBuffer.wrap(data, offset, length));
            if (ok) {
                reput.appended();
            }
            return ok;
        } catch (IOException e) {
            LOG.error("appending replicated data at {} failed", startOffset, e);
            return false;
        }
    }

    @Override
    public Replicas replicas() {
        return replicas;
    }

    public boolean lastExitOk() {
        return lastExitOk;
    }

    /** Runs one retention pass now (tests, admin command). */
    public long runCleanStep() {
        return clean.step();
    }

    public StoreState state() {
        return state;
    }

    public StoreCheckpoint checkpoint() {
        return checkpoint;
    }

    public CommitLog commitLog() {
        return commitLog;
    }

    /** The SYNC_FLUSH group commit (idle under ASYNC_FLUSH). */
    public GroupCommitService groupCommit() {
        return groupCommit;
    }

    public ConsumeQueueTable consumeQueues() {
        return queues;
    }

    public IndexService indexService() {
        return index;
    }
}
