package io.petrel.tools.command.group;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.common.topic.TopicValidator;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Clusters;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.topic.DeleteTopicCommand;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code deleteSubGroup}: removes a consumer group from one broker, or from every master of a cluster together with
 * the group's retry and dead-letter topics.
 */
public final class DeleteSubGroupCommand extends BaseCommand {
    public DeleteSubGroupCommand() {
        super("deleteSubGroup", "Delete subscription group from broker.");
    }

    @Override
    public void addOptions(Options options) {
        Opts.brokerOrCluster(options, "delete subscription group from which broker", "delete subscription group from which cluster");
        Opts.required(options, "g", "groupName", "subscription group name");
        Opts.optional(options, "r", "removeOffset", "remove offset");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        Opts.requireBrokerOrCluster(line);
        String group = line.getOptionValue('g').trim();
        boolean removeOffset = line.hasOption('r') && Boolean.parseBoolean(line.getOptionValue('r').trim());
        MQAdminExt admin = session.admin();
        if (line.hasOption('b')) {
            String addr = line.getOptionValue('b').trim();
            admin.deleteSubscriptionGroup(addr, group, removeOffset);
            session.out().printf("delete subscription group [%s] from broker [%s] success.%n", group, addr);
            return;
        }
        String cluster = line.getOptionValue('c').trim();
        for (String master : Clusters.masterAddrs(admin, cluster)) {
            admin.deleteSubscriptionGroup(master, group, removeOffset);
            session.out().printf("delete subscription group [%s] from broker [%s] in cluster [%s] success.%n",
                group, master, cluster);
        }
        DeleteTopicCommand.deleteTopic(session, cluster, TopicValidator.RETRY_GROUP_TOPIC_PREFIX + group);
        DeleteTopicCommand.deleteTopic(session, cluster, TopicValidator.DLQ_GROUP_TOPIC_PREFIX + group);
    }
}
