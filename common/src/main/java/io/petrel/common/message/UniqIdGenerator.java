package io.petrel.common.message;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes client unique message ids ({@code UNIQ_KEY}); the layout is described in {@link MessageClientIds}. The fixed
 * prefix (address, pid, class-loader hash) is rendered to hex once; each id costs one clock read, one atomic
 * increment and the result string. Thread-safe.
 */
public final class UniqIdGenerator {
    private static final byte[] HEX_DIGITS = "0123456789ABCDEF".getBytes(StandardCharsets.ISO_8859_1);
    /** Spans this far below zero (the clock stepped back across a month start) are written as 0. */
    private static final int NEGATIVE_SPAN_CLAMP = -1_000_000;

    private final byte[] prefixHex;
    private final Clock clock;
    private final AtomicInteger counter;
    private final ThreadLocal<byte[]> scratch;
    /** Replaced as a whole so a reader never pairs one month's start with another month's end. */
    private volatile MonthWindow window;

    /**
     * @param ip 4 or 16 address bytes
     * @param pid only the low 16 bits are used
     * @param counterStart value of the first id's counter (only the low 16 bits are written)
     * @param clock time source; its zone decides where a month starts
     */
    public UniqIdGenerator(byte[] ip, int pid, int classLoaderHash, int counterStart, Clock clock) {
        if (ip.length != 4 && ip.length != 16) {
            throw new IllegalArgumentException("address must have 4 or 16 bytes, got " + ip.length);
        }
        byte[] prefix = new byte[ip.length + 6];
        System.arraycopy(ip, 0, prefix, 0, ip.length);
        prefix[ip.length] = (byte) (pid >>> 8);
        prefix[ip.length + 1] = (byte) pid;
        for (int i = 0; i < 4; i++) {
            prefix[ip.length + 2 + i] = (byte) (classLoaderHash >>> (24 - 8 * i));
        }
        this.prefixHex = toHex(prefix);
        this.clock = clock;
        this.counter = new AtomicInteger(counterStart);
        int length = prefixHex.length + 12;
        this.scratch = ThreadLocal.withInitial(() -> new byte[length]);
        this.window = new MonthWindow(Long.MIN_VALUE, Long.MIN_VALUE);
    }

    /** A generator with this process's address, pid and the class loader of {@link MessageClientIds}. */
    public static UniqIdGenerator forThisProcess() {
        ClassLoader loader = MessageClientIds.class.getClassLoader();
        return new UniqIdGenerator(clientAddress(), (int) ProcessHandle.current().pid(),
            System.identityHashCode(loader), 0, Clock.systemDefaultZone());
    }

    /** Length in characters of every id this generator makes: 32 (IPv4) or 56 (IPv6). */
    public int idLength() {
        return prefixHex.length + 12;
    }

    public String next() {
        long now = clock.millis();
        MonthWindow w = window;
        if (now >= w.nextStartMs()) {
            w = MonthWindow.containing(now, clock.getZone());
            window = w;
        }
        int span = (int) (now - w.startMs());
        if (span < 0 && span > NEGATIVE_SPAN_CLAMP) {
            span = 0;
        }
        int count = counter.getAndIncrement();
        byte[] out = scratch.get();
        System.arraycopy(prefixHex, 0, out, 0, prefixHex.length);
        writeHex(out, prefixHex.length, span, 8);
        writeHex(out, prefixHex.length + 8, count, 4);
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private static void writeHex(byte[] out, int offset, int value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out[offset + i] = HEX_DIGITS[value & 0xF];
            value >>>= 4;
        }
    }

    private static byte[] toHex(byte[] raw) {
        byte[] hex = new byte[raw.length * 2];
        for (int i = 0; i < raw.length; i++) {
            hex[2 * i] = HEX_DIGITS[(raw[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX_DIGITS[raw[i] & 0xF];
        }
        return hex;
    }

    /** Start of the calendar month holding a time, and start of the next one. */
    record MonthWindow(long startMs, long nextStartMs) {
        static MonthWindow containing(long epochMs, ZoneId zone) {
            LocalDate first = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(epochMs), zone).withDayOfMonth(1);
            return new MonthWindow(first.atStartOfDay(zone).toInstant().toEpochMilli(),
                first.plusMonths(1).atStartOfDay(zone).toInstant().toEpochMilli());
        }
    }

    /** The address ids carry: see {@link #pickAddress(List)}; 4 bytes of the clock when no interface can be read. */
    static byte[] clientAddress() {
        List<InetAddress> all = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                all.addAll(Collections.list(nif.getInetAddresses()));
            }
        } catch (SocketException | RuntimeException e) {
            return clockAddress();
        }
        byte[] picked = pickAddress(all);
        return picked != null ? picked : clockAddress();
    }

    /**
     * Picks as RocketMQ 4.9.7 clients do: the first IPv4 address outside 10/8, 172.16/12 and 192.168/16 (loopback
     * counts as public), or the first IPv6 address that is not any-local, link-local, loopback or site-local,
     * whichever comes first; else the first private IPv4 address; else null.
     */
    static byte[] pickAddress(List<InetAddress> candidates) {
        byte[] firstPrivateV4 = null;
        for (InetAddress a : candidates) {
            byte[] raw = a.getAddress();
            if (a instanceof Inet4Address) {
                if (!isPrivateV4(raw)) {
                    return raw;
                }
                if (firstPrivateV4 == null) {
                    firstPrivateV4 = raw;
                }
            } else if (a instanceof Inet6Address && !isInternalV6(a)) {
                return raw;
            }
        }
        return firstPrivateV4;
    }

    private static boolean isPrivateV4(byte[] ip) {
        int b0 = ip[0] & 0xFF;
        int b1 = ip[1] & 0xFF;
        return b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168);
    }

    private static boolean isInternalV6(InetAddress a) {
        return a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isLoopbackAddress() || a.isSiteLocalAddress();
    }

    private static byte[] clockAddress() {
        int low = (int) System.currentTimeMillis();
        return new byte[] {(byte) (low >>> 24), (byte) (low >>> 16), (byte) (low >>> 8), (byte) low};
    }
}
