package io.petrel.store;

import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.MessageSysFlag;
import io.petrel.common.message.PropertiesCodec;
import io.petrel.common.message.StoredMessageCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CommitLog: every record of every topic-queue, appended to one {@link MappedFileQueue}.
 * Records are encoded outside the append lock; under the lock only the file choice (with the
 * end-of-file blank), the queue offset, the physical offset and the store timestamp are decided
 * and the bytes copied.
 *
 * <p>Thread-safety: appends are serialised by one lock; the topic-queue offset table is only
 * changed under it (or before start). Reads go through {@link SelectedBuffer}s.
 */
public final class CommitLog {
    private static final Logger LOG = LoggerFactory.getLogger(CommitLog.class);

    private final MessageStoreConfig config;
    private final MappedFileQueue files;
    private final Clock clock;
    private final DelayLevels delayLevels;
    private final RecordReader reader;
    private final ReentrantLock putLock = new ReentrantLock();
    /** SYNC_FLUSH flushes after every put: appends go through the file channel (see {@link MappedFile#append}). */
    private final boolean appendThroughChannel;
    private final QueueOffsetTable queueOffsets = new QueueOffsetTable();
    private final ThreadLocal<ByteBuffer> encodeBuffers;
    private volatile long beginTimeInLock;

    public CommitLog(MessageStoreConfig config, MappedFileQueue files, Clock clock, DelayLevels delayLevels) {
        this.config = config;
        this.files = files;
        this.clock = clock;
        this.delayLevels = delayLevels;
        this.reader = new RecordReader(delayLevels);
        this.appendThroughChannel = config.flushDiskType() == FlushDiskType.SYNC_FLUSH;
        this.encodeBuffers = ThreadLocal.withInitial(() -> ByteBuffer.allocate(config.maxMessageSize() + 64 * 1024 + 512));
    }

    public MappedFileQueue files() {
        return files;
    }

    public RecordReader reader() {
        return reader;
    }

    /** The next queue offset of every queue; changed only under the append lock or before the store starts. */
    public QueueOffsetTable queueOffsets() {
        return queueOffsets;
    }

    /** Appends one message; the caller handles flushing and replication. */
    public PutMessageResult append(PutRequest request) {
        MessageExt msg = request.message();
        if (msg.getTopic() == null || msg.getBornHost() == null || msg.getStoreHost() == null) {
            return PutMessageResult.failure(PutMessageStatus.MESSAGE_ILLEGAL, "topic, born host and store host must be set");
        }
        int tranType = MessageSysFlag.transactionType(msg.getSysFlag());
        boolean advance = tranType == MessageSysFlag.TRANSACTION_NOT_TYPE || tranType == MessageSysFlag.TRANSACTION_COMMIT_TYPE;
        if (advance && request.delayLevel() > 0) {
            rewriteForDelay(msg, request.delayLevel());
        }
        byte[] topic = msg.getTopic().getBytes(StandardCharsets.UTF_8);
        byte[] props = PropertiesCodec.encodeToBytes(msg.getProperties());
        byte[] body = msg.getBody() == null ? new byte[0] : msg.getBody();
        PutMessageResult illegal = validate(topic.length, props.length, body.length, msg.getSysFlag());
        if (illegal != null) {
            return illegal;
        }
        msg.setBodyCRC(StoredMessageCodec.bodyCrc(body, 0, body.length));
        int length = StoredMessageCodec.recordLength(msg.getSysFlag(), body.length, topic.length, props.length);
        ByteBuffer buf = encodeBuffers.get();
        if (buf.capacity() < length) {
            buf = ByteBuffer.allocate(length);
            encodeBuffers.set(buf);
        }
        buf.clear();
        StoredMessageCodec.encode(buf, msg, topic, props);
        buf.flip();
        return appendEncoded(buf, new int[] {0}, msg.getTopic(), msg.getQueueId(), advance, msg.getStoreHost());
    }

    private void rewriteForDelay(MessageExt msg, int delayLevel) {
        int level = Math.min(delayLevel, delayLevels.maxLevel());
        msg.putProperty(MessageProperties.DELAY, String.valueOf(level));
        msg.putProperty(MessageProperties.REAL_TOPIC, msg.getTopic());
        msg.putProperty(MessageProperties.REAL_QID, String.valueOf(msg.getQueueId()));
        msg.setTopic(RecordReader.SCHEDULE_TOPIC);
        msg.setQueueId(level - 1);
    }

