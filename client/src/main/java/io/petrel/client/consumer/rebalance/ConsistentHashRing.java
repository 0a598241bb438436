package io.petrel.client.consumer.rebalance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * A hash ring of string nodes, each placed {@code virtualNodes} times at {@code hash(node + "-" + i)}; a key belongs
 * to the first point at or after its hash, wrapping around. The default hash is the first four bytes of the MD5 of
 * the UTF-8 text, big-endian, as an unsigned value. Not thread-safe.
 */
public final class ConsistentHashRing {
    private final TreeMap<Long, String> ring = new TreeMap<>();
    private final ToLongFunction<String> hash;

    public ConsistentHashRing(ToLongFunction<String> hash) {
        this.hash = hash;
    }

    /** A ring using {@link #md5Hash()}. */
    public static ConsistentHashRing md5() {
        return new ConsistentHashRing(md5Hash());
    }

    /**
     * Adds {@code virtualNodes} points for {@code node}, numbered after the points it already has; a point whose hash
     * is taken replaces the earlier one.
     */
    public void addNode(String node, int virtualNodes) {
        if (virtualNodes < 0) {
            throw new IllegalArgumentException("illegal virtual node counts :" + virtualNodes);
        }
        int existing = pointsOf(node);
        for (int i = 0; i < virtualNodes; i++) {
            ring.put(hash.applyAsLong(node + "-" + (existing + i)), node);
        }
    }

    /** The node owning {@code key}, or null when the ring is empty. */
    public String route(String key) {
        if (ring.isEmpty()) {
            return null;
        }
        SortedMap<Long, String> tail = ring.tailMap(hash.applyAsLong(key));
        return tail.isEmpty() ? ring.firstEntry().getValue() : tail.get(tail.firstKey());
    }

    private int pointsOf(String node) {
        int count = 0;
        for (Map.Entry<Long, String> e : ring.entrySet()) {
            if (e.getValue().equals(node)) {
                count++;
            }
        }
        return count;
    }

    /** A fresh MD5-based hash function (it holds a digest, so use it from one thread). */
    public static ToLongFunction<String> md5Hash() {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
        return text -> {
            md5.reset();
            byte[] digest = md5.digest(text.getBytes(StandardCharsets.UTF_8));
            return ((digest[0] & 0xFFL) << 24) | ((digest[1] & 0xFFL) << 16) | ((digest[2] & 0xFFL) << 8)
                | (digest[3] & 0xFFL);
        };
    }
}
