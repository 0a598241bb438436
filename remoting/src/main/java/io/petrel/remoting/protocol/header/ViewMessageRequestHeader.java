package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** VIEW_MESSAGE_BY_ID (33) request: the commit-log offset decoded from an offset message id. Keys: offset (all required). */
public record ViewMessageRequestHeader(long offset) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("offset", Long.toString(offset));
    }

    public static ViewMessageRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new ViewMessageRequestHeader(f.requiredLong("offset"));
    }
}
