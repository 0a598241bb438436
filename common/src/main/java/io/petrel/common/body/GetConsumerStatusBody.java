package io.petrel.common.body;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Consumer offsets as clients report them: the answer of one client to GET_CONSUMER_STATUS_FROM_CLIENT (221)
 * fills {@code messageQueueTable}; the broker's answer to INVOKE_BROKER_TO_GET_CONSUMER_STATUS (223) fills
 * {@code consumerTable} (client id to that client's table). Queue keys are written as objects:
 * <pre>{"consumerTable":{"clientId":{{"brokerName":"b","queueId":0,"topic":"T"}:5}},"messageQueueTable":{..}}</pre>
 * Immutable.
 */
public record GetConsumerStatusBody(Map<MessageQueue, Long> messageQueueTable,
                                    Map<String, Map<MessageQueue, Long>> consumerTable) {
    private static final String WHAT = "GetConsumerStatusBody";

    public GetConsumerStatusBody {
        messageQueueTable = Copies.map(messageQueueTable, WHAT);
        Map<String, Map<MessageQueue, Long>> copy = new LinkedHashMap<>();
        consumerTable.forEach((client, table) -> copy.put(client, Copies.map(table, WHAT)));
        consumerTable = Collections.unmodifiableMap(copy);
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(64 + (messageQueueTable.size() + consumerTable.size() * 4) * 96);
        out.beginObject().name("consumerTable").beginObject();
        consumerTable.forEach((client, table) -> {
            out.name(client);
            QueueJson.writeLongTable(table, out);
        });
        out.endObject().name("messageQueueTable");
        QueueJson.writeLongTable(messageQueueTable, out);
        return out.endObject().toBytes();
    }

    public static GetConsumerStatusBody decode(byte[] body) {
        return JsonBodies.decode(body, WHAT, o -> {
            Map<String, Map<MessageQueue, Long>> consumers = new LinkedHashMap<>();
            JSONObject table = JsonBodies.object(o, "consumerTable", WHAT);
            if (table != null) {
                for (Map.Entry<Object, Object> e : JsonBodies.entries(table)) {
                    consumers.put(JsonBodies.stringKey(e.getKey(), WHAT),
                        QueueJson.readLongTable(JsonBodies.asObject(e.getValue(), WHAT), WHAT));
                }
            }
            return new GetConsumerStatusBody(
                QueueJson.readLongTable(JsonBodies.object(o, "messageQueueTable", WHAT), WHAT), consumers);
        });
    }
}
