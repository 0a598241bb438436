package io.petrel.common.body;

import com.alibaba.fastjson2.JSONArray;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Bodies that are one named list of strings: {@code {"consumerIdList":[..]}} (GET_CONSUMER_LIST_BY_GROUP),
 * {@code {"groupList":[..]}} (QUERY_TOPIC_CONSUME_BY_WHO).
 */
public final class StringListBody {
    public static final String CONSUMER_ID_LIST = "consumerIdList";
    public static final String GROUP_LIST = "groupList";

    private StringListBody() {
    }

    public static byte[] encode(String member, Collection<String> values) {
        JsonWriter out = new JsonWriter(32 + values.size() * 48);
        out.beginObject().name(member).beginArray();
        for (String v : values) {
            out.value(v);
        }
        return out.endArray().endObject().toBytes();
    }

    public static List<String> decode(String member, byte[] body) {
        JSONArray array = JsonBodies.array(JsonBodies.parseObject(body, member), member, member);
        List<String> out = new ArrayList<>();
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                out.add(array.getString(i));
            }
        }
        return out;
    }
}
