package io.petrel.common.body;

import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.Map;

/**
 * A consumer group's progress on one broker, the GET_CONSUME_STATS (208) body: per queue the broker's max
 * offset, the committed offset and the last consume time, plus the group's consume TPS. The queue keys are
 * written as objects (see {@link QueueJson}):
 * <pre>{"consumeTps":0.0,"offsetTable":{{"brokerName":"b","queueId":0,"topic":"T"}:{"brokerOffset":5,...}}}</pre>
 * Queues keep the order they were given (or read) in. Immutable.
 */
public record ConsumeStats(Map<MessageQueue, OffsetWrapper> offsetTable, double consumeTps) {
    static final String WHAT = "ConsumeStats";

    public ConsumeStats {
        offsetTable = Copies.map(offsetTable, WHAT);
    }

    /** Sum over all queues of broker offset minus consumer offset. */
    public long computeTotalDiff() {
        long total = 0;
        for (OffsetWrapper w : offsetTable.values()) {
            total += w.diff();
        }
        return total;
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(64 + offsetTable.size() * 160);
        writeJson(out);
        return out.toBytes();
    }

    void writeJson(JsonWriter out) {
        out.beginObject().field("consumeTps", consumeTps).name("offsetTable");
        QueueJson.writeTable(offsetTable, out, OffsetWrapper::writeJson);
        out.endObject();
    }

    public static ConsumeStats decode(byte[] body) {
        return JsonBodies.decode(body, WHAT, ConsumeStats::fromJson);
    }

    static ConsumeStats fromJson(com.alibaba.fastjson2.JSONObject o) {
        return new ConsumeStats(
            QueueJson.readTable(JsonBodies.object(o, "offsetTable", WHAT), WHAT, OffsetWrapper::fromJson),
            JsonBodies.doubleOr(o, "consumeTps", 0, WHAT));
    }
}
