package io.petrel.test.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.List;

/** Plain loopback sockets for tests that play hostile clients. */
final class RawSockets {
    private RawSockets() {
    }

    /** Connects to {@code 127.0.0.1:port} and adds the socket to {@code open}. */
    static Socket connect(int port, List<Socket> open) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        open.add(s);
        return s;
    }

    static void closeAll(List<Socket> open) {
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        open.clear();
    }

    /** Whether the peer closed this connection (end of stream or reset), looking for at most {@code timeoutMs}. */
    static boolean closedByPeer(Socket s, int timeoutMs) throws IOException {
        s.setSoTimeout(timeoutMs);
        InputStream in = s.getInputStream();
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException open) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }
}
