package io.petrel.common.body;

import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.Set;

/**
 * The online members of a producer group, the GET_PRODUCER_CONNECTION_LIST (204) body:
 * {@code {"connectionSet":[{"clientAddr":..,"clientId":..,"language":"JAVA","version":407}]}}. Immutable.
 */
public record ProducerConnection(Set<Connection> connectionSet) {
    private static final String WHAT = "ProducerConnection";

    public ProducerConnection {
        connectionSet = Copies.set(connectionSet, WHAT);
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(32 + connectionSet.size() * 128);
        out.beginObject();
        Connection.writeSet(connectionSet, out);
        return out.endObject().toBytes();
    }

    public static ProducerConnection decode(byte[] body) {
        return JsonBodies.decode(body, WHAT, o -> new ProducerConnection(Connection.readSet(o, WHAT)));
    }
}
