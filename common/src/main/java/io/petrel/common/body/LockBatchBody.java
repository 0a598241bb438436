package io.petrel.common.body;

import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.Set;

/** LOCK_BATCH_MQ / UNLOCK_BATCH_MQ request body: {@code {"clientId":..,"consumerGroup":..,"mqSet":[..]}}. */
public record LockBatchBody(String clientId, String consumerGroup, Set<MessageQueue> mqSet) {
    public LockBatchBody {
        mqSet = Set.copyOf(mqSet);
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(128 + mqSet.size() * 80);
        out.beginObject().field("clientId", clientId).field("consumerGroup", consumerGroup).name("mqSet");
        QueueJson.writeSet(mqSet, out);
        return out.endObject().toBytes();
    }

    public static LockBatchBody decode(byte[] body) {
        String what = "LockBatchRequestBody";
        return JsonBodies.decode(body, what, o -> {
            String clientId = JsonBodies.string(o, "clientId");
            String group = JsonBodies.string(o, "consumerGroup");
            if (clientId == null || group == null) {
                throw new IllegalArgumentException(what + ": clientId and consumerGroup are required");
            }
            return new LockBatchBody(clientId, group, QueueJson.readSet(JsonBodies.array(o, "mqSet", what)));
        });
    }

    /** The LOCK_BATCH_MQ response body: {@code {"lockOKMQSet":[..]}}. */
    public static byte[] encodeLocked(Set<MessageQueue> locked) {
        JsonWriter out = new JsonWriter(32 + locked.size() * 80);
        out.beginObject().name("lockOKMQSet");
        QueueJson.writeSet(locked, out);
        return out.endObject().toBytes();
    }

    public static Set<MessageQueue> decodeLocked(byte[] body) {
        String what = "LockBatchResponseBody";
        return JsonBodies.decode(body, what, o -> QueueJson.readSet(JsonBodies.array(o, "lockOKMQSet", what)));
    }
}
