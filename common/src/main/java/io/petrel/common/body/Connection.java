package io.petrel.common.body;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One client connection in a connection listing: client id, remote address, language (a 4.9.7 {@code LanguageCode}
 * name such as {@code JAVA}) and protocol version.
 * JSON: {@code {"clientAddr":"10.0.0.9:50000","clientId":"10.0.0.9@1","language":"JAVA","version":407}}.
 */
public record Connection(String clientId, String clientAddr, String language, int version) {
    public void writeJson(JsonWriter out) {
        out.beginObject().fieldIfPresent("clientAddr", clientAddr).fieldIfPresent("clientId", clientId)
            .fieldIfPresent("language", language).field("version", version).endObject();
    }

    /** Missing members read as null / 0. */
    public static Connection fromJson(Object value, String what) {
        JSONObject o = JsonBodies.asObject(value, what);
        if (o == null) {
            throw new IllegalArgumentException(what + ": null connection");
        }
        return new Connection(JsonBodies.string(o, "clientId"), JsonBodies.string(o, "clientAddr"),
            JsonBodies.string(o, "language"), JsonBodies.intOr(o, "version", 0, what));
    }

    static void writeSet(Collection<Connection> connections, JsonWriter out) {
        out.name("connectionSet").beginArray();
        for (Connection c : connections) {
            c.writeJson(out);
        }
        out.endArray();
    }

    static Set<Connection> readSet(JSONObject root, String what) {
        Set<Connection> out = new LinkedHashSet<>();
        JSONArray array = JsonBodies.array(root, "connectionSet", what);
        if (array != null) {
            for (Object element : array) {
                out.add(fromJson(element, what));
            }
        }
        return out;
    }
}
