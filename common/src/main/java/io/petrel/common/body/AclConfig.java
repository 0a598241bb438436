package io.petrel.common.body;

import com.alibaba.fastjson2.JSONArray;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A broker's whole plain ACL: the global white address patterns and every account. The GET_BROKER_CLUSTER_ACL_CONFIG
 * (54) body ({@code mqadmin getAclConfig}), nulls left out:
 * {@code {"globalWhiteAddrs":["10.10.*"],"plainAccessConfigs":[{..}]}}. Immutable; a null list stays null.
 */
public record AclConfig(List<String> globalWhiteAddrs, List<PlainAccessConfig> plainAccessConfigs) {
    private static final String WHAT = "AclConfig";

    public AclConfig {
        globalWhiteAddrs = globalWhiteAddrs == null ? null
            : Collections.unmodifiableList(new ArrayList<>(globalWhiteAddrs));
        plainAccessConfigs = plainAccessConfigs == null ? null
            : Collections.unmodifiableList(new ArrayList<>(plainAccessConfigs));
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(256);
        out.beginObject();
        PlainAccessConfig.strings(out, "globalWhiteAddrs", globalWhiteAddrs);
        if (plainAccessConfigs != null) {
            out.name("plainAccessConfigs").beginArray();
            for (PlainAccessConfig c : plainAccessConfigs) {
                c.writeJson(out);
            }
            out.endArray();
        }
        return out.endObject().toBytes();
    }

    public static AclConfig decode(byte[] body) {
        return JsonBodies.decode(body, WHAT, o -> {
            List<PlainAccessConfig> accounts = null;
            JSONArray array = JsonBodies.array(o, "plainAccessConfigs", WHAT);
            if (array != null) {
                accounts = new ArrayList<>(array.size());
                for (int i = 0; i < array.size(); i++) {
                    accounts.add(PlainAccessConfig.fromJson(array.get(i), WHAT));
                }
            }
            return new AclConfig(PlainAccessConfig.strings(JsonBodies.array(o, "globalWhiteAddrs", WHAT)), accounts);
        });
    }
}
