package io.petrel.remoting.protocol.header.namesrv;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * GET_KV_CONFIG (101) request.
 * Required: {@code namespace}, {@code key}; a missing one is refused naming it.
 */
public record GetKVConfigRequestHeader(String namespace, String key) implements CommandHeader {
    @Override
    public void writeTo(HeaderWriter out) {
        out.put("namespace", namespace);
        out.put("key", key);
    }

    public static GetKVConfigRequestHeader decode(ExtFields fields) throws RemotingCommandException {
        return new GetKVConfigRequestHeader(
            fields.requiredString("namespace"),
            fields.requiredString("key"));
    }
}
