package io.petrel.common.heartbeat;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The HEART_BEAT body: a client id with the producer groups and consumer groups it runs. JSON members in
 * alphabetical order: {@code clientID, consumerDataSet, producerDataSet}. Immutable.
 */
public record HeartbeatData(String clientID, List<String> producerGroups, List<ConsumerData> consumerDataSet) {
    public HeartbeatData {
        producerGroups = List.copyOf(producerGroups);
        consumerDataSet = List.copyOf(consumerDataSet);
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(512);
        out.beginObject().field("clientID", clientID).name("consumerDataSet").beginArray();
        for (ConsumerData c : consumerDataSet) {
            c.writeJson(out);
        }
        out.endArray().name("producerDataSet").beginArray();
        for (String g : producerGroups) {
            out.beginObject().field("groupName", g).endObject();
        }
        return out.endArray().endObject().toBytes();
    }

    public static HeartbeatData decode(byte[] body) {
        String what = "HeartbeatData";
        JSONObject root = JsonBodies.parseObject(body, what);
        String clientId = JsonBodies.string(root, "clientID");
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException(what + ": clientID is missing");
        }
        List<String> producers = new ArrayList<>();
        JSONArray p = JsonBodies.array(root, "producerDataSet", what);
        if (p != null) {
            for (int i = 0; i < p.size(); i++) {
                String g = JsonBodies.string(p.getJSONObject(i), "groupName");
                if (g != null) {
                    producers.add(g);
                }
            }
        }
        List<ConsumerData> consumers = new ArrayList<>();
        JSONArray c = JsonBodies.array(root, "consumerDataSet", what);
        if (c != null) {
            for (int i = 0; i < c.size(); i++) {
                consumers.add(ConsumerData.fromJson(c.getJSONObject(i)));
            }
        }
        return new HeartbeatData(clientId, producers, consumers);
    }
}
