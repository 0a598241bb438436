package io.petrel.tools.command.topic;

import io.petrel.client.consumer.rebalance.AllocateMessageQueueAveragely;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.QueueData;
import io.petrel.common.route.TopicRouteData;
import io.petrel.common.route.json.JsonWriter;
import io.petrel.common.topic.PermName;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code allocateMQ}: which readable queues of a topic each of the given client ids would get from the average
 * allocation, as one JSON line {@code {"result":{"ip":[{"brokerName":..,"queueId":..,"topic":..},..],..}}}.
 *
 * <p>4.9.7 allocates over the queues in the order of a {@code HashSet} of its message queue class and lists the ids
 * in the order of a {@code HashMap}; scripts compare the lines, so both orders are kept here by hashing as it does.
 */
public final class AllocateMQCommand extends BaseCommand {
    private static final String GROUP = "aa";

    public AllocateMQCommand() {
        super("allocateMQ", "Allocate MQ");
    }

    /** A queue hashed as 4.9.7's message queue class hashes, so that a {@link HashSet} of them iterates alike. */
    private record HashedAsOfficial(MessageQueue mq) {
        @Override
        public int hashCode() {
            int h = 31 + mq.brokerName().hashCode();
            h = 31 * h + mq.queueId();
            return 31 * h + mq.topic().hashCode();
        }
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "t", "topic", "topic name");
        Opts.required(options, "i", "ipList", "ipList");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        String topic = line.getOptionValue('t').trim();
        List<String> ids = Arrays.asList(line.getOptionValue('i').trim().split(","));
        List<MessageQueue> queues = readableQueues(topic, session.admin().examineTopicRouteInfo(topic));
        AllocateMessageQueueAveragely averagely = new AllocateMessageQueueAveragely();
        Map<String, List<MessageQueue>> result = new HashMap<>();
        for (String id : ids) {
            result.put(id, averagely.allocate(GROUP, id, queues, ids));
        }
        session.out().printf("%s%n", toJson(result));
    }

    private static List<MessageQueue> readableQueues(String topic, TopicRouteData route) {
        Set<HashedAsOfficial> set = new HashSet<>();
        for (QueueData qd : route.queueDatas()) {
            if (PermName.isReadable(qd.perm())) {
                for (int i = 0; i < qd.readQueueNums(); i++) {
                    set.add(new HashedAsOfficial(new MessageQueue(topic, qd.brokerName(), i)));
                }
            }
        }
        List<MessageQueue> queues = new ArrayList<>();
        set.forEach(h -> queues.add(h.mq()));
        return queues;
    }

    private static String toJson(Map<String, List<MessageQueue>> result) {
        JsonWriter w = new JsonWriter().beginObject().name("result").beginObject();
        for (Map.Entry<String, List<MessageQueue>> e : result.entrySet()) {
            w.name(e.getKey()).beginArray();
            for (MessageQueue mq : e.getValue()) {
                w.beginObject().field("brokerName", mq.brokerName()).field("queueId", mq.queueId())
                    .field("topic", mq.topic()).endObject();
            }
            w.endArray();
        }
        return w.endObject().endObject().toString();
    }
}
