package io.petrel.tools.command.acl;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.common.body.ClusterAclVersionInfo;
import io.petrel.common.route.DataVersion;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BrokerOrClusterCommand;
import io.petrel.tools.command.Clusters;
import io.petrel.tools.command.Texts;
import java.io.PrintStream;
import java.util.Map;
import org.apache.commons.cli.CommandLine;

/**
 * {@code clusterAclConfigVersion}: the data version (counter and time of the last change) of each ACL file of one
 * broker, or of every master of a cluster under a heading.
 */
public final class ClusterAclConfigVersionCommand extends BrokerOrClusterCommand {
    private static final String FORMAT = "%-16s  %-22s  %-22s  %-20s  %-22s  %-22s%n";

    public ClusterAclConfigVersionCommand() {
        super("clusterAclConfigVersion", "List all of acl config version information in cluster",
            "query acl config version for which broker", "query acl config version for specified cluster");
    }

    @Override
    protected void onBroker(String addr, CommandLine line, AdminSession session) throws Exception {
        print(session.admin(), addr, session.out());
        session.out().printf("get broker's plain access config version success.%n");
    }

    @Override
    protected void onCluster(String cluster, CommandLine line, AdminSession session) throws Exception {
        MQAdminExt admin = session.admin();
        PrintStream out = session.out();
        out.printf(FORMAT, "#Cluster Name", "#Broker Name", "#Broker Addr", "#AclFilePath", "#AclConfigVersionNum",
            "#AclLastUpdateTime");
        for (String addr : Clusters.masterAddrs(admin, cluster)) {
            print(admin, addr, out);
        }
        out.printf("get cluster's plain access config version success.%n");
    }

    private static void print(MQAdminExt admin, String addr, PrintStream out) throws Exception {
        ClusterAclVersionInfo info = admin.examineBrokerClusterAclVersionInfo(addr);
        if (info.allAclConfigDataVersion() == null) {
            return;
        }
        for (Map.Entry<String, DataVersion> e : info.allAclConfigDataVersion().entrySet()) {
            out.printf(FORMAT, info.clusterName(), info.brokerName(), info.brokerAddr(), e.getKey(),
                e.getValue().counter(), Texts.secondsTime(e.getValue().timestamp()));
        }
    }
}
