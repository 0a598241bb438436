package io.petrel.client.testkit;

import io.netty.buffer.Unpooled;
import io.petrel.remoting.codec.RemotingFrame;
import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.RemotingCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Golden vectors (bytes written by RocketMQ 4.9.7, copied from {@code spec/vectors/}) in the test resources, and
 * the frames among them decoded with Petrel's frame codec.
 */
public final class Vectors {
    private Vectors() {
    }

    public static byte[] hex(String resource) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s", "");
            return HexFormat.of().parseHex(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A whole frame file (length prefix included) decoded by {@link RemotingFrame}. */
    public static RemotingCommand frame(String resource) throws RemotingCommandException {
        byte[] bytes = hex(resource);
        return RemotingFrame.decode(Unpooled.wrappedBuffer(bytes, RemotingFrame.LENGTH_FIELD_SIZE,
            bytes.length - RemotingFrame.LENGTH_FIELD_SIZE));
    }

    /** The body of a frame file: what follows the header. */
    public static byte[] frameBody(String resource) {
        byte[] bytes = hex(resource);
        int headerLength = ((bytes[5] & 0xFF) << 16) | ((bytes[6] & 0xFF) << 8) | (bytes[7] & 0xFF);
        return Arrays.copyOfRange(bytes, 8 + headerLength, bytes.length);
    }
}
