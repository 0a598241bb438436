package io.petrel.broker.pop;

import com.alibaba.fastjson2.JSONObject;
import io.netty.channel.Channel;
import io.petrel.broker.config.JsonConfigFile;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import io.petrel.common.topic.TopicValidator;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * How each group reads each topic, PULL or POP, as the 5.x admin sets it (SET_MESSAGE_REQUEST_MODE, persisted in
 * {@code config/messageRequestMode.json} in 5.x's form), and QUERY_ASSIGNMENT, which a 5.x push consumer with client
 * rebalancing turned off asks before it reads: for a POP group it gets the topic's queues on this broker as one
 * "all queues" entry in POP mode for every broker that serves the topic (from the NameServer's route; this broker
 * alone when the route cannot be had). A PULL group is told the broker does not assign its queues, and the 5.x
 * client then balances them itself, as against a 4.x broker. Thread-safe.
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

    /** The names of the brokers serving a topic (readable queues), or an empty list when unknown. */
    @FunctionalInterface
    public interface TopicBrokers {
        List<String> brokerNames(String topic);
    }

    private final JsonConfigFile file;
    private final Supplier<String> brokerName;
    private final TopicBrokers topicBrokers;
    /** topic → group → mode */
    private final Map<String, Map<String, Mode>> table = new ConcurrentHashMap<>();

    public MessageRequestModes(JsonConfigFile file, Supplier<String> brokerName, TopicBrokers topicBrokers) {
        this.file = file;
        this.brokerName = brokerName;
        this.topicBrokers = topicBrokers;
    }

    public void load() {
        Map<String, Map<String, Mode>> loaded = file.load(MessageRequestModes::decode);
        if (loaded != null) {
            loaded.forEach((t, m) -> table.put(t, new ConcurrentHashMap<>(m)));
        }
    }

    public String modeOf(String topic, String group) {
        Map<String, Mode> byGroup = table.get(topic);
        Mode m = byGroup == null ? null : byGroup.get(group);
        return m == null ? PULL : m.mode();
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
        try {
            JSONObject body = JsonBodies.parseObject(request.body(), "QueryAssignmentRequestBody");
            topic = JsonBodies.string(body, "topic");
            group = JsonBodies.string(body, "consumerGroup");
            model = orElse(JsonBodies.string(body, "messageModel"), "CLUSTERING");
        } catch (IllegalArgumentException e) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        if (topic == null || group == null || !"CLUSTERING".equals(model) || !POP.equals(modeOf(topic, group))) {
            return RemotingCommand.createResponse(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                "this broker assigns queues only to POP consumers; balance the queues in the client");
        }
        List<String> names = new ArrayList<>(topicBrokers.brokerNames(topic));
        if (names.isEmpty()) {
            names.add(brokerName.get());
        }
        JsonWriter out = new JsonWriter(160);
        out.beginObject().name("messageQueueAssignments").beginArray();
        for (String name : names) {
            out.beginObject().field("mode", POP).name("messageQueue").beginObject().field("brokerName", name)
                .field("queueId", -1).field("topic", topic).endObject().endObject();
        }
        out.endArray().endObject();
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(out.toBytes());
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
