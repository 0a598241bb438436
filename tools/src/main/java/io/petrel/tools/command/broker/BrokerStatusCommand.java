package io.petrel.tools.command.broker;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.common.route.BrokerData;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Clusters;
import io.petrel.tools.command.Opts;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code brokerStatus}: a broker's runtime figures by name; with {@code -c}, of every broker process of a cluster. */
public final class BrokerStatusCommand extends BaseCommand {
    public BrokerStatusCommand() {
        super("brokerStatus", "Fetch broker runtime status data");
    }

    @Override
    public void addOptions(Options options) {
        Opts.optional(options, "b", "brokerAddr", "Broker address");
        Opts.optional(options, "c", "clusterName", "which cluster");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        Opts.requireBrokerOrCluster(line);
        MQAdminExt admin = session.admin();
        if (line.hasOption('b')) {
            String addr = line.getOptionValue('b').trim();
            for (Map.Entry<String, String> e : stats(admin, addr).entrySet()) {
                session.out().printf("%-32s: %s%n", e.getKey(), e.getValue());
            }
            return;
        }
        for (BrokerData broker : Clusters.brokers(admin, line.getOptionValue('c').trim())) {
            for (String addr : broker.brokerAddrs().values()) {
                for (Map.Entry<String, String> e : stats(admin, addr).entrySet()) {
                    session.out().printf("%-24s %-32s: %s%n", addr, e.getKey(), e.getValue());
                }
            }
        }
    }

    private static Map<String, String> stats(MQAdminExt admin, String addr) throws Exception {
        return new TreeMap<>(admin.fetchBrokerRuntimeStats(addr).table());
    }
}
