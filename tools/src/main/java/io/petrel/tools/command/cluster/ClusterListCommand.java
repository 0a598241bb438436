package io.petrel.tools.command.cluster;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.common.route.BrokerData;
import io.petrel.common.route.ClusterInfo;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.Texts;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code clusterList}: every broker of every cluster with its version, load and disk use ({@code -m}: message
 * totals of yesterday and today instead); {@code -i SECONDS} prints again at that interval until stopped.
 */
public final class ClusterListCommand extends BaseCommand {
    private static final String BASE_FORMAT = "%-16s  %-22s  %-4s  %-22s %-16s %19s %19s %10s %5s %6s%n";
    private static final String MORE_FORMAT = "%-16s  %-32s %14s %14s %14s %14s%n";

    /** One broker process: its cluster, name, id and address. */
    private record Node(String cluster, String brokerName, long brokerId, String addr) {
    }

    public ClusterListCommand() {
        super("clusterList", "List all of clusters");
    }

    @Override
    public void addOptions(Options options) {
        Opts.flag(options, "m", "moreStats", "Print more stats");
        Opts.optional(options, "i", "interval", "specify intervals numbers, it is in seconds");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        boolean repeat = line.hasOption('i');
        long intervalMs = repeat ? Texts.longOption("-i", line.getOptionValue('i')) * 1000 : 0;
        boolean more = line.hasOption('m');
        for (long round = 0; round == 0 || repeat; round++) {
            if (round > 0) {
                Thread.sleep(intervalMs);
            }
            MQAdminExt admin = session.admin();
            PrintStream out = session.out();
            if (more) {
                out.printf(MORE_FORMAT, "#Cluster Name", "#Broker Name", "#InTotalYest", "#OutTotalYest",
                    "#InTotalToday", "#OutTotalToday");
            } else {
                out.printf(BASE_FORMAT, "#Cluster Name", "#Broker Name", "#BID", "#Addr", "#Version", "#InTPS(LOAD)",
                    "#OutTPS(LOAD)", "#PCWait(ms)", "#Hour", "#SPACE");
            }
            for (Node node : nodes(admin.examineBrokerClusterInfo())) {
                Map<String, String> stats = runtimeStats(admin, node.addr());
                if (more) {
                    printTotals(node, stats, out);
                } else {
                    printBase(node, stats, out);
                }
            }
        }
    }

    /** Brokers cluster by cluster, by name within a cluster, by id within a broker. */
    private static Iterable<Node> nodes(ClusterInfo info) {
        java.util.List<Node> nodes = new java.util.ArrayList<>();
        for (Map.Entry<String, Set<String>> c : info.clusterAddrTable().entrySet()) {
            for (String name : new TreeSet<>(c.getValue())) {
                BrokerData broker = info.brokerAddrTable().get(name);
                if (broker == null) {
                    continue;
                }
                for (Map.Entry<Long, String> a : broker.brokerAddrs().entrySet()) {
                    nodes.add(new Node(c.getKey(), name, a.getKey(), a.getValue()));
                }
            }
        }
        return nodes;
    }

    /** A broker that does not answer is listed with empty figures, as 4.9.7 lists it. */
    private static Map<String, String> runtimeStats(MQAdminExt admin, String addr) {
        try {
            return admin.fetchBrokerRuntimeStats(addr).table();
        } catch (Exception e) {
            return Map.of();
        }
    }

    private static void printBase(Node node, Map<String, String> stats, PrintStream out) {
        String earliest = stats.get("earliestMessageTimeStamp");
        double hours = earliest == null || earliest.isEmpty() ? 0.0
            : (System.currentTimeMillis() - Long.parseLong(earliest)) / 1000.0 / 60.0 / 60.0;
        String ratio = stats.get("commitLogDiskRatio");
        double space = ratio == null || ratio.isEmpty() ? 0.0 : Double.parseDouble(ratio);
        out.printf(BASE_FORMAT, node.cluster(), node.brokerName(), node.brokerId(), node.addr(),
            stats.getOrDefault("brokerVersionDesc", ""),
            String.format("%9.2f(%s,%sms)", firstNumber(stats.get("putTps")), stats.get("sendThreadPoolQueueSize"),
                stats.get("sendThreadPoolQueueHeadWaitTimeMills")),
            String.format("%9.2f(%s,%sms)", firstNumber(stats.get("getTransferedTps")),
                stats.get("pullThreadPoolQueueSize"), stats.get("pullThreadPoolQueueHeadWaitTimeMills")),
            stats.get("pageCacheLockTimeMills"), String.format("%2.2f", hours), String.format("%.4f", space));
    }

    private static void printTotals(Node node, Map<String, String> stats, PrintStream out) {
        long in = 0;
        long outYest = 0;
        long inToday = 0;
        long outToday = 0;
        try {
            in = delta(stats, "msgPutTotalTodayMorning", "msgPutTotalYesterdayMorning");
            outYest = delta(stats, "msgGetTotalTodayMorning", "msgGetTotalYesterdayMorning");
            inToday = delta(stats, "msgPutTotalTodayNow", "msgPutTotalTodayMorning");
            outToday = delta(stats, "msgGetTotalTodayNow", "msgGetTotalTodayMorning");
        } catch (NumberFormatException e) {
            // a broker without these figures shows what could be computed and zeros for the rest, as in 4.9.7
        }
        out.printf("%-16s  %-32s %14d %14d %14d %14d%n", node.cluster(), node.brokerName(), in, outYest, inToday,
            outToday);
    }

    private static long delta(Map<String, String> stats, String later, String earlier) {
        return Long.parseLong(stats.get(later)) - Long.parseLong(stats.get(earlier));
    }

    /** The leading figure of a {@code "12.5 10.0 9.8"} rate triple; 0 when there is none. */
    private static double firstNumber(String rates) {
        if (rates == null || rates.isBlank()) {
            return 0;
        }
        return Double.parseDouble(rates.trim().split(" ")[0]);
    }
}
