package io.petrel.remoting.codec;

import io.netty.buffer.ByteBuf;
import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.LanguageCode;
import io.petrel.remoting.protocol.RemotingCommand;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The ROCKETMQ binary header (serialize type 1). Big-endian.
 *
 * <pre>
 * size  field
 * 2     code        int16
 * 1     language    code of {@link LanguageCode}
 * 2     version     int16
 * 4     opaque
 * 4     flag
 * 4     R           remark length, 0 = no remark
 * R     remark      UTF-8
 * 4     E           ext-field block length, 0 = none
 * E     entries     repeated: keyLen int16, key UTF-8, valueLen int32, value UTF-8
 * </pre>
 *
 * A zero-length string decodes as absent. Headers that ask for it ({@link CommandHeader#fieldsFirstOnWire()})
 * are written field by field ahead of the remaining ext fields.
 */
public final class RocketMQHeaderCodec {
    static final int FIXED_PART = 2 + 1 + 2 + 4 + 4 + 4 + 4;

    private RocketMQHeaderCodec() {
    }

    static void encode(RemotingCommand cmd, ByteBuf out) {
        out.writeShort(cmd.code());
        out.writeByte(cmd.language().code());
        out.writeShort(cmd.version());
        out.writeInt(cmd.opaque());
        out.writeInt(cmd.flag());
        writeRemark(cmd.remark(), out);
        int lengthAt = out.writerIndex();
        out.writeInt(0);
        CommandHeader header = cmd.customHeader();
        Map<String, String> rest;
        if (header != null && header.fieldsFirstOnWire()) {
            header.writeTo((k, v) -> writeEntry(k, v, out));
            rest = cmd.extFields();
        } else {
            rest = RemotingFrame.mergedExtFields(cmd);
        }
        if (rest != null) {
            for (Map.Entry<String, String> e : rest.entrySet()) {
                writeEntry(e.getKey(), e.getValue(), out);
            }
        }
        out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
    }

    private static void writeRemark(String remark, ByteBuf out) {
        if (remark == null || remark.isEmpty()) {
            out.writeInt(0);
            return;
        }
        byte[] bytes = remark.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeEntry(String key, String value, ByteBuf out) {
        if (key == null || value == null) {
            return;
        }
        int keyAt = out.writerIndex();
        out.writeShort(0);
        int keyLength = out.writeCharSequence(key, StandardCharsets.UTF_8);
        out.setShort(keyAt, keyLength);
        int valueAt = out.writerIndex();
        out.writeInt(0);
        int valueLength = out.writeCharSequence(value, StandardCharsets.UTF_8);
        out.setInt(valueAt, valueLength);
    }

    /** Decodes exactly the bytes of {@code header}. */
    static RemotingCommand decode(ByteBuf header) throws RemotingCommandException {
        int headerLength = header.readableBytes();
        if (headerLength < FIXED_PART) {
            throw new RemotingCommandException("ROCKETMQ header of " + headerLength + " bytes is too short");
        }
        RemotingCommand cmd = new RemotingCommand();
        cmd.code(header.readShort());
        cmd.language(LanguageCode.ofCode(header.readByte()));
        cmd.version(header.readShort());
        cmd.opaque(header.readInt());
        cmd.flag(header.readInt());
        int remarkLength = header.readInt();
        checkLength("remark", remarkLength, header);
        if (remarkLength > 0) {
            cmd.remark(header.readCharSequence(remarkLength, StandardCharsets.UTF_8).toString());
        }
        if (header.readableBytes() < 4) {
            throw new RemotingCommandException("ROCKETMQ header ends before the ext-field length");
        }
        int extLength = header.readInt();
        checkLength("ext fields", extLength, header);
        if (extLength > 0) {
            cmd.extFields(decodeEntries(header.readSlice(extLength)));
        }
        return cmd;
    }

    private static HashMap<String, String> decodeEntries(ByteBuf block) throws RemotingCommandException {
        HashMap<String, String> map = new HashMap<>();
        while (block.isReadable()) {
            if (block.readableBytes() < 2) {
                throw new RemotingCommandException("ext-field block ends inside a key length");
            }
            int keyLength = block.readUnsignedShort();
            checkLength("ext-field key", keyLength, block);
            String key = block.readCharSequence(keyLength, StandardCharsets.UTF_8).toString();
            if (block.readableBytes() < 4) {
                throw new RemotingCommandException("ext-field block ends inside the value length of " + key);
            }
            int valueLength = block.readInt();
            checkLength("ext-field value", valueLength, block);
            if (valueLength > 0 && keyLength > 0) {
                map.put(key, block.readCharSequence(valueLength, StandardCharsets.UTF_8).toString());
            } else {
                block.skipBytes(valueLength);
            }
        }
        return map;
    }

    private static void checkLength(String what, int length, ByteBuf buf) throws RemotingCommandException {
        if (length < 0 || length > buf.readableBytes()) {
            throw new RemotingCommandException(
                what + " length " + length + " exceeds the " + buf.readableBytes() + " bytes left in the header");
        }
    }
}
