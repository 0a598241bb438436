package io.petrel.tools.command.message;

import io.petrel.client.consumer.DefaultMQPullConsumer;
import io.petrel.common.message.MessageQueue;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.CommandException;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.Texts;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code consumeMessage}: reads up to {@code -c} messages (128 by default) of a topic, of one queue ({@code -b}
 * {@code -i}) or of one queue from an offset ({@code -o}), optionally within a time range, and prints each with its
 * body. Nothing is committed.
 */
public final class ConsumeMessageCommand extends BaseCommand {
    private static final long DEFAULT_COUNT = 128;

    public ConsumeMessageCommand() {
        super("consumeMessage", "Consume message");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "t", "topic", "Topic name");
        Opts.optional(options, "b", "brokerName", "Broker name");
        Opts.optional(options, "i", "queueId", "Queue Id");
        Opts.optional(options, "o", "offset", "Queue offset");
        Opts.optional(options, "g", "consumerGroup", "Consumer group name");
        Opts.optional(options, "s", "beginTimestamp", "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
        Opts.optional(options, "e", "endTimestamp", "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
        Opts.optional(options, "c", "MessageNumber", "Number of message to be consumed");
    }

    /** What was asked for, checked before anything is read. */
    private record Request(String topic, long count, String brokerName, Integer queueId, Long offset, long begin,
                           long end) {
    }

    private static Request request(CommandLine line) throws CommandException {
        long count = DEFAULT_COUNT;
        if (line.hasOption('c')) {
            count = Texts.longOption("-c", line.getOptionValue('c'));
            if (count <= 0) {
                throw new CommandException("Please input a positive messageNumber!");
            }
        }
        String brokerName = line.hasOption('b') ? line.getOptionValue('b').trim() : null;
        Integer queueId = null;
        if (line.hasOption('i')) {
            if (brokerName == null) {
                throw new CommandException("Please set the brokerName before queueId!");
            }
            queueId = Texts.intOption("-i", line.getOptionValue('i'));
        }
        Long offset = null;
        if (line.hasOption('o')) {
            if (queueId == null) {
                throw new CommandException("Please set queueId before offset!");
            }
            offset = Texts.longOption("-o", line.getOptionValue('o'));
        }
        long now = System.currentTimeMillis();
        long begin = 0;
        if (line.hasOption('s')) {
            begin = Texts.timeOption("-s", line.getOptionValue('s'));
            if (begin > now) {
                throw new CommandException("Please set the beginTimestamp before now!");
            }
        }
        long end = 0;
        if (line.hasOption('e')) {
            end = Texts.timeOption("-e", line.getOptionValue('e'));
            if (end > now) {
                throw new CommandException("Please set the endTimestamp before now!");
            }
            if (begin > end) {
                throw new CommandException(
                    "Please make sure that the beginTimestamp is less than or equal to the endTimestamp");
            }
        }
        return new Request(line.getOptionValue('t').trim(), count, brokerName, queueId, offset, begin, end);
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        Request r = request(line);
        String group = line.hasOption('g') ? line.getOptionValue('g').trim()
            : QueryMsgByOffsetCommand.TOOLS_CONSUMER_GROUP;
        DefaultMQPullConsumer consumer = session.startPullConsumer(group, Long.toString(System.currentTimeMillis()));
        try {
            if (r.queueId() == null) {
                readTopic(consumer, r, session.out());
            } else {
                readQueue(consumer, r, session.out());
            }
        } finally {
            consumer.shutdown();
        }
    }

    /** The oldest messages of the topic's queues, queue after queue, until the count is used up. */
    private static void readTopic(DefaultMQPullConsumer consumer, Request r, PrintStream out) throws Exception {
        long left = r.count();
        for (MessageQueue mq : consumer.fetchSubscribeMessageQueues(r.topic())) {
            if (left == 0) {
                return;
            }
            long min = r.begin() > 0 ? consumer.searchOffset(mq, r.begin()) : consumer.minOffset(mq);
            long max = r.end() > 0 ? consumer.searchOffset(mq, r.end()) : consumer.maxOffset(mq);
            if (max - min > left) {
                out.printf("The older %d message of the %d queue will be provided\n", left, mq.queueId());
                max = min + left - 1;
                left = 0;
            } else {
                // As 4.9.7 counts: the read below includes the queue's end offset, so one more is taken off.
                left = left - (max - min) - 1;
            }
            read(consumer, mq, min, max, out);
        }
    }

    /** The messages of one queue from the given offset (or its oldest), at most the count. */
    private static void readQueue(DefaultMQPullConsumer consumer, Request r, PrintStream out) throws Exception {
        MessageQueue mq = new MessageQueue(r.topic(), r.brokerName(), r.queueId());
        long offset = r.offset() == null ? 0 : r.offset();
        long min = r.begin() > 0 ? consumer.searchOffset(mq, r.begin()) : consumer.minOffset(mq);
        long max = r.end() > 0 ? consumer.searchOffset(mq, r.end()) : consumer.maxOffset(mq);
        if (offset > max) {
            out.printf("%s no matched msg, offset=%s\n", mq, offset);
            return;
        }
        min = Math.max(min, offset);
        if (max - min > r.count()) {
            out.printf("The oldler %d message will be provided\n", r.count());
            max = min + r.count() - 1;
        }
        read(consumer, mq, min, max, out);
    }

    private static void read(DefaultMQPullConsumer consumer, MessageQueue mq, long min, long max, PrintStream out)
        throws Exception {
        PulledMessages.read(consumer, mq, "*", min, max, offset -> (int) (max - offset + 1), (result, next) -> {
            switch (result.getPullStatus()) {
                case FOUND -> {
                    out.print("Consume ok\n");
                    PulledMessages.print(result.getMsgFoundList(), mq, StandardCharsets.UTF_8, true, out);
                }
                case NO_MATCHED_MSG -> out.printf("%s no matched msg. status=%s, offset=%s\n", mq,
                    result.getPullStatus(), next);
                default -> {
                    out.printf("%s print msg finished. status=%s, offset=%s\n", mq, result.getPullStatus(), next);
                    return false;
                }
            }
            return true;
        });
    }
}
