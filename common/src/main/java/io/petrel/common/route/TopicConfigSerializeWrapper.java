package io.petrel.common.route;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.topic.TopicFilterType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A broker's whole topic table with its version: the {@code topicConfigSerializeWrapper} of a registration and
 * the GET_ALL_TOPIC_CONFIG body. JSON:
 * <pre>
 * {"dataVersion":{"counter":N,"timestamp":T},"topicConfigTable":{"T":{"order":false,"perm":6,"readQueueNums":4,
 *   "topicFilterType":"SINGLE_TAG","topicName":"T","topicSysFlag":0,"writeQueueNums":4}...}}
 * </pre>
 * Topics keep the order they were given in. Immutable. This class also owns the JSON form of one
 * {@link TopicConfig}.
 */
public record TopicConfigSerializeWrapper(Map<String, TopicConfig> topicConfigTable, DataVersion dataVersion) {
    private static final String WHAT = "TopicConfigSerializeWrapper";

    public TopicConfigSerializeWrapper {
        topicConfigTable = Collections.unmodifiableMap(new LinkedHashMap<>(topicConfigTable));
        dataVersion = dataVersion == null ? DataVersion.ZERO : dataVersion;
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(64 + 160 * topicConfigTable.size());
        writeJson(out);
        return out.toBytes();
    }

    void writeJson(JsonWriter out) {
        out.beginObject().name("dataVersion");
        dataVersion.writeJson(out);
        out.name("topicConfigTable").beginObject();
        for (Map.Entry<String, TopicConfig> e : topicConfigTable.entrySet()) {
            out.name(e.getKey());
            writeTopicConfig(e.getValue(), out);
        }
        out.endObject().endObject();
    }

    public static void writeTopicConfig(TopicConfig c, JsonWriter out) {
        writeTopicConfig(c, out, false);
    }

    /** One topic's config; {@code withAttributes} adds 5.x's {@code "attributes":{}} (Petrel keeps none). */
    public static void writeTopicConfig(TopicConfig c, JsonWriter out, boolean withAttributes) {
        out.beginObject();
        if (withAttributes) {
            out.name("attributes").beginObject().endObject();
        }
        out.field("order", c.order())
            .field("perm", c.perm())
            .field("readQueueNums", c.readQueueNums())
            .field("topicFilterType", c.filterType().name())
            .field("topicName", c.topicName())
            .field("topicSysFlag", c.topicSysFlag())
            .field("writeQueueNums", c.writeQueueNums())
            .endObject();
    }

    public static TopicConfigSerializeWrapper decode(byte[] json) {
        return JsonBodies.decode(json, WHAT, TopicConfigSerializeWrapper::fromJson);
    }

    static TopicConfigSerializeWrapper fromJson(JSONObject o) {
        if (o == null) {
            return new TopicConfigSerializeWrapper(Map.of(), DataVersion.ZERO);
        }
        Map<String, TopicConfig> table = new LinkedHashMap<>();
        JSONObject t = JsonBodies.object(o, "topicConfigTable", WHAT);
        if (t != null) {
            for (Map.Entry<Object, Object> e : JsonBodies.entries(t)) {
                String topic = JsonBodies.stringKey(e.getKey(), WHAT);
                if (!(e.getValue() instanceof JSONObject tc)) {
                    throw new IllegalArgumentException(WHAT + ": topic " + topic + " is not an object");
                }
                table.put(topic, topicConfigFromJson(topic, tc));
            }
        }
        return new TopicConfigSerializeWrapper(table, DataVersion.fromJson(JsonBodies.object(o, "dataVersion", WHAT)));
    }

    /**
     * The body of 5.x's UPDATE_AND_CREATE_TOPIC_LIST ({@code CreateTopicListRequestBody}): {@code topicConfigList},
     * each a topic config as the topic table writes it (5.x members Petrel keeps none of are ignored).
     */
    public static java.util.List<TopicConfig> decodeTopicConfigList(byte[] json) {
        String what = "CreateTopicListRequestBody";
        return JsonBodies.decodeList(json, what, "topicConfigList", (i, c) -> {
            String name = JsonBodies.string(c, "topicName");
            if (name == null) {
                throw new IllegalArgumentException(what + ": topic " + i + " has no topicName");
            }
            return topicConfigFromJson(name, c);
        });
    }

    private static TopicConfig topicConfigFromJson(String key, JSONObject o) {
        String what = "TopicConfig " + key;
        String name = JsonBodies.string(o, "topicName");
        String filter = JsonBodies.string(o, "topicFilterType");
        TopicFilterType type;
        try {
            type = filter == null ? TopicFilterType.SINGLE_TAG : TopicFilterType.valueOf(filter);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": unknown topicFilterType " + filter);
        }
        return new TopicConfig(name == null ? key : name,
            JsonBodies.intOr(o, "readQueueNums", TopicConfig.DEFAULT_READ_QUEUE_NUMS, what),
            JsonBodies.intOr(o, "writeQueueNums", TopicConfig.DEFAULT_WRITE_QUEUE_NUMS, what),
            JsonBodies.intOr(o, "perm", TopicConfig.DEFAULT_PERM, what), type,
            JsonBodies.intOr(o, "topicSysFlag", 0, what), JsonBodies.booleanOr(o, "order", false));
    }
}
