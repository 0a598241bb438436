package io.petrel.tools.command.group;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.common.body.Connection;
import io.petrel.common.body.ConsumeStats;
import io.petrel.common.body.ConsumerConnection;
import io.petrel.common.body.OffsetWrapper;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.topic.TopicValidator;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.Texts;
import io.petrel.tools.command.connection.ClientVersions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code consumerProgress}: with {@code -g}, each queue of a group with the broker's and the group's offsets; without,
 * one line per group (found through its retry topic) with its members, version, type, model, rate and backlog.
 */
public final class ConsumerProgressCommand extends BaseCommand {
    private static final String QUEUE_FORMAT = "%-64s  %-32s  %-4s  %-20s  %-20s  %-20s  %s%n";
    private static final String QUEUE_FORMAT_IP = "%-64s  %-32s  %-4s  %-20s  %-20s  %-20s %-20s  %s%n";
    private static final String GROUP_FORMAT = "%-64s  %-6s  %-24s %-5s  %-14s  %-7s  %s%n";

    public ConsumerProgressCommand() {
        super("consumerProgress", "Query consumers's progress, speed");
    }

    @Override
    public void addOptions(Options options) {
        Opts.optional(options, "g", "groupName", "consumer group name");
        Opts.optional(options, "s", "showClientIP", "Show Client IP per Queue");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        if (line.hasOption('g')) {
            boolean showIp = line.hasOption('s') && "true".equalsIgnoreCase(line.getOptionValue('s'));
            printGroup(session.admin(), line.getOptionValue('g').trim(), showIp, session.out());
        } else {
            printAllGroups(session.admin(), session.out());
        }
    }

    private static void printGroup(MQAdminExt admin, String group, boolean showIp, PrintStream out)
        throws Exception {
        ConsumeStats stats = admin.examineConsumeStats(group);
        List<MessageQueue> queues = new ArrayList<>(stats.offsetTable().keySet());
        Collections.sort(queues);
        Map<MessageQueue, String> owners = showIp ? owners(admin, group) : Map.of();
        if (showIp) {
            out.printf(QUEUE_FORMAT_IP, "#Topic", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset",
                "#Client IP", "#Diff", "#LastTime");
        } else {
            out.printf(QUEUE_FORMAT, "#Topic", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset",
                "#Diff", "#LastTime");
        }
        long diffTotal = 0;
        for (MessageQueue mq : queues) {
            OffsetWrapper o = stats.offsetTable().get(mq);
            long diff = o.brokerOffset() - o.consumerOffset();
            diffTotal += diff;
            String last = o.lastTimestamp() == 0 ? "N/A"
                : Texts.secondsTime(o.lastTimestamp());
            String topic = Texts.atMost(mq.topic(), 64);
            String broker = Texts.atMost(mq.brokerName(), 32);
            if (showIp) {
                out.printf(QUEUE_FORMAT_IP, topic, broker, mq.queueId(), o.brokerOffset(), o.consumerOffset(),
                    owners.getOrDefault(mq, "N/A"), diff, last);
            } else {
                out.printf(QUEUE_FORMAT, topic, broker, mq.queueId(), o.brokerOffset(), o.consumerOffset(), diff,
                    last);
            }
        }
        out.printf("%n");
        out.printf("Consume TPS: %.2f%n", stats.consumeTps());
        out.printf("Diff Total: %d%n", diffTotal);
    }

    /** Which member (its IP, the client id up to {@code @}) holds each queue; empty when the members cannot tell. */
    private static Map<MessageQueue, String> owners(MQAdminExt admin, String group) {
        Map<MessageQueue, String> owners = new HashMap<>();
        try {
            for (Connection c : admin.examineConsumerConnectionInfo(group).connectionSet()) {
                String ip = c.clientId().split("@")[0];
                for (MessageQueue mq : admin.getConsumerRunningInfo(group, c.clientId(), false).mqTable().keySet()) {
                    owners.put(mq, ip);
                }
            }
        } catch (Exception e) {
            // as 4.9.7: the queues are then listed with N/A
            owners.clear();
        }
        return owners;
    }

    private static void printAllGroups(MQAdminExt admin, PrintStream out) throws Exception {
        out.printf(GROUP_FORMAT, "#Group", "#Count", "#Version", "#Type", "#Model", "#TPS", "#Diff Total");
        for (String topic : admin.fetchAllTopicList().topicList()) {
            if (topic.startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX)) {
                printGroupSummary(admin, topic.substring(TopicValidator.RETRY_GROUP_TOPIC_PREFIX.length()), out);
            }
        }
    }

    /** One group's line; what the brokers cannot tell about the group shows as zero or blank, as in 4.9.7. */
    private static void printGroupSummary(MQAdminExt admin, String group, PrintStream out) {
        ConsumeStats stats = null;
        ConsumerConnection cc = null;
        try {
            stats = admin.examineConsumeStats(group);
        } catch (Exception e) {
            stats = null;
        }
        try {
            cc = admin.examineConsumerConnectionInfo(group);
        } catch (Exception e) {
            cc = null;
        }
        int count = cc == null ? 0 : cc.connectionSet().size();
        boolean online = count > 0;
        String type = !online ? "" : cc.consumeType() == ConsumeType.CONSUME_ACTIVELY ? "PULL" : "PUSH";
        String model = online && cc.consumeType() == ConsumeType.CONSUME_PASSIVELY
            ? String.valueOf(cc.messageModel()) : "";
        out.printf("%-64s  %-6d  %-24s %-5s  %-14s  %-7d  %d%n", Texts.atMost(group, 64), count,
            online ? ClientVersions.name(cc.computeMinVersion()) : "OFFLINE", type, model,
            stats == null ? 0 : (int) stats.consumeTps(), stats == null ? 0 : stats.computeTotalDiff());
    }
}
