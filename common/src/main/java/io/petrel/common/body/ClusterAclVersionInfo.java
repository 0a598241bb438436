package io.petrel.common.body;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.DataVersion;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A broker's ACL config versions, the GET_BROKER_CLUSTER_ACL_INFO (52) body ({@code mqadmin clusterAclConfigVersion}):
 * <pre>
 * {"aclConfigDataVersion":{"counter":1,"timestamp":..},"allAclConfigDataVersion":{"/path/plain_acl.yml":{..}},
 *  "brokerAddr":..,"brokerName":..,"clusterName":..}
 * </pre>
 * Nulls are left out and read back as null. Immutable.
 */
public record ClusterAclVersionInfo(String brokerName, String brokerAddr, DataVersion aclConfigDataVersion,
                                    Map<String, DataVersion> allAclConfigDataVersion, String clusterName) {
    private static final String WHAT = "ClusterAclVersionInfo";

    public ClusterAclVersionInfo {
        allAclConfigDataVersion = allAclConfigDataVersion == null ? null : Copies.map(allAclConfigDataVersion, WHAT);
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(256);
        out.beginObject();
        if (aclConfigDataVersion != null) {
            out.name("aclConfigDataVersion");
            aclConfigDataVersion.writeJson(out);
        }
        if (allAclConfigDataVersion != null) {
            out.name("allAclConfigDataVersion").beginObject();
            allAclConfigDataVersion.forEach((file, version) -> {
                out.name(file);
                version.writeJson(out);
            });
            out.endObject();
        }
        return out.fieldIfPresent("brokerAddr", brokerAddr).fieldIfPresent("brokerName", brokerName)
            .fieldIfPresent("clusterName", clusterName).endObject().toBytes();
    }

    public static ClusterAclVersionInfo decode(byte[] body) {
        return JsonBodies.decode(body, WHAT, o -> new ClusterAclVersionInfo(JsonBodies.string(o, "brokerName"),
            JsonBodies.string(o, "brokerAddr"), version(JsonBodies.object(o, "aclConfigDataVersion", WHAT)),
            versionTable(JsonBodies.object(o, "allAclConfigDataVersion", WHAT)), JsonBodies.string(o, "clusterName")));
    }

    /**
     * Reads a JSON object of ACL file path to data version, as GET_BROKER_CLUSTER_ACL_INFO's
     * {@code allAclFileVersion} header carries it.
     */
    public static Map<String, DataVersion> decodeVersionTable(byte[] json) {
        return JsonBodies.decode(json, WHAT, ClusterAclVersionInfo::versionTable);
    }

    private static Map<String, DataVersion> versionTable(JSONObject table) {
        if (table == null) {
            return null;
        }
        Map<String, DataVersion> all = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> e : JsonBodies.entries(table)) {
            all.put(JsonBodies.stringKey(e.getKey(), WHAT), version(JsonBodies.asObject(e.getValue(), WHAT)));
        }
        return all;
    }

    private static DataVersion version(JSONObject o) {
        return o == null ? null : DataVersion.fromJson(o);
    }
}