    private PutMessageResult validate(int topicLength, int propsLength, int bodyLength, int sysFlag) {
        if (topicLength > StoredMessageCodec.MAX_TOPIC_LENGTH) {
            return PutMessageResult.failure(PutMessageStatus.MESSAGE_ILLEGAL, "topic longer than 127 bytes");
        }
        if (propsLength > StoredMessageCodec.MAX_PROPERTIES_LENGTH) {
            return PutMessageResult.failure(PutMessageStatus.PROPERTIES_SIZE_EXCEEDED, "properties longer than 32767 bytes");
        }
        if (bodyLength > config.maxMessageSize()) {
            return PutMessageResult.failure(PutMessageStatus.MESSAGE_ILLEGAL,
                "body of " + bodyLength + " bytes exceeds maxMessageSize " + config.maxMessageSize());
        }
        int length = StoredMessageCodec.recordLength(sysFlag, bodyLength, topicLength, propsLength);
        if (length > config.maxMessageSize() + 64 * 1024 || length + StoredMessageCodec.END_OF_FILE_MIN_BLANK > files.fileSize()) {
            return PutMessageResult.failure(PutMessageStatus.MESSAGE_ILLEGAL, "record of " + length + " bytes is too large");
        }
        return null;
    }

    /** Appends a batch as individual records, all in one file. */
    public PutMessageResult appendBatch(BatchPutRequest batch) {
        if (batch.topic() == null || batch.bornHost() == null || batch.storeHost() == null || batch.items().isEmpty()) {
            return PutMessageResult.failure(PutMessageStatus.MESSAGE_ILLEGAL,
                "topic, born host, store host and at least one item must be set");
        }
        int tranType = MessageSysFlag.transactionType(batch.sysFlag());
        if (tranType != MessageSysFlag.TRANSACTION_NOT_TYPE) {
            return PutMessageResult.failure(PutMessageStatus.MESSAGE_ILLEGAL, "batch messages cannot be transactional");
        }
        byte[] topic = batch.topic().getBytes(StandardCharsets.UTF_8);
        List<byte[]> props = new ArrayList<>();
        int total = 0;
        for (var item : batch.items()) {
            if (PropertiesCodec.find(item.properties(), MessageProperties.DELAY) != null) {
                return PutMessageResult.failure(PutMessageStatus.MESSAGE_ILLEGAL, "batch messages cannot be delayed");
            }
            byte[] p = batchItemProperties(item.properties(), batch.batchProperties()).getBytes(StandardCharsets.UTF_8);
            PutMessageResult illegal = validate(topic.length, p.length, item.body().length, batch.sysFlag());
            if (illegal != null) {
                return illegal;
            }
            props.add(p);
            total += StoredMessageCodec.recordLength(batch.sysFlag(), item.body().length, topic.length, p.length);
        }
        if (total + StoredMessageCodec.END_OF_FILE_MIN_BLANK > files.fileSize()) {
            return PutMessageResult.failure(PutMessageStatus.MESSAGE_ILLEGAL, "batch of " + total + " bytes is too large");
        }
        ByteBuffer buf = ByteBuffer.allocate(total);
        int[] starts = new int[batch.items().size()];
        MessageExt m = new MessageExt();
        m.setTopic(batch.topic());
        m.setQueueId(batch.queueId());
        m.setBornTimestamp(batch.bornTimestamp());
        m.setBornHost(batch.bornHost());
        m.setStoreHost(batch.storeHost());
        m.setSysFlag(batch.sysFlag());
        m.setReconsumeTimes(batch.reconsumeTimes());
        for (int i = 0; i < starts.length; i++) {
            var item = batch.items().get(i);
            starts[i] = buf.position();
            m.setFlag(item.flag());
            m.setBody(item.body());
            m.setBodyCRC(StoredMessageCodec.bodyCrc(item.body(), 0, item.body().length));
            StoredMessageCodec.encode(buf, m, topic, props.get(i));
        }
        buf.flip();
        return appendEncoded(buf, starts, batch.topic(), batch.queueId(), true, batch.storeHost());
    }

