package io.petrel.tools.command.group;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.common.topic.TopicValidator;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BrokerOrClusterCommand;
import io.petrel.tools.command.Clusters;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.topic.DeleteTopicCommand;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code deleteSubGroup}: removes a consumer group from one broker, or from every master of a cluster together with
 * the group's retry and dead-letter topics.
 */
public final class DeleteSubGroupCommand extends BrokerOrClusterCommand {
    public DeleteSubGroupCommand() {
        super("deleteSubGroup", "Delete subscription group from broker.", "delete subscription group from which broker",
            "delete subscription group from which cluster");
    }

    @Override
    protected void addMoreOptions(Options options) {
        Opts.required(options, "g", "groupName", "subscription group name");
        Opts.optional(options, "r", "removeOffset", "remove offset");
    }

    @Override
    protected void onBroker(String addr, CommandLine line, AdminSession session) throws Exception {
        String group = group(line);
        session.admin().deleteSubscriptionGroup(addr, group, removeOffset(line));
        session.out().printf("delete subscription group [%s] from broker [%s] success.%n", group, addr);
    }

    @Override
    protected void onCluster(String cluster, CommandLine line, AdminSession session) throws Exception {
        String group = group(line);
        MQAdminExt admin = session.admin();
        for (String master : Clusters.masterAddrs(admin, cluster)) {
            admin.deleteSubscriptionGroup(master, group, removeOffset(line));
            session.out().printf("delete subscription group [%s] from broker [%s] in cluster [%s] success.%n",
                group, master, cluster);
        }
        DeleteTopicCommand.deleteTopic(session, cluster, TopicValidator.RETRY_GROUP_TOPIC_PREFIX + group);
        DeleteTopicCommand.deleteTopic(session, cluster, TopicValidator.DLQ_GROUP_TOPIC_PREFIX + group);
    }

    private static String group(CommandLine line) {
        return line.getOptionValue('g').trim();
    }

    private static boolean removeOffset(CommandLine line) {
        return line.hasOption('r') && Boolean.parseBoolean(line.getOptionValue('r').trim());
    }
}
