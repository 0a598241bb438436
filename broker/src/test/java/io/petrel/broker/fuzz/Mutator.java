package io.petrel.broker.fuzz;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Makes hostile inputs from valid ones, deterministically from a seed: bit flips, random bytes, lengths and other
 * telling integers (0, -1, the extremes, 2 GiB, one past the end) written over any position, truncation, growth,
 * repeated and deleted chunks, and now and then bytes that owe nothing to the seed.
 */
final class Mutator {
    private static final int[] TELLING = {0, 1, -1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff,
        0x80000000, 0x7ffffffe, 1 << 24, 0xffffff, 16 * 1024 * 1024, 16 * 1024 * 1024 + 1};
    private final SplittableRandom random;

    Mutator(long seed) {
        random = new SplittableRandom(seed);
    }

    byte[] next(byte[] seed) {
        if (random.nextInt(20) == 0) {
            byte[] noise = new byte[random.nextInt(512)];
            random.nextBytes(noise);
            return noise;
        }
        byte[] b = seed.clone();
        int ops = 1 + random.nextInt(4);
        for (int i = 0; i < ops; i++) {
            b = mutateOnce(b);
        }
        return b;
    }

    private byte[] mutateOnce(byte[] b) {
        if (b.length == 0) {
            byte[] one = new byte[1 + random.nextInt(16)];
            random.nextBytes(one);
            return one;
        }
        int at = random.nextInt(b.length);
        switch (random.nextInt(8)) {
            case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> b[at] = (byte) random.nextInt(256);
            case 2 -> {
                int v = random.nextBoolean() ? TELLING[random.nextInt(TELLING.length)] : b.length - at + random.nextInt(3) - 1;
                int width = random.nextBoolean() ? 4 : (random.nextBoolean() ? 2 : 1);
                for (int k = 0; k < width && at + k < b.length; k++) {
                    b[at + k] = (byte) (v >>> (8 * (width - 1 - k)));
                }
            }
            case 3 -> b = Arrays.copyOf(b, at);
            case 4 -> {
                byte[] grown = Arrays.copyOf(b, b.length + 1 + random.nextInt(64));
                for (int k = b.length; k < grown.length; k++) {
                    grown[k] = (byte) random.nextInt(256);
                }
                b = grown;
            }
            case 5 -> {
                int len = Math.min(b.length - at, 1 + random.nextInt(32));
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, at + len);
                System.arraycopy(b, at, out, at + len, b.length - at);
                b = out;
            }
            case 6 -> {
                int len = Math.min(b.length - at, 1 + random.nextInt(32));
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + len, out, at, b.length - at - len);
                b = out;
            }
            default -> {
                // JSON-ish text: swap in a character that matters to a parser.
                byte[] specials = "{}[]\":,\\\u0001\u0002 0-e.tn".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                b[at] = specials[random.nextInt(specials.length)];
            }
        }
        return b;
    }
}
