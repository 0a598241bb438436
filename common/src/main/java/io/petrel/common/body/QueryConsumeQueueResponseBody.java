package io.petrel.common.body;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The QUERY_CONSUME_QUEUE (321) body ({@code mqadmin queryCq}): the group's subscription and filter on the topic,
 * the queue's index range and the entries asked for. JSON (nulls left out):
 * <pre>
 * {"filterData":..,"maxQueueIndex":9,"minQueueIndex":0,"queueData":[{ConsumeQueueData}],"subscriptionData":{..}}
 * </pre>
 * {@code subscriptionData}, {@code filterData} and {@code queueData} may be null. Immutable.
 */
public record QueryConsumeQueueResponseBody(SubscriptionData subscriptionData, String filterData,
                                            List<ConsumeQueueData> queueData, long maxQueueIndex,
                                            long minQueueIndex) {
    private static final String WHAT = "QueryConsumeQueueResponseBody";

    public QueryConsumeQueueResponseBody {
        queueData = queueData == null ? null : Collections.unmodifiableList(new ArrayList<>(queueData));
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(256 + (queueData == null ? 0 : queueData.size() * 128));
        out.beginObject().fieldIfPresent("filterData", filterData).field("maxQueueIndex", maxQueueIndex)
            .field("minQueueIndex", minQueueIndex);
        if (queueData != null) {
            out.name("queueData").beginArray();
            for (ConsumeQueueData d : queueData) {
                d.writeJson(out);
            }
            out.endArray();
        }
        if (subscriptionData != null) {
            out.name("subscriptionData");
            subscriptionData.writeJson(out);
        }
        return out.endObject().toBytes();
    }

    public static QueryConsumeQueueResponseBody decode(byte[] body) {
        return JsonBodies.decode(body, WHAT, QueryConsumeQueueResponseBody::fromJson);
    }

    private static QueryConsumeQueueResponseBody fromJson(JSONObject o) {
        List<ConsumeQueueData> entries = null;
        JSONArray array = JsonBodies.array(o, "queueData", WHAT);
        if (array != null) {
            entries = new ArrayList<>();
            for (Object e : array) {
                entries.add(ConsumeQueueData.fromJson(e, WHAT));
            }
        }
        JSONObject sub = JsonBodies.object(o, "subscriptionData", WHAT);
        return new QueryConsumeQueueResponseBody(sub == null ? null : SubscriptionData.fromJson(sub),
            JsonBodies.string(o, "filterData"), entries, JsonBodies.longOr(o, "maxQueueIndex", 0, WHAT),
            JsonBodies.longOr(o, "minQueueIndex", 0, WHAT));
    }
}
