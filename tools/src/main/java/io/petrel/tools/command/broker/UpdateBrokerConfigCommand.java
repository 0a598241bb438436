package io.petrel.tools.command.broker;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Clusters;
import io.petrel.tools.command.Opts;
import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code updateBrokerConfig}: changes one setting on one broker or on every master of a cluster. */
public final class UpdateBrokerConfigCommand extends BaseCommand {
    public UpdateBrokerConfigCommand() {
        super("updateBrokerConfig", "Update broker's config");
    }

    @Override
    public void addOptions(Options options) {
        Opts.optional(options, "b", "brokerAddr", "update which broker");
        Opts.optional(options, "c", "clusterName", "update which cluster");
        Opts.required(options, "k", "key", "config key");
        Opts.required(options, "v", "value", "config value");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        Opts.requireBrokerOrCluster(line);
        Properties change = new Properties();
        change.put(line.getOptionValue('k').trim(), line.getOptionValue('v').trim());
        MQAdminExt admin = session.admin();
        if (line.hasOption('b')) {
            String addr = line.getOptionValue('b').trim();
            admin.updateBrokerConfig(addr, change);
            session.out().printf("update broker config success, %s\n", addr);
            return;
        }
        for (String addr : Clusters.masterAddrs(admin, line.getOptionValue('c').trim())) {
            admin.updateBrokerConfig(addr, change);
            session.out().printf("update broker config success, %s\n", addr);
        }
    }
}
