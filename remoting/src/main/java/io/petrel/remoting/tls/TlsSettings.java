package io.petrel.remoting.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * The TLS settings of a process, under RocketMQ's names: JVM system properties, overridden (except the mode and
 * {@code tls.enable}) by the properties file named by {@code tls.config.file} when it exists.
 *
 * @param mode              {@code tls.server.mode}
 * @param clientEnabled     {@code tls.enable}: whether clients (and a broker's link to its NameServers) use TLS
 * @param testMode          {@code tls.test.mode.enable}: servers present a self-signed certificate and clients
 *                          trust any server
 * @param serverNeedClientAuth {@code tls.server.need.client.auth}: none, optional or require
 */
public record TlsSettings(TlsMode mode, boolean clientEnabled, boolean testMode, String serverNeedClientAuth,
                          String serverKeyPath, String serverKeyPassword, String serverCertPath,
                          boolean serverAuthClient, String serverTrustCertPath, String clientKeyPath,
                          String clientKeyPassword, String clientCertPath, boolean clientAuthServer,
                          String clientTrustCertPath) {
    public static final String SERVER_MODE = "tls.server.mode";
    public static final String ENABLE = "tls.enable";
    public static final String CONFIG_FILE = "tls.config.file";
    public static final String TEST_MODE_ENABLE = "tls.test.mode.enable";
    public static final String SERVER_NEED_CLIENT_AUTH = "tls.server.need.client.auth";
    public static final String SERVER_KEY_PATH = "tls.server.keyPath";
    public static final String SERVER_KEY_PASSWORD = "tls.server.keyPassword";
    public static final String SERVER_CERT_PATH = "tls.server.certPath";
    public static final String SERVER_AUTH_CLIENT = "tls.server.authClient";
    public static final String SERVER_TRUST_CERT_PATH = "tls.server.trustCertPath";
    public static final String CLIENT_KEY_PATH = "tls.client.keyPath";
    public static final String CLIENT_KEY_PASSWORD = "tls.client.keyPassword";
    public static final String CLIENT_CERT_PATH = "tls.client.certPath";
    public static final String CLIENT_AUTH_SERVER = "tls.client.authServer";
    public static final String CLIENT_TRUST_CERT_PATH = "tls.client.trustCertPath";
    public static final String DEFAULT_CONFIG_FILE = "/etc/rocketmq/tls.properties";

    public TlsSettings {
        if (!serverNeedClientAuth.equals("none") && !serverNeedClientAuth.equals("optional")
            && !serverNeedClientAuth.equals("require")) {
            throw new IllegalArgumentException(SERVER_NEED_CLIENT_AUTH + ": expected none, optional or require, got '"
                + serverNeedClientAuth + "'");
        }
    }

    /** The settings of this JVM: its system properties and the file they name. */
    public static TlsSettings fromSystemProperties() {
        return resolve(System::getProperty);
    }

    /**
     * Settings from {@code lookup} (a key to its value, or null), with the file named by {@code tls.config.file}
     * (default {@value #DEFAULT_CONFIG_FILE}) overriding the certificate keys when it exists.
     */
    public static TlsSettings resolve(UnaryOperator<String> lookup) {
        Properties file = new Properties();
        Path configFile = Path.of(orDefault(lookup.apply(CONFIG_FILE), DEFAULT_CONFIG_FILE));
        if (Files.isRegularFile(configFile) && Files.isReadable(configFile)) {
            try (InputStream in = Files.newInputStream(configFile)) {
                file.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + CONFIG_FILE + " " + configFile, e);
            }
        }
        UnaryOperator<String> fileFirst = key -> file.getProperty(key, lookup.apply(key));
        return new TlsSettings(mode(lookup),
            bool(lookup.apply(ENABLE), false),
            bool(fileFirst.apply(TEST_MODE_ENABLE), true),
            orDefault(fileFirst.apply(SERVER_NEED_CLIENT_AUTH), "none").trim().toLowerCase(Locale.ROOT),
            blankToNull(fileFirst.apply(SERVER_KEY_PATH)),
            blankToNull(fileFirst.apply(SERVER_KEY_PASSWORD)),
            blankToNull(fileFirst.apply(SERVER_CERT_PATH)),
            bool(fileFirst.apply(SERVER_AUTH_CLIENT), false),
            blankToNull(fileFirst.apply(SERVER_TRUST_CERT_PATH)),
            blankToNull(fileFirst.apply(CLIENT_KEY_PATH)),
            blankToNull(fileFirst.apply(CLIENT_KEY_PASSWORD)),
            blankToNull(fileFirst.apply(CLIENT_CERT_PATH)),
            bool(fileFirst.apply(CLIENT_AUTH_SERVER), false),
            blankToNull(fileFirst.apply(CLIENT_TRUST_CERT_PATH)));
    }

    /**
     * Whether a server process's own client connections (a broker's to its NameServers) use TLS unless configured:
     * {@code tls.enable} when set, else whether the server mode is enforcing, as RocketMQ 4.9.7's broker decides.
     */
    public static boolean serverSideClientDefault(UnaryOperator<String> lookup) {
        String enable = lookup.apply(ENABLE);
        if (enable != null && !enable.isBlank()) {
            return Boolean.parseBoolean(enable.trim());
        }
        return mode(lookup) == TlsMode.ENFORCING;
    }

    private static TlsMode mode(UnaryOperator<String> lookup) {
        try {
            return TlsMode.parse(orDefault(lookup.apply(SERVER_MODE), "permissive").trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(SERVER_MODE + ": " + e.getMessage(), e);
        }
    }

    /** This JVM's settings with another server mode (for servers that are given one). */
    public TlsSettings withMode(TlsMode newMode) {
        return new TlsSettings(newMode, clientEnabled, testMode, serverNeedClientAuth, serverKeyPath,
            serverKeyPassword, serverCertPath, serverAuthClient, serverTrustCertPath, clientKeyPath,
            clientKeyPassword, clientCertPath, clientAuthServer, clientTrustCertPath);
    }

    private static boolean bool(String value, boolean fallback) {
        return value == null || value.isBlank() ? fallback : Boolean.parseBoolean(value.trim());
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        // Never the key passwords.
        return SERVER_MODE + "=" + mode.configName() + ", " + ENABLE + "=" + clientEnabled + ", "
            + TEST_MODE_ENABLE + "=" + testMode + ", " + SERVER_NEED_CLIENT_AUTH + "=" + serverNeedClientAuth + ", "
            + SERVER_CERT_PATH + "=" + serverCertPath + ", " + SERVER_KEY_PATH + "=" + serverKeyPath + ", "
            + SERVER_AUTH_CLIENT + "=" + serverAuthClient + ", " + SERVER_TRUST_CERT_PATH + "=" + serverTrustCertPath
            + ", " + CLIENT_CERT_PATH + "=" + clientCertPath + ", " + CLIENT_KEY_PATH + "=" + clientKeyPath + ", "
            + CLIENT_AUTH_SERVER + "=" + clientAuthServer + ", " + CLIENT_TRUST_CERT_PATH + "=" + clientTrustCertPath;
    }
}
