package io.petrel.tools.command.offset;

import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code skipAccumulatedMessage}: moves a group's offsets on a topic to the end of each queue. */
public final class SkipAccumulatedMessageCommand extends BaseCommand {
    /** The reset's timestamp meaning "the end of each queue". */
    private static final long QUEUE_END = -1;

    public SkipAccumulatedMessageCommand() {
        super("skipAccumulatedMessage", "Skip all messages that are accumulated (not consumed) currently");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "g", "group", "set the consumer group");
        Opts.required(options, "t", "topic", "set the topic");
        Opts.optional(options, "f", "force", "set the force rollback by timestamp switch[true|false]");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        OffsetResets.Outcome outcome = OffsetResets.reset(session.admin(), line.getOptionValue('t').trim(),
            line.getOptionValue('g').trim(), QUEUE_END, OffsetResets.force(line.getOptionValue('f')), false);
        if (outcome.online() != null) {
            OffsetResets.printOnline(outcome.online(), session.out());
        } else {
            OffsetResets.printOffline(outcome.offline(), session.out());
        }
    }
}
