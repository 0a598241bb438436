package io.petrel.broker.pop;

import com.alibaba.fastjson2.JSONObject;
import io.netty.channel.Channel;
import io.petrel.broker.config.JsonConfigFile;
import io.petrel.common.consumer.QueueAllocation;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import io.petrel.common.topic.TopicValidator;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How each group reads each topic, PULL or POP, as the 5.x admin sets it (SET_MESSAGE_REQUEST_MODE, persisted in
 * {@code config/messageRequestMode.json} in 5.x's form), and QUERY_ASSIGNMENT, which a 5.x push consumer with client
 * rebalancing turned off asks before it reads. A POP group whose {@code popShareQueueNum} is 0, or at least the
 * group's consumer count less one, gets one "all queues" entry in POP mode for every broker that serves the topic
 * (from the NameServer's route; this broker's own topic config when the route cannot be had). With a smaller
 * {@code popShareQueueNum} each consumer gets, as a 5.3 broker gives it, its own queues by the strategy it names
 * ({@code AVG} or {@code AVG_BY_CIRCLE}) plus those of the {@code popShareQueueNum} consumers after it in the sorted
 * list of the group's consumers, or one queue each when there are more consumers than queues. A PULL group is told
 * the broker does not assign its queues, and the 5.x client then balances them itself, as against a 4.x broker.
 * Thread-safe.
 */
public final class MessageRequestModes implements RequestProcessor {
    public static final String POP = "POP";
    public static final String PULL = "PULL";
    private static final String WHAT = "MessageRequestMode";

    /** One group's mode on one topic. */
    public record Mode(String topic, String group, String mode, int popShareQueueNum) {
        void writeJson(JsonWriter out) {
            out.beginObject().field("consumerGroup", group).field("mode", mode)
                .field("popShareQueueNum", popShareQueueNum).field("topic", topic).endObject();
        }

        static Mode fromJson(JSONObject o) {
            String mode = orElse(JsonBodies.string(o, "mode"), PULL);
            if (!POP.equals(mode) && !PULL.equals(mode)) {
                throw new IllegalArgumentException(WHAT + ": mode " + mode + " is neither PULL nor POP");
            }
            return new Mode(JsonBodies.string(o, "topic"), JsonBodies.string(o, "consumerGroup"), mode, (int) JsonBodies.longOr(o, "popShareQueueNum", 0, WHAT));
        }
    }

    private static String orElse(String v, String fallback) {
        return v == null ? fallback : v;
    }

    /** The read queue count of each broker serving a topic, by broker name; empty when the topic is unknown. */
    @FunctionalInterface
    public interface TopicQueues {
        SortedMap<String, Integer> readQueues(String topic);
    }

    /** The client ids of a group's consumers connected to this broker; null when the group is unknown. */
    @FunctionalInterface
    public interface GroupClients {
        List<String> clientIds(String group);
    }

    private final JsonConfigFile file;
    private final TopicQueues topicQueues;
    private final GroupClients groupClients;
    /** topic → group → mode */
    private final Map<String, Map<String, Mode>> table = new ConcurrentHashMap<>();

    public MessageRequestModes(JsonConfigFile file, TopicQueues topicQueues, GroupClients groupClients) {
        this.file = file;
        this.topicQueues = topicQueues;
        this.groupClients = groupClients;
    }

    public void load() {
        Map<String, Map<String, Mode>> loaded = file.load(MessageRequestModes::decode);
        if (loaded != null) {
            loaded.forEach((t, m) -> table.put(t, new ConcurrentHashMap<>(m)));
        }
    }

    public String modeOf(String topic, String group) {
        Mode m = mode(topic, group);
        return m == null ? PULL : m.mode();
    }

    private Mode mode(String topic, String group) {
        Map<String, Mode> byGroup = table.get(topic);
        return byGroup == null ? null : byGroup.get(group);
    }

    @Override
    public RemotingCommand processRequest(Channel channel, RemotingCommand request) {
        return switch (request.code()) {
            case RequestCode.SET_MESSAGE_REQUEST_MODE -> set(request);
            case RequestCode.QUERY_ASSIGNMENT -> assignment(request);
            default -> RemotingCommand.createResponse(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                " request type " + request.code() + " not supported");
        };
    }

    private RemotingCommand set(RemotingCommand request) {
        Mode m;
        try {
            m = JsonBodies.decode(request.body(), WHAT, Mode::fromJson);
        } catch (IllegalArgumentException e) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        if (m.topic() == null || m.group() == null) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "topic and consumerGroup are required");
        }
        if (m.topic().startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX)) {
            return RemotingCommand.createResponse(ResponseCode.NO_PERMISSION,
                "retry topic is not allowed to set mode");
        }
        table.computeIfAbsent(m.topic(), t -> new ConcurrentHashMap<>()).put(m.group(), m);
        persist();
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand assignment(RemotingCommand request) {
        String topic;
        String group;
        String model;
        String clientId;
        String strategy;
        try {
            JSONObject body = JsonBodies.parseObject(request.body(), "QueryAssignmentRequestBody");
            topic = JsonBodies.string(body, "topic");
            group = JsonBodies.string(body, "consumerGroup");
            model = orElse(JsonBodies.string(body, "messageModel"), "CLUSTERING");
            clientId = JsonBodies.string(body, "clientId");
            strategy = orElse(JsonBodies.string(body, "strategyName"), QueueAllocation.AVG);
        } catch (IllegalArgumentException e) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        Mode mode = topic == null || group == null ? null : mode(topic, group);
        if (!"CLUSTERING".equals(model) || mode == null || !POP.equals(mode.mode())) {
            return RemotingCommand.createResponse(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                "this broker assigns queues only to POP consumers; balance the queues in the client");
        }
        SortedMap<String, Integer> route = topicQueues.readQueues(topic);
        List<MessageQueue> assigned = route.isEmpty() ? null : assign(topic, route, mode.popShareQueueNum(),
            group, clientId, strategy);
        JsonWriter out = new JsonWriter(160);
        out.beginObject();
        if (assigned != null) {
            out.name("messageQueueAssignments").beginArray();
            for (MessageQueue q : assigned) {
                out.beginObject().field("mode", POP).name("messageQueue").beginObject()
                    .field("brokerName", q.brokerName()).field("queueId", q.queueId()).field("topic", q.topic())
                    .endObject().endObject();
            }
            out.endArray();
        }
        out.endObject();
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(out.toBytes());
    }

    /** A POP consumer's queues, queue id -1 standing for all of a broker's; null for a strategy not known. */
    private List<MessageQueue> assign(String topic, SortedMap<String, Integer> route, int share, String group,
                                      String clientId, String strategy) {
        List<String> clients = groupClients.clientIds(group);
        List<String> cids = clients == null ? List.of() : clients.stream().sorted().toList();
        if (share <= 0 || share >= cids.size() - 1) {
            List<MessageQueue> all = new ArrayList<>();
            route.keySet().forEach(b -> all.add(new MessageQueue(topic, b, -1)));
            return all;
        }
        if (!QueueAllocation.AVG.equals(strategy) && !QueueAllocation.AVG_BY_CIRCLE.equals(strategy)) {
            return null;
        }
        List<MessageQueue> queues = new ArrayList<>();
        route.forEach((b, n) -> {
            for (int q = 0; q < n; q++) {
                queues.add(new MessageQueue(topic, b, q));
            }
        });
        int index = cids.indexOf(clientId);
        if (index < 0) {
            return List.of();
        }
        if (cids.size() > queues.size()) {
            return List.of(queues.get(index % queues.size()));
        }
        Set<MessageQueue> result = new LinkedHashSet<>();
        for (int i = 0; i <= share; i++) {
            int who = (index + i) % cids.size();
            result.addAll(QueueAllocation.AVG.equals(strategy) ? QueueAllocation.averagely(queues, cids.size(), who)
                : QueueAllocation.byCircle(queues, cids.size(), who));
        }
        return new ArrayList<>(result);
    }

    private synchronized void persist() {
        JsonWriter out = new JsonWriter(256);
        out.beginObject().name("messageRequestModeMap").beginObject();
        for (Map.Entry<String, Map<String, Mode>> t : new TreeMap<>(table).entrySet()) {
            out.name(t.getKey()).beginObject();
            for (Map.Entry<String, Mode> g : new TreeMap<>(t.getValue()).entrySet()) {
                out.name(g.getKey());
                g.getValue().writeJson(out);
            }
            out.endObject();
        }
        file.store(out.endObject().endObject().toBytes());
    }

    static Map<String, Map<String, Mode>> decode(byte[] json) {
        return JsonBodies.decode(json, WHAT, root -> {
            Map<String, Map<String, Mode>> result = new TreeMap<>();
            JSONObject map = JsonBodies.object(root, "messageRequestModeMap", WHAT);
            if (map == null) {
                return result;
            }
            for (Map.Entry<Object, Object> t : JsonBodies.entries(map)) {
                JSONObject groups = JsonBodies.asObject(t.getValue(), WHAT);
                Map<String, Mode> byGroup = new TreeMap<>();
                if (groups != null) {
                    for (Map.Entry<Object, Object> g : JsonBodies.entries(groups)) {
                        byGroup.put(JsonBodies.stringKey(g.getKey(), WHAT),
                            Mode.fromJson(JsonBodies.asObject(g.getValue(), WHAT)));
                    }
                }
                result.put(JsonBodies.stringKey(t.getKey(), WHAT), byGroup);
            }
            return result;
        });
    }
}
