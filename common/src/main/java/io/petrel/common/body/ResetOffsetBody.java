package io.petrel.common.body;

import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.Map;

/**
 * The offsets a reset moved a group to, per queue: the INVOKE_BROKER_TO_RESET_OFFSET (222) response body and the
 * body of the RESET_CONSUMER_CLIENT_OFFSET (220) the broker pushes to the group's clients. Queue keys are written
 * as objects: {@code {"offsetTable":{{"brokerName":"b","queueId":0,"topic":"T"}:5}}}. Immutable.
 */
public record ResetOffsetBody(Map<MessageQueue, Long> offsetTable) {
    private static final String WHAT = "ResetOffsetBody";

    public ResetOffsetBody {
        offsetTable = Copies.map(offsetTable, WHAT);
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(32 + offsetTable.size() * 96);
        out.beginObject().name("offsetTable");
        QueueJson.writeLongTable(offsetTable, out);
        return out.endObject().toBytes();
    }

    public static ResetOffsetBody decode(byte[] body) {
        return JsonBodies.decode(body, WHAT,
            o -> new ResetOffsetBody(QueueJson.readLongTable(JsonBodies.object(o, "offsetTable", WHAT), WHAT)));
    }
}
