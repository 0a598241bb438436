package io.petrel.tools.command.message;

import io.petrel.common.message.MessageExt;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code queryMsgByUniqueKey}: the message a producer sent with that id (the first stored, or with {@code -a} all of
 * them, up to 32). 4.9.7's push to a consumer ({@code -g -d}) is not offered.
 */
public final class QueryMsgByUniqueKeyCommand extends BaseCommand {
    private static final int MAX_MESSAGES = 32;

    public QueryMsgByUniqueKeyCommand() {
        super("queryMsgByUniqueKey", "Query Message by Unique key");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "i", "msgId", "Message Id");
        Opts.required(options, "t", "topic", "The topic of msg");
        Opts.flag(options, "a", "showAll", "Print all message, the limit is 32");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        List<MessageExt> found = new ArrayList<>(session.admin().queryMessageByUniqKey(line.getOptionValue('t').trim(),
            line.getOptionValue('i').trim(), MAX_MESSAGES, 0, Long.MAX_VALUE).getMessageList());
        found.sort(Comparator.comparingLong(MessageExt::getStoreTimestamp));
        int shown = line.hasOption('a') ? found.size() : Math.min(1, found.size());
        for (int i = 0; i < shown; i++) {
            MessagePrinter.printFound(session.admin(), found.get(i), i, session.out());
        }
    }
}
