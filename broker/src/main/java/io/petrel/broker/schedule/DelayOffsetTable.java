package io.petrel.broker.schedule;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.broker.config.JsonConfigFile;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import io.petrel.common.util.ConcurrentMaps;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery progress of delayed messages ({@code config/delayOffset.json}): for each delay level (1-based), the
 * next {@code SCHEDULE_TOPIC_XXXX} queue offset (queue = level - 1) to deliver. The JSON writes levels as bare
 * numbers: {@code {"offsetTable":{1:2,2:1}}}. Thread-safe.
 */
public final class DelayOffsetTable {
    private static final Logger LOG = LoggerFactory.getLogger(DelayOffsetTable.class);
    private static final String WHAT = "delay offsets";

    private final ConcurrentHashMap<Integer, Long> table = new ConcurrentHashMap<>(32);
    private final JsonConfigFile file;

    public DelayOffsetTable(JsonConfigFile file) {
        this.file = file;
    }

    public void load() {
        Map<Integer, Long> stored = file.load(DelayOffsetTable::decode);
        if (stored != null) {
            table.putAll(stored);
        }
        LOG.info("loaded delay offsets {} from {}", table, file.path());
    }

    /** The next queue offset to deliver for {@code level}; 0 when the level never delivered anything. */
    public long get(int level) {
        return table.getOrDefault(level, 0L);
    }

    public void set(int level, long nextOffset) {
        table.put(level, nextOffset);
    }

    /**
     * Takes over another broker's table (a slave copying its master): {@code json} is checked, then written to
     * {@code delayOffset.json} byte for byte as received, and becomes the table in memory.
     *
     * @throws IllegalArgumentException when {@code json} is not a delay offset table
     */
    public synchronized void replaceWithJson(byte[] json) {
        Map<Integer, Long> incoming;
        try {
            incoming = decode(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a delay offset table: " + e.getMessage(), e);
        }
        file.store(json);
        ConcurrentMaps.replaceContents(table, incoming);
    }

    public Map<Integer, Long> snapshot() {
        return new TreeMap<>(table);
    }

    public byte[] encode() {
        JsonWriter out = new JsonWriter(64 + table.size() * 16);
        out.beginObject().name("offsetTable").beginObject();
        for (Map.Entry<Integer, Long> e : snapshot().entrySet()) {
            out.numericName(e.getKey()).value(e.getValue());
        }
        return out.endObject().endObject().toBytes();
    }

    public static Map<Integer, Long> decode(byte[] json) {
        JSONObject root = JsonBodies.parseObject(json, WHAT);
        JSONObject offsets = JsonBodies.object(root, "offsetTable", WHAT);
        Map<Integer, Long> result = new TreeMap<>();
        if (offsets != null) {
            for (String level : offsets.keySet()) {
                result.put((int) JsonBodies.longKey(level, WHAT), JsonBodies.longOr(offsets, level, 0, WHAT));
            }
        }
        return result;
    }

    public synchronized void persist() {
        file.store(encode());
    }
}
