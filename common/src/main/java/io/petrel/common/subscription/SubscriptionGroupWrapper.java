package io.petrel.common.subscription;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.DataVersion;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A broker's whole group table with its data version: the content of {@code config/subscriptionGroup.json} and
 * the GET_ALL_SUBSCRIPTIONGROUP_CONFIG body. Members: {@code dataVersion}, {@code subscriptionGroupTable}.
 * Immutable; groups keep their order; a null version stands for {@link DataVersion#ZERO}.
 */
public record SubscriptionGroupWrapper(Map<String, SubscriptionGroupConfig> subscriptionGroupTable,
                                       DataVersion dataVersion) {
    private static final String WHAT = "SubscriptionGroupWrapper";

    public SubscriptionGroupWrapper {
        subscriptionGroupTable = Collections.unmodifiableMap(new LinkedHashMap<>(subscriptionGroupTable));
        dataVersion = dataVersion == null ? DataVersion.ZERO : dataVersion;
    }

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

    /** Reads the body; a group without {@code groupName} takes its table key as name. */
    public static SubscriptionGroupWrapper decode(byte[] json) {
        return JsonBodies.decode(json, WHAT, root -> {
            JSONObject table = JsonBodies.object(root, "subscriptionGroupTable", WHAT);
            Map<String, SubscriptionGroupConfig> groups = new LinkedHashMap<>();
            if (table != null) {
                for (Map.Entry<Object, Object> e : JsonBodies.entries(table)) {
                    String name = JsonBodies.stringKey(e.getKey(), WHAT);
                    JSONObject o = JsonBodies.asObject(e.getValue(), WHAT);
                    if (o != null) {
                        if (JsonBodies.string(o, "groupName") == null) {
                            o = new JSONObject(o);
                            o.put("groupName", name);
                        }
                        groups.put(name, SubscriptionGroupConfig.fromJson(o));
                    }
                }
            }
            return new SubscriptionGroupWrapper(groups,
                DataVersion.fromJson(JsonBodies.object(root, "dataVersion", WHAT)));
        });
    }
}
