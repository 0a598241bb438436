package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** Requests naming one queue: GET_MAX_OFFSET (30), GET_MIN_OFFSET (31), GET_EARLIEST_MSG_STORETIME (32). Keys: topic, queueId, bname? (? = optional). */
public record QueueRequestHeader(String topic, int queueId, String bname) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("topic", topic);
        out.put("queueId", Integer.toString(queueId));
        out.put("bname", bname);
    }

    public static QueueRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new QueueRequestHeader(
            f.requiredString("topic"),
            f.requiredInt("queueId"),
            f.string("bname"));
    }
}
