package io.petrel.tools.command.connection;

import io.petrel.common.body.Connection;
import io.petrel.common.body.ConsumerConnection;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code consumerConnection}: the online members of a consumer group, its subscriptions and settings. */
public final class ConsumerConnectionCommand extends BaseCommand {
    private static final String MEMBER_FORMAT = "%-36s %-22s %-10s %s%n";

    public ConsumerConnectionCommand() {
        super("consumerConnection", "Query consumer's socket connection, client version and subscription");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "g", "consumerGroup", "consumer group name");
        Opts.optional(options, "b", "brokerAddr", "broker address");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        String group = line.getOptionValue('g').trim();
        ConsumerConnection cc = line.hasOption('b')
            ? session.admin().examineConsumerConnectionInfo(group, line.getOptionValue('b').trim())
            : session.admin().examineConsumerConnectionInfo(group);
        PrintStream out = session.out();
        out.printf(MEMBER_FORMAT, "#ClientId", "#ClientAddr", "#Language", "#Version");
        for (Connection c : cc.connectionSet()) {
            out.printf(MEMBER_FORMAT, c.clientId(), c.clientAddr(), c.language(), ClientVersions.name(c.version()));
        }
        out.printf("%nBelow is subscription:\n");
        out.printf("%-20s %s%n", "#Topic", "#SubExpression");
        // 4.9.7 lists the subscriptions in the order of its ConcurrentHashMap, filled one put at a time (putAll
        // would size the table differently and change the order).
        Map<String, SubscriptionData> byTopic = new ConcurrentHashMap<>();
        cc.subscriptionTable().forEach(byTopic::put);
        for (SubscriptionData sd : byTopic.values()) {
            out.printf("%-20s %s%n", sd.topic(), sd.subString());
        }
        out.printf("\n");
        out.printf("ConsumeType: %s%n", cc.consumeType());
        out.printf("MessageModel: %s%n", cc.messageModel());
        out.printf("ConsumeFromWhere: %s%n", cc.consumeFromWhere());
    }
}
