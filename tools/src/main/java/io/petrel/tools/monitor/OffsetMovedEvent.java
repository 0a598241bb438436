package io.petrel.tools.monitor;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.body.QueueJson;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.tools.command.Texts;

/**
 * What a 4.9.7 broker publishes to {@code OFFSET_MOVED_EVENT} when a consumer asked for an offset its queue no
 * longer (or not yet) holds and was moved to another: the body of such a message,
 * <pre>{"consumerGroup":"G","messageQueue":{"brokerName":"b","queueId":0,"topic":"T"},"offsetNew":0,
 * "offsetRequest":9}</pre>
 */
public record OffsetMovedEvent(String consumerGroup, MessageQueue messageQueue, long offsetRequest, long offsetNew) {
    private static final String WHAT = "OffsetMovedEvent";

    public static OffsetMovedEvent decode(byte[] body) {
        return JsonBodies.decode(body, WHAT, OffsetMovedEvent::fromJson);
    }

    private static OffsetMovedEvent fromJson(JSONObject o) {
        JSONObject mq = JsonBodies.object(o, "messageQueue", WHAT);
        return new OffsetMovedEvent(JsonBodies.string(o, "consumerGroup"), mq == null ? null : QueueJson.read(mq),
            JsonBodies.longOr(o, "offsetRequest", 0, WHAT), JsonBodies.longOr(o, "offsetNew", 0, WHAT));
    }

    /** As 4.9.7 logs it. */
    @Override
    public String toString() {
        return "OffsetMovedEvent [consumerGroup=" + consumerGroup + ", messageQueue="
            + (messageQueue == null ? null : messageQueue) + ", offsetRequest=" + offsetRequest
            + ", offsetNew=" + offsetNew + "]";
    }
}
