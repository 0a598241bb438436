package io.petrel.tools.command.offset;

import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.Texts;
import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code resetOffsetByTime}: moves a group's offsets on a topic to the first message stored at or after a time
 * ({@code now}: the end of each queue) without restarting its consumers; when none is online, on the brokers.
 */
public final class ResetOffsetByTimeCommand extends BaseCommand {
    public ResetOffsetByTimeCommand() {
        super("resetOffsetByTime", "Reset consumer offset by timestamp(without client restart).");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "g", "group", "set the consumer group");
        Opts.required(options, "t", "topic", "set the topic");
        Opts.required(options, "s", "timestamp", "set the timestamp[now|currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
        Opts.optional(options, "f", "force", "set the force rollback by timestamp switch[true|false]");
        Opts.flag(options, "c", "cplus", "reset c++ client offset");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        String group = line.getOptionValue('g').trim();
        String topic = line.getOptionValue('t').trim();
        String time = line.getOptionValue('s').trim();
        long timestamp = time.equals("now") ? -1 : Texts.timeOption("-s", time);
        boolean force = OffsetResets.force(line.getOptionValue('f'));
        OffsetResets.Outcome outcome = OffsetResets.reset(session.admin(), topic, group, timestamp, force,
            line.hasOption('c'));
        PrintStream out = session.out();
        // 4.9.7 names the group "consumerGroup" in the offline reset's heading.
        out.printf("rollback consumer offset by specified %s[%s], topic[%s], force[%s], timestamp(string)[%s], "
                + "timestamp(long)[%s]%n", outcome.online() != null ? "group" : "consumerGroup", group, topic, force,
            time, timestamp);
        if (outcome.online() != null) {
            OffsetResets.printOnline(outcome.online(), out);
        } else {
            OffsetResets.printOffline(outcome.offline(), out);
        }
    }
}
