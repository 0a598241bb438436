package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** QUERY_CONSUMER_OFFSET (14) request. Keys: consumerGroup, topic, queueId, bname? (? = optional). */
public record QueryConsumerOffsetRequestHeader(String consumerGroup, String topic, int queueId, String bname) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("consumerGroup", consumerGroup);
        out.put("topic", topic);
        out.put("queueId", Integer.toString(queueId));
        out.put("bname", bname);
    }

    public static QueryConsumerOffsetRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new QueryConsumerOffsetRequestHeader(
            f.requiredString("consumerGroup"),
            f.requiredString("topic"),
            f.requiredInt("queueId"),
            f.string("bname"));
    }
}
