package io.petrel.store.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Recovery time after kill -9: a child JVM fills a store with 1 KiB messages (ASYNC_FLUSH) up to
 * the requested size and is killed; the parent then times {@code load()} + {@code start()} (which
 * includes re-dispatch) until the store serves.
 */
final class RecoveryBenchmark {
    private RecoveryBenchmark() {
    }

    /** Returns the recovery time in seconds. */
    static double run(Path dir, String impl, long mib) throws Exception {
        StoreBenchmark.deleteTree(dir);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx1g"));
        cmd.addAll(opens());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), RecoveryBenchmark.class.getName(),
            dir.toString(), impl, String.valueOf(mib)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && !line.startsWith("FILLED")) {
                // wait for the child to reach the size
            }
        }
        p.destroyForcibly();
        p.waitFor(60, TimeUnit.SECONDS);
        long start = System.nanoTime();
        BenchStore.Factory f = impl.equals("petrel") ? PetrelBenchStore::open : OfficialBenchStore::open;
        try (BenchStore store = f.open(dir, false, 1024 * 1024 * 1024)) {
            while (store.dispatchBehind() > 0) {
                TimeUnit.MILLISECONDS.sleep(1);
            }
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf("recovery %-8s after kill -9 of a %,d MiB CommitLog: %.2f s (max offset %,d)%n", impl, mib, secs,
                store.maxPhyOffset());
            return secs;
        } finally {
            StoreBenchmark.deleteTree(dir);
        }
    }

    static List<String> opens() {
        return List.of("--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED");
    }

    /** Child: fill the store, print FILLED, keep writing until killed. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long bytes = Long.parseLong(args[2]) * 1024 * 1024;
        BenchStore.Factory f = args[1].equals("petrel") ? PetrelBenchStore::open : OfficialBenchStore::open;
        BenchStore store = f.open(dir, false, 1024 * 1024 * 1024);
        byte[] body = new byte[1024];
        new Random(1).nextBytes(body);
        long seq = 0;
        boolean told = false;
        while (true) {
            store.put((int) (seq % 8), body, seq);
            seq++;
            if (!told && store.maxPhyOffset() >= bytes) {
                System.out.println("FILLED " + seq);
                System.out.flush();
                told = true;
            }
        }
    }
}
