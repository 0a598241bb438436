package io.petrel.common.heartbeat;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One topic subscription of a consumer group: the expression ({@code subString}), its parsed tags and their hash
 * codes (what a broker filters on), the version (build time) and the expression type ({@code TAG} or
 * {@code SQL92}). Immutable.
 */
public record SubscriptionData(String topic, String subString, Set<String> tagsSet, Set<Integer> codeSet,
                               long subVersion, String expressionType, boolean classFilterMode) {
    public static final String SUB_ALL = "*";
    public static final String TAG = "TAG";
    public static final String SQL92 = "SQL92";

    public SubscriptionData {
        tagsSet = Collections.unmodifiableSet(new LinkedHashSet<>(tagsSet));
        codeSet = Collections.unmodifiableSet(new LinkedHashSet<>(codeSet));
        expressionType = expressionType == null ? TAG : expressionType;
    }

    /**
     * Parses a tag expression: {@code *} or blank subscribes to everything; otherwise tags are split on
     * {@code ||} and trimmed, and each tag's {@code String.hashCode()} is what the broker compares.
     */
    public static SubscriptionData ofTags(String topic, String expression, long subVersion) {
        String sub = expression == null || expression.isBlank() ? SUB_ALL : expression.trim();
        Set<String> tags = new LinkedHashSet<>();
        Set<Integer> codes = new LinkedHashSet<>();
        if (!sub.equals(SUB_ALL)) {
            for (String t : sub.split("\\|\\|")) {
                String tag = t.trim();
                if (!tag.isEmpty()) {
                    tags.add(tag);
                    codes.add(tag.hashCode());
                }
            }
            if (tags.isEmpty()) {
                throw new IllegalArgumentException("subscription expression has no tag: " + expression);
            }
        }
        return new SubscriptionData(topic, sub, tags, codes, subVersion, TAG, false);
    }

    public boolean matchesAll() {
        return SUB_ALL.equals(subString) || subString == null || subString.isEmpty();
    }

    /** Tag-code filter as a broker applies it; a null code (unknown) matches. */
    public boolean matchesTagsCode(Long tagsCode) {
        return matchesAll() || tagsCode == null || codeSet.contains(tagsCode.intValue());
    }

    public void writeJson(JsonWriter out) {
        out.beginObject().field("classFilterMode", classFilterMode).name("codeSet").beginArray();
        for (Integer code : codeSet) {
            out.value(code);
        }
        out.endArray().field("expressionType", expressionType).fieldIfPresent("subString", subString)
            .field("subVersion", subVersion).name("tagsSet").beginArray();
        for (String tag : tagsSet) {
            out.value(tag);
        }
        out.endArray().fieldIfPresent("topic", topic).endObject();
    }

    public static SubscriptionData fromJson(JSONObject o) {
        String what = "SubscriptionData";
        Set<String> tags = new LinkedHashSet<>();
        JSONArray tagArray = JsonBodies.array(o, "tagsSet", what);
        if (tagArray != null) {
            for (int i = 0; i < tagArray.size(); i++) {
                tags.add(tagArray.getString(i));
            }
        }
        Set<Integer> codes = new LinkedHashSet<>();
        JSONArray codeArray = JsonBodies.array(o, "codeSet", what);
        if (codeArray != null) {
            for (int i = 0; i < codeArray.size(); i++) {
                codes.add(codeArray.getIntValue(i));
            }
        }
        String topic = JsonBodies.string(o, "topic");
        if (topic == null) {
            throw new IllegalArgumentException(what + ": topic is missing");
        }
        return new SubscriptionData(topic, JsonBodies.string(o, "subString"), tags, codes,
            JsonBodies.longOr(o, "subVersion", 0, what), JsonBodies.string(o, "expressionType"),
            JsonBodies.booleanOr(o, "classFilterMode", false));
    }
}
