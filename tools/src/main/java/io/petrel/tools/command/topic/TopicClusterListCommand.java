package io.petrel.tools.command.topic;

import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code topicClusterList}: the clusters whose brokers serve a topic, one a line. */
public final class TopicClusterListCommand extends BaseCommand {
    public TopicClusterListCommand() {
        super("topicClusterList", "get cluster info for topic");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "t", "topic", "topic name");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        for (String cluster : session.admin().getTopicClusterList(line.getOptionValue('t').trim())) {
            session.out().printf("%s%n", cluster);
        }
    }
}
