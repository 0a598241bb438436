package io.petrel.broker.ha;

import io.petrel.remoting.tls.ServerTls;
import io.petrel.store.MessageStore;
import io.petrel.store.MessageStoreConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master side of HA: accepts slaves on the HA port and runs one {@link HaConnection} (a reader and a writer
 * thread) per slave. Writers sleep while there is nothing to send and are woken by {@link #dataArrived()}.
 * Thread-safe; {@link #shutdown()} closes every connection and is safe to call twice.
 */
public final class HaServer {
    private static final Logger LOG = LoggerFactory.getLogger(HaServer.class);

    private final MessageStore store;
    private final MessageStoreConfig config;
    private final ServerTls tls;
    private final Set<HaConnection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> writers = ConcurrentHashMap.newKeySet();
    private ServerSocket serverSocket;
    private Thread acceptor;
    private volatile boolean stopped;

    /** An HA port that takes TLS and plain slaves as {@code tls}'s mode allows (a JDK-provider {@link ServerTls}). */
    public HaServer(MessageStore store, MessageStoreConfig config, ServerTls tls) {
        this.store = store;
        this.config = config;
        this.tls = tls;
    }

    /** Binds {@code bindAddress:port} (port 0 for any free port) and starts accepting. */
    public void start(String bindAddress, int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        try {
            InetSocketAddress at = bindAddress == null || bindAddress.isBlank() || "0.0.0.0".equals(bindAddress)
                ? new InetSocketAddress(port) : new InetSocketAddress(bindAddress, port);
            s.bind(at, 50);
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot listen on the HA port " + port + ": " + e.getMessage(), e);
        }
        serverSocket = s;
        acceptor = new Thread(this::acceptLoop, "HAAcceptService");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("HA service listening on port {}", s.getLocalPort());
    }

    public int localPort() {
        return serverSocket == null ? -1 : serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!stopped) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!stopped) {
                    LOG.warn("HA accept failed", e);
                }
                continue;
            }
            try {
                socket.setTcpNoDelay(true);
                HaConnection c = new HaConnection(this, socket);
                connections.add(c);
                LOG.info("HA connection from slave {}", socket.getRemoteSocketAddress());
                c.start();
            } catch (SocketException e) {
                LOG.warn("HA connection from {} refused: {}", socket.getRemoteSocketAddress(), e.toString());
                closeQuietly(socket);
            }
        }
    }

    MessageStore store() {
        return store;
    }

    MessageStoreConfig config() {
        return config;
    }

    ServerTls tls() {
        return tls;
    }

    boolean isStopped() {
        return stopped;
    }

    void removed(HaConnection c) {
        connections.remove(c);
    }

    /**
     * New CommitLog data can be sent: wakes every writer. A writer that is not parked keeps the permit, so a wake-up
     * between its last look at the CommitLog and its park is never lost.
     */
    public void dataArrived() {
        for (Thread t : writers) {
            LockSupport.unpark(t);
        }
    }

    void writerStarted(Thread t) {
        writers.add(t);
    }

    void writerStopped(Thread t) {
        writers.remove(t);
    }

    /** A writer with nothing to send waits here up to {@code maxMs}, or until {@link #dataArrived()}. */
    void awaitData(long maxMs) {
        LockSupport.parkNanos(this, maxMs * 1_000_000L);
    }

    /** Live slave connections. */
    public int connectionCount() {
        return connections.size();
    }

    /** 5.x's HA status of this master: its slaves' connections, {@code maxOffset} being its CommitLog end. */
    public byte[] status(long maxOffset) {
        return HaStatus.ofMaster(maxOffset, connections.stream().map(HaConnection::status).toList(),
            config.haSlaveFallbehindMax());
    }

    public void shutdown() {
        stopped = true;
        if (serverSocket != null) {
            try {
                serverSocket.close();
            } catch (IOException e) {
                LOG.debug("closing the HA server socket", e);
            }
        }
        for (HaConnection c : connections) {
            c.close("shutdown");
        }
        for (HaConnection c : connections) {
            c.join(3000);
        }
        if (acceptor != null) {
            try {
                acceptor.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.debug("closing an HA socket", e);
        }
    }
}
