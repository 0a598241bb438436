package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** Requests naming one consumer group: GET_CONSUMER_LIST_BY_GROUP (38), NOTIFY_CONSUMER_IDS_CHANGED (40), GET_CONSUMER_CONNECTION_LIST (203). Keys: consumerGroup (all required). */
public record ConsumerGroupRequestHeader(String consumerGroup) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("consumerGroup", consumerGroup);
    }

    public static ConsumerGroupRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new ConsumerGroupRequestHeader(f.requiredString("consumerGroup"));
    }
}
