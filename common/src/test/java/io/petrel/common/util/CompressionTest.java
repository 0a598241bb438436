package io.petrel.common.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompressionTest {
    /** Body of {@code spec/vectors/message/record_compressed.hex}: the 5000-byte text below at level 5. */
    private static final String GOLDEN_BODY = "785eedc7310d00200c003045e898030cc03ec21282ffa082affd1ab566ee9ee3d669"
        + "212222222222222222223ff200fbc778fe";

    private static byte[] goldenText() {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 5000) {
            sb.append("GoldenVector-");
        }
        return sb.substring(0, 5000).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void matchesTheGoldenZlibBody() {
        byte[] golden = HexFormat.of().parseHex(GOLDEN_BODY);
        assertEquals(51, golden.length);
        assertArrayEquals(golden, Compression.compress(goldenText(), Compression.DEFAULT_LEVEL));
        assertArrayEquals(goldenText(), Compression.uncompress(golden));
    }

    @Test
    void roundTripsAtEveryLevel() {
        Random random = new Random(42);
        for (int level = -1; level <= 9; level++) {
            for (int size : new int[] {0, 1, 4095, 4097, 70_000}) {
                byte[] src = new byte[size];
                for (int i = 0; i < size; i++) {
                    src[i] = (byte) (random.nextInt(16) + 'a');
                }
                byte[] packed = Compression.compress(src, level);
                assertEquals(0x78, packed[0] & 0xFF, "zlib header");
                assertArrayEquals(src, Compression.uncompress(packed), "level " + level + " size " + size);
            }
        }
    }

    @Test
    void incompressibleInputStillRoundTrips() {
        byte[] src = new byte[100_000];
        new Random(7).nextBytes(src);
        assertArrayEquals(src, Compression.uncompress(Compression.compress(src, 9)));
    }

    @Test
    void ignoresBytesAfterTheStream() {
        byte[] packed = Compression.compress(goldenText(), 5);
        byte[] padded = Arrays.copyOf(packed, packed.length + 10);
        assertArrayEquals(goldenText(), Compression.uncompress(padded));
    }

    @Test
    void rejectsBrokenInput() {
        byte[] packed = Compression.compress(goldenText(), 5);
        assertThrows(IllegalArgumentException.class,
            () -> Compression.uncompress(Arrays.copyOf(packed, packed.length - 6)));
        assertThrows(IllegalArgumentException.class,
            () -> Compression.uncompress("plain text".getBytes(StandardCharsets.US_ASCII)));
        assertThrows(IllegalArgumentException.class, () -> Compression.uncompress(new byte[0]));
    }
}
