package io.petrel.common.body;

import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.Map;

/**
 * Per-queue offsets of a topic on one broker, the GET_TOPIC_STATS_INFO (202) body, queue keys written as objects:
 * <pre>
 * {"offsetTable":{{"brokerName":"b","queueId":0,"topic":"T"}:{"lastUpdateTimestamp":0,"maxOffset":0,"minOffset":0}}}
 * </pre>
 * Queues keep the order they were given (or read) in. Immutable.
 */
public record TopicStatsTable(Map<MessageQueue, TopicOffset> offsetTable) {
    private static final String WHAT = "TopicStatsTable";

    public TopicStatsTable {
        offsetTable = Copies.map(offsetTable, WHAT);
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(32 + offsetTable.size() * 160);
        out.beginObject().name("offsetTable");
        QueueJson.writeTable(offsetTable, out, TopicOffset::writeJson);
        return out.endObject().toBytes();
    }

    public static TopicStatsTable decode(byte[] body) {
        return JsonBodies.decode(body, WHAT, o -> new TopicStatsTable(
            QueueJson.readTable(JsonBodies.object(o, "offsetTable", WHAT), WHAT, TopicOffset::fromJson)));
    }
}
