package io.petrel.store;

import java.nio.ByteBuffer;
import java.util.function.LongPredicate;

/**
 * Pull-style reads: ConsumeQueue entries from a logical offset, filtered by tags code, resolved
 * to CommitLog record slices within the transfer limits, plus the status and next offset a
 * consumer needs. Thread-safe.
 */
final class MessageReader {
    private final MessageStoreConfig config;
    private final CommitLog commitLog;
    private final ConsumeQueueTable queues;

    MessageReader(MessageStoreConfig config, CommitLog commitLog, ConsumeQueueTable queues) {
        this.config = config;
        this.commitLog = commitLog;
        this.queues = queues;
    }

    GetMessageResult getMessage(String topic, int queueId, long offset, int maxMsgNums, LongPredicate tagsFilter) {
        GetMessageResult r = new GetMessageResult();
        ConsumeQueue cq = queues.find(topic, queueId);
        if (cq == null) {
            // 4.9.7 creates an empty queue on this look-up and so answers NO_MESSAGE_IN_QUEUE, never
            // NO_MATCHED_LOGIC_QUEUE; the same answer here, without the empty queue.
            r.set(GetMessageStatus.NO_MESSAGE_IN_QUEUE, 0, 0, 0);
            return r;
        }
        long min = cq.minOffsetInQueue();
        long max = cq.maxOffsetInQueue();
        if (max == 0) {
            r.set(GetMessageStatus.NO_MESSAGE_IN_QUEUE, 0, min, max);
        } else if (offset < min) {
            r.set(GetMessageStatus.OFFSET_TOO_SMALL, min, min, max);
        } else if (offset == max) {
            r.set(GetMessageStatus.OFFSET_OVERFLOW_ONE, offset, min, max);
        } else if (offset > max) {
            r.set(GetMessageStatus.OFFSET_OVERFLOW_BADLY, max, min, max);
        } else {
            readEntries(r, cq, offset, maxMsgNums, tagsFilter, min, max);
        }
        return r;
    }

    private void readEntries(GetMessageResult r, ConsumeQueue cq, long offset, int maxMsgNums, LongPredicate filter,
                             long min, long max) {
        SelectedBuffer sb = cq.entriesFrom(offset);
        if (sb == null) {
            long perFile = cq.files().fileSize() / ConsumeQueueEntry.SIZE;
            r.set(GetMessageStatus.OFFSET_FOUND_NULL, offset + perFile - offset % perFile, min, max);
            return;
        }
        GetMessageStatus status = GetMessageStatus.NO_MATCHED_MESSAGE;
        long maxPhy = commitLog.maxOffset();
        long memory = config.physicalMemoryBytes() * config.accessMessageInMemoryMaxRatio() / 100;
        long nextPhyFileStart = Long.MIN_VALUE;
        long lastPhy = 0;
        int maxFilterBytes = Math.max(16000, maxMsgNums * ConsumeQueueEntry.SIZE);
        ByteBuffer b = sb.buffer();
        int i = 0;
        try {
            for (; i + ConsumeQueueEntry.SIZE <= b.limit() && i < maxFilterBytes; i += ConsumeQueueEntry.SIZE) {
                ConsumeQueueEntry e = ConsumeQueueEntry.read(b, i);
                if (e.size() == ConsumeQueueEntry.FILLER_SIZE || e.commitLogOffset() < nextPhyFileStart) {
                    continue;
                }
                lastPhy = e.commitLogOffset();
                if (isBatchFull(r, e.size(), maxMsgNums, maxPhy - e.commitLogOffset() > memory)) {
                    break;
                }
                if (filter != null && !filter.test(e.tagsCode())) {
                    continue;
                }
                SelectedBuffer msg = commitLog.select(e.commitLogOffset(), e.size());
                if (msg == null) {
                    if (r.messageCount() == 0) {
                        status = GetMessageStatus.MESSAGE_WAS_REMOVING;
                    }
                    nextPhyFileStart = commitLog.rollNextFile(e.commitLogOffset());
                    continue;
                }
                r.add(msg, offset + i / ConsumeQueueEntry.SIZE);
                status = GetMessageStatus.FOUND;
                nextPhyFileStart = Long.MIN_VALUE;
            }
        } finally {
            sb.release();
        }
        r.set(status, offset + i / ConsumeQueueEntry.SIZE, min, max);
        r.setSuggestPullingFromSlave(maxPhy - lastPhy > memory);
    }

    private boolean isBatchFull(GetMessageResult r, int size, int maxMsgNums, boolean inDisk) {
        int count = r.messageCount();
        if (count == 0) {
            return false;
        }
        if (count >= maxMsgNums) {
            return true;
        }
        int maxBytes = inDisk ? config.maxTransferBytesOnMessageInDisk() : config.maxTransferBytesOnMessageInMemory();
        int maxCount = inDisk ? config.maxTransferCountOnMessageInDisk() : config.maxTransferCountOnMessageInMemory();
        return r.bufferTotalSize() + size > maxBytes || count > maxCount - 1;
    }

    /**
     * The queue offset for {@code timestamp}, as RocketMQ 4.9.7 answers SEARCH_OFFSET_BY_TIMESTAMP: the first record
     * stored exactly then, or else the nearer of the records stored just before and just after (the earlier one on
     * a tie); the first record when all are later, the last when all are earlier; 0 for an empty or unknown queue.
     */
    long offsetByTime(String topic, int queueId, long timestamp) {
        ConsumeQueue cq = queues.find(topic, queueId);
        if (cq == null) {
            return 0;
        }
        long min = cq.minOffsetInQueue();
        long max = cq.maxOffsetInQueue();
        if (max <= min) {
            return 0;
        }
        long lo = min;
        long hi = max;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (storeTime(cq, mid) < timestamp) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == max) {
            return max - 1;
        }
        long after = storeTime(cq, lo);
        if (after == timestamp || lo == min) {
            return lo;
        }
        long before = storeTime(cq, lo - 1);
        return Math.abs(timestamp - before) > Math.abs(timestamp - after) ? lo : lo - 1;
    }

    /** The store time of the record at a queue offset; -1 when it is gone from the CommitLog (counts as earlier). */
    private long storeTime(ConsumeQueue cq, long offset) {
        ConsumeQueueEntry e = cq.entryAt(offset);
        return e == null ? -1 : commitLog.storeTimestampAt(e.commitLogOffset(), e.size());
    }
}
