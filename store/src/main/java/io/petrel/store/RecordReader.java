package io.petrel.store;

import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.MessageSysFlag;
import io.petrel.common.message.PropertiesCodec;
import io.petrel.common.message.StoredMessageCodec;
import io.petrel.common.message.TagHash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Checks one CommitLog record in place (absolute reads, the buffer position is not moved) and
 * extracts what dispatch needs. Used by recovery (with CRC) and by the reput service (without).
 * Not thread-safe (it remembers the last topic): one reader per thread.
 */
public final class RecordReader {
    public static final String SCHEDULE_TOPIC = "SCHEDULE_TOPIC_XXXX";

    private final DelayLevels delayLevels;

    public RecordReader(DelayLevels delayLevels) {
        this.delayLevels = delayLevels;
    }

    /** Checks the record at {@code pos}; {@code buf.limit()} bounds what may be read. */
    public DispatchRequest check(ByteBuffer buf, int pos, boolean checkCrc) {
        if (buf.limit() - pos < 8) {
            return DispatchRequest.incomplete();
        }
        int total = buf.getInt(pos);
        int magic = buf.getInt(pos + StoredMessageCodec.MAGIC_OFFSET);
        if (magic == StoredMessageCodec.BLANK_MAGIC) {
            return DispatchRequest.blank();
        }
        if (magic != StoredMessageCodec.MESSAGE_MAGIC || total < 91) {
            return DispatchRequest.invalid(0);
        }
        if (buf.limit() - pos < total) {
            return DispatchRequest.incomplete();
        }
        int sysFlag = buf.getInt(pos + StoredMessageCodec.SYS_FLAG_OFFSET);
        int bodyLengthAt = pos + StoredMessageCodec.bodyLengthOffset(sysFlag);
        int bodyLength = buf.getInt(bodyLengthAt);
        int topicAt = bodyLengthAt + 4 + bodyLength;
        if (bodyLength < 0 || topicAt + 3 > pos + total) {
            return DispatchRequest.invalid(total);
        }
        if (checkCrc && bodyLength > 0) {
            int crc = StoredMessageCodec.bodyCrc(buf.slice(bodyLengthAt + 4, bodyLength));
            if (crc != buf.getInt(pos + StoredMessageCodec.BODY_CRC_OFFSET)) {
                return DispatchRequest.invalid(0);
            }
        }
        int topicLength = buf.get(topicAt);
        int propsAt = topicAt + 1 + topicLength;
        if (topicLength < 0 || propsAt + 2 > pos + total) {
            return DispatchRequest.invalid(total);
        }
        int propsLength = buf.getShort(propsAt);
        if (StoredMessageCodec.recordLength(sysFlag, bodyLength, topicLength, propsLength) != total) {
            return DispatchRequest.invalid(total);
        }
        return build(buf, pos, total, sysFlag, topic(buf, topicAt + 1, topicLength), propsAt + 2, propsLength);
    }

    private DispatchRequest build(ByteBuffer buf, int pos, int total, int sysFlag, String topic, int propsAt, int propsLength) {
        String[] values = new String[WANTED.length];
        scanProperties(buf, propsAt, propsAt + propsLength, values);
        long storeTimestamp = buf.getLong(pos + StoredMessageCodec.storeTimestampOffset(sysFlag));
        long tagsCode = TagHash.of(values[TAGS]);
        if (SCHEDULE_TOPIC.equals(topic) && values[DELAY] != null) {
            tagsCode = delayLevels.deliverTime(parseLevel(values[DELAY]), storeTimestamp);
        }
        return new DispatchRequest(topic, buf.getInt(pos + StoredMessageCodec.QUEUE_ID_OFFSET),
            buf.getLong(pos + StoredMessageCodec.PHYSICAL_OFFSET_OFFSET), total, tagsCode, storeTimestamp,
            buf.getLong(pos + StoredMessageCodec.QUEUE_OFFSET_OFFSET), values[KEYS], values[UNIQ_KEY],
            sysFlag, buf.getLong(pos + StoredMessageCodec.bodyLengthOffset(sysFlag) - 8), true);
    }

    private static final int TAGS = 0;
    private static final int KEYS = 1;
    private static final int UNIQ_KEY = 2;
    private static final int DELAY = 3;
    private static final byte[][] WANTED = {
        MessageProperties.TAGS.getBytes(StandardCharsets.US_ASCII),
        MessageProperties.KEYS.getBytes(StandardCharsets.US_ASCII),
        MessageProperties.UNIQ_KEY.getBytes(StandardCharsets.US_ASCII),
        MessageProperties.DELAY.getBytes(StandardCharsets.US_ASCII),
    };

    /**
     * One pass over {@code name 0x01 value 0x02 ...} in place, decoding only the values dispatch
     * needs; a later duplicate wins and empty values count as absent, as with the full decoder.
     */
    static void scanProperties(ByteBuffer buf, int from, int end, String[] values) {
        int p = from;
        while (p < end) {
            int pairEnd = p;
            while (pairEnd < end && buf.get(pairEnd) != PropertiesCodec.PROPERTY_SEPARATOR) {
                pairEnd++;
            }
            for (int w = 0; w < WANTED.length; w++) {
                byte[] name = WANTED[w];
                int sep = p + name.length;
                if (sep < pairEnd && buf.get(sep) == PropertiesCodec.NAME_VALUE_SEPARATOR && startsWith(buf, p, name)) {
                    values[w] = sep + 1 < pairEnd ? text(buf, sep + 1, pairEnd - sep - 1) : null;
                    break;
                }
            }
            p = pairEnd + 1;
        }
    }

    private static boolean startsWith(ByteBuffer buf, int at, byte[] name) {
        for (int i = 0; i < name.length; i++) {
            if (buf.get(at + i) != name[i]) {
                return false;
            }
        }
        return true;
    }

    private String lastTopic = "";
    private byte[] lastTopicBytes = new byte[0];

    /** Most records repeat the previous record's topic: reuse its String. Single caller thread per reader. */
    private String topic(ByteBuffer buf, int at, int length) {
        byte[] cached = lastTopicBytes;
        if (cached.length == length && startsWith(buf, at, cached)) {
            return lastTopic;
        }
        byte[] b = new byte[length];
        buf.get(at, b);
        String t = new String(b, StandardCharsets.UTF_8);
        lastTopicBytes = b;
        lastTopic = t;
        return t;
    }

    private static int parseLevel(String delay) {
        try {
            return Integer.parseInt(delay);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String text(ByteBuffer buf, int at, int length) {
        byte[] b = new byte[length];
        buf.get(at, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    static boolean isDispatchedToConsumeQueue(int sysFlag) {
        int t = MessageSysFlag.transactionType(sysFlag);
        return t == MessageSysFlag.TRANSACTION_NOT_TYPE || t == MessageSysFlag.TRANSACTION_COMMIT_TYPE;
    }
}