    static String batchItemProperties(String item, String batch) {
        if (batch == null || batch.isEmpty()) {
            return item;
        }
        if (item.isEmpty()) {
            return batch;
        }
        return item.endsWith(String.valueOf(PropertiesCodec.PROPERTY_SEPARATOR)) ? item + batch
            : item + PropertiesCodec.PROPERTY_SEPARATOR + batch;
    }

    private PutMessageResult appendEncoded(ByteBuffer records, int[] starts, String topic, int queueId, boolean advance,
                                           InetSocketAddress storeHost) {
        int total = records.remaining();
        long phy;
        long queueOffset;
        long now;
        putLock.lock();
        try {
            now = clock.millis();
            beginTimeInLock = now;
            MappedFile f = files.lastFileOrCreate(0);
            if (total + StoredMessageCodec.END_OF_FILE_MIN_BLANK > f.remaining()) {
                writeBlank(f);
                f = files.lastFileOrCreate(0);
            }
            phy = f.fileFromOffset() + f.wrotePosition();
            queueOffset = advance ? queueOffsets.next(topic, queueId) : 0;
            for (int i = 0; i < starts.length; i++) {
                StoredMessageCodec.patchQueueOffset(records, starts[i], advance ? queueOffset + i : 0);
                StoredMessageCodec.patchPhysicalOffset(records, starts[i], phy + starts[i]);
                StoredMessageCodec.patchStoreTimestamp(records, starts[i], now);
            }
            f.append(records, appendThroughChannel);
            f.setStoreTimestamp(now);
            if (advance) {
                queueOffsets.set(topic, queueId, queueOffset + starts.length);
            }
        } catch (IOException e) {
            LOG.error("creating a CommitLog file failed", e);
            return PutMessageResult.failure(PutMessageStatus.CREATE_MAPPED_FILE_FAILED,
                "create mapped file failed, server is busy or broken.");
        } finally {
            beginTimeInLock = 0;
            putLock.unlock();
        }
        long[] offsets = new long[starts.length];
        for (int i = 0; i < starts.length; i++) {
            offsets[i] = phy + starts[i];
        }
        return new PutMessageResult(PutMessageStatus.PUT_OK, phy, total, offsets, storeHost, now, queueOffset, null);
    }

    /**
     * Appends already-encoded CommitLog bytes (replication from a master) at exactly the current
     * end. Returns false if {@code startOffset} is not the end.
     */
    public boolean appendRaw(long startOffset, ByteBuffer data) throws IOException {
        putLock.lock();
        try {
            if (startOffset != files.maxWrittenOffset() && !(files.lastFile() == null && startOffset % files.fileSize() == 0)) {
                return false;
            }
            while (data.hasRemaining()) {
                MappedFile f = files.lastFileOrCreate(startOffset);
                int n = Math.min(f.remaining(), data.remaining());
                ByteBuffer part = data.slice(data.position(), n);
                f.append(part, appendThroughChannel);
                data.position(data.position() + n);
            }
            return true;
        } finally {
            putLock.unlock();
        }
    }

    private void writeBlank(MappedFile f) {
        ByteBuffer blank = ByteBuffer.allocate(StoredMessageCodec.END_OF_FILE_MIN_BLANK);
        StoredMessageCodec.writeBlank(blank, f.remaining());
        blank.flip();
        f.append(blank, appendThroughChannel);
        f.markFull();
    }

    /**
     * Forgets the next queue offsets of the given queues, so their next messages start again at queue offset 0.
     * Taken under the append lock: every record below the returned CommitLog offset was numbered with the old
     * offsets, every record from it on with the new ones.
     */
    public long forgetQueueOffsets(String topic, Set<Integer> queueIds) {
        putLock.lock();
        try {
            queueOffsets.forget(topic, queueIds);
            return files.maxWrittenOffset();
        } finally {
            putLock.unlock();
        }
    }

    /** The queue ids the offset table knows for {@code topic}. */
    public Set<Integer> queueIdsOf(String topic) {
        return queueOffsets.queueIds(topic);
    }

    /** Milliseconds the current append has held the lock (0 when free). */
    public long lockHeldMs() {
        long begin = beginTimeInLock;
        return begin == 0 ? 0 : clock.millis() - begin;
    }

    public long minOffset() {
        MappedFile first = files.firstFile();
        if (first == null) {
            return -1;
        }
        return first.isAvailable() ? first.fileFromOffset() : files.rollNextFile(first.fileFromOffset());
    }

    public long maxOffset() {
        return files.maxOffset();
    }

