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
 *
 * <p>A 5.x client that sends heartbeats of version 2 adds {@code heartbeatFingerprint}, a hash of what it
 * subscribes to (never 0), and {@code withoutSub}, set when it means the broker to keep the subscriptions it has
 * for the groups (the 5.3.1 client lists them anyway). A 4.x heartbeat has neither: fingerprint 0.
 *
 * @param heartbeatFingerprint 0 for a heartbeat of version 1
 * @param withoutSub           whether the sender left (or meant to leave) the subscriptions out
 */
public record HeartbeatData(String clientID, List<String> producerGroups, List<ConsumerData> consumerDataSet,
                            int heartbeatFingerprint, boolean withoutSub) {
    public HeartbeatData {
        producerGroups = List.copyOf(producerGroups);
        consumerDataSet = List.copyOf(consumerDataSet);
    }

    /** A heartbeat of version 1, the only kind 4.x clients send. */
    public HeartbeatData(String clientID, List<String> producerGroups, List<ConsumerData> consumerDataSet) {
        this(clientID, producerGroups, consumerDataSet, 0, false);
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(512);
        out.beginObject().field("clientID", clientID).name("consumerDataSet").beginArray();
        for (ConsumerData c : consumerDataSet) {
            c.writeJson(out);
        }
        out.endArray();
        if (heartbeatFingerprint != 0) {
            out.field("heartbeatFingerprint", heartbeatFingerprint);
        }
        out.name("producerDataSet").beginArray();
        for (String g : producerGroups) {
            out.beginObject().field("groupName", g).endObject();
        }
        out.endArray();
        if (heartbeatFingerprint != 0) {
            out.field("withoutSub", withoutSub);
        }
        return out.endObject().toBytes();
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
        return new HeartbeatData(clientId, producers, consumers,
            JsonBodies.intOr(root, "heartbeatFingerprint", 0, what),
            JsonBodies.booleanOr(root, "withoutSub", false));
    }
}
