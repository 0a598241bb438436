package io.petrel.remoting.tls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslProvider;
import io.petrel.common.util.NetAddresses;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's side of TLS: the mode, the SSL context (made at start when certificate files are configured, at the
 * first TLS connection in test mode) and the handler that looks at each connection's first byte. A connection that
 * starts with a TLS handshake record gets an SSL handler in front of its pipeline, unless the mode is disabled;
 * one that does not is closed in enforcing mode. The certificate files are checked for changes at most once a
 * second, when a TLS connection arrives, and a changed set is loaded for the connections that follow.
 */
public final class ServerTls {
    private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);
    /** The first byte of a TLS record carrying a handshake. */
    static final byte HANDSHAKE = 0x16;
    private static final long CHECK_INTERVAL_MILLIS = 1_000;

    private final TlsSettings settings;
    private final LongSupplier clock;
    private final SslProvider provider;
    private final List<File> files = new ArrayList<>();
    private SslContext context;
    private long filesStamp;
    private long checkedAt;

    /** @throws SSLException when the configured certificate files cannot be loaded */
    public ServerTls(TlsSettings settings, LongSupplier clock) throws SSLException {
        this(settings, clock, TlsContexts.provider());
    }

    /**
     * A server side on the given provider: {@link SslProvider#JDK} for {@link #accept(Socket, int)}.
     *
     * @throws SSLException when the configured certificate files cannot be loaded
     */
    public ServerTls(TlsSettings settings, LongSupplier clock, SslProvider provider) throws SSLException {
        this.settings = settings;
        this.clock = clock;
        this.provider = provider;
        LOG.info("TLS {} ({})", settings.mode().configName(), settings);
        if (settings.mode() != TlsMode.DISABLED && !settings.testMode()) {
            for (String path : new String[] {settings.serverCertPath(), settings.serverKeyPath(),
                settings.serverTrustCertPath()}) {
                if (path != null) {
                    files.add(new File(path));
                }
            }
            filesStamp = stamp();
            context = TlsContexts.server(settings, provider);
            checkedAt = clock.getAsLong();
        }
    }

    public TlsMode mode() {
        return settings.mode();
    }

    /** An accepted blocking connection: its streams (TLS or plain) and the sockets to close. */
    public record Accepted(Socket socket, InputStream in, OutputStream out) {
    }

    /**
     * Takes a connection accepted on a blocking server socket as the mode says, by its first byte (read within
     * {@code firstByteTimeoutMs}): a TLS handshake gets a server-mode {@link SSLSocket} over it, with client
     * certificates asked for as {@code tls.server.need.client.auth} says; plain bytes are passed on as they came.
     * Needs a context on the JDK provider.
     *
     * @throws IOException when the connection is refused by the mode, ends or stays silent; the caller closes it
     */
    public Accepted accept(Socket raw, int firstByteTimeoutMs) throws IOException {
        InputStream rawIn = raw.getInputStream();
        raw.setSoTimeout(firstByteTimeoutMs);
        int first = rawIn.read();
        raw.setSoTimeout(0);
        if (first < 0) {
            throw new EOFException("closed before its first byte");
        }
        boolean tls = (byte) first == HANDSHAKE;
        String refusal = refusal(tls);
        if (refusal != null) {
            LOG.warn("closing {}: {}", NetAddresses.format(raw.getRemoteSocketAddress()), refusal);
            throw new IOException(refusal);
        }
        byte[] consumed = {(byte) first};
        if (!tls) {
            return new Accepted(raw, new SequenceInputStream(new ByteArrayInputStream(consumed), rawIn),
                raw.getOutputStream());
        }
        SSLContext jdk = ((JdkSslContext) context()).context();
        SSLSocket ssl = (SSLSocket) jdk.getSocketFactory().createSocket(raw, new ByteArrayInputStream(consumed),
            true);
        switch (settings.serverNeedClientAuth()) {
            case "require" -> ssl.setNeedClientAuth(true);
            case "optional" -> ssl.setWantClientAuth(true);
            default -> ssl.setNeedClientAuth(false);
        }
        return new Accepted(ssl, ssl.getInputStream(), ssl.getOutputStream());
    }

    /** Why the mode refuses a connection that does or does not start with a TLS handshake; null when it does not. */
    private String refusal(boolean tls) {
        if (tls && settings.mode() == TlsMode.DISABLED) {
            return "it starts a TLS handshake but " + TlsSettings.SERVER_MODE + "=disabled";
        }
        if (!tls && settings.mode() == TlsMode.ENFORCING) {
            return "it does not start with a TLS handshake and " + TlsSettings.SERVER_MODE + "=enforcing";
        }
        return null;
    }

    /** A handler for the front of a new connection's pipeline. */
    public ChannelInboundHandlerAdapter newDetector() {
        return new Detector();
    }

    /** The context for a new TLS connection, reloaded first if the certificate files changed. */
    synchronized SslContext context() throws SSLException {
        if (context == null) {
            context = TlsContexts.server(settings, provider);
            checkedAt = clock.getAsLong();
            return context;
        }
        long now = clock.getAsLong();
        if (!files.isEmpty() && now - checkedAt >= CHECK_INTERVAL_MILLIS) {
            checkedAt = now;
            long current = stamp();
            if (current != filesStamp) {
                try {
                    context = TlsContexts.server(settings, provider);
                    filesStamp = current;
                    LOG.info("TLS certificate files changed: loaded {}", files);
                } catch (SSLException e) {
                    // Keep serving with the last good certificate; look again on the next check.
                    LOG.warn("TLS certificate files changed but cannot be loaded, keeping the previous ones: {}",
                        e.getMessage());
                }
            }
        }
        return context;
    }

    private long stamp() {
        long h = 17;
        for (File f : files) {
            h = h * 31 + f.lastModified();
            h = h * 31 + f.length();
        }
        return h;
    }

    /** Looks at the first bytes of a connection, then leaves the pipeline. */
    private final class Detector extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (!(msg instanceof ByteBuf buf) || !buf.isReadable()) {
                ctx.fireChannelRead(msg);
                return;
            }
            boolean tls = buf.getByte(buf.readerIndex()) == HANDSHAKE;
            String addr = NetAddresses.format(ctx.channel().remoteAddress());
            ChannelPipeline pipeline = ctx.pipeline();
            String refusal = refusal(tls);
            if (refusal != null) {
                LOG.warn("closing {}: {}", addr, refusal);
                buf.release();
                ctx.close();
                return;
            }
            if (tls) {
                SslContext ssl;
                try {
                    ssl = context();
                } catch (SSLException e) {
                    LOG.error("closing {}: no TLS context: {}", addr, e.getMessage());
                    buf.release();
                    ctx.close();
                    return;
                }
                pipeline.addAfter(ctx.name(), "ssl", ssl.newHandler(ctx.alloc()));
            }
            pipeline.remove(this);
            ctx.fireChannelRead(buf);
        }
    }
}
