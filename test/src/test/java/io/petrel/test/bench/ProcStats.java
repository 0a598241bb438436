package io.petrel.test.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's own figures read from {@code /proc}: CPU time and resident memory by kind. */
public final class ProcStats {
    /** Linux reports CPU time in clock ticks of 1/100 s. */
    public static final double MICROS_PER_TICK = 10_000.0;

    private ProcStats() {
    }

    /** User plus system CPU time of {@code pid} so far, in clock ticks. */
    public static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // Fields after the command name in parentheses, which may hold spaces: state is the first, utime the 12th.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /**
     * The machine's CPU time so far from the first line of {@code /proc/stat}, in clock ticks summed over all cores:
     * {@code [busy, total]}, busy being user, nice, system, irq and softirq time, total adding idle, iowait and
     * steal.
     */
    public static long[] machineTicks() throws IOException {
        String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
        String[] f = first.trim().split("\\s+");
        long busy = 0;
        long total = 0;
        // cpu user nice system idle iowait irq softirq steal (guest time is already inside user and nice)
        for (int i = 1; i <= 8 && i < f.length; i++) {
            long v = Long.parseLong(f[i]);
            total += v;
            if (i != 4 && i != 5 && i != 8) {
                busy += v;
            }
        }
        return new long[] {busy, total};
    }

    /** A {@code kB} line of {@code /proc/<pid>/status} in MiB, e.g. {@code VmRSS}, {@code RssAnon}, {@code RssFile}. */
    public static long statusMb(long pid, String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IOException("no " + key + " in /proc/" + pid + "/status");
    }
}
