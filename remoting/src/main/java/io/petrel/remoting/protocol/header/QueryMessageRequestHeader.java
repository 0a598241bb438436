package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** QUERY_MESSAGE (12) request: by key (or unique key) within a store-time range. Keys: topic, key, maxNum, beginTimestamp, endTimestamp (all required). */
public record QueryMessageRequestHeader(String topic, String key, int maxNum, long beginTimestamp, long endTimestamp) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("topic", topic);
        out.put("key", key);
        out.put("maxNum", Integer.toString(maxNum));
        out.put("beginTimestamp", Long.toString(beginTimestamp));
        out.put("endTimestamp", Long.toString(endTimestamp));
    }

    public static QueryMessageRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new QueryMessageRequestHeader(
            f.requiredString("topic"),
            f.requiredString("key"),
            f.requiredInt("maxNum"),
            f.requiredLong("beginTimestamp"),
            f.requiredLong("endTimestamp"));
    }
}
