package io.petrel.common.message;

import java.util.Arrays;
import java.util.Collection;
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
    private String transactionId;

    public Message() {
    }

    /** Unlike RocketMQ's, this constructor leaves {@code WAIT} unset; absent means true. */
    public Message(String topic, byte[] body) {
        this.topic = topic;
        this.body = body;
    }

    /** Sets {@code TAGS} and {@code KEYS} only when non-empty, then {@code WAIT}, in that order. */
    public Message(String topic, String tags, String keys, int flag, byte[] body, boolean waitStoreMsgOK) {
        this.topic = topic;
        this.flag = flag;
        this.body = body;
        if (tags != null && !tags.isEmpty()) {
            setTags(tags);
        }
        if (keys != null && !keys.isEmpty()) {
            setKeys(keys);
        }
        setWaitStoreMsgOK(waitStoreMsgOK);
    }

    public Message(String topic, String tags, byte[] body) {
        this(topic, tags, "", 0, body, true);
    }

    public Message(String topic, String tags, String keys, byte[] body) {
        this(topic, tags, keys, 0, body, true);
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

    /** Same as {@link #removeProperty(String)}, under RocketMQ's name. */
    public void clearProperty(String name) {
        properties.remove(name);
    }

    /**
     * Sets an application property.
     *
     * @throws IllegalArgumentException when the name is one of {@link MessageProperties#RESERVED_NAMES}, or the name
     *     or value is null or blank
     */
    public void putUserProperty(String name, String value) {
        if (name != null && MessageProperties.RESERVED_NAMES.contains(name)) {
            throw new IllegalArgumentException(
                String.format("The Property<%s> is used by system, input another please", name));
        }
        if (name == null || name.trim().isEmpty() || value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException("The name or value of property can not be null or blank string!");
        }
        properties.put(name, value);
    }

    public String getUserProperty(String name) {
        return properties.get(name);
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

    /** Joins the keys with {@link MessageProperties#KEY_SEPARATOR}. */
    public void setKeys(Collection<String> keys) {
        setKeys(String.join(MessageProperties.KEY_SEPARATOR, keys));
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

    public void setWaitStoreMsgOK(boolean waitStoreMsgOK) {
        properties.put(MessageProperties.WAIT, Boolean.toString(waitStoreMsgOK));
    }

    public String getBuyerId() {
        return properties.get(MessageProperties.BUYER_ID);
    }

    public void setBuyerId(String buyerId) {
        properties.put(MessageProperties.BUYER_ID, buyerId);
    }

    public void setInstanceId(String instanceId) {
        properties.put(MessageProperties.INSTANCE_ID, instanceId);
    }

    /** A client-side field, never encoded; a transactional producer sets it on the message it sent. */
    public String getTransactionId() {
        return transactionId;
    }

    public void setTransactionId(String transactionId) {
        this.transactionId = transactionId;
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
