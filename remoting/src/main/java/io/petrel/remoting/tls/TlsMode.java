package io.petrel.remoting.tls;

import java.util.Locale;

/** How a server treats TLS ({@code tls.server.mode}). */
public enum TlsMode {
    /** Plain connections only; a connection that starts a TLS handshake is closed. */
    DISABLED,
    /** TLS and plain connections on the same port (the default, as in RocketMQ 4.9.7). */
    PERMISSIVE,
    /** TLS connections only; a plain connection is closed. */
    ENFORCING;

    /** The value as written in configuration. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code disabled}, {@code permissive} or {@code enforcing}; anything else is refused. */
    public static TlsMode parse(String value) {
        for (TlsMode m : values()) {
            if (m.configName().equals(value)) {
                return m;
            }
        }
        throw new IllegalArgumentException("expected disabled, permissive or enforcing, got '" + value + "'");
    }
}
