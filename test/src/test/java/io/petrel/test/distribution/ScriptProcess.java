package io.petrel.test.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A shell script of a Petrel installation run as a child process, stdout and stderr to a file, with the environment
 * of a test: {@code HOME}, {@code user.home} and the log directory under a temporary directory, a small heap.
 * {@link #close()} stops the script and every process it started that is still alive (SIGTERM, then SIGKILL after
 * 15 s), and is safe to call twice.
 */
final class ScriptProcess implements AutoCloseable {
    private final Process process;
    private final Path output;
    private final List<ProcessHandle> seen = new ArrayList<>();

    private ScriptProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * The environment every script gets: {@code home} as HOME and user.home, logs in {@code home/logs}, class data
     * sharing archives in {@code home/cds}.
     */
    static Map<String, String> environment(Path home) {
        return Map.of("HOME", home.toString(), "PETREL_LOG_DIR", home.resolve("logs").toString(),
            "PETREL_HEAP_MB", "256", "PETREL_TOOL_HEAP_MB", "128", "PETREL_CDS_DIR", home.resolve("cds").toString(),
            "JAVA_HOME", System.getProperty("java.home"),
            "JAVA_OPT_EXT", "-Duser.home=" + home + " -XX:TieredStopAtLevel=1");
    }

    /** Starts {@code command} (a script and its arguments) in {@code home}. */
    static ScriptProcess start(Path home, String name, List<String> command) throws IOException {
        Path out = home.resolve(name + "-" + System.nanoTime() + ".out");
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
            .redirectOutput(out.toFile());
        pb.environment().putAll(environment(home));
        return new ScriptProcess(pb.start(), out);
    }

    /** Runs {@code command} to its end (at most {@code timeout}); returns its exit code and output. */
    static Result run(Path home, List<String> command, Duration timeout) throws IOException, InterruptedException {
        try (ScriptProcess p = start(home, Path.of(command.get(0)).getFileName().toString(), command)) {
            if (!p.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(command + " did not finish within " + timeout + ":\n" + p.output());
            }
            return new Result(p.process.exitValue(), p.output());
        }
    }

    record Result(int exitCode, String output) {
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The processes this script started that are alive now, remembered so that {@link #close()} stops them too. */
    List<ProcessHandle> descendants() {
        List<ProcessHandle> now = process.descendants().toList();
        now.forEach(h -> {
            if (!seen.contains(h)) {
                seen.add(h);
            }
        });
        return now;
    }

    String output() {
        try {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "<cannot read " + output + ": " + e + ">";
        }
    }

    /** Waits until the output contains {@code marker}; fails early with the output if the script ends first. */
    void awaitOutput(String marker, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (output().contains(marker)) {
                return true;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("exited (" + process.exitValue() + ") before '" + marker + "':\n"
                    + output());
            }
            return false;
        });
    }

    /** Waits for the script to end by itself; returns its exit code. */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("still running after " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        descendants();
        List<ProcessHandle> all = new ArrayList<>(seen);
        all.add(process.toHandle());
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }
}
