package io.petrel.common.subscription;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;

/**
 * A consumer group's settings on a broker ({@code config/subscriptionGroup.json}, the body of
 * UPDATE_AND_CREATE_SUBSCRIPTIONGROUP). JSON members in alphabetical order, as 4.9.7 peers write them. Immutable.
 */
public record SubscriptionGroupConfig(String groupName, boolean consumeEnable, boolean consumeFromMinEnable,
                                      boolean consumeBroadcastEnable, int retryQueueNums, int retryMaxTimes,
                                      long brokerId, long whichBrokerWhenConsumeSlowly,
                                      boolean notifyConsumerIdsChangedEnable) {

    /** A group with the defaults a broker gives an auto-created group. */
    public static SubscriptionGroupConfig defaults(String groupName) {
        return new SubscriptionGroupConfig(groupName, true, true, true, 1, 16, 0, 1, true);
    }

    public void writeJson(JsonWriter out) {
        out.beginObject()
            .field("brokerId", brokerId)
            .field("consumeBroadcastEnable", consumeBroadcastEnable)
            .field("consumeEnable", consumeEnable)
            .field("consumeFromMinEnable", consumeFromMinEnable)
            .field("groupName", groupName)
            .field("notifyConsumerIdsChangedEnable", notifyConsumerIdsChangedEnable)
            .field("retryMaxTimes", retryMaxTimes)
            .field("retryQueueNums", retryQueueNums)
            .field("whichBrokerWhenConsumeSlowly", whichBrokerWhenConsumeSlowly)
            .endObject();
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(320);
        writeJson(out);
        return out.toBytes();
    }

    public static SubscriptionGroupConfig decode(byte[] json) {
        return fromJson(JsonBodies.parseObject(json, "SubscriptionGroupConfig"));
    }

    /** The body of 5.x's UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST ({@code SubscriptionGroupList}). */
    public static java.util.List<SubscriptionGroupConfig> decodeList(byte[] json) {
        return JsonBodies.decodeList(json, "SubscriptionGroupList", "groupConfigList", (i, o) -> fromJson(o));
    }

    /** Missing members take the auto-create defaults; a missing group name is an error. */
    public static SubscriptionGroupConfig fromJson(JSONObject o) {
        String name = JsonBodies.string(o, "groupName");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("SubscriptionGroupConfig: groupName is missing");
        }
        SubscriptionGroupConfig d = defaults(name);
        String what = "SubscriptionGroupConfig";
        return new SubscriptionGroupConfig(name,
            JsonBodies.booleanOr(o, "consumeEnable", d.consumeEnable),
            JsonBodies.booleanOr(o, "consumeFromMinEnable", d.consumeFromMinEnable),
            JsonBodies.booleanOr(o, "consumeBroadcastEnable", d.consumeBroadcastEnable),
            JsonBodies.intOr(o, "retryQueueNums", d.retryQueueNums, what),
            JsonBodies.intOr(o, "retryMaxTimes", d.retryMaxTimes, what),
            JsonBodies.longOr(o, "brokerId", d.brokerId, what),
            JsonBodies.longOr(o, "whichBrokerWhenConsumeSlowly", d.whichBrokerWhenConsumeSlowly, what),
            JsonBodies.booleanOr(o, "notifyConsumerIdsChangedEnable", d.notifyConsumerIdsChangedEnable));
    }
}
