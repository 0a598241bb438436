package io.petrel.broker.pop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.netty.channel.embedded.EmbeddedChannel;
import io.petrel.broker.config.JsonConfigFile;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageRequestModesTest {
    @TempDir
    Path dir;

    /** Consumers of group G on this broker; other groups are unknown. */
    private final List<String> consumersOfG = new ArrayList<>();

    /** T: 8 queues on broker-p; T2: 4 on broker-a and broker-b; T3: 2 on broker-p; others unknown. */
    private MessageRequestModes modes() {
        MessageRequestModes m = new MessageRequestModes(new JsonConfigFile(dir.resolve("messageRequestMode.json")),
            topic -> new TreeMap<>(switch (topic) {
                case "T" -> Map.of("broker-p", 8);
                case "T2" -> Map.of("broker-a", 4, "broker-b", 4);
                case "T3" -> Map.of("broker-p", 2);
                default -> Map.<String, Integer>of();
            }), group -> group.equals("G") ? List.copyOf(consumersOfG) : null);
        m.load();
        return m;
    }

    /** The queue ids a client is assigned, in the answer's order; null when the answer has no list. */
    private static List<Integer> queueIds(MessageRequestModes m, String topic, String client, String strategy) {
        RemotingCommand r = ask(m, RequestCode.QUERY_ASSIGNMENT, "{\"clientId\":\"" + client + "\",\"consumerGroup\":"
            + "\"G\",\"messageModel\":\"CLUSTERING\",\"strategyName\":\"" + strategy + "\",\"topic\":\"" + topic + "\"}");
        assertEquals(ResponseCode.SUCCESS, r.code());
        JSONArray list = JSON.parseObject(r.body()).getJSONArray("messageQueueAssignments");
        return list == null ? null : list.stream()
            .map(a -> ((JSONObject) a).getJSONObject("messageQueue").getIntValue("queueId")).toList();
    }

    private static void setShare(MessageRequestModes m, String topic, int share) {
        assertEquals(ResponseCode.SUCCESS, ask(m, RequestCode.SET_MESSAGE_REQUEST_MODE, "{\"consumerGroup\":\"G\","
            + "\"mode\":\"POP\",\"popShareQueueNum\":" + share + ",\"topic\":\"" + topic + "\"}").code());
    }

    @Test
    void popShareQueueNumGivesEachConsumerItsQueuesAndThoseOfTheNextOnes() {
        MessageRequestModes m = modes();
        consumersOfG.addAll(List.of("c3", "c1", "c0", "c2"));
        setShare(m, "T", 1);
        assertEquals(List.of(0, 1, 2, 3), queueIds(m, "T", "c0", "AVG"));
        assertEquals(List.of(6, 7, 0, 1), queueIds(m, "T", "c3", "AVG"), "the consumer after the last is the first");
        assertEquals(List.of(1, 5, 2, 6), queueIds(m, "T", "c1", "AVG_BY_CIRCLE"));
        assertEquals(List.of(), queueIds(m, "T", "stranger", "AVG"), "a client not in the group gets nothing");
        assertEquals(null, queueIds(m, "T", "c0", "CONSISTENT_HASH"), "a strategy this broker does not know");
        setShare(m, "T", 2);
        assertEquals(List.of(0, 1, 2, 3, 4, 5), queueIds(m, "T", "c0", "AVG"));
        setShare(m, "T", 3);
        assertEquals(List.of(-1), queueIds(m, "T", "c0", "AVG"), "sharing with every other consumer: all queues");
        setShare(m, "T3", 1);
        assertEquals(List.of(0), queueIds(m, "T3", "c2", "AVG"), "more consumers than queues: one queue each");
        assertEquals(List.of(1), queueIds(m, "T3", "c1", "AVG"));
        setShare(m, "UNKNOWN", 1);
        assertEquals(null, queueIds(m, "UNKNOWN", "c0", "AVG"), "no route, no assignment");
    }

    private static RemotingCommand ask(MessageRequestModes m, int code, String json) {
        return m.processRequest(new EmbeddedChannel(), RemotingCommand.createRequest(code).body(json));
    }

    @Test
    void aPopGroupIsAssignedEveryQueueOfThisBrokerAndTheModeSurvivesARestart() throws Exception {
        MessageRequestModes m = modes();
        String query = "{\"clientId\":\"c1\",\"consumerGroup\":\"G\",\"messageModel\":\"CLUSTERING\","
            + "\"strategyName\":\"AVG\",\"topic\":\"T\"}";
        assertEquals(ResponseCode.REQUEST_CODE_NOT_SUPPORTED, ask(m, RequestCode.QUERY_ASSIGNMENT, query).code(),
            "a PULL group balances its queues in the client");
        RemotingCommand set = ask(m, RequestCode.SET_MESSAGE_REQUEST_MODE,
            "{\"consumerGroup\":\"G\",\"mode\":\"POP\",\"popShareQueueNum\":0,\"topic\":\"T\"}");
        assertEquals(ResponseCode.SUCCESS, set.code());
        assertEquals("{\"messageRequestModeMap\":{\"T\":{\"G\":{\"consumerGroup\":\"G\",\"mode\":\"POP\","
            + "\"popShareQueueNum\":0,\"topic\":\"T\"}}}}",
            Files.readString(dir.resolve("messageRequestMode.json"), StandardCharsets.UTF_8));

        MessageRequestModes reloaded = modes();
        assertEquals(MessageRequestModes.POP, reloaded.modeOf("T", "G"));
        RemotingCommand r = ask(reloaded, RequestCode.QUERY_ASSIGNMENT, query);
        assertEquals(ResponseCode.SUCCESS, r.code());
        assertEquals("{\"messageQueueAssignments\":[{\"mode\":\"POP\",\"messageQueue\":{\"brokerName\":\"broker-p\","
            + "\"queueId\":-1,\"topic\":\"T\"}}]}", new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(ResponseCode.REQUEST_CODE_NOT_SUPPORTED, ask(reloaded, RequestCode.QUERY_ASSIGNMENT,
            query.replace("CLUSTERING", "BROADCASTING")).code());
        ask(reloaded, RequestCode.SET_MESSAGE_REQUEST_MODE, "{\"consumerGroup\":\"G\",\"mode\":\"POP\",\"topic\":\"T2\"}");
        assertEquals("{\"messageQueueAssignments\":[{\"mode\":\"POP\",\"messageQueue\":{\"brokerName\":\"broker-a\","
            + "\"queueId\":-1,\"topic\":\"T2\"}},{\"mode\":\"POP\",\"messageQueue\":{\"brokerName\":\"broker-b\","
            + "\"queueId\":-1,\"topic\":\"T2\"}}]}", new String(ask(reloaded, RequestCode.QUERY_ASSIGNMENT,
            query.replace("\"T\"", "\"T2\"")).body(), StandardCharsets.UTF_8), "every broker of the route");
    }

    @Test
    void retryTopicsAndBadBodiesAreRefused() {
        MessageRequestModes m = modes();
        assertEquals(ResponseCode.NO_PERMISSION, ask(m, RequestCode.SET_MESSAGE_REQUEST_MODE,
            "{\"consumerGroup\":\"G\",\"mode\":\"POP\",\"topic\":\"%RETRY%G\"}").code());
        assertEquals(ResponseCode.SYSTEM_ERROR, ask(m, RequestCode.SET_MESSAGE_REQUEST_MODE,
            "{\"consumerGroup\":\"G\",\"mode\":\"PUSH\",\"topic\":\"T\"}").code());
        assertEquals(ResponseCode.SYSTEM_ERROR, ask(m, RequestCode.SET_MESSAGE_REQUEST_MODE, "{not json").code());
        assertEquals(ResponseCode.SYSTEM_ERROR, ask(m, RequestCode.QUERY_ASSIGNMENT, "[]").code());
        assertEquals(MessageRequestModes.PULL, m.modeOf("T", "G"));
    }
}
