package io.petrel.tools.command.topic;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.common.route.BrokerData;
import io.petrel.common.route.QueueData;
import io.petrel.common.route.TopicRouteData;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.topic.TopicFilterType;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Clusters;
import io.petrel.tools.command.CommandException;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.Texts;
import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code updateTopicPerm}: changes a topic's permission on one master ({@code -b}) or a cluster's masters. */
public final class UpdateTopicPermCommand extends BaseCommand {
    public UpdateTopicPermCommand() {
        super("updateTopicPerm", "Update topic perm");
    }

    @Override
    public void addOptions(Options options) {
        Opts.brokerOrCluster(options, "create topic to which broker", "create topic to which cluster");
        Opts.required(options, "t", "topic", "topic name");
        Opts.required(options, "p", "perm", "set topic's permission(2|4|6), intro[2:W; 4:R; 6:RW]");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        Opts.requireBrokerOrCluster(line);
        String topic = line.getOptionValue('t').trim();
        int perm = Texts.intOption("-p", line.getOptionValue('p'));
        MQAdminExt admin = session.admin();
        TopicRouteData route = admin.examineTopicRouteInfo(topic);
        if (route.queueDatas().isEmpty()) {
            throw new CommandException("topic " + topic + " has no queues");
        }
        QueueData first = route.queueDatas().get(0);
        TopicConfig config = new TopicConfig(topic, first.readQueueNums(), first.writeQueueNums(), perm,
            TopicFilterType.SINGLE_TAG, first.topicSysFlag(), false);
        PrintStream out = session.out();
        if (line.hasOption('b')) {
            updateOnBroker(admin, route, config, line.getOptionValue('b').trim(), out);
            return;
        }
        for (String addr : Clusters.masterAddrs(admin, line.getOptionValue('c').trim())) {
            admin.createAndUpdateTopicConfig(addr, config);
            out.printf("update topic perm from %s to %s in %s success.%n", first.perm(), perm, addr);
        }
    }

    private static void updateOnBroker(MQAdminExt admin, TopicRouteData route, TopicConfig config, String addr,
                                       PrintStream out) throws Exception {
        String brokerName = null;
        for (BrokerData broker : route.brokerDatas()) {
            if (addr.equals(broker.brokerAddrs().get(BrokerData.MASTER_ID))) {
                brokerName = broker.brokerName();
                break;
            }
        }
        if (brokerName == null) {
            out.printf("updateTopicPerm error broker not exit or broker is not master!.%n");
            return;
        }
        int oldPerm = 0;
        for (QueueData queues : route.queueDatas()) {
            if (brokerName.equals(queues.brokerName())) {
                oldPerm = queues.perm();
                if (oldPerm == config.perm()) {
                    out.printf("new perm equals to the old one!%n");
                    return;
                }
                break;
            }
        }
        admin.createAndUpdateTopicConfig(addr, config);
        out.printf("update topic perm from %s to %s in %s success.%n", oldPerm, config.perm(), addr);
        out.printf("%s.%n", config);
    }
}
