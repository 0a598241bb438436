package io.petrel.common.body;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One account of a broker's plain ACL file: access and secret key, the address pattern it may come from without a
 * signature, whether it is an admin, its default topic and group permissions and its per-topic and per-group ones
 * ({@code "name=PERM"} each). JSON, members in name order and nulls left out as fastjson writes them:
 * <pre>
 * {"accessKey":..,"admin":false,"defaultGroupPerm":..,"defaultTopicPerm":..,"groupPerms":[..],"secretKey":..,
 *  "topicPerms":[..],"whiteRemoteAddress":..}
 * </pre>
 * Immutable; a null list stays null (the account does not set it).
 */
public record PlainAccessConfig(String accessKey, String secretKey, String whiteRemoteAddress, boolean admin,
                                String defaultTopicPerm, String defaultGroupPerm, List<String> topicPerms,
                                List<String> groupPerms) {
    private static final String WHAT = "PlainAccessConfig";

    public PlainAccessConfig {
        topicPerms = topicPerms == null ? null : Collections.unmodifiableList(new ArrayList<>(topicPerms));
        groupPerms = groupPerms == null ? null : Collections.unmodifiableList(new ArrayList<>(groupPerms));
    }

    public void writeJson(JsonWriter out) {
        out.beginObject().fieldIfPresent("accessKey", accessKey).field("admin", admin)
            .fieldIfPresent("defaultGroupPerm", defaultGroupPerm).fieldIfPresent("defaultTopicPerm", defaultTopicPerm);
        strings(out, "groupPerms", groupPerms);
        out.fieldIfPresent("secretKey", secretKey);
        strings(out, "topicPerms", topicPerms);
        out.fieldIfPresent("whiteRemoteAddress", whiteRemoteAddress).endObject();
    }

    public static PlainAccessConfig fromJson(Object value, String what) {
        JSONObject o = JsonBodies.asObject(value, what);
        if (o == null) {
            throw new IllegalArgumentException(what + ": null " + WHAT);
        }
        return new PlainAccessConfig(JsonBodies.string(o, "accessKey"), JsonBodies.string(o, "secretKey"),
            JsonBodies.string(o, "whiteRemoteAddress"), JsonBodies.booleanOr(o, "admin", false),
            JsonBodies.string(o, "defaultTopicPerm"), JsonBodies.string(o, "defaultGroupPerm"),
            strings(JsonBodies.array(o, "topicPerms", what)), strings(JsonBodies.array(o, "groupPerms", what)));
    }

    /** Writes {@code name: [..]} unless {@code values} is null. */
    static void strings(JsonWriter out, String name, List<String> values) {
        if (values == null) {
            return;
        }
        out.name(name).beginArray();
        for (String v : values) {
            out.value(v);
        }
        out.endArray();
    }

    /** The strings of a JSON array; null for a missing one. */
    static List<String> strings(JSONArray array) {
        if (array == null) {
            return null;
        }
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(array.getString(i));
        }
        return out;
    }
}
