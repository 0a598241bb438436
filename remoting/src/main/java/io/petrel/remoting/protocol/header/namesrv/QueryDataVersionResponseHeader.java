package io.petrel.remoting.protocol.header.namesrv;

import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * QUERY_DATA_VERSION response: whether the NameServer's copy differs from the broker's.
 * Every field is optional.
 */
public record QueryDataVersionResponseHeader(Boolean changed) implements CommandHeader {
    @Override
    public void writeTo(HeaderWriter out) {
        out.put("changed", changed);
    }

    public static QueryDataVersionResponseHeader decode(ExtFields fields) {
        return new QueryDataVersionResponseHeader(
            fields.optionalBoolean("changed"));
    }
}
