package io.petrel.common.message;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The stored message record: the CommitLog layout of RocketMQ 4.9.7, which is also the body of
 * pull, query and view responses. Big-endian. {@code BH}/{@code SH} are the born/store host
 * widths: 8 for IPv4 (address 4 + port 4), 20 for IPv6 (sysflag bits 0x10 / 0x20).
 * <pre>
 *  off            size field
 *  0              4    TOTALSIZE           whole record, this field included
 *  4              4    MAGICCODE           0xDAA320A7
 *  8              4    BODYCRC             CRC-32 of BODY &amp; 0x7FFFFFFF (0 for an empty body)
 *  12             4    QUEUEID
 *  16             4    FLAG
 *  20             8    QUEUEOFFSET
 *  28             8    PHYSICALOFFSET      offset of this record in the CommitLog stream
 *  36             4    SYSFLAG
 *  40             8    BORNTIMESTAMP
 *  48             BH   BORNHOST
 *  48+BH          8    STORETIMESTAMP
 *  56+BH          SH   STOREHOST
 *  56+BH+SH       4    RECONSUMETIMES
 *  60+BH+SH       8    PREPARED TRANSACTION OFFSET
 *  68+BH+SH       4    BODYLENGTH n
 *  72+BH+SH       n    BODY
 *  ...            1    TOPICLENGTH t       signed byte, t &lt;= 127
 *  ...            t    TOPIC
 *  ...            2    PROPERTIESLENGTH p  signed short, p &lt;= 32767
 *  ...            p    PROPERTIES          see {@link PropertiesCodec}
 * </pre>
 * Total = 91 + n + t + p for IPv4 hosts (+12 per IPv6 host). A file ends with an 8-byte blank
 * record {@code | remaining length int | 0xCBD43194 |} when the next record does not fit.
 * Stateless; thread-safe.
 */
public final class StoredMessageCodec {
    public static final int MESSAGE_MAGIC = 0xDAA320A7;
    public static final int BLANK_MAGIC = 0xCBD43194;
    /** Every record must leave at least this many bytes in its file for a blank record. */
    public static final int END_OF_FILE_MIN_BLANK = 8;

    public static final int TOTAL_SIZE_OFFSET = 0;
    public static final int MAGIC_OFFSET = 4;
    public static final int BODY_CRC_OFFSET = 8;
    public static final int QUEUE_ID_OFFSET = 12;
    public static final int FLAG_OFFSET = 16;
    public static final int QUEUE_OFFSET_OFFSET = 20;
    public static final int PHYSICAL_OFFSET_OFFSET = 28;
    public static final int SYS_FLAG_OFFSET = 36;
    public static final int BORN_TIMESTAMP_OFFSET = 40;
    public static final int BORN_HOST_OFFSET = 48;
    public static final int MAX_TOPIC_LENGTH = Byte.MAX_VALUE;
    public static final int MAX_PROPERTIES_LENGTH = Short.MAX_VALUE;

    private StoredMessageCodec() {
    }

    public static int storeTimestampOffset(int sysFlag) {
        return BORN_HOST_OFFSET + MessageSysFlag.bornHostLength(sysFlag);
    }

    public static int storeHostOffset(int sysFlag) {
        return storeTimestampOffset(sysFlag) + 8;
    }

    public static int bodyLengthOffset(int sysFlag) {
        return storeHostOffset(sysFlag) + MessageSysFlag.storeHostLength(sysFlag) + 4 + 8;
    }

    public static int recordLength(int sysFlag, int bodyLength, int topicLength, int propertiesLength) {
        return bodyLengthOffset(sysFlag) + 4 + bodyLength + 1 + topicLength + 2 + propertiesLength;
    }

    /** CRC-32 (IEEE) with the top bit cleared, as stored in BODYCRC. */
    public static int bodyCrc(byte[] body, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        CRC32 crc = new CRC32();
        crc.update(body, offset, length);
        return (int) crc.getValue() & 0x7FFFFFFF;
    }

    public static int bodyCrc(ByteBuffer body) {
        if (!body.hasRemaining()) {
            return 0;
        }
        CRC32 crc = new CRC32();
        crc.update(body);
        return (int) crc.getValue() & 0x7FFFFFFF;
    }

    /**
     * Writes one record at the buffer's position using the fields of {@code m} (BODYCRC is taken
     * from {@code m}, the sysflag host bits from the hosts). Returns the record length.
     */
    public static int encode(ByteBuffer dst, MessageExt m, byte[] topic, byte[] properties) {
        byte[] body = m.getBody() == null ? new byte[0] : m.getBody();
        int sysFlag = m.getSysFlag();
        int length = recordLength(sysFlag, body.length, topic.length, properties.length);
        dst.putInt(length);
        dst.putInt(MESSAGE_MAGIC);
        dst.putInt(m.getBodyCRC());
        dst.putInt(m.getQueueId());
        dst.putInt(m.getFlag());
        dst.putLong(m.getQueueOffset());
        dst.putLong(m.getCommitLogOffset());
        dst.putInt(sysFlag);
        dst.putLong(m.getBornTimestamp());
        HostCodec.write(dst, m.getBornHost());
        dst.putLong(m.getStoreTimestamp());
        HostCodec.write(dst, m.getStoreHost());
        dst.putInt(m.getReconsumeTimes());
        dst.putLong(m.getPreparedTransactionOffset());
        dst.putInt(body.length);
        dst.put(body);
        dst.put((byte) topic.length);
        dst.put(topic);
        dst.putShort((short) properties.length);
        dst.put(properties);
        return length;
    }

