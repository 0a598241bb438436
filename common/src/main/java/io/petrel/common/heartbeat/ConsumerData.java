package io.petrel.common.heartbeat;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;

/** A consumer group as one client reports it in its heartbeat. Immutable. */
public record ConsumerData(String groupName, ConsumeType consumeType, MessageModel messageModel,
                           ConsumeFromWhere consumeFromWhere, List<SubscriptionData> subscriptionDataSet,
                           boolean unitMode) {
    public ConsumerData {
        subscriptionDataSet = List.copyOf(subscriptionDataSet);
    }

    public void writeJson(JsonWriter out) {
        out.beginObject().field("consumeFromWhere", consumeFromWhere.name())
            .field("consumeType", consumeType.name()).field("groupName", groupName)
            .field("messageModel", messageModel.name()).name("subscriptionDataSet").beginArray();
        for (SubscriptionData s : subscriptionDataSet) {
            s.writeJson(out);
        }
        out.endArray().field("unitMode", unitMode).endObject();
    }

    public static ConsumerData fromJson(JSONObject o) {
        String what = "ConsumerData";
        String group = JsonBodies.string(o, "groupName");
        if (group == null) {
            throw new IllegalArgumentException(what + ": groupName is missing");
        }
        List<SubscriptionData> subs = new ArrayList<>();
        JSONArray array = JsonBodies.array(o, "subscriptionDataSet", what);
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                subs.add(SubscriptionData.fromJson(array.getJSONObject(i)));
            }
        }
        return new ConsumerData(group,
            enumOr(ConsumeType.class, JsonBodies.string(o, "consumeType"), ConsumeType.CONSUME_PASSIVELY, what),
            enumOr(MessageModel.class, JsonBodies.string(o, "messageModel"), MessageModel.CLUSTERING, what),
            enumOr(ConsumeFromWhere.class, JsonBodies.string(o, "consumeFromWhere"),
                ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, what),
            subs, JsonBodies.booleanOr(o, "unitMode", false));
    }

    static <E extends Enum<E>> E enumOr(Class<E> type, String name, E fallback, String what) {
        if (name == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": unknown " + type.getSimpleName() + " " + name);
        }
    }
}
