package io.petrel.tools.command.message;

import io.petrel.client.QueryResult;
import io.petrel.common.message.MessageExt;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code queryMsgByKey}: up to 64 messages of a topic with a key, by the brokers' indexes. */
public final class QueryMsgByKeyCommand extends BaseCommand {
    private static final int MAX_MESSAGES = 64;

    public QueryMsgByKeyCommand() {
        super("queryMsgByKey", "Query Message by Key");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "t", "topic", "topic name");
        Opts.required(options, "k", "msgKey", "Message Key");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        QueryResult result = session.admin().queryMessage(line.getOptionValue('t').trim(),
            line.getOptionValue('k').trim(), MAX_MESSAGES, 0, Long.MAX_VALUE);
        session.out().printf("%-50s %4s %40s%n", "#Message ID", "#QID", "#Offset");
        for (MessageExt msg : result.getMessageList()) {
            session.out().printf("%-50s %4d %40d%n", msg.getMsgId(), msg.getQueueId(), msg.getQueueOffset());
        }
    }
}
