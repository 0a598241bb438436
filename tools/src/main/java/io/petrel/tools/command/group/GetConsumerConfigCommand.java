package io.petrel.tools.command.group;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.common.route.BrokerData;
import io.petrel.common.route.ClusterInfo;
import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Clusters;
import io.petrel.tools.command.CommandException;
import io.petrel.tools.command.Opts;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code getConsumerConfig}: a subscription group's settings on every broker that has it, under a
 * {@code ===cluster:broker===} heading each. 4.9.7 prints nothing when no broker has the group; Petrel fails saying
 * so, as it does for every unknown group.
 */
public final class GetConsumerConfigCommand extends BaseCommand {
    private static final String SETTING = "%-40s=  %s%n";

    public GetConsumerConfigCommand() {
        super("getConsumerConfig", "Get consumer config by subscription group name!");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "g", "groupName", "subscription group name");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        String group = line.getOptionValue('g').trim();
        MQAdminExt admin = session.admin();
        ClusterInfo info = admin.examineBrokerClusterInfo();
        boolean found = false;
        for (Map.Entry<String, BrokerData> e : info.brokerAddrTable().entrySet()) {
            String addr = Clusters.anyAddr(e.getValue());
            SubscriptionGroupConfig config = addr == null ? null : admin.examineSubscriptionGroupConfig(addr, group);
            if (config != null) {
                found = true;
                print(clusterOf(info, e.getKey()), e.getKey(), config, session.out());
            }
        }
        if (!found) {
            throw new CommandException("no broker has the subscription group '" + group + "'");
        }
    }

    private static String clusterOf(ClusterInfo info, String brokerName) {
        for (Map.Entry<String, Set<String>> e : info.clusterAddrTable().entrySet()) {
            if (e.getValue().contains(brokerName)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The settings in the order 4.9.7 declares them. */
    private static void print(String cluster, String broker, SubscriptionGroupConfig c, PrintStream out) {
        out.printf("=============================%s:%s=============================%n", cluster, broker);
        out.printf(SETTING, "groupName", c.groupName());
        out.printf(SETTING, "consumeEnable", c.consumeEnable());
        out.printf(SETTING, "consumeFromMinEnable", c.consumeFromMinEnable());
        out.printf(SETTING, "consumeBroadcastEnable", c.consumeBroadcastEnable());
        out.printf(SETTING, "retryQueueNums", c.retryQueueNums());
        out.printf(SETTING, "retryMaxTimes", c.retryMaxTimes());
        out.printf(SETTING, "brokerId", c.brokerId());
        out.printf(SETTING, "whichBrokerWhenConsumeSlowly", c.whichBrokerWhenConsumeSlowly());
        out.printf(SETTING, "notifyConsumerIdsChangedEnable", c.notifyConsumerIdsChangedEnable());
    }
}
