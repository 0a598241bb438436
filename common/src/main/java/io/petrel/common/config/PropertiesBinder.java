package io.petrel.common.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Maps a properties file onto settings objects whose keys follow their bean setters ({@code listenPort} →
 * {@code setListenPort(int)}), as RocketMQ's config files do. Unlike the original, a value that does not parse
 * stops start-up with a {@link ConfigException} naming the key; keys that no object knows are returned so the
 * caller can report them. Supported types: String, int, long, boolean, double and enums (by name).
 * Start-up only; not for hot paths.
 */
public final class PropertiesBinder {
    private final Map<String, String> aliases = new LinkedHashMap<>();

    /** Accepts {@code legacy} as another spelling of {@code key} (e.g. {@code mapedFileSizeCommitLog}). */
    public PropertiesBinder alias(String legacy, String key) {
        aliases.put(legacy, key);
        return this;
    }

    /**
     * Applies every property to every target that has a setter for it.
     *
     * @return the keys no target knows (sorted)
     * @throws ConfigException for a value that does not parse as the setter's type
     */
    public Set<String> bind(Properties props, Object... targets) {
        Set<String> unknown = new TreeSet<>();
        for (String raw : props.stringPropertyNames()) {
            String key = aliases.getOrDefault(raw, raw);
            String value = props.getProperty(raw).trim();
            boolean known = false;
            for (Object target : targets) {
                Method setter = setter(target.getClass(), key);
                if (setter != null) {
                    invoke(target, setter, key, convert(key, value, setter.getParameterTypes()[0]));
                    known = true;
                }
            }
            if (!known) {
                unknown.add(raw);
            }
        }
        return unknown;
    }

    /** Every readable setting of {@code target} as key → value text, sorted by key (for {@code -p}). */
    public static Map<String, String> describe(Object target) {
        Map<String, String> out = new TreeMap<>();
        for (Method m : target.getClass().getMethods()) {
            String key = propertyOfGetter(m);
            if (key != null && setter(target.getClass(), key) != null) {
                try {
                    out.put(key, String.valueOf(m.invoke(target)));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + key, e);
                }
            }
        }
        return out;
    }

    private static String propertyOfGetter(Method m) {
        if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
            return null;
        }
        String name = m.getName();
        if (name.startsWith("get") && name.length() > 3) {
            return decapitalize(name.substring(3));
        }
        if (name.startsWith("is") && name.length() > 2 && (m.getReturnType() == boolean.class)) {
            return decapitalize(name.substring(2));
        }
        return null;
    }

    private static String decapitalize(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static Method setter(Class<?> type, String key) {
        if (key.isEmpty()) {
            return null;
        }
        String name = "set" + Character.toUpperCase(key.charAt(0)) + key.substring(1);
        List<Method> candidates = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 1 && !Modifier.isStatic(m.getModifiers())) {
                candidates.add(m);
            }
        }
        return candidates.size() == 1 ? candidates.get(0) : null;
    }

    private static Object convert(String key, String value, Class<?> type) {
        try {
            if (type == String.class) {
                return value;
            }
            if (type == int.class || type == Integer.class) {
                return Integer.parseInt(value);
            }
            if (type == long.class || type == Long.class) {
                return Long.parseLong(value);
            }
            if (type == double.class || type == Double.class) {
                return Double.parseDouble(value);
            }
            if (type == boolean.class || type == Boolean.class) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new ConfigException(key, "expected true or false, got '" + value + "'");
                }
                return Boolean.parseBoolean(value);
            }
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(value)) {
                        return constant;
                    }
                }
                throw new ConfigException(key, "expected one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + ", got '" + value + "'");
            }
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "expected a " + type.getSimpleName() + ", got '" + value + "'");
        }
        throw new ConfigException(key, "unsupported setting type " + type.getName());
    }

    private static void invoke(Object target, Method setter, String key, Object value) {
        try {
            setter.invoke(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set " + key, e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConfigException ce) {
                throw ce;
            }
            throw new ConfigException(key, String.valueOf(cause == null ? e.getMessage() : cause.getMessage()));
        }
    }
}
