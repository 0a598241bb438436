package io.petrel.tools.command.message;

import io.petrel.client.consumer.DefaultMQPullConsumer;
import io.petrel.client.consumer.PullStatus;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageQueue;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.Texts;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code printMsgByQueue}: the messages of one queue (or of a time range of it), printed on request ({@code -p}),
 * and counted by tag ({@code -f}), the most frequent tag first.
 */
public final class PrintMessageByQueueCommand extends BaseCommand {
    private static final int BATCH = 32;

    public PrintMessageByQueueCommand() {
        super("printMsgByQueue", "Print Message Detail");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "t", "topic", "topic name");
        Opts.required(options, "a", "brokerName", "broker name");
        Opts.required(options, "i", "queueId", "queue id");
        Opts.optional(options, "c", "charsetName", "CharsetName(eg: UTF-8,GBK)");
        Opts.optional(options, "s", "subExpression", "Subscribe Expression(eg: TagA || TagB)");
        Opts.optional(options, "b", "beginTimestamp", "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
        Opts.optional(options, "e", "endTimestamp", "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
        Opts.optional(options, "p", "print msg", "print msg. eg: true | false(default)");
        Opts.optional(options, "d", "printBody", "print body. eg: true | false(default)");
        Opts.optional(options, "f", "calculate", "calculate by tag. eg: true | false(default)");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        Charset charset = PulledMessages.charset(line.hasOption('c') ? line.getOptionValue('c').trim() : "UTF-8");
        boolean printMsg = flag(line, 'p');
        boolean printBody = flag(line, 'd');
        boolean countTags = flag(line, 'f');
        String subExpression = line.hasOption('s') ? line.getOptionValue('s').trim() : "*";
        MessageQueue mq = new MessageQueue(line.getOptionValue('t').trim(), line.getOptionValue('a').trim(),
            Texts.intOption("-i", line.getOptionValue('i')));
        Long begin = line.hasOption('b') ? Texts.timeOption("-b", line.getOptionValue('b')) : null;
        Long end = line.hasOption('e') ? Texts.timeOption("-e", line.getOptionValue('e')) : null;
        PrintStream out = session.out();
        Map<String, Long> tagCounts = new HashMap<>();
        DefaultMQPullConsumer consumer = session.startPullConsumer(QueryMsgByOffsetCommand.TOOLS_CONSUMER_GROUP,
            "mqadmin-" + System.nanoTime());
        try {
            long min = begin == null ? consumer.minOffset(mq) : consumer.searchOffset(mq, begin);
            long max = end == null ? consumer.maxOffset(mq) : consumer.searchOffset(mq, end);
            PulledMessages.read(consumer, mq, subExpression, min, max - 1, offset -> BATCH, (result, next) -> {
                if (result.getPullStatus() != PullStatus.FOUND) {
                    return false;
                }
                if (countTags) {
                    for (MessageExt m : result.getMsgFoundList()) {
                        String tag = m.getTags();
                        if (tag != null && !tag.isBlank()) {
                            tagCounts.merge(tag, 1L, Long::sum);
                        }
                    }
                }
                if (printMsg) {
                    PulledMessages.print(result.getMsgFoundList(), mq, charset, printBody, out);
                }
                return true;
            });
        } finally {
            consumer.shutdown();
        }
        if (countTags) {
            // Most frequent first; equal counts keep the order of the hash map they were counted in, as 4.9.7's
            // stable sort does.
            List<Map.Entry<String, Long>> counts = new ArrayList<>(tagCounts.entrySet());
            counts.sort((x, y) -> Long.compare(y.getValue(), x.getValue()));
            for (Map.Entry<String, Long> e : counts) {
                out.printf("Tag: %-30s Count: %s%n", e.getKey(), e.getValue());
            }
        }
    }

    private static boolean flag(CommandLine line, char option) {
        return line.hasOption(option) && Boolean.parseBoolean(line.getOptionValue(option).trim());
    }
}
