package io.petrel.tools.command.topic;

import io.petrel.common.body.TopicOffset;
import io.petrel.common.body.TopicStatsTable;
import io.petrel.common.message.MessageQueue;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.Texts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code topicStatus}: each queue of a topic with its min and max offset and the time of its last message. */
public final class TopicStatusCommand extends BaseCommand {
    public TopicStatusCommand() {
        super("topicStatus", "Examine topic Status info");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "t", "topic", "topic name");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        TopicStatsTable stats = session.admin().examineTopicStats(line.getOptionValue('t').trim());
        List<MessageQueue> queues = new ArrayList<>(stats.offsetTable().keySet());
        Collections.sort(queues);
        session.out().printf("%-32s  %-4s  %-20s  %-20s    %s%n", "#Broker Name", "#QID", "#Min Offset",
            "#Max Offset", "#Last Updated");
        for (MessageQueue mq : queues) {
            TopicOffset offset = stats.offsetTable().get(mq);
            String last = offset.lastUpdateTimestamp() > 0 ? Texts.millisTime(offset.lastUpdateTimestamp()) : "";
            session.out().printf("%-32s  %-4d  %-20d  %-20d    %s%n", Texts.atMost(mq.brokerName(), 32),
                mq.queueId(), offset.minOffset(), offset.maxOffset(), last);
        }
    }
}
