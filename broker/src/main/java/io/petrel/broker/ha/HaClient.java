package io.petrel.broker.ha;

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
 * after 5 s and resumes from its own end. One thread; {@link #shutdown()} is safe to call twice.
 */
public final class HaClient {
    private static final Logger LOG = LoggerFactory.getLogger(HaClient.class);
    private static final long RECONNECT_MS = 5_000;
    /** Larger frames than this are refused as malformed (4.9.7 masters send at most their haTransferBatchSize). */
    private static final int MAX_FRAME = 64 * 1024 * 1024;

    private final MessageStore store;
    private final MessageStoreConfig config;
    private final AtomicReference<String> masterAddress = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Socket socket;
    private volatile boolean connected;

    public HaClient(MessageStore store, MessageStoreConfig config) {
        this.store = store;
        this.config = config;
        this.thread = new Thread(this::run, "HAClient");
        this.thread.setDaemon(true);
        if (config.haMasterAddress() != null) {
            masterAddress.set(config.haMasterAddress());
        }
    }

    public void start() {
        thread.start();
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

    private void follow(String addr) throws IOException {
        Socket s = new Socket();
        socket = s;
        s.setTcpNoDelay(true);
        s.setReceiveBufferSize(4 * 1024 * 1024);
        s.connect(parse(addr), 3000);
        s.setSoTimeout(1000);
        connected = true;
        LOG.info("HA connected to master {}", addr);
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        long heartbeat = config.haSendHeartbeatIntervalMs();
        long housekeeping = config.haHousekeepingIntervalMs();
        long reported = report(out, store.getMaxPhyOffset());
        long lastWrite = System.currentTimeMillis();
        long lastRead = lastWrite;
        byte[] header = new byte[HaFrames.HEADER_SIZE];
        byte[] body = new byte[config.haTransferBatchSize()];
        int filled = 0;
        while (!stopped && masterAddress.get() != null && masterAddress.get().equals(addr)) {
            int before = filled;
            filled = HaFrames.fill(in, header, filled, header.length);
            long now = System.currentTimeMillis();
            if (filled > before) {
                lastRead = now;
            }
            if (filled == header.length) {
                filled = 0;
                long phyOffset = HaFrames.getLong(header, 0);
                int size = HaFrames.getInt(header, 8);
                if (size < 0 || size > MAX_FRAME) {
                    throw new IOException("malformed HA frame: size " + size);
                }
                if (body.length < size) {
                    body = new byte[size];
                }
                readBody(in, body, size);
                lastRead = System.currentTimeMillis();
                append(phyOffset, body, size);
            }
            long max = store.getMaxPhyOffset();
            now = System.currentTimeMillis();
            if (max > reported || now - lastWrite >= heartbeat) {
                reported = report(out, max);
                lastWrite = now;
            }
            if (now - lastRead > housekeeping) {
                throw new IOException("nothing from the master for " + housekeeping + " ms");
            }
        }
    }

    private void readBody(InputStream in, byte[] body, int size) throws IOException {
        int got = 0;
        long deadline = System.currentTimeMillis() + config.haHousekeepingIntervalMs();
        while (got < size) {
            got = HaFrames.fill(in, body, got, size);
            if (got < size && System.currentTimeMillis() > deadline) {
                throw new IOException("HA frame body not complete after " + config.haHousekeepingIntervalMs() + " ms");
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

    private static long report(OutputStream out, long offset) throws IOException {
        out.write(HaFrames.report(offset));
        out.flush();
        return offset;
    }

    public void shutdown() {
        stopped = true;
        Socket s = socket;
        if (s != null) {
            HaServer.closeQuietly(s);
        }
        LockSupport.unpark(thread);
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
