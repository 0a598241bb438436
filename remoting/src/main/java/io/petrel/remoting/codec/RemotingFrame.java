package io.petrel.remoting.codec;

import io.netty.buffer.ByteBuf;
import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.SerializeType;
import java.util.HashMap;

/**
 * The remoting frame: one {@link RemotingCommand} per frame. All integers big-endian.
 *
 * <pre>
 * offset  size          field
 * 0       4             length      bytes after this field = 4 + headerLength + bodyLength
 * 4       4             headerWord  high byte: serialize type (0 JSON, 1 ROCKETMQ); low 3 bytes: headerLength
 * 8       headerLength  header      JSON text ({@link JsonHeaderCodec}) or binary ({@link RocketMQHeaderCodec})
 * 8+hl    rest          body        opaque bytes, possibly none
 * </pre>
 *
 * Pure functions: no logging, no channel handling; malformed input is a {@link RemotingCommandException}.
 */
public final class RemotingFrame {
    public static final int LENGTH_FIELD_SIZE = 4;
    public static final int HEADER_WORD_SIZE = 4;
    /** The largest header the 3-byte length can express. */
    public static final int MAX_HEADER_LENGTH = 0xFFFFFF;
    /** Default limit on a whole frame (length field included), as RocketMQ peers use. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 16 * 1024 * 1024;

    private RemotingFrame() {
    }

    /** Writes the whole frame, length prefix included (a body region is copied in). */
    public static void encode(RemotingCommand cmd, ByteBuf out) {
        encodeHeader(cmd, out);
        byte[] body = cmd.body();
        if (cmd.bodyRegion() != null) {
            out.writeBytes(cmd.bodyRegion(), cmd.bodyRegion().readerIndex(), cmd.bodyRegion().readableBytes());
        } else if (body != null) {
            out.writeBytes(body);
        }
    }

    /**
     * Writes length prefix, header word and header; the length counts the body, which the caller sends right
     * after (zero-copy path for body regions).
     */
    public static void encodeHeader(RemotingCommand cmd, ByteBuf out) {
        int start = out.writerIndex();
        out.writeInt(0);
        out.writeInt(0);
        if (cmd.serializeType() == SerializeType.ROCKETMQ) {
            RocketMQHeaderCodec.encode(cmd, out);
        } else {
            JsonHeaderCodec.encode(cmd, mergedExtFields(cmd), out);
        }
        int headerLength = out.writerIndex() - start - LENGTH_FIELD_SIZE - HEADER_WORD_SIZE;
        if (headerLength > MAX_HEADER_LENGTH) {
            throw new IllegalArgumentException("header of " + headerLength + " bytes does not fit a frame");
        }
        out.setInt(start, headerLength + HEADER_WORD_SIZE + cmd.bodyLength());
        out.setInt(start + LENGTH_FIELD_SIZE, (cmd.serializeType().code() << 24) | headerLength);
    }

    /**
     * Decodes a frame whose length field was already stripped: {@code frame} holds header word, header and
     * body, exactly.
     */
    public static RemotingCommand decode(ByteBuf frame) throws RemotingCommandException {
        int total = frame.readableBytes();
        if (total < HEADER_WORD_SIZE) {
            throw new RemotingCommandException("frame of " + total + " bytes has no header word");
        }
        int word = frame.readInt();
        int headerLength = word & MAX_HEADER_LENGTH;
        SerializeType type = SerializeType.ofCode(word >>> 24);
        if (type == null) {
            throw new RemotingCommandException("unknown serialize type " + (word >>> 24));
        }
        if (headerLength > total - HEADER_WORD_SIZE) {
            throw new RemotingCommandException(
                "header length " + headerLength + " exceeds frame length " + (total - HEADER_WORD_SIZE));
        }
        RemotingCommand cmd;
        if (type == SerializeType.ROCKETMQ) {
            cmd = RocketMQHeaderCodec.decode(frame.readSlice(headerLength));
        } else {
            byte[] header = new byte[headerLength];
            frame.readBytes(header);
            cmd = JsonHeaderCodec.decode(header);
        }
        cmd.serializeType(type);
        int bodyLength = frame.readableBytes();
        if (bodyLength > 0) {
            byte[] body = new byte[bodyLength];
            frame.readBytes(body);
            cmd.body(body);
        }
        return cmd;
    }

    /**
     * The ext fields as they travel when the header is merged into the map: the command's own fields plus
     * every non-null header field. A command with a header always has a (possibly empty) map.
     */
    static HashMap<String, String> mergedExtFields(RemotingCommand cmd) {
        CommandHeader header = cmd.customHeader();
        HashMap<String, String> ext = cmd.extFields();
        if (header == null) {
            return ext;
        }
        HashMap<String, String> merged = ext == null ? new HashMap<>() : ext;
        header.writeTo((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        return merged;
    }
}
