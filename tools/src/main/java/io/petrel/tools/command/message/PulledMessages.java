package io.petrel.tools.command.message;

import io.petrel.client.consumer.DefaultMQPullConsumer;
import io.petrel.client.consumer.PullResult;
import io.petrel.client.impl.MessageClientExt;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageQueue;
import io.petrel.tools.command.CommandException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the commands that read a queue range share: the pull loop and the one-line text 4.9.7's tools print for each
 * message ({@code MSGID: id MessageExt [..] BODY: ..}).
 */
final class PulledMessages {
    /** What a loop does with one pull's answer; returns false to stop reading the queue. */
    interface Step {
        boolean accept(PullResult result, long nextOffset) throws Exception;
    }

    /** How many messages to ask for, given the next offset to read. */
    interface BatchSize {
        int at(long offset);
    }

    private PulledMessages() {
    }

    /** Pulls {@code mq} from {@code from} while the next offset is at most {@code last}, until a step says stop. */
    static void read(DefaultMQPullConsumer consumer, MessageQueue mq, String subExpression, long from, long last,
                     BatchSize batch, Step step) throws Exception {
        long offset = from;
        while (offset <= last) {
            PullResult result = consumer.pull(mq, subExpression, offset, batch.at(offset));
            offset = result.getNextBeginOffset();
            if (!step.accept(result, offset)) {
                return;
            }
        }
    }

    static Charset charset(String name) throws CommandException {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new CommandException("unknown charset " + name);
        }
    }

    /** Each message as {@code MSGID: <id> <4.9.7's MessageExt text> BODY: <body or NOT PRINT BODY>}. */
    static void print(List<MessageExt> msgs, MessageQueue mq, Charset charset, boolean printBody, PrintStream out) {
        for (MessageExt m : msgs) {
            out.printf("MSGID: %s %s BODY: %s%n", m.getMsgId(), text(m, mq.brokerName()),
                printBody ? new String(m.getBody(), charset) : "NOT PRINT BODY");
        }
    }

    /**
     * The text RocketMQ 4.9.7's {@code MessageExt.toString()} gives for a pulled message: the offset id, the
     * properties in the order of a hash map filled in stored order, the body as a byte list.
     */
    static String text(MessageExt m, String brokerName) {
        String offsetMsgId = m instanceof MessageClientExt c ? c.getOffsetMsgId() : m.getMsgId();
        Map<String, String> hashed = new HashMap<>();
        m.getProperties().forEach(hashed::put);
        return "MessageExt [brokerName=" + brokerName + ", queueId=" + m.getQueueId() + ", storeSize="
            + m.getStoreSize() + ", queueOffset=" + m.getQueueOffset() + ", sysFlag=" + m.getSysFlag()
            + ", bornTimestamp=" + m.getBornTimestamp() + ", bornHost=" + m.getBornHost() + ", storeTimestamp="
            + m.getStoreTimestamp() + ", storeHost=" + m.getStoreHost() + ", msgId=" + offsetMsgId
            + ", commitLogOffset=" + m.getCommitLogOffset() + ", bodyCRC=" + m.getBodyCRC() + ", reconsumeTimes="
            + m.getReconsumeTimes() + ", preparedTransactionOffset=" + m.getPreparedTransactionOffset()
            + ", toString()=Message{topic='" + m.getTopic() + "', flag=" + m.getFlag() + ", properties=" + hashed
            + ", body=" + Arrays.toString(m.getBody()) + ", transactionId='" + m.getTransactionId() + "'}]";
    }
}
