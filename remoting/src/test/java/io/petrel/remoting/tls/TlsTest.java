package io.petrel.remoting.tls;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.ssl.SslProvider;
import io.petrel.common.util.BoundedExecutors;
import io.petrel.remoting.exception.RemotingException;
import io.petrel.remoting.netty.NettyClientConfig;
import io.petrel.remoting.netty.NettyRemotingClient;
import io.petrel.remoting.netty.NettyRemotingServer;
import io.petrel.remoting.netty.NettyServerConfig;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.ResponseCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Petrel clients and servers over loopback in each TLS mode, with test-mode and configured certificates. */
class TlsTest {
    private static final int ECHO = 1000;

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final ExecutorService pool = BoundedExecutors.fixed("tls-test", 2, 100);

    @AfterEach
    void tearDown() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        pool.shutdownNow();
    }

    private static TlsSettings settings(Map<String, String> keys) {
        Map<String, String> all = new HashMap<>(keys);
        all.putIfAbsent(TlsSettings.CONFIG_FILE, "/nonexistent/tls.properties");
        return TlsSettings.resolve(all::get);
    }

    private String server(Map<String, String> keys) {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        config.setTls(settings(keys));
        NettyRemotingServer server = new NettyRemotingServer(config, null);
        server.registerProcessor(ECHO, (ch, req) -> RemotingCommand.createResponse(ResponseCode.SUCCESS, "echo")
            .body(req.body()), pool);
        server.start();
        open.add(server::shutdown);
        return "127.0.0.1:" + server.localPort();
    }

    private NettyRemotingClient client(boolean useTls, Map<String, String> keys) {
        NettyClientConfig config = new NettyClientConfig();
        config.setUseTLS(useTls);
        config.setTls(settings(keys));
        config.setConnectTimeoutMillis(2000);
        NettyRemotingClient client = new NettyRemotingClient(config);
        client.start();
        open.add(client::shutdown);
        return client;
    }

    private static String echo(NettyRemotingClient client, String addr) throws Exception {
        RemotingCommand resp = client.invokeSync(addr, RemotingCommand.createRequest(ECHO).body("hi"), 3000);
        return resp.remark() + " " + new String(resp.body(), StandardCharsets.UTF_8);
    }

    @Test
    void permissiveServesTlsAndPlainClientsOnOnePort() throws Exception {
        String addr = server(Map.of(TlsSettings.SERVER_MODE, "permissive"));
        assertEquals("echo hi", echo(client(true, Map.of()), addr));
        assertEquals("echo hi", echo(client(false, Map.of()), addr));
    }

    @Test
    void theDefaultModeIsPermissive() throws Exception {
        String addr = server(Map.of());
        assertEquals("echo hi", echo(client(true, Map.of()), addr));
        assertEquals("echo hi", echo(client(false, Map.of()), addr));
    }

    @Test
    void enforcingRefusesPlainClients() throws Exception {
        String addr = server(Map.of(TlsSettings.SERVER_MODE, "enforcing"));
        assertEquals("echo hi", echo(client(true, Map.of()), addr));
        NettyRemotingClient plain = client(false, Map.of());
        assertThrows(RemotingException.class, () -> echo(plain, addr));
    }

    @Test
    void disabledRefusesTlsClients() throws Exception {
        String addr = server(Map.of(TlsSettings.SERVER_MODE, "disabled"));
        assertEquals("echo hi", echo(client(false, Map.of()), addr));
        NettyRemotingClient tls = client(true, Map.of());
        assertThrows(RemotingException.class, () -> echo(tls, addr));
    }

    private Path[] writePem(String name) throws Exception {
        SelfSignedCertificates.KeyAndCertificate kc = SelfSignedCertificates.generate("localhost",
            Duration.ofDays(1));
        Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        Path cert = dir.resolve(name + ".crt");
        Path key = dir.resolve(name + ".key");
        Files.writeString(cert, "-----BEGIN CERTIFICATE-----\n" + b64.encodeToString(kc.certificate().getEncoded())
            + "\n-----END CERTIFICATE-----\n");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + b64.encodeToString(kc.key().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
        return new Path[] {cert, key};
    }

    @Test
    void configuredCertificatesAreVerifiedByClientsThatAskForIt() throws Exception {
        Path[] server = writePem("server");
        Path[] other = writePem("other");
        String addr = server(Map.of(TlsSettings.SERVER_MODE, "enforcing", TlsSettings.TEST_MODE_ENABLE, "false",
            TlsSettings.SERVER_CERT_PATH, server[0].toString(), TlsSettings.SERVER_KEY_PATH, server[1].toString()));
        Map<String, String> trusting = Map.of(TlsSettings.TEST_MODE_ENABLE, "false",
            TlsSettings.CLIENT_AUTH_SERVER, "true", TlsSettings.CLIENT_TRUST_CERT_PATH, server[0].toString());
        assertEquals("echo hi", echo(client(true, trusting), addr));
        Map<String, String> trustingOther = Map.of(TlsSettings.TEST_MODE_ENABLE, "false",
            TlsSettings.CLIENT_AUTH_SERVER, "true", TlsSettings.CLIENT_TRUST_CERT_PATH, other[0].toString());
        NettyRemotingClient wrongTrust = client(true, trustingOther);
        assertThrows(RemotingException.class, () -> echo(wrongTrust, addr));
    }

    /** Enforcing server settings with this certificate that require a client certificate signed as trusted. */
    private static Map<String, String> requiringClientCertificates(Path[] server, Path[] trusted) {
        return Map.of(TlsSettings.SERVER_MODE, "enforcing", TlsSettings.TEST_MODE_ENABLE, "false",
            TlsSettings.SERVER_CERT_PATH, server[0].toString(), TlsSettings.SERVER_KEY_PATH, server[1].toString(),
            TlsSettings.SERVER_NEED_CLIENT_AUTH, "require", TlsSettings.SERVER_AUTH_CLIENT, "true",
            TlsSettings.SERVER_TRUST_CERT_PATH, trusted[0].toString());
    }

    @Test
    void requiredClientCertificatesAreChecked() throws Exception {
        Path[] server = writePem("server");
        Path[] clientCert = writePem("client");
        Path[] stranger = writePem("stranger");
        String addr = server(requiringClientCertificates(server, clientCert));
        assertEquals("echo hi", echo(client(true, Map.of(TlsSettings.TEST_MODE_ENABLE, "false",
            TlsSettings.CLIENT_CERT_PATH, clientCert[0].toString(),
            TlsSettings.CLIENT_KEY_PATH, clientCert[1].toString())), addr));
        NettyRemotingClient anonymous = client(true, Map.of(TlsSettings.TEST_MODE_ENABLE, "false"));
        assertThrows(RemotingException.class, () -> echo(anonymous, addr));
        NettyRemotingClient unknown = client(true, Map.of(TlsSettings.TEST_MODE_ENABLE, "false",
            TlsSettings.CLIENT_CERT_PATH, stranger[0].toString(), TlsSettings.CLIENT_KEY_PATH, stranger[1].toString()));
        assertThrows(RemotingException.class, () -> echo(unknown, addr));
    }

    /**
     * A blocking echo server (as the HA port is) taking each connection through {@link ServerTls#accept}; answers
     * the 4 bytes it reads. Returns its port.
     */
    private int blockingServer(Map<String, String> keys) throws Exception {
        ServerTls tls = new ServerTls(settings(keys), System::currentTimeMillis, SslProvider.JDK);
        ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        open.add(ss);
        Thread acceptor = new Thread(() -> {
            while (!ss.isClosed()) {
                try {
                    Socket raw = ss.accept();
                    pool.execute(() -> {
                        // the server closes first: a TLS client's close then has the close_notify it waits for
                        try (Socket ignored = raw) {
                            ServerTls.Accepted a = tls.accept(raw, 2000);
                            try (Socket secured = a.socket()) {
                                a.out().write(a.in().readNBytes(4));
                                a.out().flush();
                            }
                        } catch (IOException e) {
                            // refused or broken: closed above
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        }, "blocking-tls-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        return ss.getLocalPort();
    }

    /** Sends "ping" on a blocking connection (TLS when settings are given) and returns what comes back. */
    private String blockingPing(int port, Map<String, String> clientKeys) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        open.add(s);
        s.setSoTimeout(5000);
        if (clientKeys != null) {
            s = TlsContexts.clientSocket(settings(clientKeys), s, "localhost", port);
            open.add(s);
        }
        s.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return new String(s.getInputStream().readNBytes(4), StandardCharsets.US_ASCII);
    }

    @Test
    void blockingSocketsFollowTheModeByTheFirstByte() throws Exception {
        int permissive = blockingServer(Map.of(TlsSettings.SERVER_MODE, "permissive"));
        assertEquals("ping", blockingPing(permissive, null));
        assertEquals("ping", blockingPing(permissive, Map.of()));
        int enforcing = blockingServer(Map.of(TlsSettings.SERVER_MODE, "enforcing"));
        assertEquals("ping", blockingPing(enforcing, Map.of()));
        assertEquals("", blockingPing(enforcing, null), "a plain connection is closed unanswered");
        int disabled = blockingServer(Map.of(TlsSettings.SERVER_MODE, "disabled"));
        assertEquals("ping", blockingPing(disabled, null));
        assertThrows(IOException.class, () -> blockingPing(disabled, Map.of()));
    }

    @Test
    void blockingSocketsCheckRequiredClientCertificates() throws Exception {
        Path[] server = writePem("server");
        Path[] clientCert = writePem("client");
        int port = blockingServer(requiringClientCertificates(server, clientCert));
        Map<String, String> trusting = Map.of(TlsSettings.TEST_MODE_ENABLE, "false",
            TlsSettings.CLIENT_AUTH_SERVER, "true", TlsSettings.CLIENT_TRUST_CERT_PATH, server[0].toString(),
            TlsSettings.CLIENT_CERT_PATH, clientCert[0].toString(), TlsSettings.CLIENT_KEY_PATH, clientCert[1].toString());
        assertEquals("ping", blockingPing(port, trusting));
        Map<String, String> anonymous = Map.of(TlsSettings.TEST_MODE_ENABLE, "false",
            TlsSettings.CLIENT_AUTH_SERVER, "true", TlsSettings.CLIENT_TRUST_CERT_PATH, server[0].toString());
        assertThrows(IOException.class, () -> blockingPing(port, anonymous));
    }

    @Test
    void changedCertificateFilesAreLoadedForNewConnections() throws Exception {
        Path[] server = writePem("server");
        String addr = server(Map.of(TlsSettings.SERVER_MODE, "enforcing", TlsSettings.TEST_MODE_ENABLE, "false",
            TlsSettings.SERVER_CERT_PATH, server[0].toString(), TlsSettings.SERVER_KEY_PATH, server[1].toString()));
        Path[] renewed = writePem("renewed");
        Files.copy(renewed[0], server[0], java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(renewed[1], server[1], java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(server[0], java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()
            + 5_000));
        Map<String, String> trustingRenewed = Map.of(TlsSettings.TEST_MODE_ENABLE, "false",
            TlsSettings.CLIENT_AUTH_SERVER, "true", TlsSettings.CLIENT_TRUST_CERT_PATH, renewed[0].toString());
        // Each attempt is a new client, so a new connection that sees whatever certificate the server has loaded.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> {
            try {
                NettyRemotingClient c = client(true, trustingRenewed);
                return echo(c, addr).equals("echo hi");
            } catch (RemotingException e) {
                return false;
            }
        });
    }

    @Test
    void badSettingsStopTheServerWithTheKeyNamed() {
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
            () -> settings(Map.of(TlsSettings.SERVER_MODE, "strict")));
        assertTrue(mode.getMessage().startsWith("tls.server.mode: expected disabled, permissive or enforcing"),
            mode.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> server(Map.of(
            TlsSettings.SERVER_MODE, "enforcing", TlsSettings.TEST_MODE_ENABLE, "false",
            TlsSettings.SERVER_CERT_PATH, dir.resolve("absent.crt").toString(),
            TlsSettings.SERVER_KEY_PATH, dir.resolve("absent.key").toString())));
        assertTrue(missing.getMessage().contains("tls.server.certPath: cannot read"), missing.getMessage());
    }

    @Test
    void settingsFileOverridesTheCertificateKeys() throws Exception {
        Path file = dir.resolve("tls.properties");
        Files.writeString(file, "tls.test.mode.enable=false\ntls.server.certPath=/from/file.crt\n");
        TlsSettings s = TlsSettings.resolve(Map.of(TlsSettings.CONFIG_FILE, file.toString(),
            TlsSettings.SERVER_CERT_PATH, "/from/property.crt", TlsSettings.SERVER_MODE, "enforcing",
            TlsSettings.SERVER_KEY_PASSWORD, "s3cret-value")::get);
        assertEquals("/from/file.crt", s.serverCertPath());
        assertEquals(TlsMode.ENFORCING, s.mode());
        assertEquals(false, s.testMode());
        assertEquals("s3cret-value", s.serverKeyPassword());
        assertTrue(!s.toString().contains("s3cret-value"), "the settings never print a key password");
    }
}
