package io.petrel.test.official;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A program in a child JVM on the test class path: an official Apache RocketMQ 4.9.7 server or tool, or a Petrel
 * server. Its stdout and stderr go to a file. On JDK 17 the official server code needs a few
 * {@code --add-opens}; Petrel needs none. {@link #stop()} shuts the process down cleanly, {@link #close()} kills it;
 * both are safe to call twice.
 */
public final class ChildJvm implements AutoCloseable {
    private static final List<String> OPENS = List.of(
        "--add-opens", "java.base/java.nio=ALL-UNNAMED",
        "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens", "java.base/java.lang=ALL-UNNAMED",
        "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED");

    private final Process process;
    private final Path output;

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** The test JVM's class path (surefire passes the real one in {@code surefire.test.class.path}). */
    public static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // absolute, because the child runs in its own directory
        return java.util.Arrays.stream(cp.split(java.io.File.pathSeparator)).filter(e -> !e.isEmpty())
            .map(e -> Path.of(e).toAbsolutePath().toString())
            .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /**
     * Starts an official program with small, quick-starting JVM settings (tests), {@code home} as
     * {@code rocketmq.home.dir} and {@code user.home}.
     *
     * @param heapMb heap of the child JVM
     */
    public static ChildJvm start(Path home, String mainClass, int heapMb, List<String> args)
        throws IOException {
        return start(home, mainClass, List.of("-Xms" + heapMb + "m", "-Xmx" + heapMb + "m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1"), args, true);
    }

    /**
     * Starts {@code mainClass} with the given JVM flags, {@code home} as {@code rocketmq.home.dir} and
     * {@code user.home}; {@code officialOpens} adds the {@code --add-opens} the official code needs.
     */
    public static ChildJvm start(Path home, String mainClass, List<String> jvmFlags, List<String> args,
                                 boolean officialOpens) throws IOException {
        return start(home, mainClass, jvmFlags, args, officialOpens, testClassPath());
    }

    /** As {@link #start(Path, String, List, List, boolean)}, on the given class path. */
    public static ChildJvm start(Path home, String mainClass, List<String> jvmFlags, List<String> args,
                                 boolean officialOpens, String classPath) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (officialOpens) {
            cmd.addAll(OPENS);
        }
        cmd.addAll(jvmFlags);
        cmd.add("-Drocketmq.home.dir=" + home);
        cmd.add("-Duser.home=" + home);
        cmd.add("-Drocketmq.client.logRoot=" + home.resolve("logs"));
        cmd.add("-Drocketmq.client.logUseSlf4j=true");
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(args);
        Path out = home.resolve(mainClass.substring(mainClass.lastIndexOf('.') + 1) + "-" + System.nanoTime() + ".out");
        Process p = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
            .redirectOutput(out.toFile()).start();
        return new ChildJvm(p, out);
    }

    public String output() {
        try {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "<cannot read " + output + ": " + e + ">";
        }
    }

    /** The operating-system process id (for resource measurements). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the output contains {@code marker}; fails early with the output if the process dies. */
    public void awaitOutput(String marker, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (output().contains(marker)) {
                return true;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("official process exited (" + process.exitValue() + ") before '"
                    + marker + "':\n" + output());
            }
            return false;
        });
    }

    /** As {@link #awaitOutput}, stopping the process when the marker does not come. */
    public void awaitOutputOrClose(String marker, Duration timeout) {
        try {
            awaitOutput(marker, timeout);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Waits for the process to end by itself; returns its exit code. */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new IllegalStateException("official process did not finish within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /** Kills the process at once (like kill -9): no unregistration, no clean shutdown. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /**
     * Asks the process to stop (SIGTERM, so it shuts down cleanly: flushes, unregisters), and kills it if it has not
     * within 10 s. For a test that goes on after the stop; teardown uses {@link #close()}.
     */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!awaitExit()) {
            kill();
        }
    }

    /**
     * Ends the process at once, as {@link #kill()} does: teardown, when nothing reads the process's files or
     * registrations afterwards (an official broker takes about 7 s to shut down cleanly, a NameServer 3 s).
     */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private boolean awaitExit() {
        try {
            return process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }
}
