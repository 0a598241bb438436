package io.petrel.tools.command.message;

import io.petrel.client.consumer.DefaultLitePullConsumer;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageQueue;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.Texts;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code queryMsgByOffset}: the message at one offset of one queue; nothing when there is none there. */
public final class QueryMsgByOffsetCommand extends BaseCommand {
    /** The group RocketMQ's tools read messages as. */
    static final String TOOLS_CONSUMER_GROUP = "TOOLS_CONSUMER";
    private static final long POLL_TIMEOUT_MS = 3_000;

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
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(TOOLS_CONSUMER_GROUP);
        consumer.setNamesrvAddr(session.namesrvAddr());
        consumer.setInstanceName("mqadmin-" + System.nanoTime());
        consumer.setAutoCommit(false);
        consumer.setPullBatchSize(1);
        consumer.start();
        try {
            consumer.assign(List.of(mq));
            consumer.seek(mq, offset);
            for (MessageExt msg : consumer.poll(POLL_TIMEOUT_MS)) {
                if (msg.getQueueOffset() == offset) {
                    MessagePrinter.print(session.admin(), msg, session.out());
                    return;
                }
            }
        } finally {
            consumer.shutdown();
        }
    }
}
