package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * QUERY_CONSUME_QUEUE (321) request ({@code mqadmin queryCq}). Keys: topic?, queueId?, index?, count?,
 * consumerGroup? — 4.9.7 checks none of them; a missing number reads as 0.
 */
public record QueryConsumeQueueRequestHeader(String topic, int queueId, long index, int count, String consumerGroup)
    implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("topic", topic);
        out.put("queueId", Integer.toString(queueId));
        out.put("index", Long.toString(index));
        out.put("count", Integer.toString(count));
        out.put("consumerGroup", consumerGroup);
    }

    public static QueryConsumeQueueRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new QueryConsumeQueueRequestHeader(f.string("topic"), f.intOr("queueId", 0), f.longOr("index", 0),
            f.intOr("count", 0), f.string("consumerGroup"));
    }
}
