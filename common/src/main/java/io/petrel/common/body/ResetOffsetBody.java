package io.petrel.common.body;

import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.Map;

/**
 * The offsets a reset moved a group to, per queue: the INVOKE_BROKER_TO_RESET_OFFSET (222) response body and the
 * body of the RESET_CONSUMER_CLIENT_OFFSET (220) the broker pushes to the group's clients. Queue keys are written
 * as objects: {@code {"offsetTable":{{"brokerName":"b","queueId":0,"topic":"T"}:5}}}. C++ clients get the
 * table as a list instead ({@link #encodeForCpp()}). Immutable.
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

    /**
     * The form 4.9.7 pushes to C++ clients (its {@code ResetOffsetBodyForC}), a list of queues with their offsets:
     * {@code {"offsetTable":[{"brokerName":"b","offset":5,"queueId":0,"topic":"T"}]}}.
     */
    public byte[] encodeForCpp() {
        JsonWriter out = new JsonWriter(32 + offsetTable.size() * 96);
        out.beginObject().name("offsetTable").beginArray();
        offsetTable.forEach((mq, offset) -> out.beginObject().fieldIfPresent("brokerName", mq.brokerName())
            .field("offset", offset).field("queueId", mq.queueId()).fieldIfPresent("topic", mq.topic()).endObject());
        return out.endArray().endObject().toBytes();
    }

    public static ResetOffsetBody decode(byte[] body) {
        return JsonBodies.decode(body, WHAT,
            o -> new ResetOffsetBody(QueueJson.readLongTable(JsonBodies.object(o, "offsetTable", WHAT), WHAT)));
    }
}
