package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** QUERY_MESSAGE response. Keys: indexLastUpdateTimestamp, indexLastUpdatePhyoffset (all required). */
public record QueryMessageResponseHeader(long indexLastUpdateTimestamp, long indexLastUpdatePhyoffset) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("indexLastUpdateTimestamp", Long.toString(indexLastUpdateTimestamp));
        out.put("indexLastUpdatePhyoffset", Long.toString(indexLastUpdatePhyoffset));
    }

    public static QueryMessageResponseHeader decode(ExtFields f) throws RemotingCommandException {
        return new QueryMessageResponseHeader(
            f.requiredLong("indexLastUpdateTimestamp"),
            f.requiredLong("indexLastUpdatePhyoffset"));
    }
}
