package io.petrel.client.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.petrel.common.util.Compression;
import java.util.Random;
import org.apache.rocketmq.common.UtilAll;
import org.apache.rocketmq.common.compression.ZlibCompressor;
import org.junit.jupiter.api.Test;

/** Petrel's zlib bodies are the official producer's bytes, and each side inflates the other's. */
class CompressionCompatTest {
    @Test
    void sameBytesBothWays() throws Exception {
        long seed = 977L;
        Random random = new Random(seed);
        ZlibCompressor zlib = new ZlibCompressor();
        for (int round = 0; round < 60; round++) {
            byte[] src = randomBody(random);
            int level = random.nextInt(10);
            String what = "seed " + seed + " round " + round + " level " + level + " size " + src.length;
            byte[] petrel = Compression.compress(src, level);
            assertArrayEquals(UtilAll.compress(src, level), petrel, what);
            assertArrayEquals(zlib.compress(src, level), petrel, what);
            assertArrayEquals(src, UtilAll.uncompress(petrel), what);
            assertArrayEquals(src, Compression.uncompress(UtilAll.compress(src, level)), what);
        }
    }

    private static byte[] randomBody(Random random) {
        int size = random.nextInt(4) == 0 ? random.nextInt(200_000) : random.nextInt(9000);
        byte[] src = new byte[size];
        int alphabet = 1 + random.nextInt(255);
        for (int i = 0; i < size; i++) {
            src[i] = (byte) random.nextInt(alphabet);
        }
        return src;
    }
}
