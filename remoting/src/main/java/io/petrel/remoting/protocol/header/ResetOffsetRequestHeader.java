package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** INVOKE_BROKER_TO_RESET_OFFSET (222) request, also RESET_CONSUMER_CLIENT_OFFSET (220) to clients. Keys: topic, group, timestamp, isForce (all required). */
public record ResetOffsetRequestHeader(String topic, String group, long timestamp, boolean isForce) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("topic", topic);
        out.put("group", group);
        out.put("timestamp", Long.toString(timestamp));
        out.put("isForce", Boolean.toString(isForce));
    }

    public static ResetOffsetRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new ResetOffsetRequestHeader(
            f.requiredString("topic"),
            f.requiredString("group"),
            f.requiredLong("timestamp"),
            f.requiredBoolean("isForce"));
    }
}
