package io.petrel.broker.pop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.embedded.EmbeddedChannel;
import io.petrel.broker.config.JsonConfigFile;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageRequestModesTest {
    @TempDir
    Path dir;

    private MessageRequestModes modes() {
        MessageRequestModes m = new MessageRequestModes(new JsonConfigFile(dir.resolve("messageRequestMode.json")),
            () -> "broker-p", topic -> topic.equals("T2") ? List.of("broker-a", "broker-b") : List.of());
        m.load();
        return m;
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
