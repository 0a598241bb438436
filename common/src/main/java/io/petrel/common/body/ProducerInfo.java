package io.petrel.common.body;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;

/**
 * One producer client in a {@link ProducerTableInfo}: client id, remote address, language (a 4.9.7
 * {@code LanguageCode} name), protocol version and last heartbeat time. JSON (nulls left out):
 * {@code {"clientId":..,"language":"JAVA","lastUpdateTimestamp":..,"remoteIP":"ip:port","version":407}}.
 */
public record ProducerInfo(String clientId, String remoteIP, String language, int version,
                           long lastUpdateTimestamp) {
    public void writeJson(JsonWriter out) {
        out.beginObject().fieldIfPresent("clientId", clientId).fieldIfPresent("language", language)
            .field("lastUpdateTimestamp", lastUpdateTimestamp).fieldIfPresent("remoteIP", remoteIP)
            .field("version", version).endObject();
    }

    public static ProducerInfo fromJson(Object value, String what) {
        JSONObject o = JsonBodies.asObject(value, what);
        if (o == null) {
            throw new IllegalArgumentException(what + ": null ProducerInfo");
        }
        return new ProducerInfo(JsonBodies.string(o, "clientId"), JsonBodies.string(o, "remoteIP"),
            JsonBodies.string(o, "language"), JsonBodies.intOr(o, "version", 0, what),
            JsonBodies.longOr(o, "lastUpdateTimestamp", 0, what));
    }
}
