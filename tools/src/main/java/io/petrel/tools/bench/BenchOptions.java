package io.petrel.tools.bench;

import io.petrel.client.acl.AclClientRPCHook;
import io.petrel.client.acl.SessionCredentials;
import io.petrel.remoting.RPCHook;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The options of the three benchmarks, with RocketMQ 4.9.7's benchmark letters and defaults ({@code -w} threads,
 * {@code -s} message size, {@code -t} topic, ...). Every bad value is an {@link IllegalArgumentException} naming the
 * option. Message trace ({@code -m}) is accepted for compatibility with existing scripts but Petrel's client has
 * none, so {@code true} is refused. {@code -a true} signs every request with {@code -ak}/{@code -sk} (defaults as
 * 4.9.7's benchmark: {@value #DEFAULT_ACCESS_KEY}/{@value #DEFAULT_SECRET_KEY}, the admin account of the sample
 * {@code conf/plain_acl.yml}).
 */
public final class BenchOptions {
    public static final String DEFAULT_ACCESS_KEY = "rocketmq2";
    public static final String DEFAULT_SECRET_KEY = "12345678";

    private BenchOptions() {
    }

    /** The keys {@code -a true} signs with. */
    public record Credentials(String accessKey, String secretKey) {
        /** The hook signing requests with these keys; null (no hook) for null credentials. */
        static RPCHook hook(Credentials c) {
            return c == null ? null : new AclClientRPCHook(new SessionCredentials(c.accessKey(), c.secretKey()));
        }
    }

    /** {@code producer}: {@code batchSize} 1 sends single messages, larger values send batches of that many. */
    public record Producer(String namesrvAddr, String topic, int threads, int messageSize, boolean keyEnable,
                           int propertySize, int tagCount, long messageQuantity, boolean delayEnable, int delayLevel,
                           boolean asyncEnable, int batchSize, Credentials acl) {
    }

    /** {@code consumer}: {@code filterType} and {@code expressionFile} are both set or both null. */
    public record Consumer(String namesrvAddr, String topic, int threads, String group, boolean groupSuffix,
                           String filterType, String expressionFile, double failRate, Credentials acl) {
    }

    /** {@code tproducer}. */
    public record Transaction(String namesrvAddr, String topic, int threads, int messageSize,
                              double sendRollbackRate, double sendUnknownRate, double checkRollbackRate,
                              double checkUnknownRate, long batchId, long sendIntervalMs, Credentials acl) {
    }

    public static Options producerOptions() {
        Options o = common(64);
        add(o, "s", "messageSize", "Message Size, Default: 128");
        add(o, "k", "keyEnable", "Message Key Enable, Default: false");
        add(o, "p", "propertySize", "Property Size, Default: 0");
        add(o, "l", "tagCount", "Tag count, Default: 0");
        add(o, "q", "messageQuantity", "Send message quantity, Default: 0, running forever");
        add(o, "d", "delayEnable", "Delay message Enable, Default: false");
        add(o, "e", "delayLevel", "Delay message level, Default: 1");
        add(o, "y", "asyncEnable", "Enable async produce, Default: false");
        add(o, "b", "batchSize", "Messages per send (1: no batch), Default: 1");
        return o;
    }

    public static Options consumerOptions() {
        Options o = common(20);
        add(o, "g", "group", "Consumer group name, Default: benchmark_consumer");
        add(o, "p", "groupSuffixEnable", "Append a time suffix to the group name, Default: false");
        add(o, "f", "filterType", "TAG, SQL92");
        add(o, "e", "expression", "Path of a file holding the filter expression");
        add(o, "r", "failRate", "Share of messages answered with RECONSUME_LATER, Default: 0");
        return o;
    }

    public static Options transactionOptions() {
        Options o = common(32);
        add(o, "s", "messageSize", "Message Size, Default: 2048");
        add(o, "sr", "sendRollbackRate", "Send rollback rate, Default: 0.0");
        add(o, "su", "sendUnknownRate", "Send unknown rate, Default: 0.0");
        add(o, "cr", "checkRollbackRate", "Check rollback rate, Default: 0.0");
        add(o, "cu", "checkUnknownRate", "Check unknown rate, Default: 0.0");
        add(o, "b", "batchId", "Test batch id, Default: the start time in ms");
        add(o, "i", "sendInterval", "Sleep in ms between messages, Default: 0");
        return o;
    }

    public static Producer producer(String... args) {
        CommandLine line = parse(producerOptions(), args);
        boolean async = bool(line, "y");
        Producer p = new Producer(line.getOptionValue("n"), text(line, "t", "BenchmarkTest"),
            async ? 1 : positive(line, "w", 64), positive(line, "s", 128), bool(line, "k"), atLeast(line, "p", 0, 0),
            atLeast(line, "l", 0, 0), longAtLeast(line, "q", 0, 0), bool(line, "d"), intOpt(line, "e", 1), async,
            positive(line, "b", 1), credentials(line));
        if (p.delayLevel() < 1 || p.delayLevel() > 18) {
            throw new IllegalArgumentException("-e (delayLevel) must be between 1 and 18: " + p.delayLevel());
        }
        if (p.delayEnable() && p.batchSize() > 1) {
            throw new IllegalArgumentException("-d (delayEnable) cannot go with -b (batchSize) above 1: a batch has "
                + "no delay level");
        }
        return p;
    }

