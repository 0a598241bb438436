package io.petrel.common.body;

import io.petrel.common.heartbeat.ConsumeFromWhere;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.route.json.JsonWriter;
import java.util.Collection;
import java.util.Map;

/** GET_CONSUMER_CONNECTION_LIST and GET_PRODUCER_CONNECTION_LIST response bodies. */
public final class ConnectionListBodies {
    private ConnectionListBodies() {
    }

    public static byte[] producer(Collection<Connection> connections) {
        JsonWriter out = new JsonWriter(64 + connections.size() * 128);
        out.beginObject();
        writeConnections(connections, out);
        return out.endObject().toBytes();
    }

    public static byte[] consumer(Collection<Connection> connections, ConsumeFromWhere from, ConsumeType type,
                                  MessageModel model, Map<String, SubscriptionData> subscriptions) {
        JsonWriter out = new JsonWriter(256 + connections.size() * 128 + subscriptions.size() * 256);
        out.beginObject();
        writeConnections(connections, out);
        out.field("consumeFromWhere", from.name()).field("consumeType", type.name())
            .field("messageModel", model.name()).name("subscriptionTable").beginObject();
        for (Map.Entry<String, SubscriptionData> e : subscriptions.entrySet()) {
            out.name(e.getKey());
            e.getValue().writeJson(out);
        }
        return out.endObject().endObject().toBytes();
    }

    private static void writeConnections(Collection<Connection> connections, JsonWriter out) {
        out.name("connectionSet").beginArray();
        for (Connection c : connections) {
            c.writeJson(out);
        }
        out.endArray();
    }
}
