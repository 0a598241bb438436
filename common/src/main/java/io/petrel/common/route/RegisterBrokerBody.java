package io.petrel.common.route;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.topic.TopicFilterType;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The REGISTER_BROKER body in its two forms. Plain ({@code compressed=false}):
 * <pre>{"filterServerList":[..],"topicConfigSerializeWrapper":{TopicConfigSerializeWrapper}}</pre>
 * Compressed ({@code compressed=true}): a zlib stream (best compression) whose inflated bytes are, big-endian:
 * <pre>
 * int32 n, n bytes   DataVersion JSON
 * int32 count        number of topics
 * count x (int32 n, n bytes "name readQueueNums writeQueueNums perm filterType")
 * int32 n, n bytes   filter-server list JSON array
 * </pre>
 * The compressed form does not carry {@code topicSysFlag} or {@code order}. Immutable.
 */
public record RegisterBrokerBody(TopicConfigSerializeWrapper topicConfigSerializeWrapper,
                                 List<String> filterServerList) {
    private static final String WHAT = "RegisterBrokerBody";
    /** A defensive cap on lengths read from a compressed body (a real table is far smaller). */
    private static final int MAX_CHUNK = 64 * 1024 * 1024;

    public RegisterBrokerBody {
        filterServerList = filterServerList == null ? List.of() : List.copyOf(filterServerList);
    }

    public byte[] encode(boolean compressed) {
        return compressed ? encodeCompressed() : encodeJson();
    }

    private byte[] encodeJson() {
        JsonWriter out = new JsonWriter(96 + 160 * topicConfigSerializeWrapper.topicConfigTable().size());
        out.beginObject().name("filterServerList");
        writeFilterServers(out);
        out.name("topicConfigSerializeWrapper");
        topicConfigSerializeWrapper.writeJson(out);
        return out.endObject().toBytes();
    }

    private void writeFilterServers(JsonWriter out) {
        out.beginArray();
        for (String fs : filterServerList) {
            out.value(fs);
        }
        out.endArray();
    }

    private byte[] encodeCompressed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater))) {
            writeChunk(out, topicConfigSerializeWrapper.dataVersion().encode());
            Map<String, TopicConfig> table = topicConfigSerializeWrapper.topicConfigTable();
            out.writeInt(table.size());
            for (TopicConfig c : table.values()) {
                writeChunk(out, compactText(c).getBytes(StandardCharsets.UTF_8));
            }
            JsonWriter fs = new JsonWriter(32);
            writeFilterServers(fs);
            writeChunk(out, fs.toBytes());
        } catch (IOException e) {
            throw new IllegalStateException("in-memory deflate failed", e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    private static void writeChunk(DataOutputStream out, byte[] chunk) throws IOException {
        out.writeInt(chunk.length);
        out.write(chunk);
    }

    /** The one-line form of a topic in a compressed body. */
    public static String compactText(TopicConfig c) {
        return c.topicName() + ' ' + c.readQueueNums() + ' ' + c.writeQueueNums() + ' ' + c.perm() + ' '
            + c.filterType().name();
    }

    /**
     * Reads either form. A plain body that is a bare {@link TopicConfigSerializeWrapper} (what brokers older than
     * 3.0.11 send) is accepted too.
     *
     * @throws IllegalArgumentException when the bytes are not a body of that form
     */
    public static RegisterBrokerBody decode(byte[] body, boolean compressed) {
        return compressed ? decodeCompressed(body) : decodeJson(body);
    }

    private static RegisterBrokerBody decodeJson(byte[] body) {
        JSONObject o = JsonBodies.parseObject(body, WHAT);
        if (!o.containsKey("topicConfigSerializeWrapper") && o.containsKey("topicConfigTable")) {
            // Brokers older than 3.0.11 send the bare topic table; tell the forms apart by content, not version.
            return new RegisterBrokerBody(TopicConfigSerializeWrapper.fromJson(o), List.of());
        }
        TopicConfigSerializeWrapper wrapper = TopicConfigSerializeWrapper.fromJson(
            JsonBodies.object(o, "topicConfigSerializeWrapper", WHAT));
        JSONArray fs = JsonBodies.array(o, "filterServerList", WHAT);
        return new RegisterBrokerBody(wrapper, fs == null ? List.of() : fs.toList(String.class));
    }

    private static RegisterBrokerBody decodeCompressed(byte[] body) {
        if (body == null || body.length == 0) {
            throw new IllegalArgumentException(WHAT + ": empty compressed body");
        }
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new java.io.ByteArrayInputStream(body)))) {
            DataVersion version = DataVersion.decode(readChunk(in));
            int count = in.readInt();
            if (count < 0) {
                throw new IllegalArgumentException(WHAT + ": negative topic count " + count);
            }
            Map<String, TopicConfig> table = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                TopicConfig c = parseCompactText(new String(readChunk(in), StandardCharsets.UTF_8));
                table.put(c.topicName(), c);
            }
            JSONArray fs = com.alibaba.fastjson2.JSON.parseArray(new String(readChunk(in), StandardCharsets.UTF_8));
            return new RegisterBrokerBody(new TopicConfigSerializeWrapper(table, version),
                fs == null ? List.of() : new ArrayList<>(fs.toList(String.class)));
        } catch (EOFException e) {
            throw new IllegalArgumentException(WHAT + ": compressed body ends early", e);
        } catch (IOException | com.alibaba.fastjson2.JSONException e) {
            throw new IllegalArgumentException(WHAT + ": bad compressed body: " + e.getMessage(), e);
        }
    }

    private static byte[] readChunk(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_CHUNK) {
            throw new IllegalArgumentException(WHAT + ": bad chunk length " + n);
        }
        byte[] chunk = new byte[n];
        in.readFully(chunk);
        return chunk;
    }

    /** Parses {@code "name readQueueNums writeQueueNums perm filterType"}. */
    public static TopicConfig parseCompactText(String text) {
        String[] parts = text.split(" ");
        if (parts.length != 5) {
            throw new IllegalArgumentException(WHAT + ": bad topic line '" + text + "'");
        }
        try {
            return new TopicConfig(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                Integer.parseInt(parts[3]), TopicFilterType.valueOf(parts[4]), 0, false);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(WHAT + ": bad topic line '" + text + "'", e);
        }
    }
}
