package io.petrel.broker.config;

import io.petrel.common.config.ConfigException;
import io.petrel.common.route.DataVersion;
import io.petrel.store.MessageStoreConfigMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker settings in force. An update (UPDATE_BROKER_CONFIG) is checked as at start-up against the whole
 * model, written to the file the settings came from, and only then swapped in, all or nothing; listeners then see
 * the change. Parts that read their settings per request (through {@link #get()}) follow at once; what is read
 * only while the broker is built (ports, paths, thread counts, the store's settings) takes effect at the next
 * start, from the file. Thread-safe.
 */
public final class BrokerConfigStore implements Supplier<BrokerConfig> {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerConfigStore.class);

    /** Told of every applied update: the keys changed, with their new values. */
    @FunctionalInterface
    public interface Listener {
        void changed(Map<String, String> changedKeys, BrokerSettings now);
    }

    /** What an update did: the keys changed, and those among them read only at start-up. */
    public record Update(Map<String, String> changed, Set<String> atNextStart) {
    }

    /** Keys read for each request or each period, which an update changes at once. */
    private static final Set<String> LIVE_KEYS = Set.of("brokerPermission", "autoCreateTopicEnable",
        "autoCreateSubscriptionGroup", "rejectTransactionMessage", "longPollingEnable", "shortPollingTimeMills",
        "notifyConsumerIdsChangedEnable", "slaveReadEnable", "offsetCheckInSlave", "storeReplyMessageEnable",
        "enablePropertyFilter", "registerBrokerTimeoutMills", "compressedRegister", "namesrvAddr",
        "startAcceptSendRequestTimeStamp");

    private final AtomicReference<BrokerSettings> current;
    private final AtomicReference<DataVersion> version;
    private final Path file;
    private final Clock clock;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param file where updates are written: the {@code -c} file the settings came from, or a file of the broker's
     *             own under the store root when there was none
     */
    public BrokerConfigStore(BrokerSettings initial, Path file, Clock clock) {
        this.current = new AtomicReference<>(initial);
        this.version = new AtomicReference<>(new DataVersion(clock.millis(), 0));
        this.file = file;
        this.clock = clock;
    }

    /** The file an update is written to when the settings came from no file. */
    public static Path defaultFile(BrokerSettings settings) {
        return settings.store().storePathRootDir().resolve("config").resolve("broker.properties");
    }

    @Override
    public BrokerConfig get() {
        return current.get().broker();
    }

    public BrokerSettings settings() {
        return current.get();
    }

    /** Bumped by every applied update (GET_BROKER_CONFIG answers it). */
    public DataVersion dataVersion() {
        return version.get();
    }

    public Path file() {
        return file;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    /**
     * Checks {@code updates} against the whole model, persists and applies them.
     *
     * @throws ConfigException naming the first bad key (nothing changed)
     * @throws UncheckedIOException when the file cannot be written (nothing changed)
     */
    public synchronized Update update(Properties updates) {
        BrokerSettings before = current.get();
        Set<String> unknown = new java.util.TreeSet<>(BrokerSettings.canonical(updates).stringPropertyNames());
        unknown.removeAll(before.effective().keySet());
        BrokerSettings next = before.with(updates);
        unknown.removeAll(next.effective().keySet());
        if (!unknown.isEmpty()) {
            throw new ConfigException(unknown.iterator().next(), "not a broker setting");
        }
        Map<String, String> changed = before.changesTo(next);
        if (changed.isEmpty()) {
            return new Update(changed, Set.of());
        }
        persist(changed);
        current.set(next);
        version.updateAndGet(v -> v.next(clock.millis()));
        Set<String> atNextStart = new java.util.TreeSet<>(changed.keySet());
        atNextStart.removeAll(LIVE_KEYS);
        LOG.info("broker config updated: {}{}", changed, atNextStart.isEmpty() ? ""
            : " (" + atNextStart + " take effect at the next start)");
        for (Listener l : listeners) {
            try {
                l.changed(changed, next);
            } catch (RuntimeException e) {
                LOG.warn("config change listener failed", e);
            }
        }
        return new Update(changed, atNextStart);
    }

    /**
     * Rewrites the file: a line setting a changed key (under any spelling) gets the new value in place, comments
     * and other lines stay; keys not in the file are appended. Written to a temporary file, then moved over.
     */
    private void persist(Map<String, String> changed) {
        try {
            List<String> lines = Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8)
                : new ArrayList<>();
            Map<String, String> pending = new LinkedHashMap<>(changed);
            List<String> out = new ArrayList<>(lines.size() + pending.size());
            for (String line : lines) {
                String key = keyOf(line);
                String canonical = key == null ? null : canonical(key);
                if (canonical != null && pending.containsKey(canonical)) {
                    out.add(key + "=" + escape(pending.remove(canonical)));
                } else if (canonical != null && changed.containsKey(canonical)) {
                    continue; // a second line for a key already rewritten above
                } else {
                    out.add(line);
                }
            }
            pending.forEach((k, v) -> out.add(k + "=" + escape(v)));
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.write(tmp, out, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String keyOf(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
            return null;
        }
        int end = 0;
        while (end < t.length() && t.charAt(end) != '=' && t.charAt(end) != ':' && !Character.isWhitespace(t.charAt(end))) {
            end++;
        }
        return end == 0 ? null : t.substring(0, end);
    }

    private static String canonical(String key) {
        return MessageStoreConfigMapper.ALIASES.getOrDefault(key, key);
    }

    private static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                sb.append("\\\\");
            } else if (c == '\n') {
                sb.append("\\n");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
