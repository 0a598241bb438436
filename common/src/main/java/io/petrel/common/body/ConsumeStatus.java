package io.petrel.common.body;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;

/**
 * A consumer's pull and consume rates for one topic, one value of {@link ConsumerRunningInfo#statusTable()}:
 * <pre>
 * {"consumeFailedMsgs":0,"consumeFailedTPS":0.0,"consumeOKTPS":1.5,"consumeRT":2.0,"pullRT":1.0,"pullTPS":3.0}
 * </pre>
 * A NaN or infinite rate is written as {@code null} (as 4.9.7 does) and reads back as 0. Missing members read as 0.
 */
public record ConsumeStatus(double pullRT, double pullTPS, double consumeRT, double consumeOKTPS,
                            double consumeFailedTPS, long consumeFailedMsgs) {

    public void writeJson(JsonWriter out) {
        out.beginObject()
            .field("consumeFailedMsgs", consumeFailedMsgs)
            .field("consumeFailedTPS", consumeFailedTPS)
            .field("consumeOKTPS", consumeOKTPS)
            .field("consumeRT", consumeRT)
            .field("pullRT", pullRT)
            .field("pullTPS", pullTPS)
            .endObject();
    }

    public static ConsumeStatus fromJson(Object value, String what) {
        JSONObject o = JsonBodies.asObject(value, what);
        if (o == null) {
            o = new JSONObject();
        }
        return new ConsumeStatus(JsonBodies.doubleOr(o, "pullRT", 0, what), JsonBodies.doubleOr(o, "pullTPS", 0, what),
            JsonBodies.doubleOr(o, "consumeRT", 0, what), JsonBodies.doubleOr(o, "consumeOKTPS", 0, what),
            JsonBodies.doubleOr(o, "consumeFailedTPS", 0, what), JsonBodies.longOr(o, "consumeFailedMsgs", 0, what));
    }
}
