package io.petrel.remoting.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/** Builds the SSL contexts RocketMQ's settings describe. */
public final class TlsContexts {
    private static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(3650);

    private TlsContexts() {
    }

    /** OpenSSL when its native library is on the class path, the JDK's provider otherwise. */
    static SslProvider provider() {
        return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
    }

    /**
     * A server context: in test mode a fresh self-signed certificate and optional client certificates; otherwise
     * the configured certificate chain and key, trusting client certificates from the trust file when
     * {@code tls.server.authClient}, any otherwise.
     *
     * @throws SSLException naming the setting when a file is missing or unreadable
     */
    public static SslContext server(TlsSettings s) throws SSLException {
        return server(s, provider());
    }

    /** {@link #server(TlsSettings)} on the given provider ({@link SslProvider#JDK} for blocking sockets). */
    public static SslContext server(TlsSettings s, SslProvider provider) throws SSLException {
        if (s.testMode()) {
            try {
                SelfSignedCertificates.KeyAndCertificate self = SelfSignedCertificates.generate("localhost",
                    SELF_SIGNED_VALIDITY);
                return SslContextBuilder.forServer(self.key(), self.certificate()).sslProvider(provider)
                    .clientAuth(ClientAuth.OPTIONAL).trustManager(InsecureTrustManagerFactory.INSTANCE).build();
            } catch (GeneralSecurityException e) {
                throw new SSLException("cannot make a self-signed certificate: " + e, e);
            }
        }
        File cert = required(s.serverCertPath(), TlsSettings.SERVER_CERT_PATH);
        File key = required(s.serverKeyPath(), TlsSettings.SERVER_KEY_PATH);
        SslContextBuilder b;
        try {
            b = SslContextBuilder.forServer(cert, key, s.serverKeyPassword());
        } catch (IllegalArgumentException e) {
            throw new SSLException("cannot load " + TlsSettings.SERVER_CERT_PATH + " " + cert + " / "
                + TlsSettings.SERVER_KEY_PATH + " " + key + ": " + rootMessage(e), e);
        }
        b.sslProvider(provider).clientAuth(ClientAuth.valueOf(s.serverNeedClientAuth().toUpperCase(Locale.ROOT)));
        if (s.serverAuthClient()) {
            if (s.serverTrustCertPath() != null) {
                b.trustManager(required(s.serverTrustCertPath(), TlsSettings.SERVER_TRUST_CERT_PATH));
            }
        } else {
            b.trustManager(InsecureTrustManagerFactory.INSTANCE);
        }
        return b.build();
    }

    /**
     * A client context: trusts any server in test mode or unless {@code tls.client.authServer}, else the servers
     * the trust file names; presents the client certificate when one is configured.
     */
    public static SslContext client(TlsSettings s) throws SSLException {
        SslContextBuilder b = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
        if (s.testMode() || !s.clientAuthServer()) {
            b.trustManager(InsecureTrustManagerFactory.INSTANCE);
        } else if (s.clientTrustCertPath() != null) {
            b.trustManager(required(s.clientTrustCertPath(), TlsSettings.CLIENT_TRUST_CERT_PATH));
        }
        if (!s.testMode() && s.clientCertPath() != null && s.clientKeyPath() != null) {
            File cert = required(s.clientCertPath(), TlsSettings.CLIENT_CERT_PATH);
            File key = required(s.clientKeyPath(), TlsSettings.CLIENT_KEY_PATH);
            try {
                b.keyManager(cert, key, s.clientKeyPassword());
            } catch (IllegalArgumentException e) {
                throw new SSLException("cannot load " + TlsSettings.CLIENT_CERT_PATH + " " + cert + " / "
                    + TlsSettings.CLIENT_KEY_PATH + " " + key + ": " + rootMessage(e), e);
            }
        }
        return b.build();
    }

    /**
     * A TLS client socket over {@code connected} (a blocking socket connected to {@code host:port}), its handshake
     * done, with the client context's trust and certificate.
     *
     * @throws IOException when the handshake fails; {@code connected} is closed then
     */
    public static SSLSocket clientSocket(TlsSettings s, Socket connected, String host, int port) throws IOException {
        SSLContext context = ((JdkSslContext) client(s)).context();
        SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(connected, host, port, true);
        try {
            ssl.startHandshake();
        } catch (IOException e) {
            ssl.close();
            throw e;
        }
        return ssl;
    }

    private static File required(String path, String key) throws SSLException {
        if (path == null) {
            throw new SSLException(key + " is not set (needed unless " + TlsSettings.TEST_MODE_ENABLE + "=true)");
        }
        File f = new File(path);
        if (!f.isFile() || !f.canRead()) {
            throw new SSLException(key + ": cannot read " + path);
        }
        return f;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
