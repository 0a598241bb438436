package io.petrel.tools.command.export;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import io.petrel.client.admin.MQAdminExt;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Clusters;
import io.petrel.tools.command.CommandException;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.PrettyJson;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code exportMetadata}: writes a broker's ({@code -b}, with {@code -t} or {@code -g}) or a cluster's ({@code -c})
 * user topics and subscription groups as JSON. For a cluster the queues of a topic (the retry queues of a group)
 * are summed over its masters. As in 4.9.7 a broker export's confirmation ends without a line break, and
 * {@code -b} without {@code -t} or {@code -g} does nothing.
 */
public final class ExportMetadataCommand extends BaseCommand {
    private static final long TIMEOUT_MILLIS = 10_000L;
    private static final String TOPICS = "topicConfigTable";
    private static final String GROUPS = "subscriptionGroupTable";

    public ExportMetadataCommand() {
        super("exportMetadata", "export metadata");
    }

    @Override
    public void addOptions(Options options) {
        Opts.optional(options, "c", "clusterName", "choose a cluster to export");
        Opts.optional(options, "b", "brokerAddr", "choose a broker to export");
        Opts.optional(options, "f", "filePath", "export metadata.json path | default "
            + ExportConfigsCommand.DEFAULT_DIR);
        Opts.flag(options, "t", "topic", "only export topic metadata");
        Opts.flag(options, "g", "subscriptionGroup", "only export subscriptionGroup metadata");
        Opts.flag(options, "s", "specialTopic", "need retryTopic and dlqTopic");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        MQAdminExt admin = session.admin();
        boolean special = line.hasOption('s');
        if (line.hasOption('b')) {
            String addr = line.getOptionValue('b').trim();
            String path;
            if (line.hasOption('t')) {
                path = ExportConfigsCommand.write(line, "topic.json",
                    pretty(JSON.parseObject(admin.getUserTopicConfig(addr, special, TIMEOUT_MILLIS).encode())));
            } else if (line.hasOption('g')) {
                path = ExportConfigsCommand.write(line, "subscriptionGroup.json",
                    pretty(JSON.parseObject(admin.getUserSubscriptionGroup(addr, TIMEOUT_MILLIS).encode())));
            } else {
                return;
            }
            session.out().printf("export %s success", path);
            return;
        }
        if (!line.hasOption('c')) {
            throw new CommandException("give a broker (-b) or a cluster (-c) to export");
        }
        Map<String, Object> topics = new TreeMap<>();
        Map<String, Object> groups = new TreeMap<>();
        for (String addr : Clusters.masterAddrs(admin, line.getOptionValue('c').trim())) {
            merge(topics, JSON.parseObject(admin.getUserTopicConfig(addr, special, TIMEOUT_MILLIS).encode())
                .getJSONObject(TOPICS), "readQueueNums", "writeQueueNums");
            merge(groups, JSON.parseObject(admin.getUserSubscriptionGroup(addr, TIMEOUT_MILLIS).encode())
                .getJSONObject(GROUPS), "retryQueueNums");
        }
        Map<String, Object> result = new TreeMap<>();
        String name;
        if (line.hasOption('t')) {
            result.put(TOPICS, topics);
            name = "topic.json";
        } else if (line.hasOption('g')) {
            result.put(GROUPS, groups);
            name = "subscriptionGroup.json";
        } else {
            result.put(TOPICS, topics);
            result.put(GROUPS, groups);
            name = "metadata.json";
        }
        result.put("exportTime", System.currentTimeMillis());
        session.out().printf("export %s success%n", ExportConfigsCommand.write(line, name, pretty(result)));
    }

    /** Adds one master's entries to {@code into}, an entry already there adding its {@code summed} counts. */
    private static void merge(Map<String, Object> into, JSONObject table, String... summed) {
        if (table == null) {
            return;
        }
        for (String key : table.keySet()) {
            JSONObject entry = table.getJSONObject(key);
            if (into.get(key) instanceof JSONObject earlier) {
                for (String field : summed) {
                    entry.put(field, entry.getIntValue(field) + earlier.getIntValue(field));
                }
            }
            into.put(key, entry);
        }
    }

    private static String pretty(Map<String, Object> json) {
        return new PrettyJson().tree(json).toString();
    }
}
