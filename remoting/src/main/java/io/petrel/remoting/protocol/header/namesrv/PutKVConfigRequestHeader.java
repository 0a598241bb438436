package io.petrel.remoting.protocol.header.namesrv;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * PUT_KV_CONFIG (100) request.
 * Required: {@code namespace}, {@code key}, {@code value}; a missing one is refused naming it.
 */
public record PutKVConfigRequestHeader(String namespace, String key, String value) implements CommandHeader {
    @Override
    public void writeTo(HeaderWriter out) {
        out.put("namespace", namespace);
        out.put("key", key);
        out.put("value", value);
    }

    public static PutKVConfigRequestHeader decode(ExtFields fields) throws RemotingCommandException {
        return new PutKVConfigRequestHeader(
            fields.requiredString("namespace"),
            fields.requiredString("key"),
            fields.requiredString("value"));
    }
}
