package io.petrel.common.message;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message as a producer builds it: topic, application flag, user and system properties, body.
 * Property iteration order is insertion order; it carries no meaning for the broker.
 * Not thread-safe.
 */
public class Message {
    private String topic;
    private int flag;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private byte[] body = new byte[0];

    public Message() {
    }

    public Message(String topic, byte[] body) {
        this.topic = topic;
        this.body = body;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public int getFlag() {
        return flag;
    }

    public void setFlag(int flag) {
        this.flag = flag;
    }

    public byte[] getBody() {
        return body;
    }

    public void setBody(byte[] body) {
        this.body = body;
    }

    /** The live property map (insertion ordered). */
    public Map<String, String> getProperties() {
        return properties;
    }

    public void setProperties(Map<String, String> values) {
        properties.clear();
        properties.putAll(values);
    }

    public String getProperty(String name) {
        return properties.get(name);
    }

    public void putProperty(String name, String value) {
        properties.put(name, value);
    }

    public void removeProperty(String name) {
        properties.remove(name);
    }

    public String getTags() {
        return properties.get(MessageProperties.TAGS);
    }

    public void setTags(String tags) {
        properties.put(MessageProperties.TAGS, tags);
    }

    public String getKeys() {
        return properties.get(MessageProperties.KEYS);
    }

    public void setKeys(String keys) {
        properties.put(MessageProperties.KEYS, keys);
    }

    public int getDelayTimeLevel() {
        String level = properties.get(MessageProperties.DELAY);
        return level == null ? 0 : Integer.parseInt(level);
    }

    public void setDelayTimeLevel(int level) {
        properties.put(MessageProperties.DELAY, String.valueOf(level));
    }

    /** {@code WAIT} defaults to true when absent. */
    public boolean isWaitStoreMsgOK() {
        String wait = properties.get(MessageProperties.WAIT);
        return wait == null || Boolean.parseBoolean(wait);
    }

    @Override
    public String toString() {
        return "Message{topic=" + topic + ", flag=" + flag + ", properties=" + properties
            + ", bodyLength=" + (body == null ? 0 : body.length) + "}";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Message other) || o.getClass() != getClass()) {
            return false;
        }
        return flag == other.flag && java.util.Objects.equals(topic, other.topic)
            && properties.equals(other.properties) && Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(topic, flag, properties) * 31 + Arrays.hashCode(body);
    }
}
