package io.petrel.common.util;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * zlib (RFC 1950) message bodies, the format RocketMQ 4.9.7 producers send with sysflag bit 0x1 (and type bits
 * 0x300). Output is byte-identical to a {@link Deflater} fed the whole input at once, as RocketMQ's is. Stateless;
 * thread-safe.
 */
public final class Compression {
    /** Level producers use unless configured otherwise ({@code rocketmq.message.compressLevel}). */
    public static final int DEFAULT_LEVEL = 5;
    /** Producers compress bodies longer than this ({@code compressMsgBodyOverHowmuch}). */
    public static final int DEFAULT_THRESHOLD_BYTES = 4096;

    private static final int CHUNK_BYTES = 4096;

    private Compression() {
    }

    /** @param level 0-9, or -1 for zlib's default */
    public static byte[] compress(byte[] src, int level) {
        Deflater deflater = new Deflater(level);
        try {
            deflater.setInput(src);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, src.length / 2));
            byte[] chunk = new byte[CHUNK_BYTES];
            while (!deflater.finished()) {
                int n = deflater.deflate(chunk);
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * Inflates one zlib stream; bytes after its end are ignored.
     *
     * @throws IllegalArgumentException when the input is not a complete zlib stream
     */
    public static byte[] uncompress(byte[] src) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(src);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, src.length * 4));
            byte[] chunk = new byte[CHUNK_BYTES];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("truncated or preset-dictionary zlib stream: " + src.length
                        + " input bytes, " + out.size() + " inflated");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not a zlib stream (" + src.length + " bytes): " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
