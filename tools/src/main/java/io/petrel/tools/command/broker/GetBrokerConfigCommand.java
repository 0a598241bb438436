package io.petrel.tools.command.broker;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.common.route.BrokerData;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BrokerOrClusterCommand;
import io.petrel.tools.command.Clusters;
import java.io.PrintStream;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.cli.CommandLine;

/** {@code getBrokerConfig}: every setting of one broker, or of each master and slave of a cluster. */
public final class GetBrokerConfigCommand extends BrokerOrClusterCommand {
    public GetBrokerConfigCommand() {
        super("getBrokerConfig", "Get broker config by cluster or special broker!", "get which broker",
            "get which cluster");
    }

    @Override
    protected void onBroker(String addr, CommandLine line, AdminSession session) throws Exception {
        print(session.admin(), String.format("============%s============\n", addr), addr, session.out());
    }

    @Override
    protected void onCluster(String cluster, CommandLine line, AdminSession session) throws Exception {
        MQAdminExt admin = session.admin();
        for (BrokerData broker : Clusters.brokers(admin, cluster)) {
            String master = broker.masterAddr();
            print(admin, String.format("============Master: %s============\n", master), master, session.out());
            for (Map.Entry<Long, String> e : broker.brokerAddrs().entrySet()) {
                if (e.getKey() != BrokerData.MASTER_ID) {
                    print(admin, String.format("============My Master: %s=====Slave: %s============\n", master,
                        e.getValue()), e.getValue(), session.out());
                }
            }
        }
    }

    private static void print(MQAdminExt admin, String heading, String addr, PrintStream out) throws Exception {
        out.print(heading);
        Properties config = admin.getBrokerConfig(addr);
        if (config == null) {
            out.printf("Broker[%s] has no config property!\n", addr);
            return;
        }
        SettingsPrinter.print(config, out);
        out.printf("%n");
    }
}
