package io.petrel.tools.command.message;

import io.petrel.client.producer.DefaultMQProducer;
import io.petrel.common.message.Message;
import io.petrel.common.message.MessageQueue;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.Texts;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code checkMsgSendRT}: sends {@code -a} messages of {@code -s} bytes to a topic, the i-th to its i-th queue (round
 * robin), printing each send's queue, success and time, then the average time of all sends but the first (which
 * warms the route up). A failed send is a {@code false} line, as in 4.9.7; a topic the NameServer does not know fails
 * the run at once, where 4.9.7 prints a failed line per message.
 */
public final class CheckMsgSendRTCommand extends BaseCommand {
    private static final String FORMAT = "%-32s  %-4s  %-20s    %s%n";

    public CheckMsgSendRTCommand() {
        super("checkMsgSendRT", "check message send response time");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "t", "topic", "topic name");
        Opts.optional(options, "a", "amount", "message amount | default 100");
        Opts.optional(options, "s", "size", "message size | default 128 Byte");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        String topic = line.getOptionValue('t').trim();
        long amount = line.hasOption('a') ? Texts.longOption("-a", line.getOptionValue('a')) : 100;
        long size = line.hasOption('s') ? Texts.longOption("-s", line.getOptionValue('s')) : 128;
        session.admin().examineTopicRouteInfo(topic);
        Message msg = new Message(topic, "a".repeat((int) size).getBytes(StandardCharsets.UTF_8));
        DefaultMQProducer producer = session.startProducer(Long.toString(System.currentTimeMillis()));
        try {
            sendAll(producer, msg, amount, session.out());
        } finally {
            producer.shutdown();
        }
    }

    private static void sendAll(DefaultMQProducer producer, Message msg, long amount, PrintStream out) {
        out.printf(FORMAT, "#Broker Name", "#QID", "#Send Result", "#RT");
        // The queue last chosen: a failed send before choosing one prints the previous queue, as 4.9.7 does.
        AtomicReference<MessageQueue> chosen = new AtomicReference<>(new MessageQueue(msg.getTopic(), "", 0));
        long elapsedMs = 0;
        for (int i = 0; i < amount; i++) {
            long start = System.currentTimeMillis();
            boolean sent;
            try {
                producer.send(msg, (mqs, m, arg) -> {
                    MessageQueue mq = mqs.get((Integer) arg % mqs.size());
                    chosen.set(mq);
                    return mq;
                }, i);
                sent = true;
            } catch (Exception e) {
                sent = false;
            }
            long took = System.currentTimeMillis() - start;
            if (i != 0) {
                elapsedMs += took;
            }
            out.printf(FORMAT, chosen.get().brokerName(), chosen.get().queueId(), sent, took);
        }
        out.printf("Avg RT: %s%n", String.format("%.2f", (double) elapsedMs / (amount - 1)));
    }
}