    /** Encodes with the topic and the properties map in UTF-8. */
    public static byte[] encode(MessageExt m) {
        byte[] topic = m.getTopic().getBytes(StandardCharsets.UTF_8);
        byte[] props = PropertiesCodec.encodeToBytes(m.getProperties());
        int bodyLength = m.getBody() == null ? 0 : m.getBody().length;
        ByteBuffer buf = ByteBuffer.allocate(recordLength(m.getSysFlag(), bodyLength, topic.length, props.length));
        encode(buf, m, topic, props);
        return buf.array();
    }

    public static void writeBlank(ByteBuffer dst, int remaining) {
        dst.putInt(remaining);
        dst.putInt(BLANK_MAGIC);
    }

    public static void patchQueueOffset(ByteBuffer record, int recordStart, long queueOffset) {
        record.putLong(recordStart + QUEUE_OFFSET_OFFSET, queueOffset);
    }

    public static void patchPhysicalOffset(ByteBuffer record, int recordStart, long physicalOffset) {
        record.putLong(recordStart + PHYSICAL_OFFSET_OFFSET, physicalOffset);
    }

    public static void patchStoreTimestamp(ByteBuffer record, int recordStart, long storeTimestamp) {
        int sysFlag = record.getInt(recordStart + SYS_FLAG_OFFSET);
        record.putLong(recordStart + storeTimestampOffset(sysFlag), storeTimestamp);
    }

    /**
     * Decodes the record at the buffer's position and moves the position past it.
     *
     * @param readBody  false leaves the body empty (the position still skips it)
     * @param checkCrc  verify BODYCRC; a mismatch throws {@link IllegalArgumentException}
     */
    public static MessageExt decode(ByteBuffer src, boolean readBody, boolean checkCrc) {
        return decodeInto(src, readBody, checkCrc, new MessageExt());
    }

    /** As {@link #decode(ByteBuffer, boolean, boolean)}, filling {@code m} (a subclass, say) and returning it. */
    public static <M extends MessageExt> M decodeInto(ByteBuffer src, boolean readBody, boolean checkCrc, M m) {
        int start = src.position();
        int totalSize = src.getInt();
        int magic = src.getInt();
        if (magic != MESSAGE_MAGIC) {
            throw new IllegalArgumentException("not a message record at " + start + ", magic " + Integer.toHexString(magic));
        }
        m.setStoreSize(totalSize);
        m.setBodyCRC(src.getInt());
        m.setQueueId(src.getInt());
        m.setFlag(src.getInt());
        m.setQueueOffset(src.getLong());
        m.setCommitLogOffset(src.getLong());
        int sysFlag = src.getInt();
        m.setBornTimestamp(src.getLong());
        InetSocketAddress bornHost = HostCodec.read(src, (sysFlag & MessageSysFlag.BORNHOST_V6) != 0 ? 16 : 4);
        m.setStoreTimestamp(src.getLong());
        InetSocketAddress storeHost = HostCodec.read(src, (sysFlag & MessageSysFlag.STOREHOSTADDRESS_V6) != 0 ? 16 : 4);
        m.setBornHost(bornHost);
        m.setStoreHost(storeHost);
        m.setSysFlag(sysFlag);
        m.setReconsumeTimes(src.getInt());
        m.setPreparedTransactionOffset(src.getLong());
        readBody(src, m, readBody, checkCrc);
        byte[] topic = new byte[DeclaredLengths.check(src.get(), src, "topic", "record", start)];
        src.get(topic);
        m.setTopic(new String(topic, StandardCharsets.UTF_8));
        byte[] props = new byte[DeclaredLengths.check(src.getShort(), src, "properties", "record", start)];
        src.get(props);
        m.setProperties(PropertiesCodec.decode(props, 0, props.length));
        if (src.position() - start != totalSize) {
            throw new IllegalArgumentException("record at " + start + " declares " + totalSize
                + " bytes but its fields take " + (src.position() - start));
        }
        m.setMsgId(MessageIds.offsetMessageId(storeHost, m.getCommitLogOffset()));
        return m;
    }

    private static void readBody(ByteBuffer src, MessageExt m, boolean readBody, boolean checkCrc) {
        int bodyLength = DeclaredLengths.check(src.getInt(), src, "body", "record", src.position() - 4);
        if (!readBody && !checkCrc) {
            src.position(src.position() + bodyLength);
            m.setBody(new byte[0]);
            return;
        }
        byte[] body = new byte[bodyLength];
        src.get(body);
        if (checkCrc && bodyCrc(body, 0, bodyLength) != m.getBodyCRC()) {
            throw new IllegalArgumentException("body CRC mismatch in record at physical offset " + m.getCommitLogOffset());
        }
        m.setBody(readBody ? body : new byte[0]);
    }

    /** Decodes every record in the buffer (a pull / query response body). */
    public static List<MessageExt> decodeAll(ByteBuffer src, boolean readBody) {
        List<MessageExt> out = new ArrayList<>();
        while (src.remaining() >= 8) {
            out.add(decode(src, readBody, false));
        }
        return out;
    }
}
