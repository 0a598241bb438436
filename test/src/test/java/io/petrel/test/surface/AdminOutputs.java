package io.petrel.test.surface;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.tools.command.Commands;
import io.petrel.tools.command.MQAdmin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.PosixParser;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.srvutil.ServerUtil;
import org.apache.rocketmq.tools.command.MQAdminStartup;
import org.apache.rocketmq.tools.command.SubCommand;
import org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo;
import org.apache.rocketmq.tools.monitor.DeleteMsgsEvent;
import org.apache.rocketmq.tools.monitor.FailedMsgs;
import org.apache.rocketmq.tools.monitor.MonitorConfig;
import org.apache.rocketmq.tools.monitor.MonitorListener;
import org.apache.rocketmq.tools.monitor.MonitorService;
import org.apache.rocketmq.tools.monitor.UndoneMsgs;
import org.awaitility.Awaitility;

/**
 * Runs official 4.9.7 {@code mqadmin} subcommands in this JVM with their standard output captured, masks what
 * differs between two runs by nature (addresses, ids, times, rates) and compares pairs of outputs. Shared by the
 * tests that hold Petrel's answers, or Petrel's own {@code mqadmin} (run here too), against the official tool's.
 */
public final class AdminOutputs {
    /** Commands that print a round, sleep and print again until stopped. */
    private static final Set<String> LOOPING = Set.of("clusterRT");

    /** What two runs of one command printed. */
    public record Outputs(String official, String petrel) {
    }

    /** What one run of Petrel's tool printed on each stream and returned. */
    public record PetrelRun(int code, String out, String err) {
    }

    private AdminOutputs() {
    }

    private static final class Registry extends MQAdminStartup {
        static Map<String, SubCommand> all() {
            initCommand();
            Map<String, SubCommand> byName = new LinkedHashMap<>();
            for (SubCommand c : subCommandList) {
                byName.put(c.commandName(), c);
            }
            return byName;
        }
    }

    /** The official subcommands by name, in the order 4.9.7 registers them. */
    public static Map<String, SubCommand> officialCommands() {
        return Registry.all();
    }

