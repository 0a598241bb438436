package io.petrel.tools.command.message;

import io.petrel.client.QueryResult;
import io.petrel.common.message.MessageExt;
import io.petrel.common.topic.TopicValidator;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.CommandException;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.Texts;
import io.petrel.tools.trace.TraceDataDecoder;
import io.petrel.tools.trace.TraceRecord;
import io.petrel.tools.trace.TraceType;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code queryMsgTraceById}: the trace of one message (by its message id), read from the trace topic ({@code -t},
 * {@code RMQ_SYS_TRACE_TOPIC} by default), where tracing clients index their records by message id: each send, then
 * each consumer group's deliveries, with the host of the client that wrote the record.
 */
public final class QueryMsgTraceByIdCommand extends BaseCommand {
    private static final int MAX_MESSAGES = 64;
    private static final String ROW_FORMAT = "%-10s %-20s %-20s %-20s %-10s %-10s%n";

    /** One record of the message's trace and the host of the client that wrote it. */
    private record Step(TraceRecord record, String clientHost) {
    }

    public QueryMsgTraceByIdCommand() {
        super("queryMsgTraceById", "query a message trace");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "i", "msgId", "Message Id");
        Opts.optional(options, "t", "traceTopic", "The name value of message trace topic");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        String msgId = line.getOptionValue('i').trim();
        String traceTopic = line.hasOption('t') ? line.getOptionValue('t').trim() : TopicValidator.RMQ_SYS_TRACE_TOPIC;
        long now = System.currentTimeMillis();
        QueryResult result = session.admin().queryMessage(traceTopic, msgId, MAX_MESSAGES, 0, now);
        List<Step> steps = new ArrayList<>();
        for (MessageExt m : result.getMessageList()) {
            String body = m.getBody() == null ? "" : new String(m.getBody(), StandardCharsets.UTF_8);
            List<TraceRecord> records;
            try {
                records = TraceDataDecoder.decode(body, now);
            } catch (IllegalArgumentException e) {
                throw new CommandException("trace message " + m.getMsgId() + " does not read: " + e.getMessage());
            }
            for (TraceRecord r : records) {
                if (r.msgId().equals(msgId)) {
                    steps.add(new Step(r, hostOf(m)));
                }
            }
        }
        print(steps, session.out());
    }

    /** Each send as a table of its own, then a table per consumer group of its deliveries' outcomes. */
    private static void print(List<Step> steps, PrintStream out) {
        // 4.9.7 gathers the groups in a HashMap and lists them in its order.
        Map<String, List<Step>> byGroup = new HashMap<>(16);
        for (Step s : steps) {
            TraceRecord r = s.record();
            if (r.type() == TraceType.Pub) {
                out.printf(ROW_FORMAT, "#Type", "#ProducerGroup", "#ClientHost", "#SendTime", "#CostTimes", "#Status");
                row(out, "Pub", s);
                out.printf("\n");
            } else if (r.type() == TraceType.SubAfter) {
                byGroup.computeIfAbsent(r.groupName(), g -> new ArrayList<>()).add(s);
            }
        }
        for (List<Step> group : byGroup.values()) {
            out.printf(ROW_FORMAT, "#Type", "#ConsumerGroup", "#ClientHost", "#ConsumerTime", "#CostTimes",
                "#Status");
            for (Step s : group) {
                row(out, "Sub", s);
            }
            out.printf("\n");
        }
    }

    private static void row(PrintStream out, String type, Step s) {
        TraceRecord r = s.record();
        out.printf(ROW_FORMAT, type, r.groupName(), s.clientHost(), Texts.secondsTime(r.timestamp()),
            r.costTime() + "ms", r.success() ? "success" : "failed");
    }

    /** The address the trace message was sent from, without its port. */
    private static String hostOf(MessageExt m) {
        InetSocketAddress born = m.getBornHost();
        return born == null || born.getAddress() == null ? null : born.getAddress().getHostAddress();
    }
}
