package io.petrel.tools.command.broker;

import io.petrel.common.body.ConsumeStats;
import io.petrel.common.body.ConsumeStatsList;
import io.petrel.common.body.OffsetWrapper;
import io.petrel.common.message.MessageQueue;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.Texts;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code brokerConsumeStats}: every queue of every group one broker serves, with the broker's and the group's
 * offsets, for the queues whose backlog reaches {@code -l} and that were ever consumed; then the broker's total
 * backlog.
 */
public final class BrokerConsumeStatsCommand extends BaseCommand {
    private static final String FORMAT = "%-64s  %-64s  %-32s  %-4s  %-20s  %-20s  %-20s  %s%n";
    private static final long DEFAULT_TIMEOUT_MS = 50_000;

    public BrokerConsumeStatsCommand() {
        super("brokerConsumeStats", "Fetch broker consume stats data");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "b", "brokerAddr", "Broker address");
        Opts.optional(options, "t", "timeoutMillis", "request timeout Millis");
        Opts.optional(options, "l", "level", "threshold of print diff");
        Opts.optional(options, "o", "order", "order topic");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        boolean order = line.hasOption('o') && Boolean.parseBoolean(line.getOptionValue('o').trim());
        long timeoutMs = line.hasOption('t') ? Texts.longOption("-t", line.getOptionValue('t')) : DEFAULT_TIMEOUT_MS;
        long level = line.hasOption('l') ? Texts.longOption("-l", line.getOptionValue('l')) : 0;
        ConsumeStatsList list = session.admin().fetchConsumeStatsInBroker(line.getOptionValue('b').trim(), order,
            timeoutMs);
        PrintStream out = session.out();
        out.printf(FORMAT, "#Topic", "#Group", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset", "#Diff",
            "#LastTime");
        for (Map<String, List<ConsumeStats>> groups : list.consumeStatsList()) {
            for (Map.Entry<String, List<ConsumeStats>> e : groups.entrySet()) {
                for (ConsumeStats stats : e.getValue()) {
                    printQueues(e.getKey(), stats, level, out);
                }
            }
        }
        out.printf("%nDiff Total: %d%n", list.totalDiff());
    }

    private static void printQueues(String group, ConsumeStats stats, long level, PrintStream out) {
        List<MessageQueue> queues = new ArrayList<>(stats.offsetTable().keySet());
        Collections.sort(queues);
        for (MessageQueue mq : queues) {
            OffsetWrapper o = stats.offsetTable().get(mq);
            long diff = o.brokerOffset() - o.consumerOffset();
            // As 4.9.7: a queue never consumed (no last time) is left out.
            if (diff < level || o.lastTimestamp() <= 0) {
                continue;
            }
            out.printf(FORMAT, Texts.atMost(mq.topic(), 64), group, Texts.atMost(mq.brokerName(), 32), mq.queueId(), o.brokerOffset(), o.consumerOffset(),
                diff, Texts.secondsTime(o.lastTimestamp()));
        }
    }
}
