package io.petrel.broker.ha;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * RocketMQ 4.9.7's HA wire format, big-endian, no handshake. Slave to master: an 8-byte offset report (the first is
 * where to start, every one is an acknowledgement). Master to slave: a 12-byte header (8-byte physical offset of the
 * first body byte, 4-byte body size) and that many bytes of raw CommitLog; size 0 is a heartbeat.
 */
public final class HaFrames {
    public static final int REPORT_SIZE = 8;
    public static final int HEADER_SIZE = 12;

    private HaFrames() {
    }

    /** Writes a data frame's header (a heartbeat when {@code size} is 0) at the start of {@code frame}. */
    public static void header(byte[] frame, long phyOffset, int size) {
        putLong(frame, 0, phyOffset);
        putInt(frame, 8, size);
    }

    /** The physical offset in a header read into {@code header}. */
    public static long headerOffset(byte[] header) {
        return getLong(header, 0);
    }

    /** The body size in a header read into {@code header}. */
    public static int headerSize(byte[] header) {
        return getInt(header, 8);
    }

    /** The offset in an 8-byte report. */
    public static long reportOffset(byte[] report) {
        return getLong(report, 0);
    }

    public static byte[] report(long offset) {
        byte[] b = new byte[REPORT_SIZE];
        putLong(b, 0, offset);
        return b;
    }

    private static void putLong(byte[] b, int at, long v) {
        for (int i = 7; i >= 0; i--) {
            b[at + i] = (byte) v;
            v >>>= 8;
        }
    }

    private static void putInt(byte[] b, int at, int v) {
        for (int i = 3; i >= 0; i--) {
            b[at + i] = (byte) v;
            v >>>= 8;
        }
    }

    private static long getLong(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[at + i] & 0xFF);
        }
        return v;
    }

    private static int getInt(byte[] b, int at) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (b[at + i] & 0xFF);
        }
        return v;
    }

    /**
     * Fills {@code buf[filled..len)} from the stream: returns how many bytes are in the buffer now, which is less
     * than {@code len} only when a read timeout (SO_TIMEOUT) came first. A timeout loses no bytes.
     */
    public static int fill(InputStream in, byte[] buf, int filled, int len) throws IOException {
        while (filled < len) {
            int n;
            try {
                n = in.read(buf, filled, len - filled);
            } catch (SocketTimeoutException e) {
                return filled;
            }
            if (n < 0) {
                throw new EOFException("connection closed by peer");
            }
            filled += n;
        }
        return filled;
    }
}
