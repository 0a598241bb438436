package io.petrel.tools.command.message;

import io.petrel.client.producer.DefaultMQProducer;
import io.petrel.client.producer.SendResult;
import io.petrel.common.message.Message;
import io.petrel.common.message.MessageQueue;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.CommandException;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.Texts;
import java.nio.charset.StandardCharsets;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code sendMessage}: sends one message, to a chosen queue ({@code -b} and {@code -i}) or as the producer picks. */
public final class SendMessageCommand extends BaseCommand {
    private static final String FORMAT = "%-32s  %-4s  %-20s    %s%n";

    public SendMessageCommand() {
        super("sendMessage", "Send a message");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "t", "topic", "Topic name");
        Opts.required(options, "p", "body", "UTF-8 string format of the message body");
        Opts.optional(options, "k", "key", "Message keys");
        Opts.optional(options, "c", "tags", "Message tags");
        Opts.optional(options, "b", "broker", "Send message to target broker");
        Opts.optional(options, "i", "qid", "Send message to target queue");
        Opts.optional(options, "m", "msgTraceEnable", "Message Trace Enable, Default: false");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        if (line.hasOption('i') && !line.hasOption('b')) {
            throw new CommandException("Broker name must be set if the queue is chosen!");
        }
        if (line.hasOption('m') && Boolean.parseBoolean(line.getOptionValue('m').trim())) {
            throw new CommandException("message trace (-m true) is not supported by Petrel's client");
        }
        String topic = line.getOptionValue('t').trim();
        Message msg = new Message(topic, trimmed(line, 'c'), trimmed(line, 'k'),
            line.getOptionValue('p').trim().getBytes(StandardCharsets.UTF_8));
        DefaultMQProducer producer = session.startProducer(Long.toString(System.currentTimeMillis()));
        SendResult result;
        try {
            result = line.hasOption('i')
                ? producer.send(msg, new MessageQueue(topic, line.getOptionValue('b').trim(),
                    Texts.intOption("-i", line.getOptionValue('i'))))
                : producer.send(msg);
        } finally {
            producer.shutdown();
        }
        session.out().printf(FORMAT, "#Broker Name", "#QID", "#Send Result", "#MsgId");
        session.out().printf(FORMAT, result.getMessageQueue().brokerName(), result.getMessageQueue().queueId(),
            result.getSendStatus(), result.getMsgId());
    }

    private static String trimmed(CommandLine line, char option) {
        return line.hasOption(option) ? line.getOptionValue(option).trim() : null;
    }
}
