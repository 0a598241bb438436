package io.petrel.common.body;

import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;

/**
 * One broker statistic over the last minute, hour and day, the VIEW_BROKER_STATS_DATA (315) body:
 * {@code {"statsDay":{BrokerStatsItem},"statsHour":{..},"statsMinute":{..}}}; a null window is left out and a
 * missing one reads as null. Immutable.
 */
public record BrokerStatsData(BrokerStatsItem statsMinute, BrokerStatsItem statsHour, BrokerStatsItem statsDay) {
    private static final String WHAT = "BrokerStatsData";

    public byte[] encode() {
        JsonWriter out = new JsonWriter(192);
        out.beginObject();
        write("statsDay", statsDay, out);
        write("statsHour", statsHour, out);
        write("statsMinute", statsMinute, out);
        return out.endObject().toBytes();
    }

    private static void write(String name, BrokerStatsItem item, JsonWriter out) {
        if (item != null) {
            out.name(name);
            item.writeJson(out);
        }
    }

    public static BrokerStatsData decode(byte[] body) {
        return JsonBodies.decode(body, WHAT, o -> new BrokerStatsData(
            BrokerStatsItem.fromJson(JsonBodies.object(o, "statsMinute", WHAT), WHAT),
            BrokerStatsItem.fromJson(JsonBodies.object(o, "statsHour", WHAT), WHAT),
            BrokerStatsItem.fromJson(JsonBodies.object(o, "statsDay", WHAT), WHAT)));
    }
}
