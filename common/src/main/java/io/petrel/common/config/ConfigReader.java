package io.petrel.common.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads settings from properties one key at a time, typed and bounded: each read names its key, its default and
 * its range, and a value that does not parse or is out of range raises a {@link ConfigException} naming the key.
 * The reader remembers every key read and the value in force (what {@code -p} prints and GET_*_CONFIG answers), so
 * that after all mappers have read, {@link #unknown()} is exactly the keys nobody read. Old spellings are accepted
 * through {@link #alias}. Not thread-safe; one reader per mapping.
 */
public final class ConfigReader {
    private final Properties props;
    private final Map<String, String> aliases = new HashMap<>();
    private final Map<String, String> effective = new LinkedHashMap<>();

    public ConfigReader(Properties props) {
        this.props = props;
    }

    /** Accepts {@code legacy} as another spelling of {@code key} ({@code mapedFileSizeCommitLog}). */
    public ConfigReader alias(String legacy, String key) {
        aliases.put(legacy, key);
        return this;
    }

    private String raw(String key) {
        String v = props.getProperty(key);
        if (v == null) {
            for (Map.Entry<String, String> a : aliases.entrySet()) {
                if (a.getValue().equals(key) && props.getProperty(a.getKey()) != null) {
                    v = props.getProperty(a.getKey());
                    break;
                }
            }
        }
        return v == null ? null : v.trim();
    }

    private <T> T record(String key, T value) {
        effective.put(key, value == null ? "" : String.valueOf(value));
        return value;
    }

    /** A string; an empty value counts as unset and gives {@code fallback}. */
    public String string(String key, String fallback) {
        String v = raw(key);
        return record(key, v == null || v.isEmpty() ? fallback : v);
    }

    /** A string that must not be empty. */
    public String nonBlank(String key, String fallback) {
        String given = raw(key);
        if (given != null && given.isEmpty()) {
            throw new ConfigException(key, "must not be empty");
        }
        String v = string(key, fallback);
        if (v == null || v.isBlank()) {
            throw new ConfigException(key, "must not be empty");
        }
        return v;
    }

    public Path path(String key, Path fallback) {
        String v = raw(key);
        if (v != null && v.isEmpty()) {
            throw new ConfigException(key, "must not be empty");
        }
        return record(key, v == null ? fallback : Path.of(v));
    }

    public boolean bool(String key, boolean fallback) {
        String v = raw(key);
        boolean value = fallback;
        if (v != null) {
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw new ConfigException(key, "expected true or false, got '" + v + "'");
            }
            value = Boolean.parseBoolean(v);
        }
        return record(key, value);
    }

    public long longKey(String key, long fallback, long min, long max) {
        String v = raw(key);
        long value = fallback;
        if (v != null) {
            try {
                value = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new ConfigException(key, "expected a whole number, got '" + v + "'");
            }
        }
        if (value < min || value > max) {
            throw new ConfigException(key, value + " is outside " + min + ".." + max);
        }
        return record(key, value);
    }

    public int intKey(String key, int fallback, int min, int max) {
        return (int) longKey(key, fallback, min, max);
    }

    public double doubleKey(String key, double fallback, double min, double max) {
        String v = raw(key);
        double value = fallback;
        if (v != null) {
            try {
                value = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new ConfigException(key, "expected a number, got '" + v + "'");
            }
        }
        if (!(value >= min && value <= max)) {
            throw new ConfigException(key, value + " is outside " + min + ".." + max);
        }
        return record(key, value);
    }

    public <E extends Enum<E>> E enumKey(String key, Class<E> type, E fallback) {
        String v = raw(key);
        if (v == null) {
            return record(key, fallback);
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) {
                return record(key, e);
            }
        }
        throw new ConfigException(key, "expected one of " + Arrays.toString(type.getEnumConstants()) + ", got '"
            + v + "'");
    }

    /**
     * A key for a capability this build does not have: its default is accepted, anything else stops with
     * {@code why}, so a setting is never silently ignored.
     */
    public boolean unsupportedBool(String key, boolean fallback, String why) {
        boolean value = bool(key, fallback);
        if (value != fallback) {
            throw new ConfigException(key, "'" + value + "' is not available: " + why);
        }
        return value;
    }

    /** As {@link #unsupportedBool} for a whole-number key. */
    public long unsupportedLong(String key, long fallback, String why) {
        long value = longKey(key, fallback, Long.MIN_VALUE, Long.MAX_VALUE);
        if (value != fallback) {
            throw new ConfigException(key, "'" + value + "' is not available: " + why);
        }
        return value;
    }

    /** A cross-field rule: {@code ok} or a {@link ConfigException} on {@code key}. */
    public void require(boolean ok, String key, String message) {
        if (!ok) {
            throw new ConfigException(key, message);
        }
    }

    /** Every key read, with the value in force, in reading order. */
    public Map<String, String> effective() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(effective));
    }

    /** Keys given that no read asked for (an alias counts as read when its key was). */
    public Set<String> unknown() {
        Set<String> unknown = new TreeSet<>(props.stringPropertyNames());
        unknown.removeAll(effective.keySet());
        aliases.forEach((legacy, key) -> {
            if (effective.containsKey(key)) {
                unknown.remove(legacy);
            }
        });
        return unknown;
    }
}
