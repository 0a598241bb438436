package io.petrel.test.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JVM options a Petrel server ships with ({@code bin/jvm-tuning.sh}, which {@code bin/runserver.sh} sources), read
 * from the checkout, so that servers started by tests without the scripts run as installed ones do.
 */
public final class JvmTuning {
    private JvmTuning() {
    }

    /** The options for a heap of {@code heapMiB} MiB, as {@code petrel_jvm_tuning} prints them. */
    public static List<String> forHeap(long heapMiB) {
        Path checkout = Path.of(System.getProperty("petrel.checkout.dir", "..")).toAbsolutePath().normalize();
        Path script = checkout.resolve("bin/jvm-tuning.sh");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("no " + script + " (petrel.checkout.dir names the checkout)");
        }
        try {
            Process p = new ProcessBuilder("bash", "-c", ". \"$1\" && petrel_jvm_tuning \"$2\"", "bash",
                script.toString(), Long.toString(heapMiB)).redirectErrorStream(true).start();
            // one line of output, well within the pipe's buffer: wait first, then read what it printed
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("petrel_jvm_tuning " + heapMiB + " did not finish in 30 s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.exitValue() != 0 || out.isEmpty()) {
                throw new IllegalStateException("petrel_jvm_tuning " + heapMiB + " failed: " + out);
            }
            return List.of(out.split("\\s+"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run bash for " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading " + script, e);
        }
    }
}
