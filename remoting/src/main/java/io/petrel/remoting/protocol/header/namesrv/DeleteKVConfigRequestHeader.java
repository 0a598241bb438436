package io.petrel.remoting.protocol.header.namesrv;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * DELETE_KV_CONFIG (102) request.
 * Required: {@code namespace}, {@code key}; a missing one is refused naming it.
 */
public record DeleteKVConfigRequestHeader(String namespace, String key) implements CommandHeader {
    @Override
    public void writeTo(HeaderWriter out) {
        out.put("namespace", namespace);
        out.put("key", key);
    }

    public static DeleteKVConfigRequestHeader decode(ExtFields fields) throws RemotingCommandException {
        return new DeleteKVConfigRequestHeader(
            fields.requiredString("namespace"),
            fields.requiredString("key"));
    }
}
