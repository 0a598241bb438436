package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** UPDATE_CONSUMER_OFFSET (15) request. Keys: consumerGroup, topic, queueId, commitOffset, bname? (? = optional). */
public record UpdateConsumerOffsetRequestHeader(String consumerGroup, String topic, int queueId, long commitOffset, String bname) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("consumerGroup", consumerGroup);
        out.put("topic", topic);
        out.put("queueId", Integer.toString(queueId));
        out.put("commitOffset", Long.toString(commitOffset));
        out.put("bname", bname);
    }

    public static UpdateConsumerOffsetRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new UpdateConsumerOffsetRequestHeader(
            f.requiredString("consumerGroup"),
            f.requiredString("topic"),
            f.requiredInt("queueId"),
            f.requiredLong("commitOffset"),
            f.string("bname"));
    }
}
