package io.petrel.common.route;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One broker name's addresses: broker id (0 = master, 1.. = slaves) to {@code ip:port}, plus its cluster.
 * Immutable; the address map is sorted by id. JSON:
 * {@code {"brokerAddrs":{0:"ip:port"},"brokerName":..,"cluster":..}} with the key style of a {@link RouteJsonDialect}.
 */
public record BrokerData(String cluster, String brokerName, NavigableMap<Long, String> brokerAddrs) {
    public static final long MASTER_ID = 0L;

    public BrokerData {
        brokerAddrs = Collections.unmodifiableNavigableMap(new TreeMap<>(brokerAddrs));
    }

    /** The master's address, or null when no master is registered. */
    public String masterAddr() {
        return brokerAddrs.get(MASTER_ID);
    }

    public void writeJson(JsonWriter out, RouteJsonDialect dialect) {
        out.beginObject().name("brokerAddrs").beginObject();
        for (Map.Entry<Long, String> e : brokerAddrs.entrySet()) {
            if (dialect == RouteJsonDialect.QUOTED_KEYS) {
                out.name(Long.toString(e.getKey()));
            } else {
                out.numericName(e.getKey());
            }
            out.value(e.getValue());
        }
        out.endObject().field("brokerName", brokerName).field("cluster", cluster).endObject();
    }

    static BrokerData fromJson(JSONObject o) {
        TreeMap<Long, String> addrs = new TreeMap<>();
        JSONObject map = JsonBodies.object(o, "brokerAddrs", "BrokerData");
        if (map != null) {
            for (Map.Entry<Object, Object> e : JsonBodies.entries(map)) {
                addrs.put(JsonBodies.longKey(e.getKey(), "BrokerData.brokerAddrs"),
                    e.getValue() == null ? null : e.getValue().toString());
            }
        }
        return new BrokerData(JsonBodies.string(o, "cluster"), JsonBodies.string(o, "brokerName"), addrs);
    }
}
