package io.petrel.broker.ha;

import io.petrel.remoting.tls.TlsContexts;
import io.petrel.remoting.tls.TlsSettings;
import io.petrel.store.MessageStore;
import io.petrel.store.MessageStoreConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slave side of HA: connects to the master's HA address (fixed by {@code haMasterAddress}, else the one the
 * NameServer's register reply names), reports its CommitLog end at once and after every appended frame (and every
 * {@code haSendHeartbeatInterval}), and appends what the master sends byte for byte; the store's dispatcher builds
 * ConsumeQueues and index from it. A frame that does not start at the slave's end, a broken socket or
 * {@code haHousekeepingInterval} without a byte from the master closes the connection; the client connects again
 * after 5 s and resumes from its own end. With TLS settings the connection is a TLS one (the broker's own client
 * TLS decision, as for its NameServer link). One thread; {@link #shutdown()} is safe to call twice.
 */
public final class HaClient {
    private static final Logger LOG = LoggerFactory.getLogger(HaClient.class);
    private static final long RECONNECT_MS = 5_000;
    private static final int HANDSHAKE_TIMEOUT_MS = 10_000;
    /** Larger frames than this are refused as malformed (4.9.7 masters send at most their haTransferBatchSize). */
    private static final int MAX_FRAME = 64 * 1024 * 1024;

    private final MessageStore store;
    private final MessageStoreConfig config;
    private final TlsSettings tls;
    private final AtomicReference<String> masterAddress = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Socket socket;
    private volatile boolean connected;
    private volatile long lastReadMs;
    private volatile long lastWriteMs;
    private final TransferRate receivedRate = new TransferRate();
    private final Thread watchdog;

    /** An HA client that connects with TLS under these settings; null for plain. */
    public HaClient(MessageStore store, MessageStoreConfig config, TlsSettings tls) {
        this.store = store;
        this.config = config;
        this.tls = tls;
        this.thread = new Thread(this::run, "HAClient");
        this.thread.setDaemon(true);
        this.watchdog = new Thread(this::watch, "HAClientWatchdog");
        this.watchdog.setDaemon(true);
        if (config.haMasterAddress() != null) {
            masterAddress.set(config.haMasterAddress());
        }
    }

    public void start() {
        thread.start();
        watchdog.start();
    }

    /** The master's HA address from a register reply; ignored when {@code haMasterAddress} is configured. */
    public void updateMasterAddress(String addr) {
        if (config.haMasterAddress() != null || addr == null || addr.isBlank()) {
            return;
        }
        String old = masterAddress.getAndSet(addr);
        if (!addr.equals(old)) {
            LOG.info("update master address, OLD: {} NEW: {}", old, addr);
            Socket s = socket;
            if (s != null && old != null) {
                HaServer.closeQuietly(s);
            }
            LockSupport.unpark(thread);
        }
    }

    public String masterAddress() {
        return masterAddress.get();
    }

    public boolean isConnected() {
        return connected;
    }

    private void run() {
        while (!stopped) {
            String addr = masterAddress.get();
            if (addr == null) {
                LockSupport.parkNanos(this, RECONNECT_MS * 1_000_000L);
                continue;
            }
            try {
                follow(addr);
            } catch (IOException e) {
                if (!stopped) {
                    LOG.warn("HA connection to master {} ended: {}", addr, e.getMessage());
                }
            } finally {
                connected = false;
                Socket s = socket;
                socket = null;
                if (s != null) {
                    HaServer.closeQuietly(s);
                }
            }
            if (!stopped) {
                LockSupport.parkNanos(this, RECONNECT_MS * 1_000_000L);
            }
        }
    }

    private static InetSocketAddress parse(String addr) {
        int colon = addr.lastIndexOf(':');
        return new InetSocketAddress(addr.substring(0, colon), Integer.parseInt(addr.substring(colon + 1)));
    }

    /**
     * Blocking reads without a timeout (one system call per frame read); the watchdog closes the socket when the
     * master sent nothing for {@code haHousekeepingInterval} (it sends an empty frame every 5 s when idle).
     */
    private void follow(String addr) throws IOException {
        Socket s = new Socket();
        socket = s;
        s.setTcpNoDelay(true);
        s.setReceiveBufferSize(4 * 1024 * 1024);
        InetSocketAddress at = parse(addr);
        s.connect(at, 3000);
        if (tls != null) {
            // the handshake is bounded as the connect is: a master that never answers it is given up
            s.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            s = TlsContexts.clientSocket(tls, s, at.getHostString(), at.getPort());
            s.setSoTimeout(0);
            socket = s;
        }
        lastReadMs = System.currentTimeMillis();
        connected = true;
        LOG.info("HA connected to master {}{}", addr, tls == null ? "" : " over TLS");
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        long heartbeat = config.haSendHeartbeatIntervalMs();
        long reported = report(out, store.getMaxPhyOffset());
        long lastWrite = System.currentTimeMillis();
        byte[] header = new byte[HaFrames.HEADER_SIZE];
        byte[] body = new byte[config.haTransferBatchSize()];
        while (!stopped && addr.equals(masterAddress.get())) {
            HaFrames.fill(in, header, 0, header.length);
            long phyOffset = HaFrames.headerOffset(header);
            int size = HaFrames.headerSize(header);
            if (size < 0 || size > MAX_FRAME) {
                throw new IOException("malformed HA frame: size " + size);
            }
            if (body.length < size) {
                body = new byte[size];
            }
            HaFrames.fill(in, body, 0, size);
            lastReadMs = System.currentTimeMillis();
            receivedRate.add(size, lastReadMs);
            append(phyOffset, body, size);
            long max = store.getMaxPhyOffset();
            long now = System.currentTimeMillis();
            if (max > reported || now - lastWrite >= heartbeat) {
                reported = report(out, max);
                lastWrite = now;
            }
        }
    }

    /** Closes a connection on which the master has been silent for {@code haHousekeepingInterval}. */
    private void watch() {
        long housekeeping = config.haHousekeepingIntervalMs();
        while (!stopped) {
            LockSupport.parkNanos(this, 1_000_000_000L);
            Socket s = socket;
            if (connected && s != null && System.currentTimeMillis() - lastReadMs > housekeeping) {
                LOG.warn("nothing from the master for {} ms: closing the HA connection", housekeeping);
                HaServer.closeQuietly(s);
            }
        }
    }

    private void append(long phyOffset, byte[] body, int size) throws IOException {
        long max = store.getMaxPhyOffset();
        boolean empty = store.getMinPhyOffset() < 0 && max == 0;
        if (!empty && phyOffset != max) {
            throw new IOException("master pushed offset not equal the max phy offset in slave, SLAVE: " + max
                + " MASTER: " + phyOffset);
        }
        if (size == 0) {
            return;
        }
        if (!store.appendToCommitLog(phyOffset, body, 0, size)) {
            throw new IOException("appending " + size + " replicated bytes at " + phyOffset + " failed");
        }
    }

    private long report(OutputStream out, long offset) throws IOException {
        out.write(HaFrames.report(offset));
        out.flush();
        lastWriteMs = System.currentTimeMillis();
        return offset;
    }

    /** 5.x's HA status of this slave. */
    public byte[] status() {
        return HaStatus.ofSlave(store.getMaxPhyOffset(), new HaStatus.Master(masterAddress.get(), lastReadMs,
            lastWriteMs, receivedRate.perSecond(System.currentTimeMillis())));
    }

    public void shutdown() {
        stopped = true;
        Socket s = socket;
        if (s != null) {
            HaServer.closeQuietly(s);
        }
        LockSupport.unpark(thread);
        LockSupport.unpark(watchdog);
        try {
            thread.join(3000);
            watchdog.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
