package io.petrel.tools.command.acl;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BrokerOrClusterCommand;
import io.petrel.tools.command.Clusters;
import io.petrel.tools.command.Opts;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code updateGlobalWhiteAddr}: sets the global white address patterns of a broker's ACL file (its default one
 * unless {@code -p} names another), on one broker or every master and slave of a cluster.
 */
public final class UpdateGlobalWhiteAddrCommand extends BrokerOrClusterCommand {
    public UpdateGlobalWhiteAddrCommand() {
        super("updateGlobalWhiteAddr", "Update global white address for acl Config File in broker",
            "update global white address to which broker", "update global white address to which cluster");
    }

    @Override
    protected void addMoreOptions(Options options) {
        Opts.required(options, "g", "globalWhiteRemoteAddresses",
            "set globalWhiteRemoteAddress list,eg: 10.10.103.*,192.168.0.*");
        Opts.optional(options, "p", "aclFileFullPath",
            "update global white address of specified acl file,eg: /xxx/plain_test.yml");
    }

    @Override
    protected void onBroker(String addr, CommandLine line, AdminSession session) throws Exception {
        session.admin().updateGlobalWhiteAddrConfig(addr, patterns(line), aclFile(line));
        session.out().printf("update global white remote addresses to %s success.%n", addr);
    }

    @Override
    protected void onCluster(String cluster, CommandLine line, AdminSession session) throws Exception {
        MQAdminExt admin = session.admin();
        for (String addr : Clusters.allAddrs(admin, cluster)) {
            admin.updateGlobalWhiteAddrConfig(addr, patterns(line), aclFile(line));
            session.out().printf("update global white remote addresses to %s success.%n", addr);
        }
    }

    private static String patterns(CommandLine line) {
        return line.getOptionValue('g').trim();
    }

    private static String aclFile(CommandLine line) {
        return line.hasOption('p') ? line.getOptionValue('p').trim() : null;
    }
}
