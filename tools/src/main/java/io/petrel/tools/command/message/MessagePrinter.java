package io.petrel.tools.command.message;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.client.admin.MessageTrack;
import io.petrel.common.message.MessageExt;
import io.petrel.tools.command.Texts;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints one stored message as 4.9.7's query commands do: its headers, its properties, the path of a file holding
 * its body (written under {@code /tmp/rocketmq/msgbodys}, where 4.9.7 writes it), then what each consumer group
 * made of it.
 */
final class MessagePrinter {
    static final Path BODY_DIR = Path.of("/tmp/rocketmq/msgbodys");
    private static final String TEXT = "%-20s %s%n";
    private static final String NUMBER = "%-20s %d%n";

    private MessagePrinter() {
    }

    /** A message found by its offset id; a missing one is said so. */
    static void print(MQAdminExt admin, MessageExt msg, PrintStream out) throws Exception {
        if (msg == null) {
            out.printf("%nMessage not found!");
            return;
        }
        out.printf(TEXT, "OffsetID:", msg.getMsgId());
        printFound(admin, msg, msg.getMsgId(), out);
    }

    /**
     * The {@code index}th of the messages found by a unique key: 4.9.7 prints no offset id for them and names the
     * body file of every one after the first with {@code _index}.
     */
    static void printFound(MQAdminExt admin, MessageExt msg, int index, PrintStream out) throws Exception {
        printFound(admin, msg, index > 0 ? msg.getMsgId() + "_" + index : msg.getMsgId(), out);
    }

    private static void printFound(MQAdminExt admin, MessageExt msg, String bodyFile, PrintStream out)
        throws Exception {
        String bodyPath = writeBody(msg, bodyFile);
        out.printf(TEXT, "Topic:", msg.getTopic());
        out.printf(TEXT, "Tags:", "[" + msg.getTags() + "]");
        out.printf(TEXT, "Keys:", "[" + msg.getKeys() + "]");
        out.printf(NUMBER, "Queue ID:", msg.getQueueId());
        out.printf(NUMBER, "Queue Offset:", msg.getQueueOffset());
        out.printf(NUMBER, "CommitLog Offset:", msg.getCommitLogOffset());
        out.printf(NUMBER, "Reconsume Times:", msg.getReconsumeTimes());
        out.printf(TEXT, "Born Timestamp:", Texts.millisTime(msg.getBornTimestamp()));
        out.printf(TEXT, "Store Timestamp:", Texts.millisTime(msg.getStoreTimestamp()));
        out.printf(TEXT, "Born Host:", hostText(msg.getBornHost()));
        out.printf(TEXT, "Store Host:", hostText(msg.getStoreHost()));
        out.printf(NUMBER, "System Flag:", msg.getSysFlag());
        out.printf(TEXT, "Properties:", inDecodeOrder(msg.getProperties()));
        out.printf(TEXT, "Message Body Path:", bodyPath);
        List<MessageTrack> tracks = admin.messageTrackDetail(msg);
        if (tracks.isEmpty()) {
            out.printf("%n%nWARN: No Consumer");
        } else {
            out.printf("%n%n");
            for (MessageTrack t : tracks) {
                out.printf("%s", t);
            }
        }
    }

    /** The properties in the order of 4.9.7's HashMap, filled one put at a time as its decoder fills it. */
    private static String inDecodeOrder(Map<String, String> properties) {
        Map<String, String> m = new HashMap<>();
        properties.forEach(m::put);
        return m.toString();
    }

    private static String hostText(InetSocketAddress addr) {
        return addr == null ? "" : addr.getAddress().getHostAddress() + ":" + addr.getPort();
    }

    private static String writeBody(MessageExt msg, String name) throws IOException {
        Files.createDirectories(BODY_DIR);
        Path file = BODY_DIR.resolve(name);
        Files.write(file, msg.getBody() == null ? new byte[0] : msg.getBody());
        return file.toString();
    }
}
