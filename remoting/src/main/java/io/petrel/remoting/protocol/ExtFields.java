package io.petrel.remoting.protocol;

import io.petrel.remoting.exception.RemotingCommandException;
import java.util.Collections;
import java.util.Map;

/** Typed, checked reads of a command's ext fields; a missing required field names itself in the error. */
public final class ExtFields {
    private final Map<String, String> fields;

    public ExtFields(Map<String, String> fields) {
        this.fields = fields == null ? Collections.emptyMap() : fields;
    }

    public String string(String key) {
        return fields.get(key);
    }

    public String requiredString(String key) throws RemotingCommandException {
        String v = fields.get(key);
        if (v == null) {
            throw missing(key);
        }
        return v;
    }

    public Integer optionalInt(String key) throws RemotingCommandException {
        String v = fields.get(key);
        return v == null ? null : parseInt(key, v);
    }

    public int requiredInt(String key) throws RemotingCommandException {
        return parseInt(key, requiredString(key));
    }

    public int intOr(String key, int fallback) throws RemotingCommandException {
        String v = fields.get(key);
        return v == null ? fallback : parseInt(key, v);
    }

    public Long optionalLong(String key) throws RemotingCommandException {
        String v = fields.get(key);
        return v == null ? null : parseLong(key, v);
    }

    public long requiredLong(String key) throws RemotingCommandException {
        return parseLong(key, requiredString(key));
    }

    public long longOr(String key, long fallback) throws RemotingCommandException {
        String v = fields.get(key);
        return v == null ? fallback : parseLong(key, v);
    }

    /** Booleans parse as RocketMQ peers do: only "true" (any case) is true. */
    public Boolean optionalBoolean(String key) {
        String v = fields.get(key);
        return v == null ? null : Boolean.parseBoolean(v);
    }

    public boolean booleanOr(String key, boolean fallback) {
        String v = fields.get(key);
        return v == null ? fallback : Boolean.parseBoolean(v);
    }

    public boolean requiredBoolean(String key) throws RemotingCommandException {
        return Boolean.parseBoolean(requiredString(key));
    }

    private static RemotingCommandException missing(String key) {
        return new RemotingCommandException("the custom field <" + key + "> is null");
    }

    private static int parseInt(String key, String v) throws RemotingCommandException {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new RemotingCommandException("the custom field <" + key + "> is not an int: " + v);
        }
    }

    private static long parseLong(String key, String v) throws RemotingCommandException {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new RemotingCommandException("the custom field <" + key + "> is not a long: " + v);
        }
    }
}
