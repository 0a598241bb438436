package io.petrel.common.body;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;

/**
 * One ConsumeQueue entry as QUERY_CONSUME_QUEUE shows it ({@code mqadmin queryCq}): the entry's CommitLog offset,
 * size and tag code, its extension data and bit map when the queue has them, whether the group's filter passes it
 * and a note. JSON (nulls left out):
 * <pre>{"bitMap":..,"eval":false,"extendDataJson":..,"msg":..,"physicOffset":0,"physicSize":0,"tagsCode":0}</pre>
 */
public record ConsumeQueueData(long physicOffset, int physicSize, long tagsCode, String extendDataJson,
                               String bitMap, boolean eval, String msg) {
    public void writeJson(JsonWriter out) {
        out.beginObject().fieldIfPresent("bitMap", bitMap).field("eval", eval)
            .fieldIfPresent("extendDataJson", extendDataJson).fieldIfPresent("msg", msg)
            .field("physicOffset", physicOffset).field("physicSize", physicSize).field("tagsCode", tagsCode)
            .endObject();
    }

    public static ConsumeQueueData fromJson(Object value, String what) {
        JSONObject o = JsonBodies.asObject(value, what);
        if (o == null) {
            throw new IllegalArgumentException(what + ": null ConsumeQueueData");
        }
        return new ConsumeQueueData(JsonBodies.longOr(o, "physicOffset", 0, what),
            JsonBodies.intOr(o, "physicSize", 0, what), JsonBodies.longOr(o, "tagsCode", 0, what),
            JsonBodies.string(o, "extendDataJson"), JsonBodies.string(o, "bitMap"),
            JsonBodies.booleanOr(o, "eval", false), JsonBodies.string(o, "msg"));
    }
}
