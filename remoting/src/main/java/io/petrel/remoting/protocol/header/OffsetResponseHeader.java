package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** Responses that carry one offset: QUERY_CONSUMER_OFFSET, GET_MAX_OFFSET, GET_MIN_OFFSET, SEARCH_OFFSET_BY_TIMESTAMP. Keys: offset (all required). */
public record OffsetResponseHeader(long offset) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("offset", Long.toString(offset));
    }

    public static OffsetResponseHeader decode(ExtFields f) throws RemotingCommandException {
        return new OffsetResponseHeader(f.requiredLong("offset"));
    }
}
