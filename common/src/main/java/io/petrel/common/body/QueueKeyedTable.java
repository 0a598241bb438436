package io.petrel.common.body;

import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.json.JsonWriter;
import java.util.Map;

/**
 * Bodies holding a {@code Map<MessageQueue, V>}: 4.9.7 peers write each key as the queue's JSON object itself
 * ({@code {{"brokerName":"b","queueId":0,"topic":"T"}:{...}}}), which is not standard JSON but is what their
 * parsers expect. Covers ConsumeStats, TopicStatsTable and ResetOffsetBody.
 */
public final class QueueKeyedTable {
    private QueueKeyedTable() {
    }

    /** Per-queue offsets of a group, as GET_CONSUME_STATS returns them. */
    public record OffsetWrapper(long brokerOffset, long consumerOffset, long lastTimestamp) {
        String json() {
            return new JsonWriter(96).beginObject().field("brokerOffset", brokerOffset)
                .field("consumerOffset", consumerOffset).field("lastTimestamp", lastTimestamp).endObject().toString();
        }
    }

    /** Per-queue bounds of a topic, as GET_TOPIC_STATS_INFO returns them. */
    public record TopicOffset(long minOffset, long maxOffset, long lastUpdateTimestamp) {
        String json() {
            return new JsonWriter(96).beginObject().field("lastUpdateTimestamp", lastUpdateTimestamp)
                .field("maxOffset", maxOffset).field("minOffset", minOffset).endObject().toString();
        }
    }

    public static byte[] consumeStats(double consumeTps, Map<MessageQueue, OffsetWrapper> table) {
        StringBuilder sb = new StringBuilder(64 + table.size() * 160);
        sb.append("{\"consumeTps\":").append(consumeTps).append(",\"offsetTable\":");
        appendTable(sb, table, OffsetWrapper::json);
        return sb.append('}').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public static byte[] topicStats(Map<MessageQueue, TopicOffset> table) {
        StringBuilder sb = new StringBuilder(32 + table.size() * 160);
        sb.append("{\"offsetTable\":");
        appendTable(sb, table, TopicOffset::json);
        return sb.append('}').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public static byte[] resetOffsets(Map<MessageQueue, Long> table) {
        StringBuilder sb = new StringBuilder(32 + table.size() * 96);
        sb.append("{\"offsetTable\":");
        appendTable(sb, table, String::valueOf);
        return sb.append('}').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static <V> void appendTable(StringBuilder sb, Map<MessageQueue, V> table,
                                        java.util.function.Function<V, String> valueJson) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<MessageQueue, V> e : table.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(QueueJson.asKey(e.getKey())).append(':').append(valueJson.apply(e.getValue()));
        }
        sb.append('}');
    }
}
