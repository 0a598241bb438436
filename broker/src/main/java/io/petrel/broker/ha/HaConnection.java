package io.petrel.broker.ha;

import io.petrel.remoting.tls.ServerTls;
import io.petrel.store.MessageStore;
import io.petrel.store.Replicas;
import io.petrel.store.SelectedBuffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One slave on the master's HA port. The reader takes the slave's 8-byte reports: the first says where to start
 * (0 means the beginning of the newest CommitLog file, as in 4.9.7), every one acknowledges; a later report beyond
 * the master's CommitLog closes the connection. The writer, once the start is known, sends raw CommitLog in frames
 * of at most {@code haTransferBatchSize} bytes that never cross a file end, and an empty frame after
 * {@code haSendHeartbeatInterval} of silence. Nothing read for {@code haHousekeepingInterval} closes the connection.
 */
final class HaConnection {
    private static final Logger LOG = LoggerFactory.getLogger(HaConnection.class);

    private final HaServer server;
    /** The accepted socket; {@link #secured} is the one to read and write (a TLS socket over it, or it). */
    private final Socket socket;
    private volatile ServerTls.Accepted secured;
    private final String peer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch started = new CountDownLatch(1);
    private final Thread reader;
    private final Thread writer;
    private volatile Replicas.Link link;
    private volatile long startOffset = -1;
    private volatile long lastReadMs = System.currentTimeMillis();
    private final TransferRate sentRate = new TransferRate();

    HaConnection(HaServer server, Socket socket) {
        this.server = server;
        this.socket = socket;
        this.peer = String.valueOf(socket.getRemoteSocketAddress());
        this.reader = new Thread(this::readLoop, "HAReadSocketService-" + peer);
        this.writer = new Thread(this::writeLoop, "HAWriteSocketService-" + peer);
        reader.setDaemon(true);
        writer.setDaemon(true);
    }

    void start() {
        reader.start();
        writer.start();
    }

    /**
     * Blocking reads without a timeout (one system call per report); the writer, which wakes at least every 100 ms,
     * closes the connection when nothing was read for {@code haHousekeepingInterval}. The first byte decides between
     * TLS and plain as the mode allows, read within {@code haHousekeepingInterval}.
     */
    private void readLoop() {
        MessageStore store = server.store();
        byte[] buf = new byte[HaFrames.REPORT_SIZE];
        try {
            ServerTls.Accepted s = server.tls().accept(socket,
                (int) Math.min(Integer.MAX_VALUE, server.config().haHousekeepingIntervalMs()));
            secured = s;
            InputStream in = s.in();
            while (!closed.get() && !server.isStopped()) {
                HaFrames.fill(in, buf, 0, buf.length);
                lastReadMs = System.currentTimeMillis();
                if (!onReport(store, HaFrames.reportOffset(buf))) {
                    return;
                }
            }
        } catch (IOException e) {
            close("read failed: " + e.getMessage());
        } finally {
            close("reader stopped");
        }
    }

    /** Takes one report; false when it closes the connection. */
    private boolean onReport(MessageStore store, long reported) {
        if (link == null) {
            long max = store.getMaxPhyOffset();
            long fileSize = server.config().mappedFileSizeCommitLog();
            long start = reported != 0 ? reported : Math.max(0, max - max % fileSize);
            if (reported < 0) {
                close("slave reported a negative offset " + reported);
                return false;
            }
            startOffset = start;
            link = store.replicas().open(start);
            LOG.info("slave {} requests offset {}; sending from {}", peer, reported, start);
            started.countDown();
            return true;
        }
        long max = store.getMaxPhyOffset();
        if (reported > max) {
            LOG.warn("slave[{}] request offset={} greater than local commitLog offset={}", peer, reported, max);
            close("slave ahead of the master");
            return false;
        }
        store.replicas().acked(link, reported);
        return true;
    }

    private void writeLoop() {
        MessageStore store = server.store();
        int batch = server.config().haTransferBatchSize();
        long heartbeat = server.config().haSendHeartbeatIntervalMs();
        long housekeeping = server.config().haHousekeepingIntervalMs();
        byte[] frame = new byte[HaFrames.HEADER_SIZE + batch];
        server.writerStarted(Thread.currentThread());
        try {
            while (!closed.get() && !started.await(100, TimeUnit.MILLISECONDS)) {
                // the first report decides where to start; nothing is sent before it, as in 4.9.7
                checkHousekeeping(housekeeping);
            }
            if (closed.get()) {
                return;
            }
            OutputStream out = secured.out();
            long next = startOffset;
            long lastWrite = System.currentTimeMillis();
            while (!closed.get() && !server.isStopped()) {
                int size = 0;
                SelectedBuffer data = next < store.getMaxPhyOffset() ? store.getCommitLogData(next) : null;
                if (data != null) {
                    try {
                        ByteBuffer b = data.buffer();
                        size = Math.min(batch, b.remaining());
                        b.get(b.position(), frame, HaFrames.HEADER_SIZE, size);
                    } finally {
                        data.release();
                    }
                }
                long now = System.currentTimeMillis();
                if (size == 0 && now - lastWrite < heartbeat) {
                    checkHousekeeping(housekeeping);
                    server.awaitData(100);
                    continue;
                }
                HaFrames.header(frame, next, size);
                if (size > 0) {
                    // before the write: the slave's acknowledgement may arrive before write() returns
                    store.replicas().sent(link, next + size);
                }
                out.write(frame, 0, HaFrames.HEADER_SIZE + size);
                out.flush();
                sentRate.add(size, now);
                lastWrite = now;
                next += size;
            }
        } catch (IOException e) {
            close("write failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.writerStopped(Thread.currentThread());
            close("writer stopped");
        }
    }

    /** What {@code haStatus} shows of this slave. */
    HaStatus.Slave status() {
        String addr = peer.startsWith("/") ? peer.substring(1) : peer;
        Replicas.Link l = link; // what the slave acknowledged and where sending began, as the store counts them
        return new HaStatus.Slave(addr, l == null ? 0 : l.acked(), l == null ? 0 : l.start(),
            sentRate.perSecond(System.currentTimeMillis()));
    }

    private void checkHousekeeping(long housekeeping) {
        if (System.currentTimeMillis() - lastReadMs > housekeeping) {
            close("nothing read for " + housekeeping + " ms");
        }
    }

    void close(String why) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        started.countDown();
        ServerTls.Accepted s = secured;
        if (s != null) {
            HaServer.closeQuietly(s.socket());
        }
        HaServer.closeQuietly(socket);
        Replicas.Link l = link;
        if (l != null) {
            server.store().replicas().close(l);
        }
        server.removed(this);
        LOG.info("HA connection to slave {} closed ({}); it had acknowledged {}", peer, why,
            l == null ? "nothing" : Long.toString(l.acked()));
    }

    void join(long ms) {
        try {
            reader.join(ms);
            writer.join(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
