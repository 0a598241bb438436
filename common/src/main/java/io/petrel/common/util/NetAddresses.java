package io.petrel.common.util;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Conversions between {@code host:port} strings (IPv6 literals allowed, port after the last colon) and socket addresses. */
public final class NetAddresses {
    private NetAddresses() {
    }

    /** @throws IllegalArgumentException when the text is not {@code host:port} with a valid port */
    public static InetSocketAddress parse(String addr) {
        int colon = addr == null ? -1 : addr.lastIndexOf(':');
        if (colon <= 0 || colon == addr.length() - 1) {
            throw new IllegalArgumentException("address must be host:port, got " + addr);
        }
        String host = addr.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(addr.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address must be host:port, got " + addr);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range in " + addr);
        }
        return new InetSocketAddress(host, port);
    }

    /**
     * A broker's VIP ("fast") address: the same host, listen port minus 2, where every request code but
     * PULL_MESSAGE is served.
     *
     * @throws IllegalArgumentException when the text is not {@code host:port}
     */
    public static String vipAddress(String brokerAddr) {
        int colon = brokerAddr == null ? -1 : brokerAddr.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("address must be host:port, got " + brokerAddr);
        }
        int port;
        try {
            port = Integer.parseInt(brokerAddr.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address must be host:port, got " + brokerAddr);
        }
        return brokerAddr.substring(0, colon + 1) + (port - 2);
    }

    /** {@code ip:port} for a socket address, or "" when unknown. */
    public static String format(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return host + ":" + inet.getPort();
        }
        return address == null ? "" : address.toString();
    }
}
