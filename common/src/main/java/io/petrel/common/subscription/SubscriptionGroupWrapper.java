package io.petrel.common.subscription;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.DataVersion;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A broker's whole group table with its data version: the content of {@code config/subscriptionGroup.json} and
 * the GET_ALL_SUBSCRIPTIONGROUP_CONFIG body. Members: {@code dataVersion}, {@code subscriptionGroupTable}.
 */
public record SubscriptionGroupWrapper(Map<String, SubscriptionGroupConfig> subscriptionGroupTable,
                                       DataVersion dataVersion) {

    public byte[] encode() {
        JsonWriter out = new JsonWriter(256 + subscriptionGroupTable.size() * 320);
        out.beginObject().name("dataVersion");
        dataVersion.writeJson(out);
        out.name("subscriptionGroupTable").beginObject();
        for (Map.Entry<String, SubscriptionGroupConfig> e : subscriptionGroupTable.entrySet()) {
            out.name(e.getKey());
            e.getValue().writeJson(out);
        }
        return out.endObject().endObject().toBytes();
    }

    public static SubscriptionGroupWrapper decode(byte[] json) {
        String what = "SubscriptionGroupWrapper";
        JSONObject root = JsonBodies.parseObject(json, what);
        JSONObject table = JsonBodies.object(root, "subscriptionGroupTable", what);
        Map<String, SubscriptionGroupConfig> groups = new LinkedHashMap<>();
        if (table != null) {
            for (String name : table.keySet()) {
                JSONObject o = JsonBodies.object(table, name, what);
                if (o != null) {
                    groups.put(name, SubscriptionGroupConfig.fromJson(o));
                }
            }
        }
        JSONObject version = JsonBodies.object(root, "dataVersion", what);
        DataVersion dv = version == null ? DataVersion.ZERO
            : DataVersion.decode(version.toJSONString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new SubscriptionGroupWrapper(groups, dv);
    }
}
