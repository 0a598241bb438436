package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** GET_EARLIEST_MSG_STORETIME response. Keys: timestamp (all required). */
public record EarliestMsgStoretimeResponseHeader(long timestamp) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("timestamp", Long.toString(timestamp));
    }

    public static EarliestMsgStoretimeResponseHeader decode(ExtFields f) throws RemotingCommandException {
        return new EarliestMsgStoretimeResponseHeader(f.requiredLong("timestamp"));
    }
}
