package io.petrel.remoting.acl;

import io.netty.buffer.ByteBuf;
import io.petrel.remoting.protocol.RemotingCommand;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of RocketMQ's plain ACL, shared by the signing client hook and the broker's validator: the values
 * of the request's ext fields in key order ({@code Signature} itself left out), then the body, run through
 * HmacSHA1 with the account's secret key and written as base64. Keys are UTF-8 throughout. Stateless.
 */
public final class RequestSignature {
    public static final String ACCESS_KEY = "AccessKey";
    public static final String SECRET_KEY = "SecretKey";
    public static final String SIGNATURE = "Signature";
    public static final String SECURITY_TOKEN = "SecurityToken";
    private static final String ALGORITHM = "HmacSHA1";

    private RequestSignature() {
    }

    /**
     * The bytes that are signed: every value of {@code sortedFields} except the signature's, concatenated, then the
     * request's body. A null value contributes {@code "null"}, as a string concatenation would.
     */
    public static byte[] content(SortedMap<String, String> sortedFields, RemotingCommand request) {
        StringBuilder values = new StringBuilder();
        for (Map.Entry<String, String> e : sortedFields.entrySet()) {
            if (!SIGNATURE.equals(e.getKey())) {
                values.append(e.getValue());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(values.length() + request.bodyLength());
        out.writeBytes(values.toString().getBytes(StandardCharsets.UTF_8));
        ByteBuf region = request.bodyRegion();
        if (region != null) {
            byte[] copy = new byte[region.readableBytes()];
            region.getBytes(region.readerIndex(), copy);
            out.writeBytes(copy);
        } else if (request.body() != null) {
            out.writeBytes(request.body());
        }
        return out.toByteArray();
    }

    /**
     * The ext fields a request travels with, sorted by key: its own plus those its typed header writes when it is
     * encoded.
     */
    public static SortedMap<String, String> outgoingFields(RemotingCommand request) {
        SortedMap<String, String> sorted = new TreeMap<>();
        if (request.customHeader() != null) {
            request.customHeader().writeTo((k, v) -> {
                if (v != null) {
                    sorted.put(k, v);
                }
            });
        }
        if (request.extFields() != null) {
            sorted.putAll(request.extFields());
        }
        return sorted;
    }

    /** HmacSHA1 of {@code content} under {@code secretKey}, base64. */
    public static String sign(byte[] content, String secretKey) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return Base64.getEncoder().encodeToString(mac.doFinal(content));
        } catch (GeneralSecurityException e) {
            // HmacSHA1 is a JDK must-have and any key bytes are valid: failing here is a broken JDK.
            throw new IllegalStateException("cannot compute " + ALGORITHM + " signature", e);
        }
    }
}
