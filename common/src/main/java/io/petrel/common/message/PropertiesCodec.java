package io.petrel.common.message;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties string carried by stored records and SEND requests:
 * <pre>
 *   name 0x01 value 0x02 name 0x01 value ...      (UTF-8, no trailing 0x02)
 * </pre>
 * Decoding splits on 0x02 and drops pieces without a 0x01, with an empty name or an empty
 * value, as RocketMQ 4.9.7 readers do. A name appearing twice keeps its last value.
 */
public final class PropertiesCodec {
    public static final char NAME_VALUE_SEPARATOR = '\u0001';
    public static final char PROPERTY_SEPARATOR = '\u0002';

    private PropertiesCodec() {
    }

    public static String encode(Map<String, String> properties) {
        if (properties == null || properties.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(64 * properties.size());
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(PROPERTY_SEPARATOR);
            }
            sb.append(e.getKey()).append(NAME_VALUE_SEPARATOR).append(e.getValue());
        }
        return sb.toString();
    }

    public static byte[] encodeToBytes(Map<String, String> properties) {
        return encode(properties).getBytes(StandardCharsets.UTF_8);
    }

    public static Map<String, String> decode(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return map;
        }
        int start = 0;
        int length = text.length();
        while (start <= length) {
            int end = text.indexOf(PROPERTY_SEPARATOR, start);
            if (end < 0) {
                end = length;
            }
            putPair(map, text, start, end);
            start = end + 1;
        }
        return map;
    }

    public static Map<String, String> decode(byte[] utf8, int offset, int length) {
        return decode(new String(utf8, offset, length, StandardCharsets.UTF_8));
    }

    private static void putPair(Map<String, String> map, String text, int start, int end) {
        if (end - start < 3) {
            return;
        }
        int sep = text.indexOf(NAME_VALUE_SEPARATOR, start);
        if (sep < 0 || sep >= end || sep == start || sep == end - 1) {
            return;
        }
        map.put(text.substring(start, sep), text.substring(sep + 1, end));
    }

    /** Value of one property in an encoded string without building a map; null when absent. */
    public static String find(String text, String name) {
        int from = 0;
        while (from < text.length()) {
            int idx = text.indexOf(name, from);
            if (idx < 0) {
                return null;
            }
            boolean atStart = idx == 0 || text.charAt(idx - 1) == PROPERTY_SEPARATOR;
            int sep = idx + name.length();
            if (atStart && sep < text.length() && text.charAt(sep) == NAME_VALUE_SEPARATOR) {
                int end = text.indexOf(PROPERTY_SEPARATOR, sep + 1);
                String value = text.substring(sep + 1, end < 0 ? text.length() : end);
                return value.isEmpty() ? null : value;
            }
            from = idx + 1;
        }
        return null;
    }
}
