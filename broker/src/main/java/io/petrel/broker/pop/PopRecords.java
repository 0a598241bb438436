package io.petrel.broker.pop;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import io.petrel.common.topic.TopicValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * The records and strings of Pop consumption, in RocketMQ 5.x's forms: the check point written when messages are
 * popped, the ack written when one is acknowledged (both JSON bodies of records in the revive topic
 * {@code rmq_sys_REVIVE_LOG_<cluster>}, so a store keeps opening in 4.9.7), and the receipt handle ({@code POP_CK},
 * "extra info") a client acks with: {@code "<ckStartOffset> <popTime> <invisibleTime> <reviveQid> <retry flag>
 * <brokerName> <queueId> <queueOffset>"}.
 */
public final class PopRecords {
    public static final String REVIVE_TOPIC_PREFIX = "rmq_sys_REVIVE_LOG_";
    public static final String REVIVE_GROUP = "CID_RMQ_SYS_REVIVE_GROUP";
    public static final String CK_TAG = "ck";
    public static final String ACK_TAG = "ack";
    /** The property the 5.x client reads its receipt handle from. */
    public static final String POP_CK = "POP_CK";
    public static final String FIRST_POP_TIME = "1ST_POP_TIME";
    /** The revive queue number 5.x gives ordered pops (no check point is written for them). */
    public static final int ORDER_REVIVE_QUEUE = 999;

    private PopRecords() {
    }

    public static String reviveTopic(String clusterName) {
        return REVIVE_TOPIC_PREFIX + clusterName;
    }

    /** Where unacknowledged pops of {@code topic} by {@code group} go back: 5.x's pop retry topic (v1 naming). */
    public static String popRetryTopic(String topic, String group) {
        return topic.startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX) ? topic
            : TopicValidator.RETRY_GROUP_TOPIC_PREFIX + group + "_" + topic;
    }

    /**
     * The topic a receipt's retry flag names: {@code 0} the topic itself, {@code 1} its pop retry topic,
     * {@code 2} 5.x's second form of it ({@code %RETRY%<group>+<topic>}); IllegalArgumentException otherwise.
     */
    public static String topicOfRetryFlag(String topic, String group, String flag) {
        return switch (flag) {
            case "0" -> topic;
            case "1" -> popRetryTopic(topic, group);
            case "2" -> TopicValidator.RETRY_GROUP_TOPIC_PREFIX + group + "+" + topic;
            default -> throw new IllegalArgumentException("retry must be 0, 1 or 2: " + flag);
        };
    }

    /** The retry flag of a receipt handle and of the offset infos: "1" for a retry topic, "0" otherwise. */
    public static String retryFlag(String topic) {
        return topic.startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX) ? "1" : "0";
    }

    // The offset infos of a pop answer's header, as the 5.x client parses them: entries separated by ';', the fields
    // of one by ' ', each led by the retry flag of the topic it is about.

    /** {@code startOffsetInfo}: where the pop began in one queue. */
    static void appendStartOffset(StringBuilder info, String topic, int queueId, long startOffset) {
        entry(info, topic).append(queueId).append(' ').append(startOffset);
    }

    /** {@code msgOffsetInfo}: the queue offsets handed out from one queue. */
    static void appendMsgOffsets(StringBuilder info, String topic, int queueId, List<Long> offsets) {
        StringBuilder sb = entry(info, topic).append(queueId).append(' ');
        for (int i = 0; i < offsets.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(offsets.get(i));
        }
    }

    /** {@code orderCountInfo}: how many times one offset of an orderly batch was handed out before. */
    static void appendOffsetOrderCount(StringBuilder info, String topic, int queueId, long offset, int count) {
        entry(info, topic).append("qo").append(queueId).append('%').append(offset).append(' ').append(count);
    }

    /** {@code orderCountInfo}: the least count of a queue's batch, for clients that read only that. */
    static void appendQueueOrderCount(StringBuilder info, String topic, int queueId, int count) {
        entry(info, topic).append(queueId).append(' ').append(count);
    }

    private static StringBuilder entry(StringBuilder info, String topic) {
        return (info.length() == 0 ? info : info.append(';')).append(retryFlag(topic)).append(' ');
    }

    /**
     * A pop's check point: {@code num} messages popped from {@code (topic, queueId)} at {@code popTime}, the i-th at
     * queue offset {@code startOffset + offsetDiffs[i]}, invisible for {@code invisibleTime} ms.
     */
    public record CheckPoint(long startOffset, long popTime, long invisibleTime, String topic, String group,
                             int queueId, List<Integer> offsetDiffs, String brokerName) {
        public CheckPoint {
            offsetDiffs = List.copyOf(offsetDiffs);
        }

        public long reviveTime() {
            return popTime + invisibleTime;
        }

        /** What matches acks to this check point. */
        public String key() {
            return matchKey(topic, group, queueId, startOffset, popTime, brokerName);
        }

        public byte[] encode() {
            JsonWriter out = new JsonWriter(192);
            out.beginObject().field("bm", 0L).field("bn", brokerName).field("c", group).name("d").beginArray();
            for (int d : offsetDiffs) {
                out.value(d);
            }
            out.endArray().field("it", invisibleTime).field("n", offsetDiffs.size()).field("pt", popTime)
                .field("q", queueId).field("so", startOffset).field("t", topic).endObject();
            return out.toBytes();
        }

        public static CheckPoint decode(byte[] json) {
            return JsonBodies.decode(json, "PopCheckPoint", o -> {
                List<Integer> diffs = new ArrayList<>();
                JSONArray d = JsonBodies.array(o, "d", "PopCheckPoint");
                if (d != null) {
                    for (Object v : d) {
                        diffs.add((int) JsonBodies.asLong(v, 0, "PopCheckPoint"));
                    }
                }
                return new CheckPoint(JsonBodies.longOr(o, "so", 0, "PopCheckPoint"),
                    JsonBodies.longOr(o, "pt", 0, "PopCheckPoint"), JsonBodies.longOr(o, "it", 0, "PopCheckPoint"),
                    string(o, "t"), string(o, "c"), (int) JsonBodies.longOr(o, "q", 0, "PopCheckPoint"), diffs,
                    string(o, "bn"));
            });
        }
    }

    /** An acknowledgement of the message at {@code ackOffset} popped under the check point it names. */
    public record Ack(long ackOffset, long startOffset, String group, String topic, int queueId, long popTime,
                      String brokerName) {
        public String key() {
            return matchKey(topic, group, queueId, startOffset, popTime, brokerName);
        }

        public byte[] encode() {
            JsonWriter out = new JsonWriter(160);
            out.beginObject().field("ao", ackOffset).field("bn", brokerName).field("c", group).field("pt", popTime)
                .field("q", queueId).field("so", startOffset).field("t", topic).endObject();
            return out.toBytes();
        }

        public static Ack decode(byte[] json) {
            return JsonBodies.decode(json, "AckMsg", o -> new Ack(JsonBodies.longOr(o, "ao", 0, "AckMsg"),
                JsonBodies.longOr(o, "so", 0, "AckMsg"), string(o, "c"), string(o, "t"),
                (int) JsonBodies.longOr(o, "q", 0, "AckMsg"), JsonBodies.longOr(o, "pt", 0, "AckMsg"),
                string(o, "bn")));
        }
    }

    /** A receipt handle taken apart. */
    public record Handle(long ckStartOffset, long popTime, long invisibleTime, int reviveQid, String retryFlag,
                         String brokerName, int queueId) {
        /** Parses the fields a broker needs; IllegalArgumentException when the string is not a handle. */
        public static Handle parse(String extraInfo) {
            String[] p = extraInfo == null ? new String[0] : extraInfo.trim().split(" ");
            if (p.length < 7) {
                throw new IllegalArgumentException("extraInfo has " + p.length + " fields, 7 or more expected");
            }
            try {
                return new Handle(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]),
                    Integer.parseInt(p[3]), p[4], p[5], Integer.parseInt(p[6]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("extraInfo is not numeric where it must be: " + extraInfo, e);
            }
        }
    }

    static String matchKey(String topic, String group, int queueId, long startOffset, long popTime,
                           String brokerName) {
        return topic + '@' + group + '@' + queueId + '@' + startOffset + '@' + popTime + '@' + brokerName;
    }

    private static String string(JSONObject o, String key) {
        return JsonBodies.string(o, key);
    }
}
