package io.petrel.client.acl;

import io.petrel.remoting.acl.RequestSignature;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;

/**
 * The access key, secret key and optional security token a client signs its requests with (see
 * {@link AclClientRPCHook}). Named and shaped as RocketMQ's {@code SessionCredentials}, so moving an application is an
 * import change. Mutable, not thread-safe: set it up, then hand it to the hook.
 */
public class SessionCredentials {
    public static final String ACCESS_KEY = RequestSignature.ACCESS_KEY;
    public static final String SECRET_KEY = RequestSignature.SECRET_KEY;
    public static final String SIGNATURE = RequestSignature.SIGNATURE;
    public static final String SECURITY_TOKEN = RequestSignature.SECURITY_TOKEN;

    private String accessKey;
    private String secretKey;
    private String securityToken;
    private String signature;

    /** Empty credentials; fill them with the setters or {@link #updateContent(Properties)}. */
    public SessionCredentials() {
    }

    public SessionCredentials(String accessKey, String secretKey) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    public SessionCredentials(String accessKey, String secretKey, String securityToken) {
        this(accessKey, secretKey);
        this.securityToken = securityToken;
    }

    /**
     * Credentials from a properties file with {@code AccessKey}, {@code SecretKey} and optionally
     * {@code SecurityToken}, the key file RocketMQ clients read; empty ones if the file does not exist.
     */
    public static SessionCredentials fromKeyFile(Path file) throws IOException {
        SessionCredentials c = new SessionCredentials();
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            c.updateContent(p);
        }
        return c;
    }

    /** Takes each of the three keys {@code prop} has, trimmed; leaves the others as they are. */
    public void updateContent(Properties prop) {
        String ak = prop.getProperty(ACCESS_KEY);
        if (ak != null) {
            accessKey = ak.trim();
        }
        String sk = prop.getProperty(SECRET_KEY);
        if (sk != null) {
            secretKey = sk.trim();
        }
        String token = prop.getProperty(SECURITY_TOKEN);
        if (token != null) {
            securityToken = token.trim();
        }
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getSecurityToken() {
        return securityToken;
    }

    public void setSecurityToken(String securityToken) {
        this.securityToken = securityToken;
    }

    public String getSignature() {
        return signature;
    }

    public void setSignature(String signature) {
        this.signature = signature;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionCredentials other && Objects.equals(accessKey, other.accessKey)
            && Objects.equals(secretKey, other.secretKey) && Objects.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKey, secretKey, signature);
    }

    /** Names the access key only: the secret and the token stay out of logs. */
    @Override
    public String toString() {
        return "SessionCredentials[accessKey=" + accessKey + "]";
    }
}
