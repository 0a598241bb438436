package io.petrel.tools.command.broker;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Clusters;
import io.petrel.tools.command.Opts;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code cleanExpiredCQ}, {@code deleteExpiredCommitLog} and {@code cleanUnusedTopic}: ask one broker ({@code -b}) or
 * every master of a cluster ({@code -c}) to run one housekeeping task now; prints {@code success} or {@code false}
 * without a line end, as 4.9.7 does. 4.9.7 sends a request for a cluster named {@code null} when neither option is
 * given and answers {@code false} for an unknown cluster; Petrel refuses both.
 */
public final class BrokerMaintenanceCommand extends BaseCommand {
    /** One housekeeping request, to a broker (by address) or to a cluster (by name). */
    @FunctionalInterface
    private interface Request {
        boolean send(MQAdminExt admin, String target) throws Exception;
    }

    private final String clusterDescription;
    private final Request toBroker;
    private final Request toCluster;

    private BrokerMaintenanceCommand(String name, String description, String clusterDescription, Request toBroker,
                                     Request toCluster) {
        super(name, description);
        this.clusterDescription = clusterDescription;
        this.toBroker = toBroker;
        this.toCluster = toCluster;
    }

    public static BrokerMaintenanceCommand cleanExpiredConsumeQueue() {
        return new BrokerMaintenanceCommand("cleanExpiredCQ", "Clean expired ConsumeQueue on broker.", "clustername",
            MQAdminExt::cleanExpiredConsumerQueueByAddr, MQAdminExt::cleanExpiredConsumerQueue);
    }

    public static BrokerMaintenanceCommand deleteExpiredCommitLog() {
        return new BrokerMaintenanceCommand("deleteExpiredCommitLog", "Delete expired CommitLog files", "clustername",
            MQAdminExt::deleteExpiredCommitLogByAddr, MQAdminExt::deleteExpiredCommitLog);
    }

    public static BrokerMaintenanceCommand cleanUnusedTopic() {
        return new BrokerMaintenanceCommand("cleanUnusedTopic", "Clean unused topic on broker.", "cluster name",
            MQAdminExt::cleanUnusedTopicByAddr, MQAdminExt::cleanUnusedTopic);
    }

    @Override
    public void addOptions(Options options) {
        Opts.optional(options, "b", "brokerAddr", "Broker address");
        Opts.optional(options, "c", "cluster", clusterDescription);
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        Opts.requireBrokerOrCluster(line);
        boolean done;
        if (line.hasOption('b')) {
            done = toBroker.send(session.admin(), line.getOptionValue('b').trim());
        } else {
            String cluster = line.getOptionValue('c').trim();
            // 4.9.7 answers false for a cluster the NameServer does not know; an unknown cluster is an error here.
            Clusters.brokerNames(session.admin(), cluster);
            done = toCluster.send(session.admin(), cluster);
        }
        session.out().print(done ? "success" : "false");
    }
}