    /**
     * Runs one official subcommand as {@code mqadmin} would, against {@code namesrvAddr}; returns its standard
     * output, with a {@code FAILED: ...} line when it threw.
     */
    public static String runOfficial(Map<String, SubCommand> commands, String namesrvAddr, String name,
                                     String... args) {
        SubCommand cmd = fresh(commands.get(name));
        // The official commands name their client instance after the current millisecond: never reuse one.
        long now = System.currentTimeMillis();
        Awaitility.await().pollInterval(Duration.ofMillis(1)).until(() -> System.currentTimeMillis() > now);
        System.setProperty(MixAll.NAMESRV_ADDR_PROPERTY, namesrvAddr);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        try {
            Options options = cmd.buildCommandlineOptions(ServerUtil.buildCommandlineOptions(new Options()));
            CommandLine line = new PosixParser().parse(options, args);
            System.setOut(capture);
            if (LOOPING.contains(name)) {
                runFirstRound(cmd, line, options, buffer);
            } else {
                cmd.execute(line, options, null);
            }
        } catch (Exception e) {
            capture.println("FAILED: " + e.getClass().getSimpleName() + ": " + e.getMessage()
                + (e.getCause() == null ? "" : " <- " + e.getCause().getClass().getSimpleName() + ": "
                + e.getCause().getMessage()));
        } finally {
            System.setOut(previous);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** Runs Petrel's {@code mqadmin} in this JVM, {@code namesrvAddr} given as NAMESRV_ADDR would give it. */
    public static PetrelRun runPetrel(String namesrvAddr, String... args) {
        return runPetrelSigned(namesrvAddr, null, args);
    }

    /** As {@link #runPetrel}, every request signed by {@code rpcHook} (null: unsigned), as conf/tools.yml makes it. */
    public static PetrelRun runPetrelSigned(String namesrvAddr, io.petrel.remoting.RPCHook rpcHook, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new MQAdmin(Commands.all(), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), namesrvAddr, rpcHook).run(args);
        return new PetrelRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A new instance of a subcommand: the official commands keep their admin client in a field, one run each. */
    private static SubCommand fresh(SubCommand prototype) {
        assertTrue(prototype != null, "no such subcommand");
        try {
            return prototype.getClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a looping command until its first round is printed, then stops it as Ctrl-C would. */
    private static void runFirstRound(SubCommand cmd, CommandLine line, Options options, ByteArrayOutputStream out)
        throws InterruptedException {
        untilFirstRound(cmd.commandName(), () -> {
            try {
                cmd.execute(line, options, null);
            } catch (Exception e) {
                // stopped: the command reports the interruption as its failure
            }
        }, () -> out.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code command} (a looping one) on a thread of its own until it has ended or {@code printed} holds its first
     * round (a heading and one line), then interrupts it and waits for it to stop.
     */
    public static void untilFirstRound(String name, Runnable command, Supplier<String> printed)
        throws InterruptedException {
        Thread t = new Thread(command, "mqadmin-" + name);
        t.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !t.isAlive()
                || printed.get().lines().count() >= 2);
        } finally {
            t.interrupt();
            t.join(30_000);
        }
        if (t.isAlive()) {
            throw new IllegalStateException(name + " did not stop");
        }
    }

    /**
     * The directories named by a time in milliseconds in the working directory, where {@code consumerStatus} writes
     * its files.
     */
    public static Set<Path> timeNamedDirs() throws IOException {
        try (Stream<Path> list = Files.list(Path.of("."))) {
            return list.filter(p -> p.getFileName().toString().matches("\\d{13}") && Files.isDirectory(p))
                .collect(Collectors.toSet());
        }
    }

    /** Deletes the time-named directories there are now that were not among {@code before}, with their files. */
    public static void deleteTimeNamedDirsSince(Set<Path> before) throws IOException {
        for (Path d : timeNamedDirs()) {
            if (!before.contains(d)) {
                try (Stream<Path> walk = Files.walk(d)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    /**
     * Runs one round of the official monitor ({@code mqadmin startMonitoring} runs them every minute and reports
     * only to its log) against {@code namesrvAddr}, stops it and returns its reports as lines: {@code begin}, each
     * undone report as {@code undone} + {@code undone}'s text, {@code failed} + a failed report, {@code deleted} + an
     * offset-moved event, the lines {@code running} makes of each group's running info, {@code end}.
     */
    public static List<String> officialMonitorRound(String namesrvAddr, Function<UndoneMsgs, String> undone,
                                                    Function<TreeMap<String, ConsumerRunningInfo>, List<String>> running)
        throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        MonitorConfig config = new MonitorConfig();
        config.setNamesrvAddr(namesrvAddr);
        MonitorService monitor = new MonitorService(config, new MonitorListener() {
            @Override
            public void beginRound() {
                lines.add("begin");
            }

            @Override
            public void reportUndoneMsgs(UndoneMsgs undoneMsgs) {
                lines.add("undone " + undone.apply(undoneMsgs));
            }

            @Override
            public void reportFailedMsgs(FailedMsgs failedMsgs) {
                lines.add("failed " + failedMsgs);
            }

            @Override
            public void reportDeleteMsgsEvent(DeleteMsgsEvent event) {
                lines.add("deleted " + event.getOffsetMovedEvent());
            }

            @Override
            public void reportConsumerRunningInfo(TreeMap<String, ConsumerRunningInfo> infos) {
                lines.addAll(running.apply(infos));
            }

            @Override
            public void endRound() {
                lines.add("end");
            }
        }, null);
        monitor.start();
        try {
            monitor.doMonitorWork();
        } finally {
            monitor.shutdown();
            // The monitor's own schedule would run a round on the stopped clients after 20 s.
            Field f = MonitorService.class.getDeclaredField("scheduledExecutorService");
            f.setAccessible(true);
            ((ExecutorService) f.get(monitor)).shutdownNow();
        }
        return lines;
    }

    /**
     * Masks one output: drops this JVM's log lines, replaces each {@code literals} key (in order) with its value,
     * then the volatile values every output has (addresses, times, ids, rates, decimals) and runs of blanks;
     * {@code sortLines}: the command lists a hash table, so its lines are compared as a sorted set.
     */
    public static String mask(String text, Map<String, String> literals, boolean sortLines) {
        String s = withoutLogs(text);
        for (Map.Entry<String, String> e : literals.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        s = s.replaceAll("@(official|petrel)-side-\\d+", "@PRODUCER_INSTANCE@");
        s = s.replaceAll("rt=\\d+ms", "rt=@MILLIS@ms");
        s = s.replaceAll("127\\.0\\.0\\.1:\\d+", "@ADDR@");
        s = s.replaceAll("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(,\\d{3})?", "@TIME@");
        s = s.replaceAll("(?<![.\\d])1\\d{12}(?![.\\d])", "@MILLIS@");
        s = s.replaceAll("\\b[0-9A-F]{32,}\\b", "@ID@");
        s = s.replaceAll("\\d+\\.\\d+", "@DECIMAL@");
        s = s.replaceAll("[ \\t]+", " ");
        if (sortLines) {
            s = s.lines().sorted().collect(Collectors.joining("\n"));
        }
        return s.strip();
    }

    /** This JVM's log lines and stack traces share standard output with the command: keep the command's lines. */
    public static String withoutLogs(String text) {
        StringBuilder out = new StringBuilder();
        boolean inTrace = false;
        for (String line : text.split("\n", -1)) {
            boolean log = line.matches("^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} (TRACE|DEBUG|INFO|WARN|ERROR) .*");
            boolean trace = line.startsWith("\tat ") || line.startsWith("Caused by: ")
                || line.matches("^\\t\\.\\.\\. \\d+ .*")
                || (inTrace && line.matches("^[a-zA-Z_$][\\w.$]*(Exception|Error)(: .*)?$"));
            if (log) {
                inTrace = true;
                continue;
            }
            if (trace || (line.matches("^[a-z][\\w.$]*\\.[A-Z]\\w*(Exception|Error)(: .*)?$"))) {
                inTrace = true;
                continue;
            }
            // A log line may start right after output printed without a line end.
            String cut = line.replaceAll("\\d{2}:\\d{2}:\\d{2}\\.\\d{3} (TRACE|DEBUG|INFO|WARN|ERROR) .*$", "");
            inTrace = !cut.equals(line);
            out.append(cut).append('\n');
        }
        return out.toString();
    }

    /**
     * Asserts every pair printed the same; the differences, labelled, go to {@code report} (under the module's
     * {@code target}) and into the failure message, and every output that matched to {@code report} with
     * {@code .same} added, for a reader to see what was compared.
     */
    public static void assertSame(Map<String, Outputs> outputs, String report) {
        StringBuilder diffs = new StringBuilder();
        StringBuilder matched = new StringBuilder();
        int same = 0;
        for (Map.Entry<String, Outputs> e : outputs.entrySet()) {
            if (e.getValue().official().equals(e.getValue().petrel())) {
                same++;
                matched.append("\n== ").append(e.getKey()).append('\n').append(e.getValue().official()).append('\n');
            } else {
                diffs.append("\n== ").append(e.getKey()).append("\n-- official:\n").append(e.getValue().official())
                    .append("\n-- Petrel:\n").append(e.getValue().petrel()).append('\n');
            }
        }
        try {
            Files.writeString(Path.of("target", report), diffs.toString());
            Files.writeString(Path.of("target", report + ".same"), matched.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(diffs.length() == 0, (outputs.size() - same) + " of " + outputs.size()
            + " commands printed differently:" + diffs);
    }
}