    public long rollNextFile(long offset) {
        return files.rollNextFile(offset);
    }

    /** From {@code offset} to the end of the written part of its file; null if nothing there. */
    public SelectedBuffer selectFrom(long offset) {
        MappedFile f = files.findByOffset(offset, offset == 0);
        return f == null ? null : f.select((int) (offset % files.fileSize()));
    }

    public SelectedBuffer select(long offset, int size) {
        MappedFile f = files.findByOffset(offset, offset == 0);
        return f == null ? null : f.select((int) (offset % files.fileSize()), size);
    }

    /** Decodes the record at {@code offset}; null if there is none. */
    public MessageExt lookMessage(long offset) {
        SelectedBuffer head = select(offset, 4);
        if (head == null) {
            return null;
        }
        int size = head.buffer().getInt(0);
        head.release();
        SelectedBuffer sb = size > 0 ? select(offset, size) : null;
        if (sb == null) {
            return null;
        }
        try {
            return StoredMessageCodec.decode(sb.buffer(), true, false);
        } catch (RuntimeException e) {
            return null;
        } finally {
            sb.release();
        }
    }

    public long storeTimestampAt(long offset, int size) {
        SelectedBuffer sb = select(offset, size);
        if (sb == null) {
            return -1;
        }
        try {
            int sysFlag = sb.buffer().getInt(StoredMessageCodec.SYS_FLAG_OFFSET);
            return sb.buffer().getLong(StoredMessageCodec.storeTimestampOffset(sysFlag));
        } finally {
            sb.release();
        }
    }

    /**
     * Finds the end of valid data and cuts the log there. Normal recovery scans the last three
     * files; abnormal recovery starts at the newest file whose first record is not later than
     * {@code safeTimestamp} and checks CRCs as configured. Returns where scanning began and ended.
     */
    public RecoveryResult recover(boolean abnormal, long safeTimestamp) {
        List<MappedFile> all = files.files();
        if (all.isEmpty()) {
            files.setFlushedWhere(0);
            return new RecoveryResult(0, 0);
        }
        int start = abnormal ? abnormalStartIndex(all, safeTimestamp) : Math.max(0, all.size() - 3);
        long begin = all.get(start).fileFromOffset();
        long end = scan(all, start, abnormal ? config.checkCrcOnRecover() : config.checkCrcOnRecover());
        files.setFlushedWhere(end);
        files.truncateDirty(end);
        LOG.info("CommitLog recovered ({}): valid data ends at {}", abnormal ? "abnormal" : "normal", end);
        return new RecoveryResult(begin, end);
    }

    /** Where recovery started scanning and where valid data ends. */
    public record RecoveryResult(long scanStart, long end) {
    }

    private int abnormalStartIndex(List<MappedFile> all, long safeTimestamp) {
        for (int i = all.size() - 1; i >= 0; i--) {
            MappedFile f = all.get(i);
            if (f.getInt(StoredMessageCodec.MAGIC_OFFSET) != StoredMessageCodec.MESSAGE_MAGIC) {
                continue;
            }
            int sysFlag = f.getInt(StoredMessageCodec.SYS_FLAG_OFFSET);
            long ts = f.getLong(StoredMessageCodec.storeTimestampOffset(sysFlag));
            if (ts != 0 && ts <= safeTimestamp) {
                return i;
            }
        }
        return 0;
    }

    private long scan(List<MappedFile> all, int index, boolean checkCrc) {
        MappedFile f = all.get(index);
        int pos = 0;
        while (true) {
            SelectedBuffer sb = f.select(0, f.fileSize());
            DispatchRequest req;
            try {
                req = sb == null ? DispatchRequest.invalid(0) : reader.check(sb.buffer(), pos, checkCrc);
            } finally {
                if (sb != null) {
                    sb.release();
                }
            }
            if (req.isMessage() && req.commitLogOffset() == f.fileFromOffset() + pos) {
                pos += req.size();
            } else if (req.isBlank() && index + 1 < all.size()) {
                f = all.get(++index);
                pos = 0;
            } else {
                if (!req.success() || req.isMessage()) {
                    LOG.info("CommitLog scan stops at {} (invalid record)", f.fileFromOffset() + pos);
                }
                return f.fileFromOffset() + pos;
            }
        }
    }

    public void shutdown(long nowMs) {
        files.shutdown(nowMs);
    }
}
