package io.petrel.common.body;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a consumer client reports about itself when asked with GET_CONSUMER_RUNNING_INFO (307): the body of its
 * answer, which the broker relays to the admin tool ({@code mqadmin consumerStatus} prints it). Members in
 * alphabetical order, {@code jstack} left out when null:
 * <pre>
 * {"jstack":"..","mqTable":{{"brokerName":"b","queueId":0,"topic":"T"}:{ProcessQueueInfo}},
 *  "properties":{"PROP_CONSUME_TYPE":"CONSUME_PASSIVELY",..},"statusTable":{"T":{ConsumeStatus}},
 *  "subscriptionSet":[{SubscriptionData}]}
 * </pre>
 * As in 4.9.7, {@code mqTable} is ordered by queue, {@code statusTable} by topic and {@code subscriptionSet} by
 * {@code topic + "@" + subString} (one entry per such key); {@code properties} keep their order. The 4.9.7
 * admin tool reads the {@code PROP_*} properties below as strings ({@link #PROP_CONSUME_TYPE} as a
 * {@code ConsumeType} name, {@link #PROP_CONSUMER_START_TIMESTAMP} as a number). Immutable; like 4.9.7's
 * {@code TreeSet}, {@code subscriptionSet} tells subscriptions apart (also in {@code equals}) by that key only.
 */
public record ConsumerRunningInfo(Map<String, String> properties, Set<SubscriptionData> subscriptionSet,
                                  Map<MessageQueue, ProcessQueueInfo> mqTable, Map<String, ConsumeStatus> statusTable,
                                  String jstack) {
    public static final String PROP_NAMESERVER_ADDR = "PROP_NAMESERVER_ADDR";
    public static final String PROP_THREADPOOL_CORE_SIZE = "PROP_THREADPOOL_CORE_SIZE";
    public static final String PROP_CONSUME_ORDERLY = "PROP_CONSUMEORDERLY";
    public static final String PROP_CONSUME_TYPE = "PROP_CONSUME_TYPE";
    public static final String PROP_CLIENT_VERSION = "PROP_CLIENT_VERSION";
    public static final String PROP_CONSUMER_START_TIMESTAMP = "PROP_CONSUMER_START_TIMESTAMP";

    /** 4.9.7's order of subscriptions: by {@code topic@subString}. */
    public static final Comparator<SubscriptionData> SUBSCRIPTION_ORDER =
        Comparator.comparing(s -> s.topic() + "@" + s.subString());

    private static final String WHAT = "ConsumerRunningInfo";

    public ConsumerRunningInfo {
        properties = Copies.map(properties, WHAT);
        TreeSet<SubscriptionData> subs = new TreeSet<>(SUBSCRIPTION_ORDER);
        if (subscriptionSet != null) {
            subscriptionSet.forEach(s -> subs.add(Objects.requireNonNull(s, WHAT + ": null subscription")));
        }
        subscriptionSet = Collections.unmodifiableSortedSet(subs);
        mqTable = Collections.unmodifiableSortedMap(new TreeMap<>(Copies.map(mqTable, WHAT)));
        statusTable = Collections.unmodifiableSortedMap(new TreeMap<>(Copies.map(statusTable, WHAT)));
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(512 + mqTable.size() * 480 + (jstack == null ? 0 : jstack.length()));
        out.beginObject().fieldIfPresent("jstack", jstack).name("mqTable");
        QueueJson.writeTable(mqTable, out, ProcessQueueInfo::writeJson);
        out.name("properties").beginObject();
        properties.forEach(out::field);
        out.endObject().name("statusTable").beginObject();
        statusTable.forEach((topic, status) -> {
            out.name(topic);
            status.writeJson(out);
        });
        out.endObject().name("subscriptionSet").beginArray();
        for (SubscriptionData s : subscriptionSet) {
            s.writeJson(out);
        }
        return out.endArray().endObject().toBytes();
    }

    public static ConsumerRunningInfo decode(byte[] body) {
        return JsonBodies.decode(body, WHAT, ConsumerRunningInfo::fromJson);
    }

    private static ConsumerRunningInfo fromJson(JSONObject o) {
        Map<String, String> properties = new LinkedHashMap<>();
        JSONObject p = JsonBodies.object(o, "properties", WHAT);
        if (p != null) {
            for (Map.Entry<Object, Object> e : JsonBodies.entries(p)) {
                if (e.getValue() != null) {
                    properties.put(JsonBodies.stringKey(e.getKey(), WHAT), e.getValue().toString());
                }
            }
        }
        Set<SubscriptionData> subs = new TreeSet<>(SUBSCRIPTION_ORDER);
        JSONArray array = JsonBodies.array(o, "subscriptionSet", WHAT);
        if (array != null) {
            for (Object s : array) {
                subs.add(SubscriptionData.fromJson(JsonBodies.asObject(s, WHAT)));
            }
        }
        Map<String, ConsumeStatus> status = new LinkedHashMap<>();
        JSONObject st = JsonBodies.object(o, "statusTable", WHAT);
        if (st != null) {
            for (Map.Entry<Object, Object> e : JsonBodies.entries(st)) {
                status.put(JsonBodies.stringKey(e.getKey(), WHAT), ConsumeStatus.fromJson(e.getValue(), WHAT));
            }
        }
        Map<MessageQueue, ProcessQueueInfo> mqs =
            QueueJson.readTable(JsonBodies.object(o, "mqTable", WHAT), WHAT, ProcessQueueInfo::fromJson);
        return new ConsumerRunningInfo(properties, subs, mqs, status, JsonBodies.string(o, "jstack"));
    }
}
