package io.petrel.tools.command.message;

import io.petrel.client.consumer.DefaultMQPullConsumer;
import io.petrel.client.consumer.PullResult;
import io.petrel.client.consumer.PullStatus;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageQueue;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.Texts;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code queryMsgByOffset}: the message at one offset of one queue; nothing when there is none there. */
public final class QueryMsgByOffsetCommand extends BaseCommand {
    /** The group RocketMQ's tools read messages as. */
    static final String TOOLS_CONSUMER_GROUP = "TOOLS_CONSUMER";

    public QueryMsgByOffsetCommand() {
        super("queryMsgByOffset", "Query Message by offset");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "t", "topic", "topic name");
        Opts.required(options, "b", "brokerName", "Broker Name");
        Opts.required(options, "i", "queueId", "Queue Id");
        Opts.required(options, "o", "offset", "Queue Offset");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        MessageQueue mq = new MessageQueue(line.getOptionValue('t').trim(), line.getOptionValue('b').trim(),
            Texts.intOption("-i", line.getOptionValue('i')));
        long offset = Texts.longOption("-o", line.getOptionValue('o'));
        // As 4.9.7, an offset the queue does not hold prints nothing.
        if (offset < session.admin().minOffset(mq) || offset >= session.admin().maxOffset(mq)) {
            return;
        }
        // One synchronous pull, as 4.9.7's command does: the message is there, no poll to wait on.
        DefaultMQPullConsumer consumer = session.startPullConsumer(TOOLS_CONSUMER_GROUP, "mqadmin-" + System.nanoTime());
        try {
            PullResult result = consumer.pull(mq, "*", offset, 1);
            if (result.getPullStatus() == PullStatus.FOUND) {
                for (MessageExt msg : result.getMsgFoundList()) {
                    if (msg.getQueueOffset() == offset) {
                        MessagePrinter.print(session.admin(), msg, session.out());
                        return;
                    }
                }
            }
        } finally {
            consumer.shutdown();
        }
    }
}
