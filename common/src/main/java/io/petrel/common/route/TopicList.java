package io.petrel.common.route;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A list of topic names, optionally with a broker address (the system-topic answer carries one):
 * {@code {"brokerAddr":"ip:port","topicList":["t"...]}}, {@code brokerAddr} absent when null. Immutable.
 */
public record TopicList(List<String> topicList, String brokerAddr) {
    public TopicList {
        topicList = List.copyOf(topicList);
    }

    public static TopicList of(Collection<String> topics) {
        return new TopicList(new ArrayList<>(topics), null);
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(32 + 24 * topicList.size());
        out.beginObject();
        if (brokerAddr != null) {
            out.field("brokerAddr", brokerAddr);
        }
        out.name("topicList").beginArray();
        for (String t : topicList) {
            out.value(t);
        }
        return out.endArray().endObject().toBytes();
    }

    public static TopicList decode(byte[] json) {
        JSONObject o = JsonBodies.parseObject(json, "TopicList");
        JSONArray a = JsonBodies.array(o, "topicList", "TopicList");
        return new TopicList(a == null ? List.of() : a.toList(String.class), JsonBodies.string(o, "brokerAddr"));
    }
}
