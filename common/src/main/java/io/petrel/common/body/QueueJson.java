package io.petrel.common.body;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.LinkedHashSet;
import java.util.Set;

/** JSON form of a {@link MessageQueue}: {@code {"brokerName":..,"queueId":..,"topic":..}}. */
public final class QueueJson {
    private QueueJson() {
    }

    public static void write(MessageQueue mq, JsonWriter out) {
        out.beginObject().field("brokerName", mq.brokerName()).field("queueId", mq.queueId())
            .field("topic", mq.topic()).endObject();
    }

    /** The object written as a map key, as 4.9.7 peers do for {@code Map<MessageQueue, ...>} (not standard JSON). */
    public static String asKey(MessageQueue mq) {
        JsonWriter w = new JsonWriter(96);
        write(mq, w);
        return w.toString();
    }

    public static MessageQueue read(JSONObject o) {
        return new MessageQueue(JsonBodies.string(o, "topic"), JsonBodies.string(o, "brokerName"),
            JsonBodies.intOr(o, "queueId", 0, "MessageQueue"));
    }

    public static Set<MessageQueue> readSet(JSONArray array) {
        Set<MessageQueue> out = new LinkedHashSet<>();
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                out.add(read(array.getJSONObject(i)));
            }
        }
        return out;
    }

    public static void writeSet(Set<MessageQueue> queues, JsonWriter out) {
        out.beginArray();
        for (MessageQueue mq : queues) {
            write(mq, out);
        }
        out.endArray();
    }
}
