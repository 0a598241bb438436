package io.petrel.tools.command.stats;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.common.body.BrokerStatsData;
import io.petrel.common.route.BrokerData;
import io.petrel.common.route.TopicRouteData;
import io.petrel.common.topic.TopicValidator;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.Texts;
import java.io.PrintStream;
import java.util.HashSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code statsAll}: for each topic (but retry and dead-letter ones) and each group consuming it, the group's backlog,
 * the topic's put rate and the group's get rate over the last minute, and the messages put and got in the last
 * day (else hour, else minute) as the masters' statistics hold them. As 4.9.7, a topic or a figure the brokers
 * cannot give is left out or counted as zero.
 */
public final class StatsAllCommand extends BaseCommand {
    private static final String TOPIC_PUT_NUMS = "TOPIC_PUT_NUMS";
    private static final String GROUP_GET_NUMS = "GROUP_GET_NUMS";

    /** A rate and a count summed over the masters of a topic. */
    private record Totals(double tps, long count) {
    }

    public StatsAllCommand() {
        super("statsAll", "Topic and Consumer tps stats");
    }

    @Override
    public void addOptions(Options options) {
        Opts.flag(options, "a", "activeTopic", "print active topic only");
        Opts.optional(options, "t", "topic", "print select topic only");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        MQAdminExt admin = session.admin();
        PrintStream out = session.out();
        out.printf("%-64s  %-64s %12s %11s %11s %14s %14s%n", "#Topic", "#Consumer Group", "#Accumulation", "#InTPS",
            "#OutTPS", "#InMsg24Hour", "#OutMsg24Hour");
        boolean activeOnly = line.hasOption('a');
        String only = line.getOptionValue('t');
        for (String topic : admin.fetchAllTopicList().topicList()) {
            if (topic.startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX)
                || topic.startsWith(TopicValidator.DLQ_GROUP_TOPIC_PREFIX)
                || (only != null && !only.isEmpty() && !topic.equals(only))) {
                continue;
            }
            try {
                printTopic(admin, topic, activeOnly, out);
            } catch (Exception e) {
                // as 4.9.7: a topic without a route or consumers' list is left out
            }
        }
    }

    private static void printTopic(MQAdminExt admin, String topic, boolean activeOnly, PrintStream out)
        throws Exception {
        TopicRouteData route = admin.examineTopicRouteInfo(topic);
        // The groups in the order of the HashSet 4.9.7 decodes them into.
        HashSet<String> groups = new HashSet<>(admin.queryTopicConsumeByWho(topic).groupList());
        Totals in = totals(admin, route, TOPIC_PUT_NUMS, topic);
        if (groups.isEmpty()) {
            if (!activeOnly || in.count() > 0) {
                out.printf("%-64s  %-64s %12d %11.2f %11s %14d %14s%n", Texts.atMost(topic, 64), "", 0, in.tps(), "",
                    in.count(), "NO_CONSUMER");
            }
            return;
        }
        for (String group : groups) {
            Totals got = totals(admin, route, GROUP_GET_NUMS, topic + "@" + group);
            if (!activeOnly || in.count() > 0 || got.count() > 0) {
                out.printf("%-64s  %-64s %12d %11.2f %11.2f %14d %14d%n", Texts.atMost(topic, 64),
                    Texts.atMost(group, 64), backlog(admin, group, topic), in.tps(), got.tps(), in.count(),
                    got.count());
            }
        }
    }

    private static Totals totals(MQAdminExt admin, TopicRouteData route, String statsName, String statsKey) {
        double tps = 0;
        long count = 0;
        for (BrokerData b : route.brokerDatas()) {
            if (b.masterAddr() != null) {
                try {
                    BrokerStatsData s = admin.viewBrokerStatsData(b.masterAddr(), statsName, statsKey);
                    tps += s.statsMinute().tps();
                    count += dayOrShorterSum(s);
                } catch (Exception e) {
                    // as 4.9.7: a master without these statistics adds nothing
                }
            }
        }
        return new Totals(tps, count);
    }

    /** A statistic's count over the last day, else the last hour, else the last minute, as 4.9.7 sums it. */
    public static long dayOrShorterSum(BrokerStatsData s) {
        if (s.statsDay().sum() != 0) {
            return s.statsDay().sum();
        }
        return s.statsHour().sum() != 0 ? s.statsHour().sum() : s.statsMinute().sum();
    }

    private static long backlog(MQAdminExt admin, String group, String topic) {
        try {
            return Math.max(0, admin.examineConsumeStats(group, topic).computeTotalDiff());
        } catch (Exception e) {
            return 0;
        }
    }
}
