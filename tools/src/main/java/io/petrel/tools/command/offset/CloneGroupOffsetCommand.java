package io.petrel.tools.command.offset;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.common.body.ConsumeStats;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.BrokerData;
import io.petrel.common.route.TopicRouteData;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Clusters;
import io.petrel.tools.command.CommandException;
import io.petrel.tools.command.Opts;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code cloneGroupOffset}: gives the destination group the source group's committed offset of each queue the source
 * group has, on the broker of that name in the topic's route. As 4.9.7, {@code -o} is accepted and changes nothing.
 */
public final class CloneGroupOffsetCommand extends BaseCommand {
    public CloneGroupOffsetCommand() {
        super("cloneGroupOffset", "clone offset from other group.");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "s", "srcGroup", "set source consumer group");
        Opts.required(options, "d", "destGroup", "set destination consumer group");
        Opts.required(options, "t", "topic", "set the topic");
        Opts.optional(options, "o", "offline", "the group or the topic is offline");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        String src = line.getOptionValue('s').trim();
        String dest = line.getOptionValue('d').trim();
        String topic = line.getOptionValue('t').trim();
        MQAdminExt admin = session.admin();
        ConsumeStats stats = admin.examineConsumeStats(src);
        if (!stats.offsetTable().isEmpty()) {
            TopicRouteData route = admin.examineTopicRouteInfo(topic);
            for (var e : stats.offsetTable().entrySet()) {
                long offset = e.getValue().consumerOffset();
                if (offset >= 0) {
                    admin.updateConsumeOffset(brokerAddr(route, e.getKey(), topic), dest, e.getKey(), offset);
                }
            }
        }
        session.out().printf("clone group offset success. srcGroup[%s], destGroup=[%s], topic[%s]", src, dest, topic);
    }

    /** The address of the queue's broker in the route: its master, else a slave; fails when not there. */
    private static String brokerAddr(TopicRouteData route, MessageQueue mq, String topic) throws CommandException {
        for (BrokerData b : route.brokerDatas()) {
            if (b.brokerName().equals(mq.brokerName())) {
                String addr = Clusters.anyAddr(b);
                if (addr != null) {
                    return addr;
                }
            }
        }
        throw new CommandException("no broker '" + mq.brokerName() + "' in the route of topic " + topic);
    }
}
