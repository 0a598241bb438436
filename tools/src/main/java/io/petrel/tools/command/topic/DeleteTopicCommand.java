package io.petrel.tools.command.topic;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Clusters;
import io.petrel.tools.command.Opts;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code deleteTopic}: removes a topic from every master of a cluster, then from every NameServer given. */
public final class DeleteTopicCommand extends BaseCommand {
    public DeleteTopicCommand() {
        super("deleteTopic", "Delete topic from broker and NameServer.");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "t", "topic", "topic name");
        Opts.required(options, "c", "clusterName", "delete topic from which cluster");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        deleteTopic(session, line.getOptionValue('c').trim(), line.getOptionValue('t').trim());
    }

    /** Deletes {@code topic} from the brokers of {@code cluster} and from the NameServers, reporting each step. */
    public static void deleteTopic(AdminSession session, String cluster, String topic) throws Exception {
        MQAdminExt admin = session.admin();
        PrintStream out = session.out();
        admin.deleteTopicInBroker(Clusters.masterAddrs(admin, cluster), topic);
        out.printf("delete topic [%s] from cluster [%s] success.%n", topic, cluster);
        Set<String> namesrvs = new LinkedHashSet<>(Arrays.asList(session.namesrvAddr().split(";")));
        admin.deleteTopicInNameServer(namesrvs, topic, cluster);
        out.printf("delete topic [%s] from NameServer success.%n", topic);
    }
}
