package io.petrel.tools.bench;

import java.io.PrintStream;
import java.util.Arrays;
import org.apache.commons.cli.Options;

/**
 * {@code mqbench producer|consumer|tproducer [options]}: load generators on Petrel's client with RocketMQ 4.9.7's
 * benchmark options. Every 10 s a line with TPS, p50/p99/p999 and maximum latency and the failures of the interval;
 * on exit (end of {@code -q} sends, Ctrl-C or SIGTERM) a {@code [Complete]} line for the whole run.
 */
public final class MQBench {
    private MQBench() {
    }

    /** A parsed benchmark, ready to run. */
    interface Bench {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the benchmark {@code args} ask for to its end (a consumer runs until the JVM stops), printing to
     * {@code out}; returns the exit status: 0, or 2 for bad arguments (said on {@code err}).
     */
    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Bench bench;
        try {
            bench = parse(args, out);
        } catch (IllegalArgumentException e) {
            err.println("mqbench: " + e.getMessage());
            return 2;
        }
        if (bench != null) {
            bench.run();
        }
        return 0;
    }

    /**
     * The benchmark {@code args} ask for, or null when they asked for help (printed to {@code out}).
     *
     * @throws IllegalArgumentException on an unknown benchmark or a bad option
     */
    static Bench parse(String[] args, PrintStream out) {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: mqbench producer|consumer|tproducer [options]"
                + " (mqbench <benchmark> -h lists the options)");
        }
        String kind = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        Options options = switch (kind) {
            case "producer" -> BenchOptions.producerOptions();
            case "consumer" -> BenchOptions.consumerOptions();
            case "tproducer" -> BenchOptions.transactionOptions();
            default -> throw new IllegalArgumentException("unknown benchmark '" + kind
                + "'; use producer, consumer or tproducer");
        };
        if (Arrays.asList(rest).contains("-h") || Arrays.asList(rest).contains("--help")) {
            out.print(BenchOptions.help(kind, options));
            return null;
        }
        return switch (kind) {
            case "producer" -> {
                BenchOptions.Producer o = BenchOptions.producer(rest);
                yield () -> ProducerBench.run(o, out);
            }
            case "consumer" -> {
                BenchOptions.Consumer o = BenchOptions.consumer(rest);
                yield () -> {
                    ConsumerBench.run(o, out);
                    Thread.currentThread().join();
                };
            }
            default -> {
                BenchOptions.Transaction o = BenchOptions.transaction(rest);
                yield () -> TransactionBench.run(o, out);
            }
        };
    }
}
