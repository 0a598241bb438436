package io.petrel.tools.command.topic;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.common.body.GroupList;
import io.petrel.common.route.ClusterInfo;
import io.petrel.common.route.TopicRouteData;
import io.petrel.common.topic.TopicValidator;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.Texts;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code topicList}: every topic the NameServer knows; with {@code -c}, each with its cluster and consumer groups. */
public final class TopicListCommand extends BaseCommand {
    public TopicListCommand() {
        super("topicList", "Fetch all topic list from name server");
    }

    @Override
    public void addOptions(Options options) {
        Opts.flag(options, "c", "clusterModel", "clusterModel");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        MQAdminExt admin = session.admin();
        PrintStream out = session.out();
        if (!line.hasOption('c')) {
            for (String topic : admin.fetchAllTopicList().topicList()) {
                out.printf("%s%n", topic);
            }
            return;
        }
        ClusterInfo clusters = admin.examineBrokerClusterInfo();
        out.printf("%-20s  %-48s  %-48s%n", "#Cluster Name", "#Topic", "#Consumer Group");
        for (String topic : admin.fetchAllTopicList().topicList()) {
            if (topic.startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX)
                || topic.startsWith(TopicValidator.DLQ_GROUP_TOPIC_PREFIX)) {
                continue;
            }
            printTopic(admin, clusters, topic, out);
        }
    }

    private static void printTopic(MQAdminExt admin, ClusterInfo clusters, String topic, PrintStream out) {
        String cluster = "";
        List<String> groups = List.of();
        // As 4.9.7 does, a topic whose route or consumers cannot be read is listed with what is known.
        try {
            cluster = clusterOf(admin.examineTopicRouteInfo(topic), clusters);
            GroupList byWho = admin.queryTopicConsumeByWho(topic);
            groups = byWho == null ? List.of() : List.copyOf(byWho.groupList());
        } catch (Exception e) {
            groups = List.of();
        }
        for (String group : groups.isEmpty() ? List.of("") : groups) {
            out.printf("%-20s  %-64s  %-64s%n", Texts.atMost(cluster, 20), Texts.atMost(topic, 64),
                Texts.atMost(group, 64));
        }
    }

    private static String clusterOf(TopicRouteData route, ClusterInfo clusters) {
        String brokerName = route.brokerDatas().get(0).brokerName();
        for (Map.Entry<String, Set<String>> e : clusters.clusterAddrTable().entrySet()) {
            if (e.getValue().contains(brokerName)) {
                return e.getKey();
            }
        }
        return null;
    }
}
