package io.petrel.tools.command.broker;

import io.petrel.client.producer.DefaultMQProducer;
import io.petrel.client.producer.SendResult;
import io.petrel.common.message.Message;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.Texts;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code sendMsgStatus}: sends {@code -c} messages of about {@code -s} bytes to the topic named after a broker (which
 * every broker serves) and prints each send's time and result; one small message goes first to warm the route up.
 */
public final class SendMsgStatusCommand extends BaseCommand {
    private static final String PRODUCER_GROUP = "PID_SMSC";
    private static final String BODY_PIECE = "hello jodie";
    private static final int WARM_UP_SIZE = 16;

    public SendMsgStatusCommand() {
        super("sendMsgStatus", "send msg to broker.");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "b", "brokerName", "Broker Name");
        Opts.optional(options, "s", "messageSize", "Message Size, Default: 128");
        Opts.optional(options, "c", "count", "send message count, Default: 50");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        String broker = line.getOptionValue('b').trim();
        int size = line.hasOption('s') ? Texts.intOption("-s", line.getOptionValue('s')) : 128;
        int count = line.hasOption('c') ? Texts.intOption("-c", line.getOptionValue('c')) : 50;
        DefaultMQProducer producer = session.startProducer(PRODUCER_GROUP);
        try {
            producer.send(message(broker, WARM_UP_SIZE));
            PrintStream out = session.out();
            for (int i = 0; i < count; i++) {
                long begin = System.currentTimeMillis();
                SendResult result = producer.send(message(broker, size));
                out.printf("rt=%sms, SendResult=%s%n", System.currentTimeMillis() - begin, resultText(result));
            }
        } finally {
            producer.shutdown();
        }
    }

    /** A body of whole {@value #BODY_PIECE} pieces, at least {@code size} bytes long, as 4.9.7 builds it. */
    private static Message message(String topic, int size) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < size; i += BODY_PIECE.length()) {
            body.append(BODY_PIECE);
        }
        return new Message(topic, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The send result in 4.9.7's text form, which names the queue as {@code MessageQueue [topic=..]}. */
    private static String resultText(SendResult r) {
        return "SendResult [sendStatus=" + r.getSendStatus() + ", msgId=" + r.getMsgId() + ", offsetMsgId="
            + r.getOffsetMsgId() + ", messageQueue=" + Texts.messageQueue(r.getMessageQueue()) + ", queueOffset="
            + r.getQueueOffset() + "]";
    }
}
