package io.petrel.tools.command.cluster;

import io.petrel.client.producer.DefaultMQProducer;
import io.petrel.common.message.Message;
import io.petrel.common.route.ClusterInfo;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.CommandException;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.Texts;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code clusterRT}: every {@code -i} seconds until stopped, sends {@code -a} messages to the topic of each broker of
 * each cluster (or of {@code -c}) and prints the average send time of all but the first, with the counts of
 * successful and failed sends; {@code -p true} prints {@code time|room|cluster|broker|rt} lines instead, the time in
 * GMT+8 as 4.9.7 prints it.
 */
public final class ClusterRTCommand extends BaseCommand {
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId LOG_ZONE = ZoneId.of("GMT+8");

    /** What a run was asked for. */
    private record Settings(long amount, long size, long intervalSeconds, boolean asLog, String machineRoom) {
    }

    public ClusterRTCommand() {
        super("clusterRT", "List All clusters Message Send RT");
    }

    @Override
    public void addOptions(Options options) {
        Opts.optional(options, "a", "amount", "message amount | default 100");
        Opts.optional(options, "s", "size", "message size | default 128 Byte");
        Opts.optional(options, "c", "cluster", "cluster name | default display all cluster");
        Opts.optional(options, "p", "print log", "print as tlog | default false");
        Opts.optional(options, "m", "machine room", "machine room name | default noname");
        Opts.optional(options, "i", "interval", "print interval | default 10 seconds");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        Settings settings = new Settings(
            line.hasOption('a') ? Texts.longOption("-a", line.getOptionValue('a')) : 100,
            line.hasOption('s') ? Texts.longOption("-s", line.getOptionValue('s')) : 128,
            line.hasOption('i') ? Texts.longOption("-i", line.getOptionValue('i')) : 10,
            line.hasOption('p') && Boolean.parseBoolean(line.getOptionValue('p').trim()),
            line.hasOption('m') ? line.getOptionValue('m').trim() : "noname");
        ClusterInfo info = session.admin().examineBrokerClusterInfo();
        Set<String> clusters = info.clusterAddrTable().keySet();
        if (line.hasOption('c')) {
            String cluster = line.getOptionValue('c').trim();
            // 4.9.7 prints "cluster [..] not exist" every round until stopped; an unknown cluster fails here.
            if (!clusters.contains(cluster)) {
                throw new CommandException("no cluster '" + cluster + "' at the NameServer");
            }
            clusters = Set.of(cluster);
        }
        DefaultMQProducer producer = session.startProducer(Long.toString(System.currentTimeMillis()));
        try {
            PrintStream out = session.out();
            if (!settings.asLog()) {
                out.printf("%-24s  %-24s  %-4s  %-8s  %-8s%n", "#Cluster Name", "#Broker Name", "#RT",
                    "#successCount", "#failCount");
            }
            while (true) {
                round(producer, info.clusterAddrTable(), clusters, settings, out);
                // Runs until stopped; an interrupt ends the run.
                Thread.sleep(settings.intervalSeconds() * 1000);
            }
        } finally {
            producer.shutdown();
        }
    }

    private static void round(DefaultMQProducer producer, Map<String, Set<String>> clusterTable, Set<String> clusters,
                              Settings settings, PrintStream out) {
        for (String cluster : clusters) {
            for (String broker : clusterTable.get(cluster)) {
                printBroker(cluster, broker, send(producer, broker, settings), settings, out);
            }
        }
    }

    /** Sends the round's messages to one broker's topic: {elapsed ms of all but the first, successes, failures}. */
    private static long[] send(DefaultMQProducer producer, String topic, Settings settings) {
        Message msg = new Message(topic, "a".repeat((int) settings.size()).getBytes(StandardCharsets.UTF_8));
        long[] counts = new long[3];
        for (int i = 0; i < settings.amount(); i++) {
            long start = System.currentTimeMillis();
            try {
                producer.send(msg);
                counts[1]++;
            } catch (Exception e) {
                counts[2]++;
            }
            if (i != 0) {
                counts[0] += System.currentTimeMillis() - start;
            }
        }
        return counts;
    }

    private static void printBroker(String cluster, String broker, long[] counts, Settings settings,
                                    PrintStream out) {
        double rt = (double) counts[0] / (settings.amount() - 1);
        if (settings.asLog()) {
            out.printf("%s|%s|%s|%s|%s%n", LOG_TIME.format(ZonedDateTime.now(LOG_ZONE)), settings.machineRoom(),
                cluster, broker, new BigDecimal(rt).setScale(0, RoundingMode.HALF_UP));
        } else {
            out.printf("%-24s  %-24s  %-8s  %-16s  %-16s%n", cluster, broker, String.format("%.2f", rt), counts[1],
                counts[2]);
        }
    }
}
