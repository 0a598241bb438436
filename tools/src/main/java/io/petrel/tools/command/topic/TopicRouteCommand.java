package io.petrel.tools.command.topic;

import io.petrel.common.route.BrokerData;
import io.petrel.common.route.QueueData;
import io.petrel.common.route.TopicRouteData;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.PrettyJson;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code topicRoute}: a topic's route as the NameServer gives it, as JSON or ({@code -l}) as a table. */
public final class TopicRouteCommand extends BaseCommand {
    private static final String FORMAT = "%-45s %-32s %-50s %-10s %-11s %-5s%n";
    private static final int RULE_WIDTH = 158;

    public TopicRouteCommand() {
        super("topicRoute", "Examine topic route info");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "t", "topic", "topic name");
        Opts.flag(options, "l", "list", "Use list format to print data");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        TopicRouteData route = session.admin().examineTopicRouteInfo(line.getOptionValue('t').trim());
        if (line.hasOption('l')) {
            printTable(route, session.out());
        } else {
            session.out().printf("%s%n", json(route));
        }
    }

    static String json(TopicRouteData route) {
        PrettyJson j = new PrettyJson().openObject();
        j.name("brokerDatas");
        if (route.brokerDatas().isEmpty()) {
            j.strings(List.of());
        } else {
            j.openArray();
            for (BrokerData b : route.brokerDatas()) {
                j.element().openObject();
                j.name("brokerAddrs").numberKeyed(b.brokerAddrs());
                j.name("brokerName").value(b.brokerName());
                j.name("cluster").value(b.cluster());
                j.closeObject();
            }
            j.closeArray();
        }
        j.name("filterServerTable").openObject();
        // 4.9.7 holds this table in a HashMap and prints it in that map's order.
        for (Map.Entry<String, List<String>> e : new HashMap<>(route.filterServerTable()).entrySet()) {
            j.name(e.getKey()).strings(e.getValue());
        }
        j.closeObject();
        if (route.orderTopicConf() != null) {
            j.name("orderTopicConf").value(route.orderTopicConf());
        }
        j.name("queueDatas");
        if (route.queueDatas().isEmpty()) {
            j.strings(List.of());
        } else {
            j.openArray();
            for (QueueData q : route.queueDatas()) {
                j.element().openObject();
                j.name("brokerName").value(q.brokerName());
                j.name("perm").value(q.perm());
                j.name("readQueueNums").value(q.readQueueNums());
                j.name("topicSysFlag").value(q.topicSysFlag());
                j.name("writeQueueNums").value(q.writeQueueNums());
                j.closeObject();
            }
            j.closeArray();
        }
        return j.closeObject().toString();
    }

    private static void printTable(TopicRouteData route, PrintStream out) {
        Map<String, QueueData> queuesByBroker = new HashMap<>();
        for (QueueData q : route.queueDatas()) {
            queuesByBroker.put(q.brokerName(), q);
        }
        List<BrokerData> brokers = new ArrayList<>(route.brokerDatas());
        brokers.sort(Comparator.comparing(BrokerData::brokerName));
        out.printf(FORMAT, "#ClusterName", "#BrokerName", "#BrokerAddrs", "#ReadQueue", "#WriteQueue", "#Perm");
        int read = 0;
        int write = 0;
        for (BrokerData b : brokers) {
            QueueData q = queuesByBroker.get(b.brokerName());
            read += q.readQueueNums();
            write += q.writeQueueNums();
            out.printf(FORMAT, b.cluster(), b.brokerName(), b.brokerAddrs(), q.readQueueNums(), q.writeQueueNums(),
                q.perm());
        }
        out.print("-".repeat(RULE_WIDTH));
        out.printf("%n");
        out.printf(FORMAT, "Total:", queuesByBroker.size(), "", read, write, "");
    }
}
