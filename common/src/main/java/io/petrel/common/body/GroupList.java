package io.petrel.common.body;

import com.alibaba.fastjson2.JSONArray;
import io.petrel.common.route.json.JsonBodies;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The consumer groups of a topic, the QUERY_TOPIC_CONSUME_BY_WHO (300) body:
 * {@code {"groupList":["CG1","CG2"]}}. Immutable; names keep their order.
 */
public record GroupList(Set<String> groupList) {
    private static final String WHAT = "GroupList";

    public GroupList {
        groupList = Copies.set(groupList, WHAT);
    }

    public byte[] encode() {
        return StringListBody.encode(StringListBody.GROUP_LIST, groupList);
    }

    public static GroupList decode(byte[] body) {
        return JsonBodies.decode(body, WHAT, o -> {
            Set<String> names = new LinkedHashSet<>();
            JSONArray array = JsonBodies.array(o, "groupList", WHAT);
            if (array != null) {
                for (Object name : array) {
                    if (name != null) {
                        names.add(name.toString());
                    }
                }
            }
            return new GroupList(names);
        });
    }
}
