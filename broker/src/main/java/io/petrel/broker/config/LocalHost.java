package io.petrel.broker.config;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Facts about this host that become config defaults: its name and the address a broker advertises. */
final class LocalHost {
    private LocalHost() {
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "DEFAULT_BROKER";
        }
    }

    /**
     * The first non-loopback IPv4 address not in 127.0/8 or 192.168/16; else the last IPv4 found; else an IPv6
     * address; else 127.0.0.1. (Set {@code brokerIP1} explicitly to advertise another.)
     */
    static String preferredAddress() {
        List<InetAddress> all = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                all.addAll(Collections.list(nif.getInetAddresses()));
            }
        } catch (SocketException e) {
            return "127.0.0.1";
        }
        String lastV4 = null;
        String v6 = null;
        for (InetAddress a : all) {
            if (a instanceof Inet4Address) {
                String ip = a.getHostAddress();
                if (!ip.startsWith("127.0") && !ip.startsWith("192.168")) {
                    return ip;
                }
                lastV4 = ip;
            } else if (a instanceof Inet6Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                v6 = a.getHostAddress();
            }
        }
        return lastV4 != null ? lastV4 : v6 != null ? v6 : "127.0.0.1";
    }
}
