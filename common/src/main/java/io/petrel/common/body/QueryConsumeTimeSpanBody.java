package io.petrel.common.body;

import com.alibaba.fastjson2.JSONArray;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The QUERY_CONSUME_TIME_SPAN (303) body: one {@link QueueTimeSpan} per queue of the topic,
 * {@code {"consumeTimeSpanSet":[{..},{..}]}}. Immutable.
 */
public record QueryConsumeTimeSpanBody(List<QueueTimeSpan> consumeTimeSpanSet) {
    private static final String WHAT = "QueryConsumeTimeSpanBody";

    public QueryConsumeTimeSpanBody {
        consumeTimeSpanSet = List.copyOf(consumeTimeSpanSet);
    }

    /** Encodes with the formatted times in the JVM's default time zone, as 4.9.7 does. */
    public byte[] encode() {
        return encode(ZoneId.systemDefault());
    }

    public byte[] encode(ZoneId zone) {
        JsonWriter out = new JsonWriter(32 + consumeTimeSpanSet.size() * 320);
        out.beginObject().name("consumeTimeSpanSet").beginArray();
        for (QueueTimeSpan span : consumeTimeSpanSet) {
            span.writeJson(out, zone);
        }
        return out.endArray().endObject().toBytes();
    }

    public static QueryConsumeTimeSpanBody decode(byte[] body) {
        return JsonBodies.decode(body, WHAT, o -> {
            List<QueueTimeSpan> spans = new ArrayList<>();
            JSONArray array = JsonBodies.array(o, "consumeTimeSpanSet", WHAT);
            if (array != null) {
                for (Object span : array) {
                    spans.add(QueueTimeSpan.fromJson(span, WHAT));
                }
            }
            return new QueryConsumeTimeSpanBody(spans);
        });
    }
}
