package io.petrel.tools.command.broker;

import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BrokerOrClusterCommand;
import io.petrel.tools.command.Clusters;
import io.petrel.tools.command.Opts;
import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code updateBrokerConfig}: changes one setting on one broker or on every master of a cluster. */
public final class UpdateBrokerConfigCommand extends BrokerOrClusterCommand {
    public UpdateBrokerConfigCommand() {
        super("updateBrokerConfig", "Update broker's config", "update which broker", "update which cluster");
    }

    @Override
    protected void addMoreOptions(Options options) {
        Opts.required(options, "k", "key", "config key");
        Opts.required(options, "v", "value", "config value");
    }

    @Override
    protected void onBroker(String addr, CommandLine line, AdminSession session) throws Exception {
        session.admin().updateBrokerConfig(addr, change(line));
        session.out().printf("update broker config success, %s\n", addr);
    }

    @Override
    protected void onCluster(String cluster, CommandLine line, AdminSession session) throws Exception {
        for (String addr : Clusters.masterAddrs(session.admin(), cluster)) {
            session.admin().updateBrokerConfig(addr, change(line));
            session.out().printf("update broker config success, %s\n", addr);
        }
    }

    private static Properties change(CommandLine line) {
        Properties change = new Properties();
        change.put(line.getOptionValue('k').trim(), line.getOptionValue('v').trim());
        return change;
    }
}
