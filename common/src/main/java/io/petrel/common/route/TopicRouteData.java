package io.petrel.common.route;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The route of one topic: the queues each broker name holds, those brokers' addresses, filter servers, and the
 * optional order configuration ({@code "broker-a:4;broker-b:4"}). Immutable. This class owns the
 * GET_ROUTEINFO_BY_TOPIC body:
 * <pre>
 * {"brokerDatas":[BrokerData...],"filterServerTable":{"addr":["fs"...]},"orderTopicConf":"..","queueDatas":[QueueData...]}
 * </pre>
 * members in that (alphabetical) order, {@code orderTopicConf} absent when null, map keys sorted.
 */
public record TopicRouteData(String orderTopicConf, List<QueueData> queueDatas, List<BrokerData> brokerDatas,
                             Map<String, List<String>> filterServerTable) {
    private static final String WHAT = "TopicRouteData";

    public TopicRouteData {
        queueDatas = List.copyOf(queueDatas);
        brokerDatas = List.copyOf(brokerDatas);
        filterServerTable = filterServerTable == null ? Map.of() : Map.copyOf(filterServerTable);
    }

    public TopicRouteData withOrderTopicConf(String conf) {
        return new TopicRouteData(conf, queueDatas, brokerDatas, filterServerTable);
    }

    public byte[] encode(RouteJsonDialect dialect) {
        JsonWriter out = new JsonWriter(128 + 160 * (queueDatas.size() + brokerDatas.size()));
        writeJson(out, dialect);
        return out.toBytes();
    }

    public void writeJson(JsonWriter out, RouteJsonDialect dialect) {
        out.beginObject().name("brokerDatas").beginArray();
        for (BrokerData b : brokerDatas) {
            b.writeJson(out, dialect);
        }
        out.endArray().name("filterServerTable").beginObject();
        for (Map.Entry<String, List<String>> e : new TreeMap<>(filterServerTable).entrySet()) {
            out.name(e.getKey()).beginArray();
            for (String fs : e.getValue()) {
                out.value(fs);
            }
            out.endArray();
        }
        out.endObject();
        if (orderTopicConf != null) {
            out.field("orderTopicConf", orderTopicConf);
        }
        out.name("queueDatas").beginArray();
        for (QueueData q : queueDatas) {
            q.writeJson(out);
        }
        out.endArray().endObject();
    }

    /** Reads either dialect. */
    public static TopicRouteData decode(byte[] json) {
        JSONObject o = JsonBodies.parseObject(json, WHAT);
        List<QueueData> queues = new ArrayList<>();
        JSONArray qa = JsonBodies.array(o, "queueDatas", WHAT);
        if (qa != null) {
            for (int i = 0; i < qa.size(); i++) {
                queues.add(QueueData.fromJson(qa.getJSONObject(i)));
            }
        }
        List<BrokerData> brokers = new ArrayList<>();
        JSONArray ba = JsonBodies.array(o, "brokerDatas", WHAT);
        if (ba != null) {
            for (int i = 0; i < ba.size(); i++) {
                brokers.add(BrokerData.fromJson(ba.getJSONObject(i)));
            }
        }
        return new TopicRouteData(JsonBodies.string(o, "orderTopicConf"), queues, brokers, filterServers(o));
    }

    private static Map<String, List<String>> filterServers(JSONObject o) {
        Map<String, List<String>> table = new TreeMap<>();
        JSONObject fst = JsonBodies.object(o, "filterServerTable", WHAT);
        if (fst != null) {
            for (String addr : fst.keySet()) {
                JSONArray list = fst.getJSONArray(addr);
                table.put(addr, list == null ? List.of() : list.toList(String.class));
            }
        }
        return table;
    }
}
