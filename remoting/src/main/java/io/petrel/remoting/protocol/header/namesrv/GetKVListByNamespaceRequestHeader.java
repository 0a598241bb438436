package io.petrel.remoting.protocol.header.namesrv;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * GET_KVLIST_BY_NAMESPACE (219) request.
 * Required: {@code namespace}; a missing one is refused naming it.
 */
public record GetKVListByNamespaceRequestHeader(String namespace) implements CommandHeader {
    @Override
    public void writeTo(HeaderWriter out) {
        out.put("namespace", namespace);
    }

    public static GetKVListByNamespaceRequestHeader decode(ExtFields fields) throws RemotingCommandException {
        return new GetKVListByNamespaceRequestHeader(
            fields.requiredString("namespace"));
    }
}
