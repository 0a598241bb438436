package io.petrel.tools.command.message;

import io.petrel.client.consumer.DefaultMQPullConsumer;
import io.petrel.common.message.MessageQueue;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.Texts;
import java.io.PrintStream;
import java.nio.charset.Charset;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code printMsg}: every message of every queue of a topic (or of a time range), queue after queue in the order
 * 4.9.7 lists them, with what each queue's last pull answered.
 */
public final class PrintMessageCommand extends BaseCommand {
    private static final int BATCH = 32;

    public PrintMessageCommand() {
        super("printMsg", "Print Message Detail");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "t", "topic", "topic name");
        Opts.optional(options, "c", "charsetName", "CharsetName(eg: UTF-8,GBK)");
        Opts.optional(options, "s", "subExpression", "Subscribe Expression(eg: TagA || TagB)");
        Opts.optional(options, "b", "beginTimestamp", "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
        Opts.optional(options, "e", "endTimestamp", "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
        Opts.optional(options, "d", "printBody", "print body");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        String topic = line.getOptionValue('t').trim();
        Charset charset = PulledMessages.charset(line.hasOption('c') ? line.getOptionValue('c').trim() : "UTF-8");
        String subExpression = line.hasOption('s') ? line.getOptionValue('s').trim() : "*";
        boolean printBody = !line.hasOption('d') || Boolean.parseBoolean(line.getOptionValue('d').trim());
        Long begin = line.hasOption('b') ? Texts.timeOption("-b", line.getOptionValue('b')) : null;
        Long end = line.hasOption('e') ? Texts.timeOption("-e", line.getOptionValue('e')) : null;
        PrintStream out = session.out();
        DefaultMQPullConsumer consumer = session.startPullConsumer(QueryMsgByOffsetCommand.TOOLS_CONSUMER_GROUP,
            "mqadmin-" + System.nanoTime());
        try {
            for (MessageQueue mq : consumer.fetchSubscribeMessageQueues(topic)) {
                long min = begin == null ? consumer.minOffset(mq) : consumer.searchOffset(mq, begin);
                long max = end == null ? consumer.maxOffset(mq) : consumer.searchOffset(mq, end);
                out.printf("minOffset=%s, maxOffset=%s, %s%n", min, max, mq);
                PulledMessages.read(consumer, mq, subExpression, min, max - 1, offset -> BATCH, (result, next) -> {
                    switch (result.getPullStatus()) {
                        case FOUND -> PulledMessages.print(result.getMsgFoundList(), mq, charset, printBody, out);
                        case NO_MATCHED_MSG -> out.printf("%s no matched msg. status=%s, offset=%s%n", mq,
                            result.getPullStatus(), next);
                        default -> {
                            out.printf("%s print msg finished. status=%s, offset=%s%n", mq, result.getPullStatus(),
                                next);
                            return false;
                        }
                    }
                    return true;
                });
                out.printf("--------------------------------------------------------\n");
            }
        } finally {
            consumer.shutdown();
        }
    }
}
