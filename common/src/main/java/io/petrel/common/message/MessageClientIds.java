package io.petrel.common.message;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * The client unique message id: the {@code UNIQ_KEY} property, {@code SendResult#getMsgId()}, what consumers see as
 * the message id. Upper-case hex of:
 * <pre>
 * IPv4 (16 bytes, 32 chars): | ip 4  | pid short 2 | class-loader hash int 4 | ms since month start int 4 | counter short 2 |
 * IPv6 (28 bytes, 56 chars): | ip 16 | pid short 2 | class-loader hash int 4 | ms since month start int 4 | counter short 2 |
 * </pre>
 * The month starts at midnight on day 1 in the producer's time zone; decoders pick the layout by length (56 chars =
 * IPv6, otherwise IPv4). Ids are made by one {@link UniqIdGenerator} per class loader, created on first use.
 * Thread-safe.
 */
public final class MessageClientIds {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final int IPV6_ID_BYTES = 28;
    private static final int TAIL_BYTES = 2 + 4 + 4 + 2;

    private MessageClientIds() {
    }

    /** Lazy holder: finding the address costs a scan of the network interfaces. */
    private static final class Default {
        static final UniqIdGenerator GENERATOR = UniqIdGenerator.forThisProcess();
    }

    public static String createUniqId() {
        return Default.GENERATOR.next();
    }

    /** Length of the ids {@link #createUniqId()} returns: 32 or 56. */
    public static int uniqIdLength() {
        return Default.GENERATOR.idLength();
    }

    /** Sets {@code UNIQ_KEY} unless the message already has one. */
    public static void setUniqId(Message msg) {
        if (msg.getProperty(MessageProperties.UNIQ_KEY) == null) {
            msg.putProperty(MessageProperties.UNIQ_KEY, createUniqId());
        }
    }

    public static String getUniqId(Message msg) {
        return msg.getProperty(MessageProperties.UNIQ_KEY);
    }

    /** The creation time in ms, assuming the id was made in the current or the previous month. */
    public static long getNearlyTimeFromId(String id) {
        return getNearlyTimeFromId(id, Clock.systemDefaultZone());
    }

    /**
     * The creation time in ms: the id's span added to the start of the clock's current month, or of the previous
     * month when that sum is not in the past.
     */
    public static long getNearlyTimeFromId(String id, Clock clock) {
        byte[] raw = HEX.parseHex(id);
        int spanOffset = ipLength(raw) + 2 + 4;
        long span = readInt(raw, spanOffset) & 0xFFFFFFFFL;
        long now = clock.millis();
        LocalDate monthStart = LocalDate.ofInstant(Instant.ofEpochMilli(now), clock.getZone()).withDayOfMonth(1);
        long start = monthStart.atStartOfDay(clock.getZone()).toInstant().toEpochMilli();
        if (start + span >= now) {
            start = monthStart.minusMonths(1).atStartOfDay(clock.getZone()).toInstant().toEpochMilli();
        }
        return start + span;
    }

    /** The 4 or 16 address bytes. */
    public static byte[] getIPFromId(String id) {
        byte[] raw = HEX.parseHex(id);
        byte[] ip = new byte[ipLength(raw)];
        System.arraycopy(raw, 0, ip, 0, ip.length);
        return ip;
    }

    /** Dotted IPv4, or IPv6 as eight groups of four lower-case hex digits ({@code fd00:0000:...:0002}). */
    public static String getIPStrFromID(String id) {
        byte[] ip = getIPFromId(id);
        if (ip.length == 4) {
            try {
                return InetAddress.getByAddress(ip).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 16; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(HexFormat.of().toHexDigits(ip[i])).append(HexFormat.of().toHexDigits(ip[i + 1]));
        }
        return sb.toString();
    }

    /** The low 16 bits of the producer's pid. */
    public static int getPidFromID(String id) {
        byte[] raw = HEX.parseHex(id);
        int offset = raw.length - TAIL_BYTES;
        return ((raw[offset] & 0xFF) << 8) | (raw[offset + 1] & 0xFF);
    }

    private static int ipLength(byte[] raw) {
        return raw.length == IPV6_ID_BYTES ? 16 : 4;
    }

    private static int readInt(byte[] raw, int offset) {
        return ((raw[offset] & 0xFF) << 24) | ((raw[offset + 1] & 0xFF) << 16) | ((raw[offset + 2] & 0xFF) << 8)
            | (raw[offset + 3] & 0xFF);
    }
}
