package io.petrel.common.body;

import io.petrel.common.route.json.JsonWriter;

/** One client connection in a connection listing. */
public record Connection(String clientId, String clientAddr, String language, int version) {
    public void writeJson(JsonWriter out) {
        out.beginObject().field("clientAddr", clientAddr).field("clientId", clientId).field("language", language)
            .field("version", version).endObject();
    }
}
