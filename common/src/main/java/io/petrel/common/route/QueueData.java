package io.petrel.common.route;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;

/**
 * The queues one broker (by name) holds for a topic, as a route carries them. Immutable.
 * JSON: {@code {"brokerName":..,"perm":..,"readQueueNums":..,"topicSysFlag":..,"writeQueueNums":..}}.
 */
public record QueueData(String brokerName, int readQueueNums, int writeQueueNums, int perm, int topicSysFlag) {

    public QueueData withPerm(int newPerm) {
        return new QueueData(brokerName, readQueueNums, writeQueueNums, newPerm, topicSysFlag);
    }

    public void writeJson(JsonWriter out) {
        out.beginObject()
            .field("brokerName", brokerName)
            .field("perm", perm)
            .field("readQueueNums", readQueueNums)
            .field("topicSysFlag", topicSysFlag)
            .field("writeQueueNums", writeQueueNums)
            .endObject();
    }

    static QueueData fromJson(JSONObject o) {
        String what = "QueueData";
        return new QueueData(JsonBodies.string(o, "brokerName"), JsonBodies.intOr(o, "readQueueNums", 0, what),
            JsonBodies.intOr(o, "writeQueueNums", 0, what), JsonBodies.intOr(o, "perm", 0, what),
            JsonBodies.intOr(o, "topicSysFlag", 0, what));
    }
}
