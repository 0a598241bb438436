package io.petrel.tools.command.acl;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BrokerOrClusterCommand;
import io.petrel.tools.command.Clusters;
import io.petrel.tools.command.Opts;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code deleteAclConfig} (also {@code deleteAccessConfig}): removes an account from the plain ACL of one broker, or
 * of every master and slave of a cluster.
 */
public final class DeleteAclConfigCommand extends BrokerOrClusterCommand {
    public DeleteAclConfigCommand() {
        super("deleteAclConfig", "Delete Acl Config Account in broker", "delete acl config account from which broker",
            "delete acl config account from which cluster");
    }

    @Override
    public String alias() {
        return "deleteAccessConfig";
    }

    @Override
    protected void addMoreOptions(Options options) {
        Opts.required(options, "a", "accessKey", "set accessKey in acl config file for deleting which account");
    }

    @Override
    protected void onBroker(String addr, CommandLine line, AdminSession session) throws Exception {
        String accessKey = line.getOptionValue('a').trim();
        session.admin().deletePlainAccessConfig(addr, accessKey);
        session.out().printf("delete plain access config account from %s success.%n", addr);
        session.out().printf("account's accesskey is:%s%n", accessKey);
    }

    @Override
    protected void onCluster(String cluster, CommandLine line, AdminSession session) throws Exception {
        String accessKey = line.getOptionValue('a').trim();
        MQAdminExt admin = session.admin();
        for (String addr : Clusters.allAddrs(admin, cluster)) {
            admin.deletePlainAccessConfig(addr, accessKey);
            session.out().printf("delete plain access config account from %s success.%n", addr);
        }
        session.out().printf("account's accesskey is:%s%n", accessKey);
    }
}
