package io.petrel.common.body;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One queue's line in a {@link QueryConsumeTimeSpanBody}: store times of the first and last message, of the
 * message the group consumes next, and the delay. 4.9.7 also writes each time formatted
 * ({@code yyyy-MM-dd#HH:mm:ss:SSS} in the writer's time zone) as {@code *Str} members; those are written here
 * for the same bytes and ignored when read:
 * <pre>
 * {"consumeTimeStamp":0,"consumeTimeStampStr":"1970-01-01#00:00:00:000","delayTime":0,"maxTimeStamp":..,
 *  "maxTimeStampStr":"..","messageQueue":{"brokerName":"b","queueId":0,"topic":"T"},"minTimeStamp":..,
 *  "minTimeStampStr":".."}
 * </pre>
 * {@code messageQueue} may be null (left out). Missing numbers read as 0.
 */
public record QueueTimeSpan(MessageQueue messageQueue, long minTimeStamp, long maxTimeStamp, long consumeTimeStamp,
                            long delayTime) {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'#'HH:mm:ss:SSS");

    public void writeJson(JsonWriter out, ZoneId zone) {
        out.beginObject().field("consumeTimeStamp", consumeTimeStamp)
            .field("consumeTimeStampStr", format(consumeTimeStamp, zone)).field("delayTime", delayTime)
            .field("maxTimeStamp", maxTimeStamp).field("maxTimeStampStr", format(maxTimeStamp, zone));
        if (messageQueue != null) {
            out.name("messageQueue");
            QueueJson.write(messageQueue, out);
        }
        out.field("minTimeStamp", minTimeStamp).field("minTimeStampStr", format(minTimeStamp, zone)).endObject();
    }

    /** A time as the {@code *Str} members show it. */
    public static String format(long millis, ZoneId zone) {
        return FORMAT.format(Instant.ofEpochMilli(millis).atZone(zone));
    }

    public static QueueTimeSpan fromJson(Object value, String what) {
        JSONObject o = JsonBodies.asObject(value, what);
        if (o == null) {
            throw new IllegalArgumentException(what + ": null QueueTimeSpan");
        }
        JSONObject mq = JsonBodies.object(o, "messageQueue", what);
        return new QueueTimeSpan(mq == null ? null : QueueJson.read(mq), JsonBodies.longOr(o, "minTimeStamp", 0, what),
            JsonBodies.longOr(o, "maxTimeStamp", 0, what), JsonBodies.longOr(o, "consumeTimeStamp", 0, what),
            JsonBodies.longOr(o, "delayTime", 0, what));
    }
}
