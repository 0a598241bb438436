package io.petrel.namesrv.kvconfig;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NameServer's namespaced key/value store (e.g. {@code ORDER_TOPIC_CONFIG}), persisted after every change to
 * one JSON file, {@code {"configTable":{"namespace":{"key":"value"}}}}, replaced atomically. Thread-safe.
 * {@link #load()} reads the file (absent file = empty store); nothing touches the disk before that.
 */
public final class KVConfigManager {
    private static final Logger LOG = LoggerFactory.getLogger(KVConfigManager.class);
    public static final String ORDER_TOPIC_CONFIG = "ORDER_TOPIC_CONFIG";

    private final Path file;
    private final Map<String, Map<String, String>> table = new HashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile long generation;

    public KVConfigManager(Path file) {
        this.file = file;
    }

    /** Moves after every change; lets callers cache answers that include KV values. */
    public long generation() {
        return generation;
    }

    public void load() throws IOException {
        if (!Files.exists(file)) {
            LOG.info("no KV config at {}, starting empty", file);
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length == 0) {
            return;
        }
        JSONObject root = JsonBodies.parseObject(bytes, "KV config file " + file);
        JSONObject configTable = JsonBodies.object(root, "configTable", "KV config file");
        lock.writeLock().lock();
        try {
            table.clear();
            if (configTable != null) {
                for (String ns : configTable.keySet()) {
                    Map<String, String> kv = new HashMap<>();
                    configTable.getJSONObject(ns).forEach((k, v) -> kv.put(k, v == null ? null : v.toString()));
                    table.put(ns, kv);
                }
            }
            generation++;
        } finally {
            lock.writeLock().unlock();
        }
        LOG.info("loaded KV config from {}: {} namespaces", file, table.size());
    }

    public void put(String namespace, String key, String value) {
        lock.writeLock().lock();
        try {
            table.computeIfAbsent(namespace, k -> new HashMap<>()).put(key, value);
            generation++;
            persist();
        } finally {
            lock.writeLock().unlock();
        }
        LOG.info("KV config put {} {} = {}", namespace, key, value);
    }

    /** Removes a key; the namespace stays even when it becomes empty. */
    public void delete(String namespace, String key) {
        lock.writeLock().lock();
        try {
            Map<String, String> kv = table.get(namespace);
            if (kv != null && kv.containsKey(key)) {
                kv.remove(key);
                generation++;
                persist();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    public String get(String namespace, String key) {
        lock.readLock().lock();
        try {
            Map<String, String> kv = table.get(namespace);
            return kv == null ? null : kv.get(key);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** @return a copy of the namespace, or null when it does not exist */
    public Map<String, String> namespace(String namespace) {
        lock.readLock().lock();
        try {
            Map<String, String> kv = table.get(namespace);
            return kv == null ? null : new LinkedHashMap<>(kv);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Called with the write lock held. */
    private void persist() {
        JsonWriter out = new JsonWriter(256);
        out.beginObject().name("configTable").beginObject();
        for (Map.Entry<String, Map<String, String>> ns : table.entrySet()) {
            out.name(ns.getKey()).beginObject();
            ns.getValue().forEach(out::field);
            out.endObject();
        }
        out.endObject().endObject();
        try {
            writeAtomically(out.toBytes());
        } catch (IOException e) {
            LOG.error("cannot persist KV config to {}", file, e);
            throw new UncheckedIOException("cannot persist KV config to " + file, e);
        }
    }

    private void writeAtomically(byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
