package io.petrel.common.body;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;

/**
 * A consumer's answer to CONSUME_MESSAGE_DIRECTLY (309), relayed by the broker to the admin tool:
 * <pre>{"autoCommit":true,"consumeResult":"CR_SUCCESS","order":false,"remark":"..","spentTimeMills":3}</pre>
 * ({@code consumeResult} and {@code remark} left out when null). Missing members take 4.9.7's defaults:
 * {@code order} false, {@code autoCommit} true, the rest null / 0. Immutable.
 */
public record ConsumeMessageDirectlyResult(boolean order, boolean autoCommit, CMResult consumeResult, String remark,
                                           long spentTimeMills) {
    private static final String WHAT = "ConsumeMessageDirectlyResult";

    public byte[] encode() {
        JsonWriter out = new JsonWriter(128 + (remark == null ? 0 : remark.length()));
        return out.beginObject().field("autoCommit", autoCommit)
            .fieldIfPresent("consumeResult", Enums.name(consumeResult))
            .field("order", order).fieldIfPresent("remark", remark).field("spentTimeMills", spentTimeMills)
            .endObject().toBytes();
    }

    public static ConsumeMessageDirectlyResult decode(byte[] body) {
        return JsonBodies.decode(body, WHAT, ConsumeMessageDirectlyResult::fromJson);
    }

    private static ConsumeMessageDirectlyResult fromJson(JSONObject o) {
        return new ConsumeMessageDirectlyResult(JsonBodies.booleanOr(o, "order", false),
            JsonBodies.booleanOr(o, "autoCommit", true),
            Enums.read(CMResult.class, JsonBodies.string(o, "consumeResult"), WHAT), JsonBodies.string(o, "remark"),
            JsonBodies.longOr(o, "spentTimeMills", 0, WHAT));
    }
}
