package io.petrel.tools.command.broker;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.common.route.BrokerData;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BrokerOrClusterCommand;
import io.petrel.tools.command.Clusters;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;

/** {@code brokerStatus}: a broker's runtime figures by name; with {@code -c}, of every broker process of a cluster. */
public final class BrokerStatusCommand extends BrokerOrClusterCommand {
    public BrokerStatusCommand() {
        super("brokerStatus", "Fetch broker runtime status data", "Broker address", "which cluster");
    }

    @Override
    protected void onBroker(String addr, CommandLine line, AdminSession session) throws Exception {
        for (Map.Entry<String, String> e : stats(session.admin(), addr).entrySet()) {
            session.out().printf("%-32s: %s%n", e.getKey(), e.getValue());
        }
    }

    @Override
    protected void onCluster(String cluster, CommandLine line, AdminSession session) throws Exception {
        MQAdminExt admin = session.admin();
        for (BrokerData broker : Clusters.brokers(admin, cluster)) {
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
