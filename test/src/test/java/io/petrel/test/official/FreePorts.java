package io.petrel.test.official;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ephemeral loopback ports for servers started by tests. */
public final class FreePorts {
    private FreePorts() {
    }

    /** A port free right now on 127.0.0.1. */
    public static int one() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A port {@code p} such that {@code p - 2} (a RocketMQ broker's fast port), {@code p} and {@code p + 1} (its HA
     * port) are all free right now.
     */
    public static int brokerPort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int p = one();
            if (p > 1026 && p < 65534 && isFree(p - 2) && isFree(p + 1)) {
                return p;
            }
        }
        throw new IllegalStateException("no free port triple found for a broker");
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress("0.0.0.0", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
