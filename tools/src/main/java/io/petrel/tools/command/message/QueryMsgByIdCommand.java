package io.petrel.tools.command.message;

import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code queryMsgById}: prints the messages with the given offset message ids (comma-separated). 4.9.7's options to
 * push the message to a consumer ({@code -g -d}) or resend it ({@code -s}, {@code -u}) are not offered.
 */
public final class QueryMsgByIdCommand extends BaseCommand {
    public QueryMsgByIdCommand() {
        super("queryMsgById", "Query Message by Id");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "i", "msgId", "Message Id");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        for (String id : line.getOptionValue('i').trim().split(",")) {
            if (!id.isBlank()) {
                MessagePrinter.print(session.admin(), session.admin().viewMessage(id.trim()), session.out());
            }
        }
    }
}
