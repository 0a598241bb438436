package io.petrel.common.route;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every broker name with its addresses, and every cluster with its broker names: the GET_BROKER_CLUSTER_INFO
 * body. Always written with bare numeric broker-id keys, as 4.9.7 NameServers do:
 * <pre>{"brokerAddrTable":{"name":BrokerData...},"clusterAddrTable":{"cluster":["name"...]}}</pre>
 * Immutable; maps are sorted by key.
 */
public record ClusterInfo(Map<String, BrokerData> brokerAddrTable, Map<String, Set<String>> clusterAddrTable) {
    private static final String WHAT = "ClusterInfo";

    public ClusterInfo {
        brokerAddrTable = Collections.unmodifiableSortedMap(new TreeMap<>(brokerAddrTable));
        TreeMap<String, Set<String>> clusters = new TreeMap<>();
        clusterAddrTable.forEach((k, v) -> clusters.put(k, Collections.unmodifiableSortedSet(new TreeSet<>(v))));
        clusterAddrTable = Collections.unmodifiableSortedMap(clusters);
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(256);
        out.beginObject().name("brokerAddrTable").beginObject();
        for (Map.Entry<String, BrokerData> e : brokerAddrTable.entrySet()) {
            out.name(e.getKey());
            e.getValue().writeJson(out, RouteJsonDialect.NUMERIC_KEYS);
        }
        out.endObject().name("clusterAddrTable").beginObject();
        for (Map.Entry<String, Set<String>> e : clusterAddrTable.entrySet()) {
            out.name(e.getKey()).beginArray();
            for (String name : e.getValue()) {
                out.value(name);
            }
            out.endArray();
        }
        return out.endObject().endObject().toBytes();
    }

    public static ClusterInfo decode(byte[] json) {
        return JsonBodies.decode(json, WHAT, ClusterInfo::fromJson);
    }

    private static ClusterInfo fromJson(JSONObject o) {
        Map<String, BrokerData> brokers = new TreeMap<>();
        JSONObject bt = JsonBodies.object(o, "brokerAddrTable", WHAT);
        if (bt != null) {
            for (String name : bt.keySet()) {
                brokers.put(name, BrokerData.fromJson(bt.getJSONObject(name)));
            }
        }
        Map<String, Set<String>> clusters = new TreeMap<>();
        JSONObject ct = JsonBodies.object(o, "clusterAddrTable", WHAT);
        if (ct != null) {
            for (String cluster : ct.keySet()) {
                JSONArray names = ct.getJSONArray(cluster);
                clusters.put(cluster, names == null ? Set.of() : new LinkedHashSet<>(names.toList(String.class)));
            }
        }
        return new ClusterInfo(brokers, clusters);
    }
}
