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
