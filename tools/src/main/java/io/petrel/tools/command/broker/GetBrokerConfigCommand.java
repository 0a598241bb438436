package io.petrel.tools.command.broker;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.common.route.BrokerData;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Clusters;
import io.petrel.tools.command.Opts;
import java.io.PrintStream;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code getBrokerConfig}: every setting of one broker, or of each master and slave of a cluster. */
public final class GetBrokerConfigCommand extends BaseCommand {
    public GetBrokerConfigCommand() {
        super("getBrokerConfig", "Get broker config by cluster or special broker!");
    }

    @Override
    public void addOptions(Options options) {
        Opts.optional(options, "b", "brokerAddr", "get which broker");
        Opts.optional(options, "c", "clusterName", "get which cluster");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        Opts.requireBrokerOrCluster(line);
        MQAdminExt admin = session.admin();
        if (line.hasOption('b')) {
            String addr = line.getOptionValue('b').trim();
            print(admin, String.format("============%s============\n", addr), addr, session.out());
            return;
        }
        for (BrokerData broker : Clusters.brokers(admin, line.getOptionValue('c').trim())) {
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
