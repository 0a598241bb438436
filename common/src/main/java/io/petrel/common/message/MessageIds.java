package io.petrel.common.message;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * The offset message id: the store host and the physical CommitLog offset of a record,
 * printed as upper-case hex.
 * <pre>
 * IPv4 (16 bytes, 32 chars): | address 4 | port int 4 | commit-log offset long 8 |
 * IPv6 (28 bytes, 56 chars): | address 16 | port int 4 | commit-log offset long 8 |
 * </pre>
 */
public final class MessageIds {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private MessageIds() {
    }

    /** Decoded form of an offset message id. */
    public record OffsetMessageId(InetSocketAddress storeHost, long commitLogOffset) {
    }

    public static String offsetMessageId(InetSocketAddress storeHost, long commitLogOffset) {
        ByteBuffer buf = ByteBuffer.allocate(HostCodec.length(storeHost) + 8);
        HostCodec.write(buf, storeHost);
        buf.putLong(commitLogOffset);
        return HEX.formatHex(buf.array());
    }

    public static OffsetMessageId decodeOffsetMessageId(String id) {
        if (id.length() != 32 && id.length() != 56) {
            throw new IllegalArgumentException("offset message id must have 32 or 56 hex digits: " + id);
        }
        ByteBuffer buf = ByteBuffer.wrap(HEX.parseHex(id));
        InetSocketAddress host = HostCodec.read(buf, id.length() == 32 ? 4 : 16);
        return new OffsetMessageId(host, buf.getLong());
    }
}
