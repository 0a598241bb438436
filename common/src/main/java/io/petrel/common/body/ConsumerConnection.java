package io.petrel.common.body;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.heartbeat.ConsumeFromWhere;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The online members of a consumer group with the group's settings and subscriptions, the
 * GET_CONSUMER_CONNECTION_LIST (203) body. Members in alphabetical order, null enums left out:
 * <pre>
 * {"connectionSet":[{..}],"consumeFromWhere":"CONSUME_FROM_LAST_OFFSET","consumeType":"CONSUME_PASSIVELY",
 *  "messageModel":"CLUSTERING","subscriptionTable":{"T1":{SubscriptionData}}}
 * </pre>
 * Immutable; the three enums may be null (absent).
 */
public record ConsumerConnection(Set<Connection> connectionSet, Map<String, SubscriptionData> subscriptionTable,
                                 ConsumeType consumeType, MessageModel messageModel,
                                 ConsumeFromWhere consumeFromWhere) {
    private static final String WHAT = "ConsumerConnection";

    public ConsumerConnection {
        connectionSet = Copies.set(connectionSet, WHAT);
        subscriptionTable = Copies.map(subscriptionTable, WHAT);
    }

    /** The lowest protocol version among the members, {@link Integer#MAX_VALUE} when there is none. */
    public int computeMinVersion() {
        int min = Integer.MAX_VALUE;
        for (Connection c : connectionSet) {
            min = Math.min(min, c.version());
        }
        return min;
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(256 + connectionSet.size() * 128 + subscriptionTable.size() * 256);
        out.beginObject();
        Connection.writeSet(connectionSet, out);
        out.fieldIfPresent("consumeFromWhere", Enums.name(consumeFromWhere))
            .fieldIfPresent("consumeType", Enums.name(consumeType))
            .fieldIfPresent("messageModel", Enums.name(messageModel))
            .name("subscriptionTable").beginObject();
        for (Map.Entry<String, SubscriptionData> e : subscriptionTable.entrySet()) {
            out.name(e.getKey());
            e.getValue().writeJson(out);
        }
        return out.endObject().endObject().toBytes();
    }

    public static ConsumerConnection decode(byte[] body) {
        return JsonBodies.decode(body, WHAT, ConsumerConnection::fromJson);
    }

    private static ConsumerConnection fromJson(JSONObject o) {
        Map<String, SubscriptionData> subscriptions = new LinkedHashMap<>();
        JSONObject table = JsonBodies.object(o, "subscriptionTable", WHAT);
        if (table != null) {
            for (Map.Entry<Object, Object> e : JsonBodies.entries(table)) {
                JSONObject s = JsonBodies.asObject(e.getValue(), WHAT);
                if (s != null) {
                    subscriptions.put(JsonBodies.stringKey(e.getKey(), WHAT), SubscriptionData.fromJson(s));
                }
            }
        }
        return new ConsumerConnection(Connection.readSet(o, WHAT), subscriptions,
            Enums.read(ConsumeType.class, JsonBodies.string(o, "consumeType"), WHAT),
            Enums.read(MessageModel.class, JsonBodies.string(o, "messageModel"), WHAT),
            Enums.read(ConsumeFromWhere.class, JsonBodies.string(o, "consumeFromWhere"), WHAT));
    }
}
