package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** SEARCH_OFFSET_BY_TIMESTAMP (29) request. Keys: topic, queueId, timestamp, bname? (? = optional). */
public record SearchOffsetRequestHeader(String topic, int queueId, long timestamp, String bname) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("topic", topic);
        out.put("queueId", Integer.toString(queueId));
        out.put("timestamp", Long.toString(timestamp));
        out.put("bname", bname);
    }

    public static SearchOffsetRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new SearchOffsetRequestHeader(
            f.requiredString("topic"),
            f.requiredInt("queueId"),
            f.requiredLong("timestamp"),
            f.string("bname"));
    }
}