    public static Consumer consumer(String... args) {
        CommandLine line = parse(consumerOptions(), args);
        String filterType = line.hasOption("f") ? line.getOptionValue("f").trim() : null;
        String expression = line.hasOption("e") ? line.getOptionValue("e").trim() : null;
        if (filterType != null && !filterType.equals("TAG") && !filterType.equals("SQL92")) {
            throw new IllegalArgumentException("-f (filterType) must be TAG or SQL92: " + filterType);
        }
        if ((filterType == null) != (expression == null)) {
            throw new IllegalArgumentException("-f (filterType) and -e (expression) go together");
        }
        return new Consumer(line.getOptionValue("n"), text(line, "t", "BenchmarkTest"), positive(line, "w", 20),
            text(line, "g", "benchmark_consumer"), bool(line, "p"), filterType, expression, rate(line, "r"),
            credentials(line));
    }

    public static Transaction transaction(String... args) {
        CommandLine line = parse(transactionOptions(), args);
        return new Transaction(line.getOptionValue("n"), text(line, "t", "BenchmarkTest"), positive(line, "w", 32),
            positive(line, "s", 2048), rate(line, "sr"), rate(line, "su"), rate(line, "cr"), rate(line, "cu"),
            longAtLeast(line, "b", System.currentTimeMillis(), Long.MIN_VALUE), longAtLeast(line, "i", 0, 0),
            credentials(line));
    }

    /** The option list, for a usage message. */
    public static String help(String command, Options options) {
        StringWriter out = new StringWriter();
        new HelpFormatter().printHelp(new PrintWriter(out), 110, "mqbench " + command, null, options, 2, 4, null,
            true);
        return out.toString();
    }

    private static Options common(int defaultThreads) {
        Options o = new Options();
        add(o, "n", "namesrvAddr", "Name server address list, eg: 192.168.0.1:9876;192.168.0.2:9876");
        add(o, "t", "topic", "Topic name, Default: BenchmarkTest");
        add(o, "w", "threadCount", "Thread count, Default: " + defaultThreads);
        add(o, "m", "msgTraceEnable", "Message Trace Enable, Default: false (true is not supported)");
        add(o, "a", "aclEnable", "Acl Enable, Default: false");
        add(o, "ak", "accessKey", "Acl access key, Default: " + DEFAULT_ACCESS_KEY);
        add(o, "sk", "secretKey", "Acl secret key, Default: " + DEFAULT_SECRET_KEY);
        o.addOption(Option.builder("h").longOpt("help").desc("Print help").build());
        return o;
    }

    private static void add(Options o, String opt, String longOpt, String description) {
        o.addOption(Option.builder(opt).longOpt(longOpt).hasArg().desc(description).build());
    }

    private static CommandLine parse(Options options, String[] args) {
        CommandLine line;
        try {
            line = new DefaultParser().parse(options, args);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (!line.getArgList().isEmpty()) {
            throw new IllegalArgumentException("unexpected argument: " + line.getArgList().get(0));
        }
        if (bool(line, "m")) {
            throw new IllegalArgumentException("-m true is not supported by Petrel's client");
        }
        return line;
    }

    private static Credentials credentials(CommandLine line) {
        if (!bool(line, "a")) {
            return null;
        }
        return new Credentials(text(line, "ak", DEFAULT_ACCESS_KEY), text(line, "sk", DEFAULT_SECRET_KEY));
    }

    private static String text(CommandLine line, String opt, String dflt) {
        return line.hasOption(opt) ? line.getOptionValue(opt).trim() : dflt;
    }

    private static boolean bool(CommandLine line, String opt) {
        return line.hasOption(opt) && Boolean.parseBoolean(line.getOptionValue(opt).trim());
    }

    private static int positive(CommandLine line, String opt, int dflt) {
        return atLeast(line, opt, dflt, 1);
    }

    private static int atLeast(CommandLine line, String opt, int dflt, int min) {
        long v = longAtLeast(line, opt, dflt, min);
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("-" + opt + " must be at most " + Integer.MAX_VALUE + ": " + v);
        }
        return (int) v;
    }

    private static int intOpt(CommandLine line, String opt, int dflt) {
        return atLeast(line, opt, dflt, Integer.MIN_VALUE);
    }

    private static long longAtLeast(CommandLine line, String opt, long dflt, long min) {
        if (!line.hasOption(opt)) {
            return dflt;
        }
        String value = line.getOptionValue(opt).trim();
        long v;
        try {
            v = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-" + opt + " needs a whole number: " + value, e);
        }
        if (v < min) {
            throw new IllegalArgumentException("-" + opt + " must be at least " + min + ": " + value);
        }
        return v;
    }

    private static double rate(CommandLine line, String opt) {
        if (!line.hasOption(opt)) {
            return 0.0;
        }
        String value = line.getOptionValue(opt).trim();
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-" + opt + " needs a number between 0 and 1: " + value, e);
        }
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("-" + opt + " must be between 0 and 1: " + value);
        }
        return v;
    }
}
