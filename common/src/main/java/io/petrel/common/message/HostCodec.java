package io.petrel.common.message;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * A host as stored in records and message ids: the raw address (4 bytes IPv4, 16 bytes IPv6)
 * followed by the port as an int. No name resolution happens in either direction.
 */
public final class HostCodec {
    private HostCodec() {
    }

    public static boolean isV6(InetSocketAddress address) {
        return address != null && address.getAddress() instanceof Inet6Address;
    }

    /** 8 for IPv4, 20 for IPv6. */
    public static int length(InetSocketAddress address) {
        return isV6(address) ? 20 : 8;
    }

    public static void write(ByteBuffer dst, InetSocketAddress address) {
        dst.put(address.getAddress().getAddress());
        dst.putInt(address.getPort());
    }

    public static InetSocketAddress read(ByteBuffer src, int addressLength) {
        byte[] raw = new byte[addressLength];
        src.get(raw);
        int port = src.getInt();
        try {
            return new InetSocketAddress(InetAddress.getByAddress(raw), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address length " + addressLength, e);
        }
    }
}
