package io.petrel.client.impl.admin;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code key=value} lines that broker and NameServer configuration travels as (UPDATE_BROKER_CONFIG,
 * GET_BROKER_CONFIG, UPDATE_NAMESRV_CONFIG, GET_NAMESRV_CONFIG bodies): one entry per line, values written as
 * they are (no escaping), entries with a null value left out, as 4.9.7 writes them; read with
 * {@link Properties#load}.
 */
final class PropertiesText {
    private PropertiesText() {
    }

    static String format(Properties properties) {
        if (properties == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Object, Object> e : properties.entrySet()) {
            if (e.getValue() != null) {
                sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
            }
        }
        return sb.toString();
    }

    static Properties parse(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException("a string reader failed", e);
        }
        return properties;
    }
}
