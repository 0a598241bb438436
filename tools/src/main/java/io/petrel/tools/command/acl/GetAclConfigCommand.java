package io.petrel.tools.command.acl;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.common.body.AclConfig;
import io.petrel.common.body.PlainAccessConfig;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BrokerOrClusterCommand;
import io.petrel.tools.command.Clusters;
import java.io.PrintStream;
import java.util.List;
import org.apache.commons.cli.CommandLine;

/**
 * {@code getAclConfig} (also {@code getAccessConfigSubCommand}): the global white addresses and every account,
 * secret keys included, of one broker's plain ACL or of every master of a cluster.
 */
public final class GetAclConfigCommand extends BrokerOrClusterCommand {
    public GetAclConfigCommand() {
        super("getAclConfig", "List all of acl config information in cluster",
            "query acl config version for which broker", "query acl config version for specified cluster");
    }

    @Override
    public String alias() {
        return "getAccessConfigSubCommand";
    }

    @Override
    protected void onBroker(String addr, CommandLine line, AdminSession session) throws Exception {
        print(session.admin(), addr, session.out());
    }

    @Override
    protected void onCluster(String cluster, CommandLine line, AdminSession session) throws Exception {
        MQAdminExt admin = session.admin();
        for (String addr : Clusters.masterAddrs(admin, cluster)) {
            print(admin, addr, session.out());
        }
    }

    private static void print(MQAdminExt admin, String addr, PrintStream out) throws Exception {
        AclConfig acl = admin.examineBrokerClusterAclConfig(addr);
        List<String> white = acl.globalWhiteAddrs() == null ? List.of() : acl.globalWhiteAddrs();
        out.printf("%n%-20s: %s%n%n", "globalWhiteRemoteAddresses", white);
        out.printf("accounts:%n");
        if (acl.plainAccessConfigs() == null) {
            return;
        }
        for (PlainAccessConfig c : acl.plainAccessConfigs()) {
            field(out, "accessKey", c.accessKey());
            field(out, "secretKey", c.secretKey());
            field(out, "whiteRemoteAddress", c.whiteRemoteAddress());
            field(out, "admin", c.admin());
            field(out, "defaultTopicPerm", c.defaultTopicPerm());
            field(out, "defaultGroupPerm", c.defaultGroupPerm());
            field(out, "topicPerms", c.topicPerms());
            field(out, "groupPerms", c.groupPerms());
            out.printf("%n");
        }
    }

    /** One member of an account, indented, its name padded; an unset one with an empty value. */
    private static void field(PrintStream out, String name, Object value) {
        out.printf("%-1s %-18s: %s%n", "", name, value == null ? "" : value);
    }
}
