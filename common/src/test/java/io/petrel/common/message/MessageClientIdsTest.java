package io.petrel.common.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MessageClientIdsTest {
    private static final Instant MARCH = Instant.parse("2024-03-01T00:00:00Z");
    private static final long SPAN = 1_000_000_000L;
    private static final byte[] V4 = {(byte) 192, (byte) 168, 1, 10};
    private static final int PID = 0x1234;
    private static final int LOADER_HASH = 0x1B6D3586;

    @Test
    void pinnedGeneratorReproducesTheVectors() throws Exception {
        Clock clock = Clock.fixed(MARCH.plusMillis(SPAN), ZoneOffset.UTC);
        UniqIdGenerator v4 = new UniqIdGenerator(V4, PID, LOADER_HASH, 7, clock);
        assertEquals(Vectors.text("uniq_key_ipv4.txt"), v4.next());
        assertEquals(32, v4.idLength());
        byte[] v6ip = InetAddress.getByName("fd00::2").getAddress();
        UniqIdGenerator v6 = new UniqIdGenerator(v6ip, PID, LOADER_HASH, 7, clock);
        String id = v6.next();
        assertEquals(Vectors.text("uniq_key_ipv6.txt"), id);
        assertArrayEquals(Vectors.hex("uniq_key_ipv6.hex"), HexFormat.of().parseHex(id));
        assertEquals(56, v6.idLength());
    }

    @Test
    void decodesTheVectors() {
        String v4 = Vectors.text("uniq_key_ipv4.txt");
        String v6 = Vectors.text("uniq_key_ipv6.txt");
        assertEquals("192.168.1.10", MessageClientIds.getIPStrFromID(v4));
        assertEquals("fd00:0000:0000:0000:0000:0000:0000:0002", MessageClientIds.getIPStrFromID(v6));
        assertEquals(4660, MessageClientIds.getPidFromID(v4));
        assertEquals(4660, MessageClientIds.getPidFromID(v6));
        assertArrayEquals(V4, MessageClientIds.getIPFromId(v4));
        Clock later = Clock.fixed(MARCH.plusMillis(SPAN + 5_000), ZoneOffset.UTC);
        assertEquals(MARCH.toEpochMilli() + SPAN, MessageClientIds.getNearlyTimeFromId(v4, later));
        assertEquals(MARCH.toEpochMilli() + SPAN, MessageClientIds.getNearlyTimeFromId(v6, later));
    }

    @Test
    void nearlyTimeFallsBackToThePreviousMonthWhenNotInThePast() {
        String id = Vectors.text("uniq_key_ipv4.txt");
        Clock april5 = Clock.fixed(Instant.parse("2024-04-05T00:00:00Z"), ZoneOffset.UTC);
        assertEquals(MARCH.toEpochMilli() + SPAN, MessageClientIds.getNearlyTimeFromId(id, april5));
        Clock exactlyThen = Clock.fixed(MARCH.plusMillis(SPAN), ZoneOffset.UTC);
        long februaryStart = Instant.parse("2024-02-01T00:00:00Z").toEpochMilli();
        assertEquals(februaryStart + SPAN, MessageClientIds.getNearlyTimeFromId(id, exactlyThen));
    }

    @Test
    void spanRestartsInTheNextMonthOfTheClockZone() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        long marchStartLocal = Instant.parse("2024-02-29T16:00:00Z").toEpochMilli();
        AtomicLong now = new AtomicLong(marchStartLocal - 10);
        UniqIdGenerator g = new UniqIdGenerator(V4, PID, LOADER_HASH, 0, new SteppingClock(now, zone));
        String lastOfFebruary = g.next();
        now.set(marchStartLocal + 25);
        String firstOfMarch = g.next();
        long februaryLength = 29L * 24 * 3600 * 1000;
        // Past 24.8 days the int32 span wraps negative; readers take it as unsigned.
        assertEquals(februaryLength - 10, spanOf(lastOfFebruary));
        assertEquals(25, spanOf(firstOfMarch));
    }

    @Test
    void smallBackwardStepsAreClampedToZero() {
        long marchStart = MARCH.toEpochMilli();
        AtomicLong now = new AtomicLong(marchStart + 100);
        UniqIdGenerator g = new UniqIdGenerator(V4, PID, LOADER_HASH, 0, new SteppingClock(now, ZoneOffset.UTC));
        assertEquals(100, spanOf(g.next()));
        now.set(marchStart - 500);
        assertEquals(0, spanOf(g.next()));
        now.set(marchStart - 2_000_000);
        assertEquals(-2_000_000, (int) spanOf(g.next()));
    }

    @Test
    void counterIsTheLow16Bits() {
        Clock clock = Clock.fixed(MARCH.plusMillis(SPAN), ZoneOffset.UTC);
        UniqIdGenerator g = new UniqIdGenerator(V4, PID, LOADER_HASH, 0xFFFF, clock);
        assertTrue(g.next().endsWith("FFFF"));
        assertTrue(g.next().endsWith("0000"));
    }

    @Test
    void defaultIdsDecodeToThisProcess() {
        long before = System.currentTimeMillis();
        String id = MessageClientIds.createUniqId();
        assertEquals(MessageClientIds.uniqIdLength(), id.length());
        assertTrue(id.matches("[0-9A-F]+"), id);
        assertEquals((int) ProcessHandle.current().pid() & 0xFFFF, MessageClientIds.getPidFromID(id));
        long created = MessageClientIds.getNearlyTimeFromId(id, Clock.offset(Clock.systemDefaultZone(),
            java.time.Duration.ofSeconds(1)));
        assertTrue(Math.abs(created - before) < 5_000, "decoded " + created + " vs " + before);
    }

    @Test
    void setUniqIdOnlyWhenAbsent() {
        Message m = new Message("T", new byte[1]);
        MessageClientIds.setUniqId(m);
        String first = MessageClientIds.getUniqId(m);
        MessageClientIds.setUniqId(m);
        assertEquals(first, m.getProperty(MessageProperties.UNIQ_KEY));
        Message preset = new Message("T", new byte[1]);
        preset.putProperty(MessageProperties.UNIQ_KEY, "MINE");
        MessageClientIds.setUniqId(preset);
        assertEquals("MINE", MessageClientIds.getUniqId(preset));
    }

    @Test
    void idsAreUniqueAcrossThreads() throws Exception {
        int threads = 4;
        int perThread = 15_000;
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    seen.add(MessageClientIds.createUniqId());
                }
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        assertEquals(threads * perThread, seen.size());
    }

    @Test
    void addressChoiceFollowsTheClientRules() throws Exception {
        assertArrayEquals(ip("127.0.0.1"), UniqIdGenerator.pickAddress(addrs("127.0.0.1", "8.8.8.8")));
        assertArrayEquals(ip("8.8.8.8"), UniqIdGenerator.pickAddress(addrs("172.16.0.1", "8.8.8.8")));
        assertArrayEquals(ip("10.0.0.1"), UniqIdGenerator.pickAddress(addrs("10.0.0.1", "192.168.1.1", "172.31.0.1")));
        assertArrayEquals(ip("172.32.0.1"), UniqIdGenerator.pickAddress(addrs("172.31.255.1", "172.32.0.1")));
        assertArrayEquals(ip("fd00::2"), UniqIdGenerator.pickAddress(addrs("fe80::1", "10.0.0.1", "fd00::2")));
        assertArrayEquals(ip("10.0.0.1"), UniqIdGenerator.pickAddress(addrs("::1", "fec0::1", "fe80::1", "10.0.0.1")));
        assertNull(UniqIdGenerator.pickAddress(addrs("::1", "fec0::1")));
    }

    private static long spanOf(String id) {
        String hex = id.substring(id.length() - 12, id.length() - 4);
        return Long.parseLong(hex, 16);
    }

    private static byte[] ip(String text) throws Exception {
        return InetAddress.getByName(text).getAddress();
    }

    private static List<InetAddress> addrs(String... texts) throws Exception {
        List<InetAddress> out = new ArrayList<>();
        for (String t : texts) {
            out.add(InetAddress.getByName(t));
        }
        return out;
    }

    /** A clock a test moves by hand. */
    private static final class SteppingClock extends Clock {
        private final AtomicLong now;
        private final ZoneId zone;

        SteppingClock(AtomicLong now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new SteppingClock(now, z);
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }

        @Override
        public long millis() {
            return now.get();
        }
    }
}
