package io.petrel.tools.command.group;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.common.body.Connection;
import io.petrel.common.body.ConsumerConnection;
import io.petrel.common.body.ConsumerRunningInfo;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.CommandException;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.connection.ClientVersions;
import io.petrel.tools.monitor.RunningInfoAnalysis;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code consumerStatus}: asks each online client of a consumer group for its running info. Without {@code -i}, lists
 * the clients, writes each one's info to {@code <millis>/<clientId>} under the working directory (one directory per
 * run, named by the time it started) and checks the clients' subscriptions and process queues; with {@code -i},
 * prints that client's info. {@code -s} has the clients add their thread dumps.
 */
public final class ConsumerStatusCommand extends BaseCommand {
    private static final String CLIENT_FORMAT = "%-10s %-40s %-20s %s%n";

    public ConsumerStatusCommand() {
        super("consumerStatus", "Query consumer's internal data structure");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "g", "consumerGroup", "consumer group name");
        Opts.optional(options, "i", "clientId", "The consumer's client id");
        Opts.optional(options, "b", "brokerAddr", "broker address");
        Opts.flag(options, "s", "jstack", "Run jstack command in the consumer progress");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        MQAdminExt admin = session.admin();
        String group = line.getOptionValue('g').trim();
        // As 4.9.7, the group must have clients online, also when one is named.
        ConsumerConnection cc = line.hasOption('b')
            ? admin.examineConsumerConnectionInfo(group, line.getOptionValue('b').trim())
            : admin.examineConsumerConnectionInfo(group);
        boolean jstack = line.hasOption('s');
        PrintStream out = session.out();
        if (line.hasOption('i')) {
            ConsumerRunningInfo info = admin.getConsumerRunningInfo(group, line.getOptionValue('i').trim(), jstack);
            if (info != null) {
                out.print(RunningInfoAnalysis.describe(info));
            }
            return;
        }
        long now = System.currentTimeMillis();
        TreeMap<String, ConsumerRunningInfo> byClient = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        out.printf(CLIENT_FORMAT, "#Index", "#ClientId", "#Version", "#ConsumerRunningInfoFile");
        int index = 1;
        for (Connection c : cc.connectionSet()) {
            ConsumerRunningInfo info;
            try {
                info = admin.getConsumerRunningInfo(group, c.clientId(), jstack);
            } catch (Exception e) {
                // A client that does not answer leaves the others listed, as in 4.9.7; the run then fails naming it.
                failures.add(c.clientId() + ": " + e.getMessage());
                continue;
            }
            if (info != null) {
                byClient.put(c.clientId(), info);
                String file = now + "/" + c.clientId();
                write(Path.of(file), RunningInfoAnalysis.describe(info));
                out.printf("%-10d %-40s %-20s %s%n", index++, c.clientId(), ClientVersions.name(c.version()), file);
            }
        }
        if (!byClient.isEmpty()) {
            printAnalysis(byClient, now, out);
        }
        if (!failures.isEmpty()) {
            throw new CommandException("no running info from " + String.join("; ", failures));
        }
    }

    private static void printAnalysis(TreeMap<String, ConsumerRunningInfo> byClient, long now, PrintStream out) {
        if (!RunningInfoAnalysis.sameSubscriptions(byClient, now)) {
            out.printf("%n%nWARN: Different subscription in the same group of consumer!!!");
            return;
        }
        out.printf("%n%nSame subscription in the same group of consumer");
        out.printf("%n%nRebalance %s%n", RunningInfoAnalysis.rebalanced(byClient) ? "OK" : "Failed");
        for (Map.Entry<String, ConsumerRunningInfo> e : byClient.entrySet()) {
            out.print(RunningInfoAnalysis.processQueueProblems(e.getKey(), e.getValue(), now));
        }
    }

    private static void write(Path file, String text) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
