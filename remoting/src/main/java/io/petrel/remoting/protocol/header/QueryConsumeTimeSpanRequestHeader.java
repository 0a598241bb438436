package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** QUERY_CONSUME_TIME_SPAN (303) request. Keys: topic, group (both required). */
public record QueryConsumeTimeSpanRequestHeader(String topic, String group) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("topic", topic);
        out.put("group", group);
    }

    public static QueryConsumeTimeSpanRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new QueryConsumeTimeSpanRequestHeader(f.requiredString("topic"), f.requiredString("group"));
    }
}
