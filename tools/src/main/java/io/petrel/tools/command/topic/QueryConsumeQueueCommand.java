package io.petrel.tools.command.topic;

import io.petrel.common.body.ConsumeQueueData;
import io.petrel.common.body.QueryConsumeQueueResponseBody;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.route.TopicRouteData;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.CommandException;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.PrettyJson;
import io.petrel.tools.command.Texts;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code queryCq}: {@code -c} ConsumeQueue entries of one queue from index {@code -i} on, read by the broker
 * {@code -b} (by default the master of the first broker of the topic's route), with the queue's bounds and, with
 * {@code -g}, the group's subscription. 4.9.7 prints a failure's stack trace and exits 0; Petrel fails with one line.
 */
public final class QueryConsumeQueueCommand extends BaseCommand {
    private static final String RULE = "======================================\n";
    private static final int DEFAULT_COUNT = 10;

    public QueryConsumeQueueCommand() {
        super("queryCq", "Query cq command.");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "t", "topic", "topic name");
        Opts.required(options, "q", "queue", "queue num, ie. 1");
        Opts.required(options, "i", "index", "start queue index.");
        Opts.optional(options, "c", "count", "how many.");
        Opts.optional(options, "b", "broker", "broker addr.");
        Opts.optional(options, "g", "consumer", "consumer group.");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        String topic = line.getOptionValue('t').trim();
        int queueId = Texts.intOption("-q", line.getOptionValue('q'));
        long index = Texts.longOption("-i", line.getOptionValue('i'));
        int count = line.hasOption('c') ? Texts.intOption("-c", line.getOptionValue('c')) : DEFAULT_COUNT;
        String group = line.hasOption('g') ? line.getOptionValue('g').trim() : null;
        String broker = line.hasOption('b') ? line.getOptionValue('b').trim()
            : firstMaster(session.admin().examineTopicRouteInfo(topic));
        print(session.admin().queryConsumeQueue(broker, topic, queueId, index, count, group), index, session.out());
    }

    private static String firstMaster(TopicRouteData route) throws CommandException {
        if (route.brokerDatas().isEmpty() || route.brokerDatas().get(0).masterAddr() == null) {
            throw new CommandException("No topic route data!");
        }
        return route.brokerDatas().get(0).masterAddr();
    }

    private static void print(QueryConsumeQueueResponseBody body, long index, PrintStream out) {
        if (body.subscriptionData() != null) {
            out.printf("Subscription data: \n%s\n", subscriptionJson(body.subscriptionData()));
            out.print(RULE);
        }
        if (body.filterData() != null) {
            out.printf("Filter data: \n%s\n", body.filterData());
            out.print(RULE);
        }
        out.printf("Queue data: \nmax: %d, min: %d\n", body.maxQueueIndex(), body.minQueueIndex());
        out.print(RULE);
        long i = index;
        for (ConsumeQueueData d : body.queueData()) {
            out.print("idx: " + i + "\n" + entryText(d) + "\n" + RULE);
            i++;
        }
    }

    /**
     * The subscription as 4.9.7 prints it: fastjson's pretty form, members by name, each set in the order of the
     * {@code HashSet} 4.9.7 decodes it into.
     */
    private static String subscriptionJson(SubscriptionData s) {
        PrettyJson json = new PrettyJson().openObject();
        json.name("classFilterMode").value(s.classFilterMode());
        json.name("codeSet").inline(new ArrayList<>(new HashSet<>(s.codeSet())));
        json.name("expressionType").value(s.expressionType());
        json.name("subString").value(s.subString());
        json.name("subVersion").value(s.subVersion());
        json.name("tagsSet").inline(new ArrayList<>(new HashSet<>(s.tagsSet())));
        json.name("topic").value(s.topic());
        return json.closeObject().toString();
    }

    private static String entryText(ConsumeQueueData d) {
        return "ConsumeQueueData{physicOffset=" + d.physicOffset() + ", physicSize=" + d.physicSize() + ", tagsCode="
            + d.tagsCode() + ", extendDataJson='" + d.extendDataJson() + "', bitMap='" + d.bitMap() + "', eval="
            + d.eval() + ", msg='" + d.msg() + "'}";
    }
}
