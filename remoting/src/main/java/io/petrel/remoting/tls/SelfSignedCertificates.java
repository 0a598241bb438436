package io.petrel.remoting.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Makes a self-signed X.509 v3 certificate with a fresh P-256 key, using only the JDK's public crypto API (Netty's
 * own generator needs internal JDK classes or Bouncy Castle). Servers in TLS test mode present one, as RocketMQ's
 * do; nobody is meant to verify it.
 */
public final class SelfSignedCertificates {
    private static final byte[] OID_EC_SHA256 = {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x04, 0x03, 0x02};
    private static final byte[] OID_COMMON_NAME = {0x55, 0x04, 0x03};
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
        .withZone(ZoneOffset.UTC);

    /** A key and the certificate that holds its public half. */
    public record KeyAndCertificate(PrivateKey key, X509Certificate certificate) {
    }

    private SelfSignedCertificates() {
    }

    /** A certificate for {@code commonName}, valid from a day ago for {@code validity}. */
    public static KeyAndCertificate generate(String commonName, Duration validity) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        Instant now = Instant.now();
        byte[] algorithm = sequence(oid(OID_EC_SHA256));
        byte[] name = sequence(set(sequence(oid(OID_COMMON_NAME), utf8(commonName))));
        byte[] tbs = sequence(
            tagged(0, integer(BigInteger.TWO)),
            integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)),
            algorithm,
            name,
            sequence(utcTime(now.minus(Duration.ofDays(1))), utcTime(now.plus(validity))),
            name,
            pair.getPublic().getEncoded());
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(tbs);
        byte[] der = sequence(tbs, algorithm, bitString(signer.sign()));
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(der));
        certificate.verify(pair.getPublic());
        return new KeyAndCertificate(pair.getPrivate(), certificate);
    }

    private static byte[] utcTime(Instant t) {
        return element(0x17, UTC_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] integer(BigInteger value) {
        return element(0x02, value.toByteArray());
    }

    private static byte[] oid(byte[] encoded) {
        return element(0x06, encoded);
    }

    private static byte[] utf8(String s) {
        return element(0x0c, s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bitString(byte[] bits) {
        byte[] content = new byte[bits.length + 1]; // no unused bits
        System.arraycopy(bits, 0, content, 1, bits.length);
        return element(0x03, content);
    }

    private static byte[] tagged(int number, byte[] inner) {
        return element(0xa0 | number, inner);
    }

    private static byte[] sequence(byte[]... parts) {
        return element(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return element(0x31, concat(parts));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** One DER element: tag, definite length, content. */
    private static byte[] element(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(len) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(len >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
